import type { Source } from '../sources/source'

/**
 * Which number of a photo receipt goes where, as the sources say it. A receipt carries a 回执号 and, from some
 * centers and providers, an 图像号 (the photo's number in the center's database). Both are shown whole, grouped and
 * copyable; these lines say where each is asked for.
 */
export interface NumberUse {
  where: 'online' | 'counter'
  /** What the user does, in one sentence. */
  text: string
  evidence: Source
}

export const RECEIPT_NUMBER_USES: readonly NumberUse[] = [
  {
    where: 'online',
    text: '网上申请（如“东莞人社”小程序办理社保卡）：在“照片回执号”一栏粘贴回执号',
    evidence: {
      url: 'https://m.jiusongjiankang.com/health/news/5863112.html',
      title: '东莞市社保卡办理流程',
      quote: '下载“东莞通”APP或登录“东莞人社”微信小程序,进入“社会保障”-“社会保障卡”功能栏。……完成实名认证后,确认人员基本信息并上传照片回执号。',
      publishedOrChecked: '2026-12-02',
    },
  },
  {
    where: 'counter',
    text: '到窗口办理：出示回执图片或报回执号，工作人员按回执上的图像号（照片编号）调取照片',
    evidence: {
      url: 'https://zhaopianhuizhi.com/hz/2837/.html',
      title: '港澳台回执',
      quote: '办证人员会根据申请人回执上的照片编号从系统中调取出申请人的照片来办理证件,这个照片编号也叫“图像号”,一般由数字和字母组成,十分重要。',
      publishedOrChecked: '2026-12-02',
    },
  },
]

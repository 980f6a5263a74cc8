import type { Evidence, Source } from '../sources/source'
import { unverifiedBecause } from '../sources/source'

/**
 * Who is in front of the camera. A baby who cannot sit yet is photographed lying down; a small child gets the
 * child's guide. The spec (size, head position, background) is the same for everyone: what changes is how to shoot.
 */
export type PhotoSubject = 'adult' | 'child' | 'infant'

export const PHOTO_SUBJECTS: readonly PhotoSubject[] = ['adult', 'child', 'infant']
export const PHOTO_SUBJECT_LABELS: Record<PhotoSubject, string> = { adult: '大人', child: '儿童', infant: '婴儿' }

export const isPhotoSubject = (value: unknown): value is PhotoSubject => PHOTO_SUBJECTS.includes(value as PhotoSubject)

export interface GuidanceLine {
  text: string
  evidence: Evidence
}

/** 新生儿医保照片 (生宝宝网 问答): lying on a sheet the colour of the background, ears and shoulders showing. */
const NEWBORN_LYING: Source = {
  url: 'https://m.shengbb.net/wenda/d5b78c02d554051a10f7.html',
  title: '新生儿医保照片要求（生宝宝网）',
  quote: '让孩子平躺在与背景颜色相同的床单上,中近景保证漏出孩子肩膀耳朵就可以了',
  publishedOrChecked: '2023-12-01',
}

/** The same page: a newborn's photo follows the 居民身份证 digital-photo requirements (so the checks do not change). */
const NEWBORN_SAME_SPEC: Source = {
  url: 'https://m.shengbb.net/wenda/d5b78c02d554051a10f7.html',
  title: '新生儿医保照片要求（生宝宝网）',
  quote: '新生儿照片标准需要符合《居民身份证用数字相片技术要求》',
  publishedOrChecked: '2023-12-01',
}

const OUR_RULE = (why: string) => unverifiedBecause(`本项目的拍摄建议，不是官方要求：${why}`)

/** Guidance for a baby who cannot sit yet. */
export const INFANT_GUIDANCE: readonly GuidanceLine[] = [
  { text: '让宝宝平躺在纯白色的床单上，露出双耳和双肩', evidence: NEWBORN_LYING },
  { text: '手机放在宝宝正上方，镜头朝下、与床面平行，不要斜着拍', evidence: OUR_RULE('斜拍会让脸变形，头像比例检测不过') },
  { text: '画面里不要有大人的手、玩具或安抚奶嘴', evidence: OUR_RULE('照片须是本人单人正面免冠头像，五官不被遮挡') },
  {
    text: '尽量在宝宝醒着、睁眼时拍',
    evidence: unverifiedBecause('未找到官方要求：有的文章写新生儿“眼睛要睁开”，有的写“闭眼状态只要面部清晰一般也可以接受”，请以当地社保部门为准'),
  },
  { text: '关掉闪光灯，在白天靠窗的自然光下拍', evidence: OUR_RULE('闪光灯会惊吓宝宝并在脸上留下反光') },
]

/** Guidance for a small child who can sit or stand. */
export const CHILD_GUIDANCE: readonly GuidanceLine[] = [
  { text: '让孩子坐直、正对手机，头放进椭圆框里', evidence: OUR_RULE('与大人相同的取景') },
  { text: '大人站在镜头外逗引孩子看镜头，画面里不要有大人的手或玩具', evidence: OUR_RULE('照片须是本人单人正面头像') },
  { text: '露出双耳和眉毛，刘海不要遮住眼睛', evidence: OUR_RULE('与大人相同的要求') },
]

/**
 * The pre-checks for children and infants are the spec's own, unchanged: no source found sets other limits for
 * them, and the one page that speaks of it says a newborn's photo follows the 居民身份证 requirements.
 */
export const CHILD_CHECKS_EVIDENCE: Evidence = NEWBORN_SAME_SPEC

/** The guidance for a subject (none for adults: they get the usual rules). */
export function guidanceFor(subject: PhotoSubject): readonly GuidanceLine[] {
  if (subject === 'infant') return INFANT_GUIDANCE
  if (subject === 'child') return CHILD_GUIDANCE
  return []
}

import { FAMILY_CONSENT_VERSION, MAX_PROFILES } from '@/domain/family/family.schema'

/** Every sentence the 常用办理人 pages show, in one place for review. */
export const COPY = {
  common: {
    serviceMissing: '常用办理人服务暂未开通，请稍后再试',
  },
  list: {
    title: '常用办理人',
    intro: `为家人办理时不用每次重新填写：最多保存 ${MAX_PROFILES} 位。身份证号和手机号加密保存，页面上只显示打码后的号码。`,
    empty: '还没有常用办理人',
    emptyHint: '为孩子办第一张社保卡、为父母挂失社保卡时，先把TA添加进来',
    add: '添加常用办理人',
    full: `已保存 ${MAX_PROFILES} 位，删除不再需要的才能再添加`,
    idNumber: '身份证号',
    phone: '联系电话',
    consent: (by: string, version: string, at: string) => `${by} · 授权说明 ${version} 版 · ${at}`,
    cases: '为TA办理的业务',
    noCases: '还没有为TA办理过业务',
    orderPhoto: '为TA拍照办理社保卡回执',
    remove: '删除',
    confirmRemove: '确认删除',
    removeNote: '删除后，TA的身份证号和手机号从“回执”中清除；已提交的业务保留办理时填写的信息。',
    removed: '已删除',
    infant: '婴儿',
    child: '儿童',
  },
  add: {
    title: '添加常用办理人',
    name: '姓名',
    namePlaceholder: '与身份证（户口簿）上一致',
    relation: '与您的关系',
    idNumber: '身份证号码',
    idNumberPlaceholder: '18 位，新生儿见户口簿',
    phone: '联系电话',
    phoneHint: '未成年人填写监护人（您）的手机号，办理进度通过它联系',
    phonePlaceholder: '11 位手机号',
    consentBy: '由谁同意',
    consentTitle: `《常用办理人信息授权》（${FAMILY_CONSENT_VERSION} 版）`,
    consentText:
      '我确认：已取得TA本人的同意；TA不满十四周岁的，由我作为父母或其他监护人同意。同意“回执”保存TA的姓名、身份证号码和手机号码，仅用于我为TA办理照片回执、社保卡挂失和社保账号注销；身份证号和手机号加密保存，我可以随时删除。',
    agree: '我已取得同意，并同意以上授权说明',
    guardianNote: '不满十四周岁的未成年人，需由父母或其他监护人同意（《个人信息保护法》第三十一条）',
    save: '保存',
    saving: '正在保存…',
  },
} as const

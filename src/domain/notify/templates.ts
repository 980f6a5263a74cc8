import { AppError } from '../errors'
import { APPLICATION_STATUS_WORDS } from '../cancellation/cancellation.machine'
import { LOSS_STATUS_WORDS } from '../card-loss/card-loss.machine'
import { ORDER_STATUS_WORDS } from '../order/order.machine'
import { formatMessageTime } from '../time'

/**
 * Subscribe-message templates, as data. The field keys (`thing2`, `time4` …) are those of the templates
 * chosen in the WeChat admin console; the template IDs differ per mini-program and live in config
 * (`TemplateIds`), never in code (docs/architecture.md, platform facts).
 * Doc: https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
 */
export type FieldType = 'thing' | 'character_string' | 'number' | 'letter' | 'phrase' | 'name' | 'time'

export interface TemplateField {
  type: FieldType
  /** The field's title as shown in the message, for reviewers of this file. */
  label: string
}

export interface TemplateDef {
  title: string
  /** The page a tap on the message opens; it must exist in the released version, or sending fails with 41030. */
  page: string
  fields: Readonly<Record<string, TemplateField>>
}

export const TEMPLATES = {
  review_result: {
    title: '审核结果通知',
    page: 'pages/orders/index',
    fields: {
      character_string1: { type: 'character_string', label: '订单编号' },
      thing2: { type: 'thing', label: '办理业务' },
      phrase3: { type: 'phrase', label: '审核结果' },
      time4: { type: 'time', label: '审核时间' },
      thing5: { type: 'thing', label: '备注' },
    },
  },
  receipt_expiring: {
    title: '回执到期提醒',
    page: 'pages/orders/index',
    fields: {
      character_string1: { type: 'character_string', label: '回执编号' },
      thing2: { type: 'thing', label: '办理业务' },
      time3: { type: 'time', label: '到期时间' },
      thing4: { type: 'thing', label: '温馨提示' },
    },
  },
  order_cancelled: {
    title: '订单取消通知',
    page: 'pages/orders/index',
    fields: {
      character_string1: { type: 'character_string', label: '订单编号' },
      thing2: { type: 'thing', label: '办理业务' },
      phrase3: { type: 'phrase', label: '订单状态' },
      time4: { type: 'time', label: '取消时间' },
      thing5: { type: 'thing', label: '取消原因' },
    },
  },
  application_result: {
    title: '办理结果通知',
    page: 'features/cancellation/pages/index/index',
    fields: {
      character_string1: { type: 'character_string', label: '申请编号' },
      thing2: { type: 'thing', label: '办理事项' },
      phrase3: { type: 'phrase', label: '办理结果' },
      time4: { type: 'time', label: '办理时间' },
      thing5: { type: 'thing', label: '备注' },
    },
  },
  loss_result: {
    title: '社保卡业务办理通知',
    page: 'features/card-loss/pages/index/index',
    fields: {
      character_string1: { type: 'character_string', label: '业务编号' },
      thing2: { type: 'thing', label: '办理业务' },
      phrase3: { type: 'phrase', label: '办理状态' },
      time4: { type: 'time', label: '办理时间' },
      thing5: { type: 'thing', label: '温馨提示' },
    },
  },
} as const satisfies Record<string, TemplateDef>

export type TemplateKey = keyof typeof TEMPLATES
export const TEMPLATE_KEYS = Object.keys(TEMPLATES) as TemplateKey[]

/** Template IDs per key, read from configuration (docs/architecture.md, platform facts: template IDs come from config, never from code). */
export type TemplateIds = Record<TemplateKey, string>

export type FieldKey<K extends TemplateKey> = keyof (typeof TEMPLATES)[K]['fields'] & string

/** What a caller supplies: one string per field; `time` fields take an ISO-8601 instant (or a Date). */
export type MessageValues<K extends TemplateKey> = { [F in FieldKey<K>]: string | Date }

/** WeChat's `data` shape for `subscribeMessage.send`. */
export type MessageData<K extends TemplateKey> = { [F in FieldKey<K>]: { value: string } }

/** The only words a `phrase` field may carry: a fixed set of status words, so every one fits (docs/architecture.md, platform facts). */
export const PHRASE_WORDS: ReadonlySet<string> = new Set<string>([...Object.values(ORDER_STATUS_WORDS), ...Object.values(APPLICATION_STATUS_WORDS), ...Object.values(LOSS_STATUS_WORDS)])

/** WeChat: `thing` holds at most 20 characters; `name` at most 10 Chinese characters or 20 letters. */
export const THING_MAX = 20
/** WeChat: `character_string`, `number` and `letter` hold at most 32 characters. */
export const STRING_MAX = 32
/** WeChat: `phrase` holds at most 5 Chinese characters. */
export const PHRASE_MAX = 5
export const NAME_MAX_CHINESE = 10
export const NAME_MAX_LETTERS = 20

const CHINESE = '\\u3400-\\u4dbf\\u4e00-\\u9fff'
const MESSAGE_TIME = /^\d{4}年\d{2}月\d{2}日 \d{2}:\d{2}$/

/** Counts characters as a reader does: one per code point, so an astral character is one, not two. */
function length(value: string): number {
  return [...value].length
}

/** Shortens a `thing` to THING_MAX characters, ending with … so the reader sees it was cut. */
export function truncateThing(value: string): string {
  const chars = [...value]
  return chars.length <= THING_MAX ? value : `${chars.slice(0, THING_MAX - 1).join('')}…`
}

/** Line breaks and runs of spaces in free text (a reviewer's reason) collapse to one space: a message field is one line. */
function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}

function invalid(field: string, message: string): AppError {
  return new AppError('MESSAGE_FIELD_INVALID', `通知字段 ${field} 不符合要求：${message}`, [{ path: field, message }])
}

/** Checks, and where allowed fixes, one value against WeChat's rule for its field type. */
function renderField(field: string, type: FieldType, raw: string | Date): string {
  if (type === 'time') {
    if (typeof raw === 'string' && MESSAGE_TIME.test(raw)) return raw
    try {
      return formatMessageTime(raw)
    } catch {
      throw invalid(field, '时间无法识别')
    }
  }
  if (typeof raw !== 'string') throw invalid(field, '需要文字')
  const value = oneLine(raw)
  if (value === '') throw invalid(field, '不能为空')
  switch (type) {
    case 'thing':
      return truncateThing(value)
    case 'character_string':
      if (length(value) > STRING_MAX) throw invalid(field, `最多 ${STRING_MAX} 位`)
      if (!/^[\x21-\x7e]+$/.test(value)) throw invalid(field, '只能包含字母、数字和符号')
      return value
    case 'number':
      if (length(value) > STRING_MAX) throw invalid(field, `最多 ${STRING_MAX} 位`)
      if (!/^\d+(?:\.\d+)?$/.test(value)) throw invalid(field, '只能是数字')
      return value
    case 'letter':
      if (length(value) > STRING_MAX) throw invalid(field, `最多 ${STRING_MAX} 位`)
      if (!/^[A-Za-z]+$/.test(value)) throw invalid(field, '只能是字母')
      return value
    case 'phrase':
      if (!new RegExp(`^[${CHINESE}]{1,${PHRASE_MAX}}$`).test(value)) throw invalid(field, `需为 ${PHRASE_MAX} 个以内汉字`)
      if (!PHRASE_WORDS.has(value)) throw invalid(field, '不是约定的状态词')
      return value
    case 'name':
      if (new RegExp(`^[${CHINESE}·]{1,${NAME_MAX_CHINESE}}$`).test(value)) return value
      if (new RegExp(`^[A-Za-z .\\-]{1,${NAME_MAX_LETTERS}}$`).test(value)) return value
      throw invalid(field, `需为 ${NAME_MAX_CHINESE} 个以内汉字或 ${NAME_MAX_LETTERS} 个以内字母`)
  }
}

/**
 * Builds the `data` of a subscribe message from plain values: checks every field against WeChat's limits
 * (an invalid field costs a 47003 error and the user's one-time consent), formats `time` in Asia/Shanghai,
 * and truncates a long `thing` with … (the full text stays on the order page). Throws MESSAGE_FIELD_INVALID
 * for anything truncation cannot fix.
 */
export function renderMessage<K extends TemplateKey>(key: K, values: MessageValues<K>): MessageData<K> {
  const fields: Readonly<Record<string, TemplateField>> = TEMPLATES[key].fields
  const given: Readonly<Record<string, string | Date | undefined>> = values
  const data: Record<string, { value: string }> = {}
  for (const [field, def] of Object.entries(fields)) {
    const raw = given[field]
    if (raw === undefined) throw invalid(field, '缺少内容')
    data[field] = { value: renderField(field, def.type, raw) }
  }
  return data as MessageData<K>
}

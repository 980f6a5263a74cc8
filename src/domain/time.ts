/** Instants are stored as ISO-8601 UTC strings and shown in China Standard Time (Asia/Shanghai). */
export const DISPLAY_TIME_ZONE = 'Asia/Shanghai'

const formatter = new Intl.DateTimeFormat('zh-CN', {
  timeZone: DISPLAY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
})

/** Formats a UTC instant as `2026-11-24 12:39` in Asia/Shanghai. */
export function formatInstant(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  const parts = Object.fromEntries(formatter.formatToParts(date).map((p) => [p.type, p.value]))
  const hour = parts.hour === '24' ? '00' : parts.hour
  return `${parts.year}-${parts.month}-${parts.day} ${hour}:${parts.minute}`
}

/** Reads a stored instant (ISO-8601 string) or a clock reading as epoch milliseconds; throws on an unreadable value. */
export function instantMs(instant: string | Date): number {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime()
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${String(instant)}`)
  return ms
}

function shanghaiParts(instant: string | Date): Record<string, string> {
  const parts = Object.fromEntries(formatter.formatToParts(new Date(instantMs(instant))).map((p) => [p.type, p.value]))
  if (parts.hour === '24') parts.hour = '00'
  return parts
}

/** The calendar day of an instant in Asia/Shanghai, as `2026-11-24`: "today" for rules about birth dates. */
export function shanghaiDate(instant: string | Date): string {
  const p = shanghaiParts(instant)
  return `${p.year}-${p.month}-${p.day}`
}

/** Formats an instant as `2026年11月24日 12:39` in Asia/Shanghai: the `time` field of a subscribe message. */
export function formatMessageTime(instant: string | Date): string {
  const p = shanghaiParts(instant)
  return `${p.year}年${p.month}月${p.day}日 ${p.hour}:${p.minute}`
}

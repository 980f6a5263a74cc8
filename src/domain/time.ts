/** Instants are stored as ISO-8601 UTC strings and shown in China Standard Time (Asia/Shanghai). */
export const DISPLAY_TIME_ZONE = 'Asia/Shanghai'

/**
 * China Standard Time is UTC+8 all year: China has kept no daylight saving time since 1991. Shifting by a
 * fixed offset is exact for every instant this app stores, and avoids building an Intl formatter, which
 * costs about 25 ms on a cloud function's cold start.
 */
const SHANGHAI_OFFSET_MS = 8 * 3600_000
const pad = (n: number) => String(n).padStart(2, '0')

/** Formats a UTC instant as `2026-11-24 12:39` in Asia/Shanghai. */
export function formatInstant(iso: string): string {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return ''
  const p = shanghaiParts(new Date(ms))
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`
}

/** Reads a stored instant (ISO-8601 string) or a clock reading as epoch milliseconds; throws on an unreadable value. */
export function instantMs(instant: string | Date): number {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime()
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${String(instant)}`)
  return ms
}

function shanghaiParts(instant: string | Date): { year: string; month: string; day: string; hour: string; minute: string } {
  const d = new Date(instantMs(instant) + SHANGHAI_OFFSET_MS)
  return { year: String(d.getUTCFullYear()), month: pad(d.getUTCMonth() + 1), day: pad(d.getUTCDate()), hour: pad(d.getUTCHours()), minute: pad(d.getUTCMinutes()) }
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

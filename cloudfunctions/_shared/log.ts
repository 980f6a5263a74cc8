import type { Logger } from './ports'

const ID_NUMBER = /\b(\d{6})\d{8}(\d{3}[\dXx])\b/g
const PHONE = /\b(1[3-9]\d)\d{4}(\d{4})\b/g
const SENSITIVE_KEYS = /^(idNumber|idCard|phone|mobile|bankAccount|openid|OPENID|name|realName)$/

/** Masks ID numbers (keeps region and last 4) and phone numbers (keeps first 3 and last 4) in free text. */
export function maskText(text: string): string {
  return text.replace(ID_NUMBER, '$1********$2').replace(PHONE, '$1****$2')
}

/** Masks a value that sits under a sensitive key: keeps only the edges. */
export function maskValue(value: string): string {
  if (value.length <= 2) return '*'.repeat(value.length)
  if (value.length <= 6) return `${value[0]}${'*'.repeat(value.length - 2)}${value[value.length - 1]}`
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`
}

/** Deep-copies log fields with personal data masked, so nothing sensitive reaches the logs. */
export function maskFields(fields: unknown, depth = 0): unknown {
  if (depth > 5) return '[depth]'
  if (typeof fields === 'string') return maskText(fields)
  if (Array.isArray(fields)) return fields.map((f) => maskFields(f, depth + 1))
  if (fields && typeof fields === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(fields)) {
      out[key] = SENSITIVE_KEYS.test(key) && typeof value === 'string' ? maskValue(value) : maskFields(value, depth + 1)
    }
    return out
  }
  return fields
}

/** A JSON-lines logger that masks personal data. `sink` defaults to the console, which CloudBase collects. */
export function createLogger(scope: string, sink: (line: string) => void = (line) => console.log(line)): Logger {
  const write = (level: string, message: string, fields?: Record<string, unknown>) => {
    sink(JSON.stringify({ level, scope, message: maskText(message), ...(fields ? (maskFields(fields) as object) : {}) }))
  }
  return {
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  }
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} }

import * as v from 'valibot'
import { AppError } from './errors'

const CJK = /[\u4e00-\u9fa5]/

/** Our schemas carry Chinese messages; valibot's built-in English ones (a missing key, a wrong type) are replaced. */
function chineseMessage(issue: v.BaseIssue<unknown>, path: string): string {
  if (CJK.test(issue.message)) return issue.message
  if (issue.input === undefined) return path ? `缺少必填项：${path}` : '缺少请求内容'
  return path ? `${path} 格式不正确` : '请求格式不正确'
}

/**
 * Parses untrusted input with a valibot schema.
 * On failure it throws VALIDATION_FAILED with one Chinese message per offending field,
 * so pages and functions report the same sentences.
 */
export function parseInput<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, input, { abortPipeEarly: true })
  if (result.success) return result.output
  const details = result.issues.map((issue) => {
    const path = v.getDotPath(issue) ?? ''
    return { path, message: chineseMessage(issue, path) }
  })
  throw new AppError('VALIDATION_FAILED', details[0]?.message ?? undefined, details)
}

/** Field-level check for forms: returns the first Chinese message per field, or an empty object. */
export function fieldErrors<S extends v.GenericSchema>(schema: S, input: unknown): Record<string, string> {
  const result = v.safeParse(schema, input, { abortPipeEarly: true })
  if (result.success) return {}
  const errors: Record<string, string> = {}
  for (const issue of result.issues) {
    const path = v.getDotPath(issue) ?? ''
    if (!(path in errors)) errors[path] = chineseMessage(issue, path)
  }
  return errors
}

import * as v from 'valibot'
import { AppError } from './errors'

/**
 * Parses untrusted input with a valibot schema.
 * On failure it throws VALIDATION_FAILED with one Chinese message per offending field,
 * so pages and functions report the same sentences.
 */
export function parseInput<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, input, { abortPipeEarly: true })
  if (result.success) return result.output
  const details = result.issues.map((issue) => ({
    path: v.getDotPath(issue) ?? '',
    message: issue.message,
  }))
  throw new AppError('VALIDATION_FAILED', details[0]?.message ?? undefined, details)
}

/** Field-level check for forms: returns the first Chinese message per field, or an empty object. */
export function fieldErrors<S extends v.GenericSchema>(schema: S, input: unknown): Record<string, string> {
  const result = v.safeParse(schema, input, { abortPipeEarly: true })
  if (result.success) return {}
  const errors: Record<string, string> = {}
  for (const issue of result.issues) {
    const path = v.getDotPath(issue) ?? ''
    if (!(path in errors)) errors[path] = issue.message
  }
  return errors
}

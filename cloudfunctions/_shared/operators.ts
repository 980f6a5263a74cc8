/** Operators named in the function's environment variable HUIZHI_OPERATORS (comma-separated openids). */
export function operatorsFromEnv(value: string | undefined): ReadonlySet<string> {
  return new Set((value ?? '').split(',').map((s) => s.trim()).filter(Boolean))
}

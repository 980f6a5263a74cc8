/** A name shown in lists and to operators: the surname and a star per remaining character (张三丰 → 张**). */
export function maskName(name: string): string {
  const chars = [...name]
  return chars.length <= 1 ? name : chars[0] + '*'.repeat(chars.length - 1)
}

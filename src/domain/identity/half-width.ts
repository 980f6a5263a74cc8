/**
 * Chinese input methods often type full-width digits and letters (１３８, Ｘ). Identity numbers are
 * compared as ASCII, so full-width forms (U+FF01–U+FF5E) are folded to their ASCII twins and the
 * ideographic space to a plain one before any check.
 */
export function toHalfWidth(value: string): string {
  return value.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ')
}

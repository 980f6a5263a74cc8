/**
 * A receipt or image number as people read it aloud and copy it: groups of four characters (HZ20 2612 0212 3456).
 * The spaces are for reading only; the number copied or typed is the one without them.
 */
export function groupedNumber(n: string): string {
  return n.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ')
}

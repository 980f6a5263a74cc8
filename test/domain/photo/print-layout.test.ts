import { layoutSheet, ONE_INCH, pxToMm, sheetById, SHEETS, TWO_INCH, type SheetLayout } from '@/domain/photo/print-layout'

const sixInch = sheetById('6in')!
const idCard = { key: 'id-card', title: '身份证', mm: { width: 26, height: 32 } }

/** Each copy's printed size, in mm: its pixels over the sheet's DPI. */
const printedMm = (layout: SheetLayout) => layout.copies.map((c) => ({ key: c.key, width: pxToMm(c.width, layout.dpi), height: pxToMm(c.height, layout.dpi) }))
const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

describe('print layout (排版照)', () => {
  it('is a 1200×1800 pixel sheet for 6-inch (4×6 in) paper at 300 DPI', () => {
    const layout = layoutSheet(sixInch, [idCard])
    expect(layout.dpi).toBe(300)
    expect([layout.width, layout.height].sort((a, b) => a - b)).toEqual([1200, 1800])
    expect(pxToMm(1200)).toBeCloseTo(101.6, 1)
  })

  it('prints each 26×32 mm copy on a 6-inch sheet at 26×32 mm (within 0.1 mm), 12 of them', () => {
    const layout = layoutSheet(sixInch, [idCard])
    expect(layout.copies).toHaveLength(12)
    for (const c of printedMm(layout)) {
      expect(Math.abs(c.width - 26)).toBeLessThan(0.1)
      expect(Math.abs(c.height - 32)).toBeLessThan(0.1)
    }
  })

  it('keeps every copy on the sheet, inside the 2 mm margin, and apart from every other', () => {
    for (const sheet of SHEETS) {
      for (const sizes of [[idCard], [TWO_INCH, ONE_INCH]]) {
        const layout = layoutSheet(sheet, sizes)
        expect(layout.copies.length).toBeGreaterThan(0)
        for (const c of layout.copies) {
          expect(c.x).toBeGreaterThanOrEqual(23)
          expect(c.y).toBeGreaterThanOrEqual(23)
          expect(c.x + c.width).toBeLessThanOrEqual(layout.width - 23)
          expect(c.y + c.height).toBeLessThanOrEqual(layout.height - 23)
        }
        layout.copies.forEach((a, i) => layout.copies.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false)))
      }
    }
  })

  it('draws a one-pixel cut guide along each side of each copy, outside the photo', () => {
    const layout = layoutSheet(sixInch, [idCard])
    expect(layout.guides).toHaveLength(layout.copies.length * 4)
    for (const g of layout.guides) expect(Math.min(g.width, g.height)).toBe(1)
    for (const g of layout.guides) for (const c of layout.copies) expect(overlaps(g, c)).toBe(false)
  })

  it('mixes 一寸 (25×35 mm) and 二寸 (35×49 mm) on one 6-inch sheet, each copy at its printed size', () => {
    const layout = layoutSheet(sixInch, [TWO_INCH, ONE_INCH])
    const mm = printedMm(layout)
    const ones = mm.filter((c) => c.key === 'one-inch')
    const twos = mm.filter((c) => c.key === 'two-inch')
    expect(ones.length).toBeGreaterThanOrEqual(4)
    expect(twos.length).toBeGreaterThanOrEqual(2)
    for (const c of ones) expect([Math.abs(c.width - 25), Math.abs(c.height - 35)].every((d) => d < 0.1)).toBe(true)
    for (const c of twos) expect([Math.abs(c.width - 35), Math.abs(c.height - 49)].every((d) => d < 0.1)).toBe(true)
  })

  it('fits more copies on larger paper: A4 > 6-inch > 5-inch', () => {
    const n = (id: string) => layoutSheet(sheetById(id)!, [idCard]).copies.length
    expect(n('a4')).toBeGreaterThan(n('6in'))
    expect(n('6in')).toBeGreaterThan(n('5in'))
    const a4 = layoutSheet(sheetById('a4')!, [idCard])
    expect([a4.width, a4.height].sort((a, b) => a - b)).toEqual([2480, 3508])
  })

  it('turns the sheet when landscape holds more copies', () => {
    const wide = { key: 'wide', title: 'wide', mm: { width: 60, height: 20 } }
    const portrait = layoutSheet(sixInch, [wide])
    expect(portrait.copies.length).toBeGreaterThan(0)
    const tall = layoutSheet(sixInch, [{ key: 'x', title: 'x', mm: { width: 120, height: 40 } }])
    expect(tall.orientation).toBe('landscape')
    expect(tall.width).toBe(1800)
  })
})

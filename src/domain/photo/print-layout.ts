import type { Evidence, Source } from '../sources/source'

/**
 * Print layout (排版照): copies of an ID photo on one photo-paper sheet at 300 DPI, as many as fit, with thin cut
 * guides, for a print shop or a home printer. Pure geometry: every length is turned into whole pixels once, and
 * the printed size of a copy is its pixels over the sheet's DPI.
 */

/** Print shops print photo paper at 300 DPI; the sheet image says so in its density, so it prints at true size. */
export const PRINT_DPI = 300
/** White border kept clear on every side, for printers that cannot print to the edge. */
export const SHEET_MARGIN_MM = 2
/** Space between copies, where the cut guides run. */
export const COPY_GAP_MM = 2

const MM_PER_INCH = 25.4

export type SheetId = '6in' | '5in' | 'a4'

export interface Sheet {
  id: SheetId
  title: string
  /** Portrait: width < height. */
  mm: { width: number; height: number }
  /** Photo paper is cut in inches: where given, pixels come from these (4×6 in is exactly 1200×1800 at 300 DPI). */
  inches?: { width: number; height: number }
  evidence: Evidence
}

const PHOTO_PAPER: Source = {
  url: 'http://265266.com/zhuangxiusheji/tyee7crkhd.html',
  title: '6寸照片尺寸是多少?',
  quote: '其他規格如下:5英寸:3R,3.5*5英寸,89*127mm; 6英寸:4R,4*6英寸,102*152mm。',
  publishedOrChecked: '2026-12-02',
}

/** The sheets people print ID photos on: 6-inch (4R) and 5-inch (3R) photo paper, and A4 office paper. */
export const SHEETS: readonly Sheet[] = [
  { id: '6in', title: '6 寸相纸（4×6 英寸）', mm: { width: 102, height: 152 }, inches: { width: 4, height: 6 }, evidence: PHOTO_PAPER },
  { id: '5in', title: '5 寸相纸（3.5×5 英寸）', mm: { width: 89, height: 127 }, inches: { width: 3.5, height: 5 }, evidence: PHOTO_PAPER },
  {
    id: 'a4',
    title: 'A4 纸（210×297 毫米）',
    mm: { width: 210, height: 297 },
    evidence: {
      url: 'http://www.nationmaster.com/encyclopedia/A4-paper-size',
      title: 'A4 paper size',
      quote: 'A4 is a standardpaper size, defined by the international standard ISO 216 as 210×297 mm (roughly 8.27×11.69 in).',
      publishedOrChecked: '2026-12-02',
    },
  },
]

export const SHEET_IDS = SHEETS.map((s) => s.id) as [SheetId, ...SheetId[]]

export function sheetById(id: string): Sheet | undefined {
  return SHEETS.find((s) => s.id === id)
}

/** One kind of copy on a sheet: the photo's own print size, or 1寸 / 2寸 on a mixed sheet. */
export interface CopySize {
  key: string
  title: string
  mm: { width: number; height: number }
}

/** 一寸 25×35 mm and 二寸 35×49 mm, the two sizes of a mixed sheet. */
export const ONE_INCH: CopySize & { evidence: Evidence } = {
  key: 'one-inch',
  title: '一寸',
  mm: { width: 25, height: 35 },
  evidence: {
    url: 'http://zhejianglong.com/c/2516104.html',
    title: '6寸照片的尺寸是多少厘米',
    quote: '身份证、体检表等多采用小一寸22mm*32mm,第二代身份证照片尺寸为26mm*32mm,普通一寸照则为25mm*35mm 。',
    publishedOrChecked: '2026-12-02',
  },
}
export const TWO_INCH: CopySize & { evidence: Evidence } = {
  key: 'two-inch',
  title: '二寸',
  mm: { width: 35, height: 49 },
  evidence: {
    url: 'http://m.bazhongol.com/yxwd/202511/911285.html',
    title: '二寸照片尺寸比例',
    quote: '常见的二寸照片尺寸为3.5厘米×4.9厘米(宽×高),即35mm×49mm,其比例为7:10。',
    publishedOrChecked: '2025-11-01',
  },
}

export const mmToPx = (mm: number, dpi: number = PRINT_DPI) => Math.round((mm / MM_PER_INCH) * dpi)
export const pxToMm = (px: number, dpi: number = PRINT_DPI) => (px / dpi) * MM_PER_INCH

/** A rectangle in sheet pixels, from the top-left corner. */
export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface PlacedCopy extends Rect {
  key: string
}

export interface SheetLayout {
  sheet: SheetId
  dpi: number
  orientation: 'portrait' | 'landscape'
  width: number
  height: number
  copies: PlacedCopy[]
  /** One-pixel lines just outside each copy, to cut along. */
  guides: Rect[]
}

interface Row {
  key: string
  y: number
  count: number
  w: number
  h: number
}

/**
 * Rows of copies, one kind per row, kinds taken in turn (a mixed sheet alternates 二寸 and 一寸 rows); a kind
 * whose row no longer fits gives way to the next that does. Each row is centred, and the block of rows too.
 */
function packRows(width: number, height: number, kinds: ReadonlyArray<{ key: string; w: number; h: number }>, margin: number, gap: number): Row[] {
  const rows: Row[] = []
  let y = margin
  let turn = 0
  for (;;) {
    let placed = false
    for (let k = 0; k < kinds.length; k++) {
      const kind = kinds[(turn + k) % kinds.length]
      const count = Math.floor((width - 2 * margin + gap) / (kind.w + gap))
      if (count < 1 || y + kind.h > height - margin) continue
      rows.push({ key: kind.key, y, count, w: kind.w, h: kind.h })
      y += kind.h + gap
      turn += k + 1
      placed = true
      break
    }
    if (!placed) return rows
  }
}

function place(width: number, height: number, rows: Row[], gap: number): PlacedCopy[] {
  if (!rows.length) return []
  const last = rows[rows.length - 1]
  const used = last.y + last.h - rows[0].y
  const dy = Math.floor((height - used) / 2) - rows[0].y
  return rows.flatMap((r) => {
    const rowWidth = r.count * r.w + (r.count - 1) * gap
    const x0 = Math.floor((width - rowWidth) / 2)
    return Array.from({ length: r.count }, (_, i) => ({ key: r.key, x: x0 + i * (r.w + gap), y: r.y + dy, width: r.w, height: r.h }))
  })
}

function guidesOf(c: Rect): Rect[] {
  return [
    { x: c.x - 1, y: c.y - 1, width: c.width + 2, height: 1 },
    { x: c.x - 1, y: c.y + c.height, width: c.width + 2, height: 1 },
    { x: c.x - 1, y: c.y, width: 1, height: c.height },
    { x: c.x + c.width, y: c.y, width: 1, height: c.height },
  ]
}

/** Sheet size in pixels, portrait. */
export function sheetPixels(sheet: Sheet, dpi: number = PRINT_DPI): { width: number; height: number } {
  if (sheet.inches) return { width: Math.round(sheet.inches.width * dpi), height: Math.round(sheet.inches.height * dpi) }
  return { width: mmToPx(sheet.mm.width, dpi), height: mmToPx(sheet.mm.height, dpi) }
}

/**
 * Lays copies of each size out on the sheet, portrait or landscape, whichever holds more copies while showing
 * every size at least once (portrait on a tie). Copies keep their exact print size; none is scaled to fit.
 */
export function layoutSheet(sheet: Sheet, sizes: readonly CopySize[], dpi: number = PRINT_DPI): SheetLayout {
  const kinds = sizes.map((s) => ({ key: s.key, w: mmToPx(s.mm.width, dpi), h: mmToPx(s.mm.height, dpi) }))
  const margin = mmToPx(SHEET_MARGIN_MM, dpi)
  const gap = mmToPx(COPY_GAP_MM, dpi)
  const portrait = sheetPixels(sheet, dpi)
  const options = (['portrait', 'landscape'] as const).map((orientation) => {
    const { width, height } = orientation === 'portrait' ? portrait : { width: portrait.height, height: portrait.width }
    const copies = place(width, height, packRows(width, height, kinds, margin, gap), gap)
    const complete = kinds.every((k) => copies.some((c) => c.key === k.key))
    return { orientation, width, height, copies, score: complete ? copies.length : -1 }
  })
  const best = options[1].score > options[0].score ? options[1] : options[0]
  return { sheet: sheet.id, dpi, orientation: best.orientation, width: best.width, height: best.height, copies: best.copies, guides: best.copies.flatMap(guidesOf) }
}

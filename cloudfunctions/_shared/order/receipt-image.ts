import { formatInstant } from '../../../src/domain/time'

/** What the receipt slip shows. */
export interface ReceiptSlip {
  documentTitle: string
  cityLabel: string
  receiptNumber: string
  imageNumber?: string
  approvedAt: string
  expiresAt: string
  orderId: string
}

const W = 750
const H = 1120
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
const FONT = `'Noto Sans CJK SC','Noto Sans SC','PingFang SC','Microsoft YaHei',sans-serif`

/**
 * Renders the receipt slip server side, as a PNG the user saves to the album: document type, city,
 * receipt and image numbers, validity, the photo, and a QR code carrying the receipt number.
 * Chinese text needs a CJK font on the host (fonts-noto-cjk locally; see the README).
 */
export async function renderReceiptImage(slip: ReceiptSlip, photo: Buffer): Promise<Buffer> {
  const rows: Array<[string, string]> = [
    ['证件类型', slip.documentTitle],
    ['办理城市', slip.cityLabel],
    ['回执号', slip.receiptNumber],
    ...(slip.imageNumber ? ([['图像号', slip.imageNumber]] as Array<[string, string]>) : []),
    ['出具时间', formatInstant(slip.approvedAt)],
    ['有效期至', formatInstant(slip.expiresAt)],
  ]
  const text = rows
    .map(([label, value], i) => `<text x="48" y="${228 + i * 76}" font-size="24" fill="#666">${escape(label)}</text><text x="48" y="${264 + i * 76}" font-size="30" fill="#111" font-weight="600">${escape(value)}</text>`)
    .join('')
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="${FONT}">
    <rect width="${W}" height="${H}" fill="#ffffff"/>
    <rect x="0" y="0" width="${W}" height="150" fill="#1677ff"/>
    <text x="48" y="95" font-size="48" fill="#ffffff" font-weight="700">数码照片回执</text>
    <text x="${W - 48}" y="95" font-size="24" fill="#dbe8ff" text-anchor="end">回执 Huizhi</text>
    ${text}
    <line x1="48" y1="${H - 350}" x2="${W - 48}" y2="${H - 350}" stroke="#e5e5e5" stroke-width="2"/>
    <text x="300" y="${H - 250}" font-size="24" fill="#333">扫码核验回执号</text>
    <text x="300" y="${H - 214}" font-size="20" fill="#888">办理时出示本页或报回执号</text>
    <text x="48" y="${H - 66}" font-size="22" fill="#888">回执仅可使用一次，请在有效期内到办理网点或线上渠道使用。</text>
    <text x="48" y="${H - 28}" font-size="20" fill="#aaa">订单 ${escape(slip.orderId)}</text>
  </svg>`
  // Loaded on first use: only a receipt download needs them, and they would slow every cold start of `order`.
  const [{ default: QRCode }, { default: sharp }] = await Promise.all([import('qrcode'), import('sharp')])
  const qr = await QRCode.toBuffer(`HUIZHI-RECEIPT:${slip.receiptNumber}${slip.imageNumber ? `;IMG:${slip.imageNumber}` : ''}`, { type: 'png', width: 220, margin: 1, errorCorrectionLevel: 'M' })
  const portrait = await sharp(photo).resize(240, 296, { fit: 'cover' }).png().toBuffer()
  return sharp(Buffer.from(svg))
    .composite([
      { input: portrait, left: W - 48 - 240, top: 200 },
      { input: qr, left: 48, top: H - 330 },
    ])
    .png({ compressionLevel: 9 })
    .toBuffer()
}

/**
 * Banks a refund can be paid into: the large state-owned and joint-stock commercial banks (中国人民银行
 * 金融机构编码 short names). Debit cards of China UnionPay have 16–19 digits and pass the Luhn check.
 */
export const BANKS = [
  { code: 'ICBC', name: '中国工商银行' },
  { code: 'ABC', name: '中国农业银行' },
  { code: 'BOC', name: '中国银行' },
  { code: 'CCB', name: '中国建设银行' },
  { code: 'BOCOM', name: '交通银行' },
  { code: 'PSBC', name: '中国邮政储蓄银行' },
  { code: 'CMB', name: '招商银行' },
  { code: 'CITIC', name: '中信银行' },
  { code: 'CEB', name: '中国光大银行' },
  { code: 'CMBC', name: '中国民生银行' },
  { code: 'CIB', name: '兴业银行' },
  { code: 'SPDB', name: '上海浦东发展银行' },
  { code: 'CGB', name: '广发银行' },
  { code: 'PAB', name: '平安银行' },
  { code: 'HXB', name: '华夏银行' },
  { code: 'RCB', name: '农村商业银行 / 农村信用社' },
] as const

export type BankCode = (typeof BANKS)[number]['code']
export const BANK_CODES = BANKS.map((b) => b.code) as [BankCode, ...BankCode[]]

export function bankName(code: string): string | undefined {
  return BANKS.find((b) => b.code === code)?.name
}

/** UnionPay debit cards: 16 to 19 digits. */
export const DEBIT_CARD_LENGTH = { min: 16, max: 19 } as const

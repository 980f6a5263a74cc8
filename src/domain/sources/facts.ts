import { CITY_POLICIES, NATIONAL_DEFAULT, POLICY_FACTS, type CancellationPolicy, type PolicyFact } from '../cancellation/policy'
import { CANCEL_REASONS, REASONS } from '../cancellation/reasons'
import { LOSS_FACTS, LOSS_POLICIES, NATIONAL_LOSS_DEFAULT, type LossFact, type LossPolicy } from '../card-loss/card-loss.policy'
import { OFFICE_PHOTO_WAYS, RECEIPT_COVERAGE } from '../order/receipt-coverage'
import { DEFAULT_VALIDITY, VALIDITY_RULES } from '../order/receipt-validity'
import { RECEIPT_NUMBER_USES } from '../order/receipt-numbers'
import { COUNTER_GUIDES, COUNTER_GUIDE_NUMBERS } from '../card-loss/counter-guide'
import { PHOTO_SPECS, SPEC_FACTS, type SpecFact } from '../photo/specs'
import { ONE_INCH, SHEETS, TWO_INCH } from '../photo/print-layout'
import { CATALOGUE_SPECS } from '../photo/catalogue'
import type { PhotoSpec, Range } from '../photo/spec.types'
import { ACTING_FOR, type ActingService } from '../family/acting-for'
import { CHILD_CHECKS_EVIDENCE, CHILD_GUIDANCE, INFANT_GUIDANCE } from '../photo/child-guidance'
import { OBSTRUCTION_RULES } from '../photo/obstruction'
import { POSE_RULES } from '../photo/pose'
import { isSourced, type Evidence } from './source'

/**
 * Every value users act on, flattened into one list with its evidence: what the data test checks (each number
 * appears in its quote, each regional quote or title names its region) and what docs/sources.md is generated from.
 */
export interface FactRow {
  topic: string
  /** Where the value applies: 全国 or a province or city name. */
  region: string
  regionCode?: string
  entry: string
  fact: string
  value: string
  /** The numbers the value states; a source's quote must contain each one. */
  numbers: number[]
  evidence: Evidence
}

const NATIONAL = '全国'

const yuan = (fen: number | null) => (fen === null ? '收取，金额未公布' : fen ? `${fen / 100} 元` : '免费')

function policyValue(p: CancellationPolicy, f: PolicyFact): { value: string; numbers: number[] } {
  switch (f) {
    case 'online':
      return { value: p.online ? '可在线办理' : '需到窗口办理', numbers: [] }
    case 'onlineReasons':
      return { value: p.onlineReasons.map((r) => REASONS[r].title).join('、') || '无', numbers: [] }
    case 'channel':
      return { value: p.channel ?? '无', numbers: [] }
    case 'offlineRoute':
      return { value: p.offlineRoute, numbers: [] }
    case 'refundMethod':
      return { value: p.refundMethod, numbers: [] }
    case 'reviewDays':
      return { value: `${p.reviewDays} 个工作日`, numbers: [p.reviewDays] }
  }
}

function lossValue(p: LossPolicy, f: LossFact): { value: string; numbers: number[] } {
  switch (f) {
    case 'temporaryDays':
      return { value: `${p.temporaryDays} 天`, numbers: [p.temporaryDays] }
    case 'formalOnline':
      return { value: p.formalOnline ? '可在线正式挂失' : '正式挂失需到网点或发卡银行', numbers: [] }
    case 'reissueOnline':
      return { value: p.reissueOnline ? '可在线申请补卡' : '补卡需到网点或发卡银行', numbers: [] }
    case 'reissueFeeFen':
      return { value: yuan(p.reissueFeeFen), numbers: p.reissueFeeFen ? [p.reissueFeeFen / 100] : [] }
    case 'delivery':
      return { value: p.delivery.map((d) => (d === 'mail' ? '邮寄' : '网点领取')).join('、'), numbers: [] }
    case 'mailFeeFen':
      return { value: yuan(p.mailFeeFen), numbers: p.mailFeeFen ? [p.mailFeeFen / 100] : [] }
    case 'makeDays':
      return { value: `${p.makeDays} 个工作日`, numbers: [p.makeDays] }
  }
}

const rangeNumbers = (r?: Range) => (r ? [r.min, r.max].filter((n): n is number => n !== undefined) : [])
const rangeText = (r: Range) => (r.min !== undefined && r.max !== undefined ? `${r.min}–${r.max} ${r.unit}` : r.min !== undefined ? `≥ ${r.min} ${r.unit}` : `≤ ${r.max} ${r.unit}`)

function specValue(s: Omit<PhotoSpec, 'documentType' | 'region'>, f: SpecFact): { value: string; numbers: number[] } {
  switch (f) {
    case 'pixels':
      return { value: `${s.pixels.width}×${s.pixels.height} 像素`, numbers: [s.pixels.width, s.pixels.height] }
    case 'printMm':
      return { value: `${s.printMm.width}×${s.printMm.height} mm`, numbers: [s.printMm.width, s.printMm.height] }
    case 'dpi':
      return { value: `${s.dpi} dpi`, numbers: [s.dpi] }
    case 'background':
      return { value: [s.background.name, ...(s.allowedBackgrounds ?? [])].filter((v, i, a) => a.indexOf(v) === i).join('、'), numbers: [] }
    case 'fileKb':
      return { value: rangeText(s.fileKb), numbers: rangeNumbers(s.fileKb) }
    case 'head': {
      const rules = Object.entries(s.head).filter((e): e is [string, Range] => !!e[1])
      return { value: rules.map(([k, r]) => `${k} ${rangeText(r)}`).join('；'), numbers: rules.flatMap(([, r]) => rangeNumbers(r)) }
    }
  }
}

const regionOf = (r: PhotoSpec['region']) => (r.level === 'national' ? { region: NATIONAL } : { region: r.name, regionCode: r.code })

/** Print-sheet paper sizes and the 一寸 / 二寸 sizes of a mixed sheet. */
function printFacts(): FactRow[] {
  const sheets = SHEETS.map((sheet): FactRow => {
    const inches = sheet.inches ? [sheet.inches.width, sheet.inches.height] : []
    const inWords = sheet.inches ? `（${sheet.inches.width}×${sheet.inches.height} 英寸）` : ''
    return { topic: '排版相纸', region: NATIONAL, entry: sheet.id, fact: 'size', value: `${sheet.mm.width}×${sheet.mm.height} mm${inWords}`, numbers: [sheet.mm.width, sheet.mm.height, ...inches], evidence: sheet.evidence }
  })
  const sizes = [ONE_INCH, TWO_INCH].map((size): FactRow => ({ topic: '排版相纸', region: NATIONAL, entry: size.key, fact: 'printMm', value: `${size.title} ${size.mm.width}×${size.mm.height} mm`, numbers: [size.mm.width, size.mm.height], evidence: size.evidence }))
  return [...sheets, ...sizes]
}

/** A catalogue entry's file-name rule and upload note, where its source states them. */
function catalogueRules(s: (typeof CATALOGUE_SPECS)[number]): FactRow[] {
  const rules = [['fileName', s.fileNameRule], ['upload', s.uploadNote]] as const
  return rules.flatMap(([fact, rule]) => (rule ? [{ topic: `照片规格（目录）：${s.title}`, region: NATIONAL, entry: s.id, fact, value: rule.text, numbers: [], evidence: rule.evidence }] : []))
}

/** Where receipts are taken (one row per region named), and how the cities a source speaks of take photos instead. */
function coverageFacts(): FactRow[] {
  const rows: FactRow[] = OFFICE_PHOTO_WAYS.map((w) => ({ topic: '办理地怎样采集照片', region: w.cityName, regionCode: w.cityCode, entry: w.documentType, fact: 'photoWay', value: w.text, numbers: [], evidence: w.evidence }))
  for (const [type, c] of Object.entries(RECEIPT_COVERAGE)) {
    for (const region of c.where.split('、')) rows.push({ topic: '回执受理地区', region, entry: type, fact: 'coverage', value: `只受理${c.where}的城市`, numbers: [], evidence: c.evidence })
  }
  return rows
}

/** What a 「到窗口办理」 answer for a card loss says: route, materials, hotlines, where (counter-guide.ts). */
function counterFacts(): FactRow[] {
  return COUNTER_GUIDES.flatMap((g) => {
    const policy = [...LOSS_POLICIES].find((p) => p.id === g.policyId)
    const region = policy ? { region: policy.regionName, regionCode: policy.regionCode } : { region: NATIONAL }
    const values = { route: g.route, materials: g.materials.join('；'), hotlines: g.hotlines.map((h) => `${h.label} ${h.number}`).join('；'), where: g.where }
    return (Object.keys(values) as Array<keyof typeof values>).map((fact) => ({
      topic: '到窗口办理：社保卡挂失与补卡',
      ...region,
      entry: g.policyId,
      fact,
      value: values[fact],
      numbers: COUNTER_GUIDE_NUMBERS[g.policyId]?.[fact] ?? [],
      evidence: g.evidence[fact],
    }))
  })
}

/** Which receipt number goes where (receipt-numbers.ts). */
function numberUseFacts(): FactRow[] {
  return RECEIPT_NUMBER_USES.map((u) => ({ topic: '回执号的用法', region: NATIONAL, entry: u.where, fact: 'use', value: u.text, numbers: [], evidence: u.evidence }))
}

export function allFacts(): FactRow[] {
  const rows: FactRow[] = []
  for (const reason of CANCEL_REASONS) {
    const r = REASONS[reason]
    r.basis.forEach((source, i) => rows.push({ topic: '注销：可否终止及材料', region: NATIONAL, entry: reason, fact: `${r.title}（依据 ${i + 1}）`, value: r.cancellable ? '可以申请终止' : '不能终止', numbers: [], evidence: source }))
  }
  for (const p of [NATIONAL_DEFAULT, ...CITY_POLICIES]) {
    for (const f of POLICY_FACTS) rows.push({ topic: '注销：地区规定', region: p.cityCode ? p.regionName : NATIONAL, regionCode: p.cityCode, entry: p.id, fact: f, ...policyValue(p, f), evidence: p.evidence[f] })
  }
  for (const p of [NATIONAL_LOSS_DEFAULT, ...LOSS_POLICIES]) {
    for (const f of LOSS_FACTS) rows.push({ topic: '社保卡挂失与补卡', region: p.regionCode ? p.regionName : NATIONAL, regionCode: p.regionCode, entry: p.id, fact: f, ...lossValue(p, f), evidence: p.evidence[f] })
  }
  for (const s of PHOTO_SPECS) {
    for (const f of SPEC_FACTS) rows.push({ topic: `照片规格：${s.title}`, ...regionOf(s.region), entry: s.id, fact: f, ...specValue(s, f), evidence: s.evidence[f] })
  }
  for (const [type, d] of Object.entries(DEFAULT_VALIDITY)) rows.push({ topic: '回执有效期', region: NATIONAL, entry: type, fact: 'days', value: `${d.days} 天`, numbers: [d.days], evidence: d.evidence })
  for (const r of VALIDITY_RULES) rows.push({ topic: '回执有效期', region: r.region.name, regionCode: r.region.code, entry: r.documentType, fact: 'days', value: `${r.days} 天`, numbers: [r.days], evidence: r.evidence })
  rows.push(...printFacts())
  for (const s of CATALOGUE_SPECS) {
    for (const f of SPEC_FACTS) rows.push({ topic: `照片规格（目录）：${s.title}`, region: NATIONAL, entry: s.id, fact: f, ...specValue(s, f), evidence: s.evidence[f] })
    rows.push(...catalogueRules(s))
  }
  rows.push(...coverageFacts(), ...numberUseFacts(), ...counterFacts())
  rows.push(...familyFacts(), ...poseFacts())
  for (const [check, rule] of Object.entries(OBSTRUCTION_RULES)) rows.push({ topic: '照片遮挡提示', region: NATIONAL, entry: check, fact: 'rule', value: rule.text, numbers: [], evidence: rule.evidence })
  return rows
}

/** The head-pose checks (pose.ts): the rule as sourced, and the limit the pipeline judges it by. */
function poseFacts(): FactRow[] {
  return POSE_RULES.map((r) => ({ topic: '照片检测：头部姿态', region: NATIONAL, entry: r.id, fact: r.fact, value: r.text, numbers: r.numbers, evidence: r.evidence }))
}

/** 为家人办理 (常用办理人): where a case may be made for someone else, and how to photograph a baby or a child. */
function familyFacts(): FactRow[] {
  const acting = (Object.entries(ACTING_FOR) as Array<[ActingService, (typeof ACTING_FOR)[ActingService]]>).map(
    ([service, rule]): FactRow => ({ topic: '为家人办理', region: NATIONAL, entry: service, fact: 'allowed', value: `${rule.allowed ? '可以为常用办理人办理' : '不能为他人在线办理'}：${rule.note}`, numbers: [], evidence: rule.evidence }),
  )
  const guidance = (who: string, lines: typeof INFANT_GUIDANCE): FactRow[] =>
    lines.map((line, i) => ({ topic: '婴儿和儿童拍照', region: NATIONAL, entry: who, fact: `guide${i + 1}`, value: line.text, numbers: [], evidence: line.evidence }))
  return [
    ...acting,
    ...guidance('infant', INFANT_GUIDANCE),
    ...guidance('child', CHILD_GUIDANCE),
    { topic: '婴儿和儿童拍照', region: NATIONAL, entry: 'checks', fact: 'sameAsSpec', value: '检测项目与该证件规格相同，不为儿童或婴儿另定', numbers: [], evidence: CHILD_CHECKS_EVIDENCE },
  ]
}

export function factCounts(rows: readonly FactRow[] = allFacts()): { total: number; sourced: number; unverified: number } {
  const sourced = rows.filter((r) => isSourced(r.evidence)).length
  return { total: rows.length, sourced, unverified: rows.length - sourced }
}

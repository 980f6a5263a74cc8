import type { Evidence, Source } from '../sources/source'

/** The document types Huizhi makes photos for. */
export type DocumentType = 'social-security-card' | 'id-card' | 'driving-licence' | 'e-driving-licence' | 'exit-entry' | 'residence-permit'

/** A range in one unit; either bound may be open. */
export interface Range {
  min?: number
  max?: number
  unit: 'px' | 'mm' | 'KB'
}

/** Where a spec applies: the whole country, a province, or one city (GB/T 2260 codes). */
export type RegionScope = { level: 'national' } | { level: 'province' | 'city'; code: string; name: string }

/** Head-position rules, measured on the final image (pixels) unless the unit says otherwise. */
export interface HeadRules {
  /** Width of the face across the cheeks (jaw landmarks), as reviewers measure it. */
  faceWidth?: Range
  /** Width of the whole head, hair included, at the eye line (驾驶证, 出入境 "head width"). */
  headWidth?: Range
  /** Distance from the top edge of the image to the top of the hair. */
  hairTopMargin?: Range
  /** Distance from the eye line up from the bottom edge. */
  eyeLineFromBottom?: Range
  /** Horizontal position of the midpoint between the eyes, from the left edge. */
  eyeMidpointX?: Range
  /** Height from the top of the hair to the chin. */
  headHeight?: Range
  /** Distance from the chin to the bottom edge. */
  chinFromBottom?: Range
}

/** The facts of a spec that each carry their evidence. */
export type SpecFact = 'pixels' | 'printMm' | 'dpi' | 'background' | 'fileKb' | 'head'

/** One official photo specification, as data: versioned, sourced, and dated. */
export interface PhotoSpec {
  id: string
  version: number
  documentType: DocumentType
  region: RegionScope
  /** What the user sees, e.g. 社保卡（全国通用）. */
  title: string
  pixels: { width: number; height: number }
  printMm: { width: number; height: number }
  dpi: number
  background: { name: string; rgb: readonly [number, number, number] }
  /** Other background colours the source allows (the pipeline uses `background`). */
  allowedBackgrounds?: readonly string[]
  /** The standard the spec comes from, when there is one, with where it is named. */
  standard?: { name: string; evidence: Source }
  format: 'jpeg'
  /** Starting JPEG quality for the size search. */
  jpegQuality: number
  fileKb: Range & { unit: 'KB' }
  head: HeadRules
  /** The evidence for each fact (a quoted source or `unverified`). */
  evidence: Readonly<Record<SpecFact, Evidence>>
}

/** What making and checking a photo reads of a spec: a receipt spec, or a catalogue one with no document type or region. */
export type SpecShape = Omit<PhotoSpec, 'documentType' | 'region'>

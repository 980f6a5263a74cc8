import { BACKGROUND_SHADES } from './backgrounds'
import { scaledHead } from './head-rules'
import type { SpecShape } from './spec.types'

/**
 * Custom sizes (自定义尺寸): pixels (or millimetres at a DPI), a KB range and a background, made and pre-checked
 * like any spec; the head rules are the 居民身份证 rules scaled to the pixels (the nearest standard). The whole
 * spec lives in its id, `custom-<w>x<h>-<dpi>dpi-<min>-<max>kb-<background>`, so pages and the photo function
 * rebuild it from the URL or the request without storing anything.
 */
export interface CustomSize {
  width: number
  height: number
  dpi: number
  kbMin: number
  kbMax: number
  background: string
}

/** What we can make: sides 100–2000 px, 72–1200 DPI, 5–2000 KB with room between, a background we render. */
export const CUSTOM_LIMITS = { minSide: 100, maxSide: 2000, minDpi: 72, maxDpi: 1200, minKb: 5, maxKb: 2000 } as const

/** Why a custom size cannot be made, in words, or undefined when it can. */
export function customSizeProblem(c: CustomSize): string | undefined {
  const L = CUSTOM_LIMITS
  const whole = [c.width, c.height, c.dpi, c.kbMin, c.kbMax].every((n) => Number.isInteger(n))
  if (!whole) return '请填写整数'
  if ([c.width, c.height].some((n) => n < L.minSide || n > L.maxSide)) return `宽和高需在 ${L.minSide}–${L.maxSide} 像素之间`
  if (c.dpi < L.minDpi || c.dpi > L.maxDpi) return `分辨率需在 ${L.minDpi}–${L.maxDpi} DPI 之间`
  if (c.kbMin < L.minKb || c.kbMax > L.maxKb || c.kbMin >= c.kbMax) return `文件大小需在 ${L.minKb}–${L.maxKb} KB 之间，且下限小于上限`
  if (!BACKGROUND_SHADES[c.background]) return '请选择背景颜色'
  return undefined
}

/** Pixels from millimetres at a DPI, as a print shop counts them. */
export const pixelsFromMm = (mm: number, dpi: number) => Math.round((mm / 25.4) * dpi)

export function customSpecId(c: CustomSize): string {
  return `custom-${c.width}x${c.height}-${c.dpi}dpi-${c.kbMin}-${c.kbMax}kb-${c.background}`
}

export function parseCustomSpecId(id: string): CustomSize | undefined {
  const m = /^custom-(\d{1,4})x(\d{1,4})-(\d{1,4})dpi-(\d{1,4})-(\d{1,4})kb-(\S{1,4})$/.exec(id)
  if (!m) return undefined
  const c: CustomSize = { width: +m[1], height: +m[2], dpi: +m[3], kbMin: +m[4], kbMax: +m[5], background: m[6] }
  return customSizeProblem(c) ? undefined : c
}

export function customSpec(c: CustomSize): SpecShape {
  const rgb = BACKGROUND_SHADES[c.background]
  const mm = (px: number) => Math.round((px / c.dpi) * 25.4)
  const unverified = { unverified: true as const, note: '自定义尺寸，由用户填写' }
  return {
    id: customSpecId(c),
    version: 1,
    title: `自定义 ${c.width}×${c.height}`,
    pixels: { width: c.width, height: c.height },
    printMm: { width: mm(c.width), height: mm(c.height) },
    dpi: c.dpi,
    background: { name: c.background, rgb },
    format: 'jpeg',
    jpegQuality: 85,
    fileKb: { min: c.kbMin, max: c.kbMax, unit: 'KB' },
    head: scaledHead(c.width, c.height),
    evidence: { pixels: unverified, printMm: unverified, dpi: unverified, background: unverified, fileKb: unverified, head: unverified },
  }
}

import type { SpecShape } from './spec.types'

export type Rgb = readonly [number, number, number]

/**
 * The shades we render for the background names specs allow. The names come from each spec's source
 * (出入境: 白色、浅灰色或淡蓝色); the exact shades are ours, light enough to read as the named colour.
 */
export const BACKGROUND_SHADES: Readonly<Record<string, Rgb>> = {
  白色: [255, 255, 255],
  浅灰色: [225, 225, 225],
  淡蓝色: [200, 225, 245],
  蓝色: [67, 142, 219],
}

export interface BackgroundChoice {
  name: string
  rgb: Rgb
}

/** The backgrounds a user may choose for this spec: its default first, then the others its source allows. */
export function backgroundsOf(spec: Pick<SpecShape, 'background' | 'allowedBackgrounds'>): BackgroundChoice[] {
  const names = [spec.background.name, ...(spec.allowedBackgrounds ?? [])].filter((n, i, all) => all.indexOf(n) === i)
  return names.flatMap((name) => (name === spec.background.name ? [{ name, rgb: spec.background.rgb }] : BACKGROUND_SHADES[name] ? [{ name, rgb: BACKGROUND_SHADES[name] }] : []))
}

/** The spec as it is made with this background, or undefined when the spec does not allow it. */
export function withBackground<T extends SpecShape>(spec: T, name: string | undefined): T | undefined {
  if (!name || name === spec.background.name) return spec
  const choice = backgroundsOf(spec).find((b) => b.name === name)
  return choice ? { ...spec, background: choice } : undefined
}

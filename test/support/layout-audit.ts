import type { BrowserContext, Page } from 'playwright-core'

/**
 * The layout and accessibility audit of one rendered H5 page, measured from the browser's own layout and computed
 * styles. Each finding is one line a reader can act on: what is wrong, where, with its numbers.
 *
 * - `edge`: a visible element reaches past the right edge of the viewport (the page scrolls sideways), or past the left
 *   one (a right-aligned value too long for its row);
 * - `clipped`: text cut off by its box (overflow hidden or an ellipsis with more text than fits);
 * - `squeezed`: text stacked one or two characters per line (「身/份/证/号」), or a short word broken one character a line (「大/人」);
 * - `overlap`: lines of text drawn over each other (a line-height below the font size, or two text boxes crossing);
 * - `target`: something tappable smaller than 44 × 44 px (WCAG 2.5.5, Apple HIG; WeChat's 适老化 guidance asks for larger);
 * - `contrast`: text below 4.5:1 against what is behind it (WCAG 1.4.3).
 */
export interface Finding {
  kind: 'edge' | 'clipped' | 'squeezed' | 'overlap' | 'target' | 'contrast'
  where: string
  detail: string
}

/** Tap targets smaller than this (CSS px, both sides) are findings. */
export const MIN_TARGET = 44
/** Text below this contrast ratio is a finding. */
export const MIN_CONTRAST = 4.5

/**
 * Emulates a user whose root font is `scale` × the app's: Taro's H5 rem script sets `html { font-size }` from the
 * screen width; this multiplies whatever it sets, as a browser or WebView text setting would.
 */
export async function scaleRootFont(context: BrowserContext, scale: number): Promise<void> {
  await context.addInitScript((s: number) => {
    let mine = ''
    const apply = () => {
      const html = document.documentElement
      const set = html?.style.fontSize
      if (!set || set === mine) return
      mine = `${parseFloat(set) * s}px`
      html.style.fontSize = mine
    }
    // The script runs before <html> is parsed: watch the whole document for Taro's script setting the root size.
    new MutationObserver(apply).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['style'] })
    apply()
  }, scale)
}

/** Runs the audit on the page's visible content (the open Taro page, the tab bar, any open popup). */
export function audit(page: Page): Promise<Finding[]> {
  return page.evaluate(
    ({ minTarget, minContrast }) => {
      type Rgba = [number, number, number, number]
      const findings: Array<{ kind: string; where: string; detail: string }> = []
      const vw = document.documentElement.clientWidth

      const describe = (el: Element): string => {
        const testId = el.closest('[data-testid]')?.getAttribute('data-testid')
        const cls = (el.getAttribute('class') ?? '').split(/\s+/).filter((c) => c && !c.startsWith('hydrated'))[0]
        const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 24)
        return `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''}${testId ? ` [${testId}]` : ''}${text ? ` 「${text}」` : ''}`
      }
      const shown = (el: Element): boolean => {
        const r = el.getBoundingClientRect()
        if (r.width < 1 || r.height < 1) return false
        const check = (el as Element & { checkVisibility?: (o: object) => boolean }).checkVisibility
        return check ? check.call(el, { opacityProperty: true, visibilityProperty: true }) : true
      }
      const parse = (c: string): Rgba | null => {
        const m = c.match(/rgba?\(([^)]+)\)/)
        if (!m) return null
        const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number)
        return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]
      }
      const over = (top: Rgba, under: Rgba): Rgba => {
        const a = top[3] + under[3] * (1 - top[3])
        if (a === 0) return [0, 0, 0, 0]
        const mix = (i: number) => (top[i] * top[3] + under[i] * under[3] * (1 - top[3])) / a
        return [mix(0), mix(1), mix(2), a]
      }
      const luminance = (c: Rgba): number => {
        const ch = (v: number) => {
          const s = v / 255
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
        }
        return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2])
      }
      /** The colour behind an element: its own and its ancestors' backgrounds composited (a gradient counts as its lightest stop). */
      const backdrop = (el: Element): Rgba => {
        const layers: Rgba[] = []
        for (let n: Element | null = el; n; n = n.parentElement) {
          const cs = getComputedStyle(n)
          const img = cs.backgroundImage
          if (img && img !== 'none' && img.includes('gradient')) {
            const stops = [...img.matchAll(/rgba?\([^)]+\)/g)].map((m) => parse(m[0])).filter((x): x is Rgba => !!x)
            if (stops.length) {
              const lightest = stops.reduce((a, b) => (luminance(b) > luminance(a) ? b : a))
              layers.push(lightest)
              if (lightest[3] >= 1) break
            }
          }
          const bg = parse(cs.backgroundColor)
          if (bg && bg[3] > 0) {
            layers.push(bg)
            if (bg[3] >= 1) break
          }
        }
        return layers.reduceRight<Rgba>((under, top) => over(top, under), [255, 255, 255, 1])
      }
      const opacityOf = (el: Element): number => {
        let o = 1
        for (let n: Element | null = el; n; n = n.parentElement) o *= Number(getComputedStyle(n).opacity)
        return o
      }
      const reactProps = (el: Element): Record<string, unknown> | undefined => {
        const key = Object.keys(el).find((k) => k.startsWith('__reactProps$'))
        return key ? ((el as unknown as Record<string, Record<string, unknown>>)[key] ?? undefined) : undefined
      }
      const tappable = (el: Element): boolean => {
        const tag = el.tagName.toLowerCase()
        if (tag === 'input' && (el as HTMLInputElement).type === 'hidden') return false
        if (['button', 'select', 'textarea', 'input'].includes(tag)) return true
        if (tag === 'a' && el.hasAttribute('href')) return true
        // NutUI's icons always carry a click handler of their own (a no-op unless given one): an icon counts by the control around it.
        if (el.classList.contains('nut-icon') || getComputedStyle(el).pointerEvents === 'none') return false
        // Taro's components (taro-view-core, …) keep their handlers in `__events` (@tarojs/components attachProps); plain
        // elements (NutUI's) in React's props.
        const events = (el as Element & { __events?: Record<string, unknown> }).__events
        if (events && (typeof events.click === 'function' || typeof events.tap === 'function')) return true
        const props = reactProps(el)
        return !!props && (typeof props.onClick === 'function' || typeof props.onTap === 'function')
      }

      const all = [...document.body.querySelectorAll('*')].filter((el) => !['SCRIPT', 'STYLE', 'LINK', 'META'].includes(el.tagName))
      const visible = all.filter(shown)

      // Past the right edge: unless a sideways-scrolling box holds it, which is meant to scroll.
      const scrollsSideways = (el: Element): boolean => {
        for (let n = el.parentElement; n && n !== document.body; n = n.parentElement) {
          const ox = getComputedStyle(n).overflowX
          if (ox === 'auto' || ox === 'scroll') return true
          if (ox === 'hidden' || ox === 'clip') return n.getBoundingClientRect().right <= vw + 1
        }
        return false
      }
      const past = (el: Element) => {
        const r = el.getBoundingClientRect()
        return r.right > vw + 1 || r.left < -1
      }
      const edge = visible.filter((el) => past(el) && !scrollsSideways(el))
      // Report the outermost elements only: their children follow them past the edge.
      for (const el of edge.filter((e) => !edge.includes(e.parentElement as Element))) {
        const r = el.getBoundingClientRect()
        findings.push({ kind: 'edge', where: describe(el), detail: r.left < -1 ? `left ${Math.round(r.left)} < 0` : `right ${Math.round(r.right)} > ${vw}` })
      }

      const textEls = visible.filter((el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim()))
      const lineBoxes: Array<{ el: Element; r: DOMRect }> = []
      for (const el of textEls) {
        const cs = getComputedStyle(el)
        const fontPx = parseFloat(cs.fontSize)
        const text = [...el.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent ?? '')
          .join('')
          .trim()
        const box = el as HTMLElement
        const hides = (o: string) => o === 'hidden' || o === 'clip' || o === 'auto' || o === 'scroll'
        if ((hides(cs.overflowX) || cs.textOverflow === 'ellipsis') && box.scrollWidth > box.clientWidth + 1) {
          findings.push({ kind: 'clipped', where: describe(el), detail: `text ${box.scrollWidth} px wide in a ${box.clientWidth} px box` })
        } else if (hides(cs.overflowY) && cs.webkitLineClamp === 'none' && box.scrollHeight > box.clientHeight + 2) {
          findings.push({ kind: 'clipped', where: describe(el), detail: `text ${box.scrollHeight} px high in a ${box.clientHeight} px box` })
        } else if (cs.webkitLineClamp !== 'none' && box.scrollHeight > box.clientHeight + 2) {
          findings.push({ kind: 'clipped', where: describe(el), detail: `clamped to ${cs.webkitLineClamp} lines` })
        }
        const lh = cs.lineHeight === 'normal' ? fontPx * 1.2 : parseFloat(cs.lineHeight)
        if (lh < fontPx - 0.5) findings.push({ kind: 'overlap', where: describe(el), detail: `line-height ${lh.toFixed(1)} px under font-size ${fontPx.toFixed(1)} px` })

        const range = document.createRange()
        const rects: DOMRect[] = []
        for (const n of el.childNodes) {
          if (n.nodeType !== Node.TEXT_NODE || !(n.textContent ?? '').trim()) continue
          range.selectNodeContents(n)
          rects.push(...[...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0))
        }
        for (const r of rects) lineBoxes.push({ el, r })
        // Text cut off sideways by a box around it that hides what overflows (a rounded card, a cell group).
        for (let n = el.parentElement; n && n !== document.body; n = n.parentElement) {
          const ox = getComputedStyle(n).overflowX
          // A row that scrolls sideways (a tab strip) shows the rest when scrolled: not cut off.
          if (ox === 'auto' || ox === 'scroll') break
          if (ox !== 'hidden' && ox !== 'clip') continue
          const c = n.getBoundingClientRect()
          const cut = rects.find((r) => r.right > c.right + 1 || r.left < c.left - 1)
          if (cut) findings.push({ kind: 'clipped', where: describe(el), detail: `text runs to ${Math.round(cut.right)} px in a box that ends at ${Math.round(c.right)} px` })
          if (cut) break
        }
        const lines = new Set(rects.map((r) => Math.round(r.top))).size
        const chars = [...text.replace(/\s/g, '')].length
        if ((lines >= 3 && chars / lines <= 2.2) || (lines >= 2 && chars <= lines)) findings.push({ kind: 'squeezed', where: describe(el), detail: `${chars} characters on ${lines} lines (${Math.round(el.getBoundingClientRect().width)} px wide)` })

        const fg = parse(cs.color)
        if (fg) {
          const bg = backdrop(el)
          const shownFg = over([fg[0], fg[1], fg[2], fg[3] * opacityOf(el)], bg)
          const [l1, l2] = [luminance(shownFg), luminance(bg)].sort((a, b) => b - a)
          const ratio = (l1 + 0.05) / (l2 + 0.05)
          if (ratio < minContrast - 0.005) findings.push({ kind: 'contrast', where: describe(el), detail: `${ratio.toFixed(2)}:1 (${cs.color} on rgb(${bg.slice(0, 3).map(Math.round).join(', ')}))` })
        }
      }
      // An empty field's placeholder is text too (Chromium's default grey is 2.3:1).
      for (const el of visible.filter((e) => (e.tagName === 'INPUT' || e.tagName === 'TEXTAREA') && (e as HTMLInputElement).placeholder && !(e as HTMLInputElement).value)) {
        const fg = parse(getComputedStyle(el, '::placeholder').color)
        if (!fg) continue
        const bg = backdrop(el)
        const [l1, l2] = [luminance(over(fg, bg)), luminance(bg)].sort((a, b) => b - a)
        const ratio = (l1 + 0.05) / (l2 + 0.05)
        if (ratio < minContrast - 0.005) findings.push({ kind: 'contrast', where: `${describe(el)} placeholder 「${(el as HTMLInputElement).placeholder.slice(0, 16)}」`, detail: `${ratio.toFixed(2)}:1` })
      }

      // Two text boxes of different elements crossing. Text under a fixed bar
      // (the tab bar, a sticky button) is covered by it, not drawn over it: such pairs are left out.
      const fixedCache = new Map<Element, boolean>()
      const inFixed = (el: Element): boolean => {
        if (!fixedCache.has(el)) {
          let fixed = false
          for (let n: Element | null = el; n && !fixed; n = n.parentElement) fixed = ['fixed', 'sticky'].includes(getComputedStyle(n).position)
          fixedCache.set(el, fixed)
        }
        return fixedCache.get(el) as boolean
      }
      // What of a box its scrolling or clipping ancestors let show.
      const clipped = (el: Element, r: DOMRect): { left: number; right: number; top: number; bottom: number } => {
        const out = { left: r.left, right: r.right, top: r.top, bottom: r.bottom }
        for (let n = el.parentElement; n && n !== document.body; n = n.parentElement) {
          const cs = getComputedStyle(n)
          if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue
          const c = n.getBoundingClientRect()
          out.left = Math.max(out.left, c.left)
          out.right = Math.min(out.right, c.right)
          out.top = Math.max(out.top, c.top)
          out.bottom = Math.min(out.bottom, c.bottom)
        }
        return out
      }
      const shownBoxes = lineBoxes.map((box) => ({ ...box, c: clipped(box.el, box.r) })).filter((box) => box.c.right > box.c.left && box.c.bottom > box.c.top)
      for (let i = 0; i < shownBoxes.length; i++) {
        for (let j = i + 1; j < shownBoxes.length; j++) {
          const a = shownBoxes[i]
          const b = shownBoxes[j]
          if (a.el === b.el || a.el.contains(b.el) || b.el.contains(a.el) || inFixed(a.el) !== inFixed(b.el)) continue
          const ca = a.c
          const cb = b.c
          const w = Math.min(ca.right, cb.right) - Math.max(ca.left, cb.left)
          const h = Math.min(ca.bottom, cb.bottom) - Math.max(ca.top, cb.top)
          // Glyph boxes of stacked lines may touch (a line-height under the font's own box); more than a quarter of a
          // line's height, or any sideways crossing of 2 px, is text drawn over text.
          if (w <= 2 || h <= 0.25 * Math.min(a.r.height, b.r.height)) continue
          findings.push({ kind: 'overlap', where: `${describe(a.el)} × ${describe(b.el)}`, detail: `${Math.round(w)}×${Math.round(h)} px drawn over each other` })
        }
      }

      // Tap targets: an element with a handler (or a native control) counts by its own box, or by an enclosing tappable box.
      const targets = visible.filter(tappable)
      for (const el of targets) {
        const r = el.getBoundingClientRect()
        if (r.width >= minTarget - 0.5 && r.height >= minTarget - 0.5) continue
        let host: Element | null = el.parentElement
        let covered = false
        while (host && !covered) {
          if (tappable(host)) {
            const hr = host.getBoundingClientRect()
            covered = hr.width >= minTarget - 0.5 && hr.height >= minTarget - 0.5
          }
          host = host.parentElement
        }
        if (!covered) findings.push({ kind: 'target', where: describe(el), detail: `${Math.round(r.width)}×${Math.round(r.height)} px` })
      }
      return findings
    },
    { minTarget: MIN_TARGET, minContrast: MIN_CONTRAST },
  ) as Promise<Finding[]>
}

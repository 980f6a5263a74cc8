import { MAIN_PERSON_EDGE, mainPerson } from '@/domain/photo/main-person'

/** The person of an ID photo is the one whose face was found; a neighbour apart from them is background. */
describe('mainPerson', () => {
  it('keeps the person holding the seed with their soft edge, and drops a neighbour apart from them', () => {
    const w = 60
    const h = 40
    const alpha = new Float32Array(w * h)
    const set = (x0: number, x1: number, a: number) => {
      for (let y = 5; y < 35; y++) for (let x = x0; x < x1; x++) alpha[y * w + x] = a
    }
    set(10, 25, 1) // the main person
    set(25, 27, 0.3) // a hair tip fading out beside them
    set(45, 60, 1) // a neighbour at the edge
    const main = mainPerson(alpha, w, h, { x: 17, y: 10 })
    expect(main[10 * w + 17]).toBe(1)
    expect(main[10 * w + 26]).toBeCloseTo(0.3)
    expect(main[10 * w + 50]).toBe(0)
    // A seed outside everyone takes the nearest person.
    expect(mainPerson(alpha, w, h, { x: 40, y: 10 })[10 * w + 50]).toBe(1)
    expect(MAIN_PERSON_EDGE).toBeGreaterThanOrEqual(2)
  })

  it('returns all zeros when no one is there', () => {
    expect(Array.from(mainPerson(new Float32Array(100).fill(0.2), 10, 10, { x: 5, y: 5 })).every((a) => a === 0)).toBe(true)
  })
})

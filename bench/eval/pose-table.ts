import { readFileSync } from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { normalizePhoto, type PipelineResult } from '../../cloudfunctions/_shared/photo/pipeline'
import { POSE_LIMITS } from '../../src/domain/photo/pose'
import { specById } from '../../src/domain/photo/specs'

/**
 * `npx tsx bench/eval/pose-table.ts [--faces /tmp/dir]`: the head-pose measures (src/domain/photo/pose.ts) the
 * pipeline takes of the four fixtures, the fixtures turned ±7° (test/support/photos.ts tiltedPhoto) and the 22 eval
 * portraits (bench/eval/portraits.json, upright crops), printed beside what the portrait's labels and note say
 * (turned, tilted, eyes closed) and the pose checks it is expected to fail. With --faces, each output photo is
 * written to that folder with its landmarks drawn, to look at.
 */
const root = path.resolve(__dirname, '..', '..')
const spec = specById('id-card')!

interface Portrait {
  id: string
  source: string
  crop: { left: number; top: number; width: number; height: number }
  labels: Record<string, string | boolean>
  expect: Record<string, string>
  note: string
}

async function drawFace(file: string, result: PipelineResult) {
  const d = result.debug
  if (!d) return
  const dots = d.points.map((p, i) => `<circle cx="${p.x}" cy="${p.y}" r="1.5" fill="${i >= 36 && i < 48 ? '#0c0' : i >= 27 && i < 36 ? '#f0f' : '#fc0'}"/>`).join('')
  const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${d.img.width}" height="${d.img.height}">${dots}</svg>`)
  await sharp(d.img.data, { raw: { width: d.img.width, height: d.img.height, channels: 3 } }).composite([{ input: svg }]).png().toFile(file)
}

const signed = (n: number, digits: number) => `${n >= 0 ? '+' : ''}${n.toFixed(digits)}`

async function main() {
  const facesDir = process.argv.includes('--faces') ? process.argv[process.argv.indexOf('--faces') + 1] : undefined
  const portraits = JSON.parse(readFileSync(path.join(__dirname, 'portraits.json'), 'utf8')) as Portrait[]
  const fixture = (n: number) => readFileSync(path.join(root, 'test', 'fixtures', 'photos', `face-${n}.jpg`))
  const rows: Array<{ id: string; photo: () => Promise<Buffer>; label: string }> = [
    ...[1, 2, 3, 4].flatMap((n) => [
      { id: `face-${n}`, photo: async () => fixture(n), label: 'fixture' },
      ...[7, -7].map((deg) => ({ id: `face-${n} ${signed(deg, 0)}°`, photo: () => sharp(fixture(n)).rotate(deg, { background: '#ffffff' }).jpeg({ quality: 92 }).toBuffer(), label: 'fixture, turned in the plane' })),
    ]),
    ...portraits.map((p) => ({
      id: p.id,
      photo: () => sharp(path.join(root, 'node_modules', p.source)).extract(p.crop).jpeg({ quality: 92 }).toBuffer(),
      label: [
        p.labels.headTurned ? 'turned' : '',
        p.labels.headTilted ? 'tilted' : '',
        /eyes (nearly )?closed|eyes squeezed/i.test(p.note) ? 'eyes closed' : '',
        ...['head-tilt', 'head-turn'].filter((id) => p.expect[id] === 'fail').map((id) => `✗${id}`),
      ]
        .filter(Boolean)
        .join(', '),
    })),
  ]
  console.log(`limits: |roll| ≤ ${POSE_LIMITS.rollMax}°, |yaw| ≤ ${POSE_LIMITS.yawMax}; EAR reported only (see pose.ts)`)
  console.log('photo          roll°    yaw    EAR    pose checks failed   labels')
  for (const row of rows) {
    const result = await normalizePhoto(await row.photo(), spec, { debug: !!facesDir })
    const failed = result.checks.filter((c) => !c.passed && (c.id === 'head-tilt' || c.id === 'head-turn' || c.id === 'one-face')).map((c) => c.id)
    const { pose } = result
    const cells = pose ? [signed(pose.roll, 1).padStart(6), signed(pose.yaw, 2).padStart(6), pose.ear.toFixed(3)] : ['     —', '     —', '  —  ']
    console.log(`${row.id.padEnd(13)} ${cells.join('  ')}  ${(failed.join(' ') || '—').padEnd(20)} ${row.label}`)
    if (facesDir && result.debug) await drawFace(path.join(facesDir, `${row.id.replace(/[^\w-]+/g, '_')}.png`), result)
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

import { invoke } from '../../cloudfunctions/_shared/handler'
import type { Caller } from '../../cloudfunctions/_shared/ports'
import { FUNCTIONS } from '../../emulator/functions'
import type { Emulator } from '../../emulator/server'
import { decompressionBomb, fixture, svgWithScript, truncatedJpeg } from '../support/photos'
import type { Figure } from './kit'

/**
 * Hostile files, over the emulator's upload route and the photo function as a client sends them: each is
 * refused with its own code, and the process's resident memory grows by less than 256 MB meanwhile.
 */
export async function hostileFiles(em: Emulator, devUser: string, caller: Caller): Promise<Figure> {
  const target = async () => {
    const reply = await invoke(FUNCTIONS.photo, { action: 'uploadTarget', data: {} }, caller, em.ports)
    return (reply as { data: { cloudPath: string } }).data.cloudPath
  }
  const put = (cloudPath: string, body: Uint8Array) => fetch(`${em.url}/api/files?cloudPath=${encodeURIComponent(cloudPath)}`, { method: 'PUT', headers: { 'x-huizhi-user': devUser }, body: new Blob([body as Uint8Array<ArrayBuffer>]) })
  const normalize = async (bytes: Buffer): Promise<string> => {
    const res = await put(await target(), new Uint8Array(bytes))
    const up = (await res.json()) as { ok: boolean; data?: { fileID: string }; error?: { code: string } }
    if (!up.ok) return up.error?.code ?? '?'
    const reply = await invoke(FUNCTIONS.photo, { action: 'normalize', data: { fileID: up.data!.fileID, specId: 'ssc-shenzhen' } }, caller, em.ports)
    return reply.ok ? 'ACCEPTED' : reply.error.code
  }
  const polyglot = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('<html><script>alert(document.cookie)</script></html>PK\u0003\u0004')])
  const baseline = process.memoryUsage().rss
  let peak = baseline
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
  const outcomes: Array<[string, string, string]> = []
  try {
    outcomes.push(['decompression bomb (30000×30000 PNG)', await normalize(decompressionBomb()), 'PHOTO_TOO_MANY_PIXELS'])
    outcomes.push(['truncated JPEG', await normalize(truncatedJpeg()), 'PHOTO_TRUNCATED'])
    outcomes.push(['JPEG/HTML/ZIP polyglot', await normalize(polyglot), 'PHOTO_TRUNCATED|PHOTO_NOT_IMAGE'])
    outcomes.push(['SVG with script', await normalize(svgWithScript()), 'PHOTO_NOT_IMAGE'])
    const big = await put(await target(), new Uint8Array(50 * 1024 * 1024))
    outcomes.push(['50 MB upload', ((await big.json()) as { error?: { code: string } }).error?.code ?? 'ACCEPTED', 'PAYLOAD_TOO_LARGE'])
    const traversal = await put('photos/raw/../../../etc/passwd', new Uint8Array(fixture(1)))
    outcomes.push(['path-traversal file name', ((await traversal.json()) as { error?: { code: string } }).error?.code ?? 'ACCEPTED', 'VALIDATION_FAILED'])
  } finally {
    clearInterval(sample)
  }
  const growthMb = (peak - baseline) / 1024 / 1024
  const wrong = outcomes.filter(([, got, want]) => !want.split('|').includes(got))
  return {
    name: 'hostile files',
    tried: outcomes.map(([what]) => what).join(', '),
    outcome: `${outcomes.map(([what, got]) => `${what.split(' (')[0]} → ${got}`).join('; ')}; resident memory grew ${growthMb.toFixed(0)} MB`,
    pass: wrong.length === 0 && growthMb < 256,
  }
}

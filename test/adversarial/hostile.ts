import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { decompressionBomb, fixture, svgWithScript, truncatedJpeg } from '../support/photos'
import type { Figure } from './kit'
import { freePort, spawnEmulator } from './process'

/**
 * Hostile files, sent to an emulator process of their own the way a client sends them (upload route, then
 * photo.normalize): each is refused with its own code. The process is warmed with one ordinary photo first
 * (models loaded), and its resident memory may not grow by 256 MB over that while the hostile files go through.
 */
export async function hostileFiles(devUser = 'zhangsan'): Promise<Figure> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'huizhi-hostile-'))
  const em = await spawnEmulator(dataDir, await freePort(), { HUIZHI_SWEEP_MS: '0', HUIZHI_WRITE_BURST: '1000' })
  try {
    const fn = async (action: string, data: unknown) => {
      const res = await fetch(`${em.url}/api/functions/photo`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-huizhi-user': devUser }, body: JSON.stringify({ action, data }) })
      return (await res.json()) as { ok: boolean; data?: Record<string, string>; error?: { code: string } }
    }
    const put = (cloudPath: string, body: Uint8Array) =>
      fetch(`${em.url}/api/files?cloudPath=${encodeURIComponent(cloudPath)}`, { method: 'PUT', headers: { 'x-huizhi-user': devUser }, body: new Blob([body as Uint8Array<ArrayBuffer>]) })
    const target = async () => (await fn('uploadTarget', {})).data!.cloudPath
    const normalize = async (bytes: Buffer): Promise<string> => {
      const up = (await (await put(await target(), new Uint8Array(bytes))).json()) as { ok: boolean; data?: { fileID: string }; error?: { code: string } }
      if (!up.ok) return up.error?.code ?? '?'
      const reply = await fn('normalize', { fileID: up.data!.fileID, specId: 'ssc-shenzhen' })
      return reply.ok ? 'ACCEPTED' : (reply.error?.code ?? '?')
    }
    const warm = await normalize(fixture(1))
    if (warm !== 'ACCEPTED') throw new Error(`an ordinary photo was refused: ${warm}`)
    const fresh = em.resetPeak()
    const baseline = em.memory().rssMb
    const polyglot = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('<html><script>alert(document.cookie)</script></html>PK\u0003\u0004')])
    const outcomes: Array<[string, string, string]> = []
    outcomes.push(['decompression bomb (30000×30000 PNG)', await normalize(decompressionBomb()), 'PHOTO_TOO_MANY_PIXELS'])
    outcomes.push(['truncated JPEG', await normalize(truncatedJpeg()), 'PHOTO_TRUNCATED'])
    outcomes.push(['JPEG/HTML/ZIP polyglot', await normalize(polyglot), 'PHOTO_TRUNCATED|PHOTO_NOT_IMAGE'])
    outcomes.push(['SVG with script', await normalize(svgWithScript()), 'PHOTO_NOT_IMAGE'])
    const big = await put(await target(), new Uint8Array(50 * 1024 * 1024))
    outcomes.push(['50 MB upload', ((await big.json()) as { error?: { code: string } }).error?.code ?? 'ACCEPTED', 'PAYLOAD_TOO_LARGE'])
    const traversal = await put('photos/raw/../../../etc/passwd', new Uint8Array(fixture(1)))
    outcomes.push(['path-traversal file name', ((await traversal.json()) as { error?: { code: string } }).error?.code ?? 'ACCEPTED', 'VALIDATION_FAILED'])
    const { peakMb } = em.memory()
    const growthMb = peakMb - baseline
    const wrong = outcomes.filter(([, got, want]) => !want.split('|').includes(got))
    return {
      name: 'hostile files',
      tried: `${outcomes.map(([what]) => what).join(', ')}, against an emulator process of their own`,
      outcome: `${outcomes.map(([what, got]) => `${what.split(' (')[0]} → ${got}`).join('; ')}; the process's resident memory peaked at ${peakMb.toFixed(0)} MB${fresh ? '' : ' (peak since start)'}, ${growthMb.toFixed(0)} MB over its ${baseline.toFixed(0)} MB after an ordinary photo`,
      pass: wrong.length === 0 && growthMb < 256,
    }
  } finally {
    await em.kill()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

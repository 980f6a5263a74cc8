import sharp from 'sharp'
import type { NormalizeResult } from '@/domain/photo/photo.schema'
import { uploadTarget } from '../support/emulator'
import { callFn, start, type Emulator } from '../support/emulator'
import { fixture } from '../support/photos'
import { tempDir } from '../support/store'

describe('local emulator: a photo from upload to signed download', () => {
  let em: Emulator
  let cleanup: () => void

  beforeAll(async () => {
    const t = tempDir()
    cleanup = t.cleanup
    em = await start(t.dir)
  })
  afterAll(async () => {
    await em.close()
    cleanup()
  })

  it('uploads over HTTP, normalises through the photo function, and serves the result only by a signed URL', async () => {
    const up = await fetch(`${em.url}/api/files?cloudPath=${await uploadTarget(em, 'lisi')}`, { method: 'PUT', body: new Uint8Array(fixture(1)), headers: { 'x-huizhi-user': 'lisi' } })
    const { data } = (await up.json()) as { data: { fileID: string } }
    const reply = await callFn(em, 'photo', { action: 'normalize', data: { fileID: data.fileID, specId: 'ssc-shenzhen' } }, 'lisi')
    expect(reply.status).toBe(200)
    const result = reply.body.data as NormalizeResult
    expect(result.blocked).toBe(false)
    const res = await fetch(result.photo!.url)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/jpeg')
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata()
    expect([meta.width, meta.height, meta.density]).toEqual([358, 441, 350])
    const unsigned = await fetch(result.photo!.url.split('?')[0])
    expect(unsigned.status).toBe(403)
  })

  it('answers a hostile upload with its code and a 4xx status over HTTP', async () => {
    const up = await fetch(`${em.url}/api/files?cloudPath=${await uploadTarget(em, 'lisi')}`, { method: 'PUT', body: new TextEncoder().encode('not a photo at all, just words'), headers: { 'x-huizhi-user': 'lisi' } })
    const { data } = (await up.json()) as { data: { fileID: string } }
    const reply = await callFn(em, 'photo', { action: 'normalize', data: { fileID: data.fileID, specId: 'ssc-national' } }, 'lisi')
    expect(reply.status).toBe(415)
    expect(reply.body.error).toEqual({ code: 'PHOTO_NOT_IMAGE', message: '这不是一张照片，请选择 JPG、PNG 或 WebP 格式的图片' })
  })
})

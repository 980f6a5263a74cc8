import { isOrderCallbackToken, orderCallbackToken, orderCallbackUrl, zjzapiSign } from '../../cloudfunctions/_shared/provider/callback-token'
import { createCenter, providerSettingsFromEnv } from '../../cloudfunctions/_shared/provider/select'
import { providerTypeFor, typeMapFromEnv } from '../../cloudfunctions/_shared/provider/type-map'

const ZJZAPI_ENV = {
  HUIZHI_PROVIDER: 'zjzapi',
  HUIZHI_PROVIDER_URL: 'https://api.zjzapi.com',
  HUIZHI_PROVIDER_API_KEY: 'key',
  HUIZHI_PROVIDER_TOKEN_KEY: 'a'.repeat(64),
  HUIZHI_PROVIDER_CALLBACK_URL: 'https://env.service.tcloudbase.com/api/callbacks/review',
  HUIZHI_PROVIDER_TYPES: '{"social-security-card@440300":12,"id-card":3}',
}

describe('receipt provider configuration', () => {
  it('chooses the adapter by HUIZHI_PROVIDER, our own contract when it is empty', () => {
    expect(createCenter(providerSettingsFromEnv({})).provider).toBe('huizhi')
    expect(createCenter(providerSettingsFromEnv(ZJZAPI_ENV)).provider).toBe('zjzapi')
    const clip = createCenter(providerSettingsFromEnv({ ...ZJZAPI_ENV, HUIZHI_PROVIDER: 'clipimg' }))
    expect(clip.provider).toBe('clipimg')
    expect(typeof clip.query).toBe('function')
  })

  it('stops at cold start on an unknown provider, a missing setting or a short token key', () => {
    expect(() => providerSettingsFromEnv({ HUIZHI_PROVIDER: 'other' })).toThrow(/HUIZHI_PROVIDER must be one of/)
    expect(() => providerSettingsFromEnv({ ...ZJZAPI_ENV, HUIZHI_PROVIDER_TOKEN_KEY: '' })).toThrow(/needs HUIZHI_PROVIDER_TOKEN_KEY/)
    expect(() => providerSettingsFromEnv({ ...ZJZAPI_ENV, HUIZHI_PROVIDER_TOKEN_KEY: 'short' })).toThrow(/at least 32/)
    expect(() => typeMapFromEnv('{"id-card":"3"}')).toThrow(/not an integer/)
  })

  it('maps a document type, or type@city first, to the provider type id; an unmapped one is RECEIPT_TYPE_UNAVAILABLE', () => {
    const map = typeMapFromEnv(ZJZAPI_ENV.HUIZHI_PROVIDER_TYPES)
    expect(providerTypeFor(map, 'social-security-card', '440300')).toBe(12)
    expect(providerTypeFor(map, 'id-card', '110100')).toBe(3)
    expect(() => providerTypeFor(map, 'social-security-card', '440100')).toThrow(expect.objectContaining({ code: 'RECEIPT_TYPE_UNAVAILABLE' }))
  })

  it("puts an unguessable per-order token in each callback URL, which opens that order's callbacks only", () => {
    const key = 'k'.repeat(64)
    const url = new URL(orderCallbackUrl(ZJZAPI_ENV.HUIZHI_PROVIDER_CALLBACK_URL, key, 'od_000000000000000000000001'))
    expect(url.searchParams.get('order')).toBe('od_000000000000000000000001')
    expect(url.searchParams.get('token')).toBe(orderCallbackToken(key, 'od_000000000000000000000001'))
    expect(isOrderCallbackToken(key, 'od_000000000000000000000001', url.searchParams.get('token') ?? '')).toBe(true)
    expect(isOrderCallbackToken(key, 'od_000000000000000000000002', url.searchParams.get('token') ?? '')).toBe(false)
    expect(isOrderCallbackToken('', 'od_000000000000000000000001', url.searchParams.get('token') ?? '')).toBe(false)
    expect(zjzapiSign('key')).toBe('3c6e0b8a9c15224a8228b9a98ca1531d')
  })
})

import { isProviderName, type ProviderName } from '../../../src/domain/provider/receipt-provider'
import { createHttpCenter } from '../center-http'
import type { ProviderConfig, ReviewCenter } from '../ports'
import { createClipImgCenter } from './clipimg'
import { orderCallbackUrl } from './callback-token'
import { typeMapFromEnv, type ProviderTypeMap } from './type-map'
import { createZjzapiCenter } from './zjzapi'

/** Everything that chooses and reaches the receipt provider (README, Configuration: provider settings). */
export interface ProviderSettings {
  provider: ProviderConfig
  /** The provider's base URL (our own contract: the center's). */
  baseUrl: string
  /** Our own contract's submission key. */
  centerSubmitSecret: string
  /** Our callback route as the provider reaches it (HTTP access domain + /api/callbacks/review). */
  callbackBase: string
  types: ProviderTypeMap
  /** 可立图's `simulate` test mode. */
  simulate?: boolean
  /** 可立图: fen per completed application (500 points at the account's price). */
  costFen?: number
  now?: () => Date
}

/** The ReviewCenter adapter for the configured provider: our contract, zjzapi or 可立图. */
export function createCenter(s: ProviderSettings): ReviewCenter {
  const callbackUrl = (orderId: string) => orderCallbackUrl(s.callbackBase, s.provider.tokenKey, orderId)
  switch (s.provider.name) {
    case 'zjzapi':
      return createZjzapiCenter({ baseUrl: s.baseUrl, apiKey: s.provider.apiKey, types: s.types, noticeUrl: callbackUrl })
    case 'clipimg':
      return createClipImgCenter({ baseUrl: s.baseUrl, apiKey: s.provider.apiKey, types: s.types, callbackUrl, simulate: s.simulate, costFen: s.costFen })
    default:
      return createHttpCenter(s.baseUrl, s.centerSubmitSecret, s.now)
  }
}

/** The provider named by HUIZHI_PROVIDER (empty: our own contract); an unknown name stops the function at cold start. */
export function providerNameFromEnv(value: string | undefined): ProviderName {
  if (!value) return 'huizhi'
  if (!isProviderName(value)) throw new Error(`HUIZHI_PROVIDER must be one of huizhi, zjzapi, clipimg (got ${value.slice(0, 20)})`)
  return value
}

/** Provider settings from the function's environment. */
export function providerSettingsFromEnv(env: Readonly<Record<string, string | undefined>>): ProviderSettings {
  const name = providerNameFromEnv(env.HUIZHI_PROVIDER)
  if (name !== 'huizhi') {
    // A provider without these would submit nothing or refuse every callback: stop at cold start, saying which is missing.
    const missing = ['HUIZHI_PROVIDER_URL', 'HUIZHI_PROVIDER_API_KEY', 'HUIZHI_PROVIDER_TOKEN_KEY', 'HUIZHI_PROVIDER_CALLBACK_URL', 'HUIZHI_PROVIDER_TYPES'].filter((k) => !env[k])
    if (missing.length) throw new Error(`HUIZHI_PROVIDER=${name} needs ${missing.join(', ')}`)
    if ((env.HUIZHI_PROVIDER_TOKEN_KEY ?? '').length < 32) throw new Error('HUIZHI_PROVIDER_TOKEN_KEY must be at least 32 characters (openssl rand -hex 32)')
  }
  return {
    provider: { name, apiKey: env.HUIZHI_PROVIDER_API_KEY ?? '', tokenKey: env.HUIZHI_PROVIDER_TOKEN_KEY ?? '' },
    baseUrl: (name === 'huizhi' ? env.HUIZHI_CENTER_URL : env.HUIZHI_PROVIDER_URL) ?? '',
    centerSubmitSecret: env.HUIZHI_CENTER_SUBMIT_SECRET ?? '',
    callbackBase: env.HUIZHI_PROVIDER_CALLBACK_URL || 'https://invalid.example/api/callbacks/review',
    types: typeMapFromEnv(env.HUIZHI_PROVIDER_TYPES),
    simulate: env.HUIZHI_PROVIDER_SIMULATE === '1',
    costFen: env.HUIZHI_PROVIDER_COST_FEN ? Number(env.HUIZHI_PROVIDER_COST_FEN) : undefined,
  }
}

import type { TemplateKey } from '@/domain/notify/templates'

/**
 * H5 build (local mode): there is no WeChat consent dialog. The local notification inbox stands in for
 * service notifications, so every template counts as accepted.
 */
export function askSubscribe(keys: readonly TemplateKey[]): Promise<TemplateKey[]> {
  return Promise.resolve([...keys])
}

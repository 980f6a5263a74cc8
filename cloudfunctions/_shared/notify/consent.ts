import type { TemplateKey } from '../../../src/domain/notify/templates'
import { DuplicateKeyError, type Ports } from '../ports'

/**
 * Subscribe-message consent: WeChat allows one send per template a user accepted in the subscribe dialog, so each
 * accept is one credit in `subscriptions`, keyed by openid.
 */
const subscriptions = (ports: Pick<Ports, 'db'>) => ports.db.collection<{ _id: string; credits: Record<string, number> }>('subscriptions')

/** One use of the user's consent for a template (WeChat: one send per accept), taken atomically. */
export async function takeConsent(ports: Ports, openid: string, template: TemplateKey): Promise<boolean> {
  const changed = await subscriptions(ports).update({ _id: openid, [`credits.${template}`]: { $gte: 1 } }, { inc: { [`credits.${template}`]: -1 } })
  return changed === 1
}

/** Records the templates a user accepted in the subscribe dialog: one credit each. */
export async function grantConsent(ports: Ports, openid: string, templates: readonly TemplateKey[]): Promise<void> {
  if (templates.length === 0) return
  const subs = subscriptions(ports)
  if (!(await subs.get(openid))) {
    try {
      await subs.add({ _id: openid, credits: {} })
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error
    }
  }
  await subs.update({ _id: openid }, { inc: Object.fromEntries(templates.map((t) => [`credits.${t}`, 1])) })
}

/** Gives back a credit taken for a send that WeChat did not deliver (it spends consent only on a delivered message). */
export async function returnConsent(ports: Pick<Ports, 'db'>, openid: string, template: TemplateKey): Promise<void> {
  await subscriptions(ports).update({ _id: openid }, { inc: { [`credits.${template}`]: 1 } })
}

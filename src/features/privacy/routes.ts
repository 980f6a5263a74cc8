import { policyUrl } from '@/components/consent-gate'

/** The privacy pages' addresses. The policy's address is shared with the consent gate, which opens it. */
const ROOT = '/features/privacy/pages'

export { policyUrl }
export const dataUrl = (): string => `${ROOT}/data/index`

/**
 * Where the policy page goes back to after 同意并继续: only a page of a feature subpackage (a tabBar page
 * cannot be redirected to, and an address from elsewhere is not followed).
 */
export function returnToOf(q: Record<string, string | undefined>): string | undefined {
  const to = q.returnTo
  return to && /^\/features\/[a-z-]+\/pages\/[a-z-]+\/index(\?[\w%.=&-]*)?$/.test(to) ? to : undefined
}

/**
 * Every collection and the indexes its queries need, declared once. The setup action
 * (cloudfunctions/_shared/setup.ts) creates them: on CloudBase as a deploy step (scripts/cloudbase-setup.ts),
 * locally when the emulator starts. CloudBase refuses requests on a collection that was never created.
 * Orders are keyed by their trade number (`_id` = outTradeNo), tickets by ticket id, so those are unique by
 * construction.
 */
export interface IndexDecl {
  /** Fields in order; composite when more than one. */
  fields: ReadonlyArray<readonly [field: string, direction: 'asc' | 'desc']>
  unique?: boolean
  /** The query that needs it. */
  for: string
}

export interface CollectionDecl {
  name: string
  /** What a document is, for whoever opens the collection in the console. */
  holds: string
  indexes: readonly IndexDecl[]
}

export const COLLECTIONS: readonly CollectionDecl[] = [
  { name: 'users', holds: 'one profile per WeChat user, keyed by openid', indexes: [] },
  {
    name: 'family_profiles',
    holds: "常用办理人: people a user acts for, sealed ID number and phone, the consent (by whom, version, when); up to 8 per user",
    indexes: [{ fields: [['openid', 'asc'], ['createdAt', 'asc']], for: "a user's profiles (user.profiles), export and deletion" }],
  },
  { name: 'operators', holds: 'openids allowed to act as operators (changed by operators only)', indexes: [] },
  {
    name: 'photos',
    holds: 'each normalisation attempt: spec, checks, private file',
    indexes: [
      { fields: [['openid', 'asc'], ['createdAt', 'desc']], for: "a user's photos" },
      { fields: [['createdAt', 'asc']], for: 'sweeper: retention scan of unused photos' },
    ],
  },
  {
    name: 'orders',
    holds: 'receipt orders: status + statusText + history, sealed ID number and phone, submissions, receipt',
    indexes: [
      { fields: [['openid', 'asc'], ['createdAt', 'desc']], for: '我的订单 (order.list)' },
      { fields: [['openid', 'asc'], ['profileId', 'asc']], for: "a profile's cases (user.profileCases), unlinking a deleted profile" },
      { fields: [['status', 'asc'], ['updatedAt', 'asc']], for: 'sweeper and stuck list' },
      { fields: [['status', 'asc'], ['createdAt', 'asc']], for: 'board counts, auto-cancel' },
      { fields: [['status', 'asc'], ['providerQueryAt', 'asc']], for: 'sweeper: results overdue at a provider with a query (可立图)' },
      { fields: [['applicant.phoneLast4', 'asc']], for: 'operator search by phone' },
      { fields: [['applicant.idLast4', 'asc']], for: 'operator search by ID number' },
      { fields: [['applicant.idBlind', 'asc']], for: 'operator search by the full ID number (blind index)' },
      { fields: [['hasOpenPaymentIssue', 'asc']], for: 'stuck list: payments' },
      { fields: [['photoId', 'asc']], for: 'sweeper retention: is a photo still used' },
      { fields: [['submissions.photoId', 'asc']], for: 'sweeper retention: is a photo still used by an earlier submission' },
      { fields: [['status', 'asc'], ['receipt.expiresAt', 'asc']], for: 'sweeper: expiry reminders, receipt retention' },
      { fields: [['updatedAt', 'asc']], for: 'sweeper: notices a crash dropped (cases updated since the last run)' },
    ],
  },
  {
    name: 'cancellations',
    holds: 'social-security account cancellation applications: status + statusText + history, sealed ID numbers, phone and card, proofs (private files), review decisions, refund record',
    indexes: [
      { fields: [['openid', 'asc'], ['createdAt', 'desc']], for: '我的注销申请 (cancellation.list)' },
      { fields: [['openid', 'asc'], ['profileId', 'asc']], for: "a profile's cases, unlinking a deleted profile" },
      { fields: [['status', 'asc'], ['updatedAt', 'asc']], for: 'operator queue, sweeper forward' },
      { fields: [['updatedAt', 'asc']], for: 'sweeper: notices a crash dropped' },
    ],
  },
  {
    name: 'loss_cases',
    holds: 'social-security card loss reports and reissues: status + statusText + history, sealed ID number with a blind index, the receipt used, delivery',
    indexes: [
      { fields: [['openid', 'asc'], ['createdAt', 'desc']], for: '我的挂失 (cardLoss.list)' },
      { fields: [['openid', 'asc'], ['profileId', 'asc']], for: "a profile's cases, unlinking a deleted profile" },
      { fields: [['holder.idBlind', 'asc'], ['cityCode', 'asc'], ['active', 'asc']], for: 'one active report per card' },
      { fields: [['status', 'asc'], ['temporaryExpiresAt', 'asc']], for: 'sweeper: temporary reports lapse' },
      { fields: [['status', 'asc'], ['updatedAt', 'asc']], for: 'operator queue' },
      { fields: [['updatedAt', 'asc']], for: 'sweeper: notices a crash dropped' },
    ],
  },
  { name: 'outbox', holds: 'notifications owed, keyed <orderId>#<history index>', indexes: [{ fields: [['status', 'asc'], ['nextAttemptAt', 'asc']], for: 'sweeper delivery' }, { fields: [['status', 'asc'], ['lockedUntil', 'asc']], for: 'sweeper: claims whose sender died' }, { fields: [['claim', 'asc']], for: 'sweeper: the entries one claim won' }, { fields: [['orderId', 'asc']], for: 'order detail' }, { fields: [['caseId', 'asc']], for: 'case detail (any kind)' }] },
  { name: 'inbox', holds: "copies of notifications for the 消息 page", indexes: [{ fields: [['openid', 'asc'], ['at', 'desc']], for: 'user.messages' }] },
  { name: 'subscriptions', holds: 'subscribe-message consents left per template, keyed by openid', indexes: [] },
  { name: 'callbacks', holds: 'every review callback applied or ignored, keyed by callback id', indexes: [{ fields: [['orderId', 'asc']], for: 'operator detail' }] },
  { name: 'callbacks_refused', holds: 'signed callbacks refused for a replayed nonce (unsigned and stale ones are only logged)', indexes: [{ fields: [['orderId', 'asc']], for: 'operator detail' }] },
  { name: 'callback_nonces', holds: 'nonces of accepted callbacks (replay protection; `expireAt` 10 minutes on, then deleted by the sweeper)', indexes: [{ fields: [['expireAt', 'asc']], for: 'sweeper purge of expired nonces' }] },
  { name: 'provider_types', holds: "the receipt provider's type list (required_fields, processing_time), cached by the sweeper; orders for a dropped type are refused before payment", indexes: [] },
  { name: 'submit_leases', holds: 'who is sending a submission to a provider without an idempotency key (zjzapi, 可立图), keyed by submission id, held 2 minutes', indexes: [] },
  { name: 'sweeper_state', holds: "the sweeper's place in each of its scans (keyed by task), so each run continues where the last stopped", indexes: [] },
  { name: 'audit_log', holds: 'append-only: operator actions and reveals of personal data', indexes: [{ fields: [['at', 'desc']], for: 'audit list' }] },
]

import type { CollectionDecl } from '../cloudfunctions/_shared/collections'

/**
 * The emulator's own collections, beside the product's (cloudfunctions/_shared/collections.ts): the stand-ins
 * for WeChat login, the cashier, WeChat's notification service, the detection center and storage's file owners.
 * The emulator creates both sets on start with the same setup action a deploy runs.
 */
export const EMULATOR_COLLECTIONS: readonly CollectionDecl[] = [
  { name: 'dev_users', holds: 'local users of the dev identity switcher', indexes: [{ fields: [['openid', 'asc']], for: 'switcher' }] },
  { name: 'cashier', holds: 'the simulated cashier: prepay orders and their transactions', indexes: [] },
  {
    name: 'cashier_refunds',
    holds: 'the simulated WeChat Pay: refunds by out_refund_no, and whether their result was delivered',
    indexes: [
      { fields: [['outTradeNo', 'asc']], for: 'refunds of a trade' },
      { fields: [['notified', 'asc']], for: 'refund results to deliver' },
    ],
  },
  { name: 'wechat_sent', holds: 'subscribe messages the simulated WeChat accepted', indexes: [] },
  {
    name: 'center_tickets',
    holds: 'the simulated detection center: review tickets and their callbacks',
    indexes: [
      { fields: [['submissionId', 'asc']], for: 'one ticket per submission' },
      { fields: [['orderId', 'asc']], for: 'review desk' },
    ],
  },
  { name: 'center_nonces', holds: 'the simulated center: nonces of accepted submissions', indexes: [] },
  { name: 'file_owners', holds: 'simulated storage: who uploaded each file', indexes: [] },
]

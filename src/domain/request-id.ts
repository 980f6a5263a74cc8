import * as v from 'valibot'

/**
 * A request id: chosen by the client once per user action that creates something (支付 on the confirm page,
 * 保存 of a new cancellation draft). The server derives the new document's id from it and the caller, so the
 * same request sent again after a lost answer finds what the first one made instead of making a second.
 */
export const RequestId = v.pipe(v.string('请求编号不正确'), v.regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号不正确'))

/** A new request id. Not a secret: it only has to differ between one user's actions. */
export const newRequestId = (): string => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`.padEnd(8, '0')

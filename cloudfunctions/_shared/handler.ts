import * as v from 'valibot'
import { AppError, type Reply } from '../../src/domain/errors'
import { parseInput } from '../../src/domain/validation'
import type { Caller, Ports } from './ports'

/** What a handler sees: the ports, the verified caller, and the role check. */
export interface Ctx extends Ports {
  caller: Caller
  isOperator(): Promise<boolean>
}

export type Role = 'user' | 'operator'

export interface ActionDef<S extends v.GenericSchema = v.GenericSchema, R = unknown> {
  input: S
  /** Who may call it. Defaults to any signed-in user. */
  role?: Role
  run(input: v.InferOutput<S>, ctx: Ctx): Promise<R>
}

export interface FunctionDef {
  name: string
  actions: Record<string, ActionDef>
}

/** Declares one action with its schema, so the handler's input type follows the schema. */
export function action<S extends v.GenericSchema, R>(def: ActionDef<S, R>): ActionDef<S, R> {
  return def
}

export function defineFunction<F extends FunctionDef>(def: F): F {
  return def
}

/**
 * The event every function receives: `{ action, data }`.
 * `userInfo` (added by WeChat to callFunction events) and any other key are dropped:
 * identity comes from the platform context only.
 */
const EventSchema = v.object({
  action: v.pipe(v.string('缺少操作名称'), v.minLength(1, '缺少操作名称'), v.maxLength(64, '操作名称过长')),
  data: v.optional(v.unknown()),
})

function operatorCheck(ports: Ports, caller: Caller): () => Promise<boolean> {
  let cached: Promise<boolean> | undefined
  return () => {
    cached ??= (async () => {
      if (ports.operatorOpenids.has(caller.openid)) return true
      const row = await ports.db.collection<{ _id: string; active: boolean }>('operators').get(caller.openid)
      return row?.active === true
    })()
    return cached
  }
}

/**
 * Runs one call of a function: validates the event, checks the caller and role, runs the action.
 * Always answers with a Reply; an unexpected exception becomes INTERNAL (logged), never a success.
 */
export async function invoke(def: FunctionDef, event: unknown, caller: Caller | null, ports: Ports): Promise<Reply<unknown>> {
  const started = Date.now()
  let actionName = '?'
  let role: Role = 'user'
  let orderId: string | undefined
  /** One structured line per call: function, action, caller role, order, outcome, error code, duration. */
  const line = (outcome: 'ok' | 'refused' | 'failed', code?: string) => {
    const fields = { fn: def.name, action: actionName, role, orderId, outcome, code, ms: Date.now() - started }
    if (outcome === 'failed') ports.log.error('call', fields)
    else ports.log.info('call', fields)
  }
  try {
    if (!caller || !caller.openid) throw new AppError('UNAUTHENTICATED')
    const { action: name, data } = parseInput(EventSchema, event)
    actionName = name
    const act = Object.prototype.hasOwnProperty.call(def.actions, name) ? def.actions[name] : undefined
    if (!act) throw new AppError('UNKNOWN_ACTION', `不支持的操作：${name.slice(0, 32)}`)
    const ctx: Ctx = { ...ports, caller, isOperator: operatorCheck(ports, caller) }
    if (act.role === 'operator') {
      if (!(await ctx.isOperator())) {
        ports.log.warn('forbidden operator call', { fn: def.name, action: name, openid: caller.openid })
        throw new AppError('FORBIDDEN')
      }
      role = 'operator'
    }
    const input = parseInput(act.input, data)
    const ref = input && typeof input === 'object' ? (input as { orderId?: unknown }).orderId : undefined
    if (typeof ref === 'string') orderId = ref
    const result = await act.run(input, ctx)
    line('ok')
    return { ok: true, data: result ?? null }
  } catch (error) {
    if (error instanceof AppError) {
      line('refused', error.code)
      return { ok: false, error: error.toBody() }
    }
    ports.log.error('call failed', { fn: def.name, action: actionName, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) })
    line('failed', 'INTERNAL')
    return { ok: false, error: new AppError('INTERNAL').toBody() }
  }
}

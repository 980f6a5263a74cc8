import { AppError, type ErrorCode } from '../errors'
import { instantMs } from '../time'

/**
 * One case lifecycle, three case kinds (docs/case-lifecycle.md): receipt orders, cancellation applications and
 * card-loss cases are each a typed table of transitions built with `defineMachine`. States are strings.
 * Handlers apply a transition as one conditional write (`where _id = X and status = from and version = v`)
 * and append the history entry the machine builds.
 */

/** Who may fire an event: the signed-in user, our own timers and callbacks, an outside reviewer, an operator. */
export const ACTORS = ['user', 'system', 'reviewer', 'operator'] as const
export type Actor = (typeof ACTORS)[number]

export interface Rule<S extends string> {
  from: readonly S[]
  to: S
  actors: readonly Actor[]
  /** The history entry must carry a reason the user can read. */
  needsReason?: boolean
}

/** One line of a case's history (docs/case-lifecycle.md: from, to, actor, reason, at). `at` is an ISO-8601 UTC instant. */
export interface HistoryEntry<S extends string> {
  from: S
  to: S
  actor: Actor
  at: string
  reason?: string
}

export interface MachineDef<S extends string, E extends string> {
  states: readonly S[]
  events: readonly E[]
  transitions: Readonly<Record<E, Rule<S>>>
  /** States a case may only enter with a reason (a rejection says why). */
  reasonStates: readonly S[]
  /** The codes this kind answers with: a move from the wrong state, a missing reason. */
  errors: { invalid: ErrorCode; reasonRequired: ErrorCode }
}

export interface Machine<S extends string, E extends string> extends MachineDef<S, E> {
  canFire(state: S, event: E, actor: Actor): boolean
  availableEvents(state: S, actor: Actor): E[]
  /**
   * The next state, or a coded error. An actor who may never fire the event gets FORBIDDEN (whatever the
   * state, so nothing leaks); an allowed actor on the wrong state gets `errors.invalid`; a move that needs a
   * reason and has none gets `errors.reasonRequired`.
   */
  transition(state: S, event: E, actor: Actor, reason?: string): S
  historyEntry(from: S, to: S, actor: Actor, at: string | Date, reason?: string): HistoryEntry<S>
}

export function defineMachine<S extends string, E extends string>(def: MachineDef<S, E>): Machine<S, E> {
  const canFire = (state: S, event: E, actor: Actor) => {
    const rule = def.transitions[event]
    return rule.actors.includes(actor) && rule.from.includes(state)
  }
  return {
    ...def,
    canFire,
    availableEvents: (state, actor) => def.events.filter((event) => canFire(state, event, actor)),
    transition(state, event, actor, reason) {
      const rule = def.transitions[event]
      if (!rule.actors.includes(actor)) throw new AppError('FORBIDDEN')
      if (!rule.from.includes(state)) throw new AppError(def.errors.invalid)
      if (rule.needsReason && !reason?.trim()) throw new AppError(def.errors.reasonRequired)
      return rule.to
    },
    historyEntry(from, to, actor, at, reason) {
      const text = reason?.trim()
      if (def.reasonStates.includes(to) && !text) throw new AppError(def.errors.reasonRequired)
      const entry: HistoryEntry<S> = { from, to, actor, at: new Date(instantMs(at)).toISOString() }
      return text ? { ...entry, reason: text } : entry
    },
  }
}

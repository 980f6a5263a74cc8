import { AppError } from '../../src/domain/errors'
import { DEFAULT_NICKNAME, GetProfileInput, UpdateProfileInput, accountTagOf, type Profile } from '../../src/domain/user/user.schema'
import { action, defineFunction, type Ctx } from '../_shared/handler'
import { DuplicateKeyError, type FindOptions } from '../_shared/ports'
import { countUnread, listInbox, newestMessageAt } from '../_shared/notify/inbox'
import { mergeCases, type MyCase } from '../../src/domain/case/my-cases'
import { orders, toSummary as orderSummary } from '../_shared/order/order.store'
import { lossCases, toSummary as lossSummary } from '../_shared/card-loss/card-loss.store'
import { applications, toSummary as applicationSummary } from '../_shared/cancellation/application.store'
import * as v from 'valibot'
import { ConsentInput, DeleteAccountInput, PRIVACY_POLICY_VERSION } from '../../src/domain/privacy/retention'
import { deleteAccount, exportData } from '../_shared/privacy/account'
import { AddProfileInput, ProfileRef } from '../../src/domain/family/family.schema'
import { addProfile, listProfiles, removeProfile } from '../_shared/family/family.store'
import { casesOfProfile } from '../_shared/family/profile-cases'

/** How a user is stored in the `users` collection: keyed by openid, so one profile per WeChat user. */
export interface UserDoc {
  _id: string
  nickname: string
  largeText: boolean
  /** The newest message the user has seen on 消息 (its `at`): later ones are unread and badge the tab. */
  messagesReadAt?: string
  /** Consent to the privacy policy, with the version agreed to. */
  consent?: { version: string; at: string }
  createdAt: string
  updatedAt: string
}

async function toProfile(doc: UserDoc, ctx: Ctx): Promise<Profile> {
  return {
    accountTag: accountTagOf(doc._id),
    nickname: doc.nickname,
    largeText: doc.largeText,
    createdAt: doc.createdAt,
    isOperator: await ctx.isOperator(),
  }
}

/** Returns the caller's profile, creating it on the first call. Two first calls at once still make one profile. */
async function getOrCreate(ctx: Ctx): Promise<UserDoc> {
  const users = ctx.db.collection<UserDoc>('users')
  const existing = await users.get(ctx.caller.openid)
  if (existing) return existing
  const now = ctx.clock.now().toISOString()
  const doc: UserDoc = { _id: ctx.caller.openid, nickname: DEFAULT_NICKNAME, largeText: false, createdAt: now, updatedAt: now }
  try {
    await users.add(doc)
    ctx.log.info('user created', { openid: ctx.caller.openid })
    return doc
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error
    const winner = await users.get(ctx.caller.openid)
    if (!winner) throw error
    return winner
  }
}

export const userFunction = defineFunction({
  name: 'user',
  actions: {
    get: action({
      input: GetProfileInput,
      run: async (_input, ctx) => toProfile(await getOrCreate(ctx), ctx),
    }),
    /** The 消息 page: the caller's service notifications, newest first. */
    messages: action({ input: v.optional(v.object({}), {}), run: async (_input, ctx) => listInbox(ctx, ctx.caller.openid) }),
    /** The 消息 tab's badge: the caller's messages newer than the last one they saw. */
    unread: action({
      input: v.optional(v.object({}), {}),
      run: async (_input, ctx) => {
        const doc = await ctx.db.collection<UserDoc>('users').get(ctx.caller.openid)
        return { count: await countUnread(ctx, ctx.caller.openid, doc?.messagesReadAt) }
      },
    }),
    /** The 消息 page was seen: every message up to the newest one now in the caller's inbox is read (one arriving later stays unread). */
    readMessages: action({
      input: v.optional(v.object({}), {}),
      run: async (_input, ctx) => {
        await getOrCreate(ctx)
        const newest = await newestMessageAt(ctx, ctx.caller.openid)
        if (newest) await ctx.db.collection<UserDoc>('users').update({ _id: ctx.caller.openid }, { set: { messagesReadAt: newest } })
        return { count: 0 }
      },
    }),
    /** 我的办理: the caller's receipts, loss reports and cancellation applications in one list, newest first (50 of each kind). */
    cases: action({
      input: v.optional(v.object({}), {}),
      run: async (_input, ctx): Promise<MyCase[]> => {
        const mine = { openid: ctx.caller.openid }
        const newest: FindOptions = { orderBy: [['createdAt', 'desc']], limit: 50 }
        const [o, l, a] = await Promise.all([orders(ctx).find(mine, newest), lossCases(ctx).find(mine, newest), applications(ctx).find(mine, newest)])
        return mergeCases(o.map(orderSummary), l.map(lossSummary), a.map(applicationSummary))
      },
    }),
    /** The privacy page: the policy version, what the user agreed to and when, and the retention periods. */
    privacy: action({
      input: v.optional(v.object({}), {}),
      run: async (_input, ctx) => {
        const doc = await ctx.db.collection<UserDoc>('users').get(ctx.caller.openid)
        return { version: PRIVACY_POLICY_VERSION, consent: doc?.consent ?? null, retention: ctx.config.retention }
      },
    }),
    /** Records consent to the privacy policy (sensitive personal information: face photos, ID numbers) with its version. */
    consent: action({
      input: ConsentInput,
      run: async (input, ctx) => {
        await getOrCreate(ctx)
        const consent = { version: input.version, at: ctx.clock.now().toISOString() }
        await ctx.db.collection<UserDoc>('users').update({ _id: ctx.caller.openid }, { set: { consent } })
        return { consent }
      },
    }),
    /** 常用办理人: the caller's own profiles (ID numbers and phones masked). */
    profiles: action({ input: v.optional(v.object({}), {}), run: async (_input, ctx) => listProfiles(ctx) }),
    /** Adds a profile with the consent given for it (by the person or their guardian) and its version. */
    addProfile: action({ input: AddProfileInput, run: async (input, ctx) => addProfile(ctx, input) }),
    /** Deletes one of the caller's profiles; another user's profile id is answered as not found. */
    removeProfile: action({ input: ProfileRef, run: async (input, ctx) => removeProfile(ctx, input.profileId) }),
    /** The cases the caller made for one of their profiles (listed under the person). */
    profileCases: action({ input: ProfileRef, run: async (input, ctx) => casesOfProfile(ctx, input.profileId) }),
    exportData: action({ input: v.optional(v.object({}), {}), run: async (_input, ctx) => exportData(ctx) }),
    deleteAccount: action({ input: DeleteAccountInput, run: async (_input, ctx) => deleteAccount(ctx) }),
    updateProfile: action({
      input: UpdateProfileInput,
      run: async (input, ctx) => {
        await getOrCreate(ctx)
        const set: Record<string, unknown> = { nickname: input.nickname, updatedAt: ctx.clock.now().toISOString() }
        if (input.largeText !== undefined) set.largeText = input.largeText
        const changed = await ctx.db.collection<UserDoc>('users').update({ _id: ctx.caller.openid }, { set })
        if (changed !== 1) throw new AppError('NOT_FOUND')
        const doc = await ctx.db.collection<UserDoc>('users').get(ctx.caller.openid)
        if (!doc) throw new AppError('NOT_FOUND')
        return toProfile(doc, ctx)
      },
    }),
  },
})

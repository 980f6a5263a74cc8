import { randomBytes } from 'node:crypto'
import * as v from 'valibot'
import { AppError } from '../src/domain/errors'
import type { Db } from '../cloudfunctions/_shared/ports'

/** A local stand-in for a WeChat user: the emulator maps a dev session to an openid, as WeChat does. */
export interface DevUser {
  _id: string
  openid: string
  name: string
  role: 'user' | 'operator'
  createdAt: string
}

export const DEV_SESSION_COOKIE = 'huizhi_user'
export const DEV_SESSION_HEADER = 'x-huizhi-user'

const SEED: ReadonlyArray<Omit<DevUser, 'createdAt' | 'openid'>> = [
  { _id: 'zhangsan', name: '张三', role: 'user' },
  { _id: 'lisi', name: '李四', role: 'user' },
  { _id: 'ops', name: '运营·王敏', role: 'operator' },
]

/** The user a fresh browser is signed in as, like a WeChat user who just opened the mini-program. */
export const DEFAULT_DEV_USER = 'zhangsan'

export const CreateDevUserInput = v.object({
  name: v.pipe(v.string('请填写名字'), v.trim(), v.minLength(1, '请填写名字'), v.maxLength(10, '名字最多 10 个字')),
  role: v.optional(v.picklist(['user', 'operator'], '角色只能是普通用户或运营'), 'user'),
})

export const SelectDevUserInput = v.object({
  userId: v.pipe(v.string('请选择用户'), v.regex(/^[a-z0-9-]{1,40}$/, '用户编号不正确')),
})

/** An openid-shaped identifier: 28 characters, starting with "o", like the ones WeChat issues. */
function newOpenid(): string {
  return `o${randomBytes(21).toString('base64url').slice(0, 27)}`
}

export class DevIdentity {
  constructor(private readonly db: Db, private readonly now: () => Date) {}

  private get users() {
    return this.db.collection<DevUser>('dev_users')
  }

  /** Creates the seed users (and marks the operator) the first time a data directory is used. */
  async seed(): Promise<void> {
    for (const seed of SEED) {
      if (await this.users.get(seed._id)) continue
      await this.create(seed._id, seed.name, seed.role)
    }
  }

  async create(id: string, name: string, role: DevUser['role']): Promise<DevUser> {
    const user: DevUser = { _id: id, openid: newOpenid(), name, role, createdAt: this.now().toISOString() }
    await this.users.add(user)
    if (role === 'operator') {
      await this.db.collection('operators').add({ _id: user.openid, active: true, name, addedAt: user.createdAt } as never)
    }
    return user
  }

  /** The seeded users first, in their fixed order, then the ones created later, oldest first. */
  async list(): Promise<DevUser[]> {
    const rank = (u: DevUser) => {
      const i = SEED.findIndex((s) => s._id === u._id)
      return i === -1 ? SEED.length : i
    }
    const users = await this.users.find({}, { limit: 100 })
    return users.sort((a, b) => rank(a) - rank(b) || a.createdAt.localeCompare(b.createdAt) || a._id.localeCompare(b._id))
  }

  /** Resolves a session to a user. No session means the default user; a session naming nobody is refused. */
  async resolve(sessionUserId: string | undefined): Promise<DevUser> {
    const id = sessionUserId ?? DEFAULT_DEV_USER
    const user = /^[a-z0-9-]{1,40}$/.test(id) ? await this.users.get(id) : null
    if (!user) throw new AppError('UNKNOWN_USER')
    return user
  }

  async createFromInput(input: v.InferOutput<typeof CreateDevUserInput>): Promise<DevUser> {
    const id = `u-${randomBytes(4).toString('hex')}`
    return this.create(id, input.name, input.role)
  }
}

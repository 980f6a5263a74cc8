import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto'

/**
 * Field encryption for sensitive personal information at rest (PIPL: ID numbers are sensitive):
 * AES-256-GCM with a random 12-byte IV; stored as `v1.<iv>.<tag>.<ciphertext>` in base64url.
 */
export function encryptField(key: Buffer, plain: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.')
}

export function decryptField(key: Buffer, sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.')
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('unknown sealed field format')
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
}

/** HMAC-SHA256 as lowercase hex: the detection center's signature (docs/api/detection-center.openapi.yaml). */
export function hmacHex(key: string, message: string): string {
  return createHmac('sha256', key).update(message, 'utf8').digest('hex')
}

/** A random id with a prefix: `od_` + 24 hex characters, and so on. */
export function newId(prefix: string, bytes = 12): string {
  return `${prefix}_${randomBytes(bytes).toString('hex')}`
}

/** A nonce for signed requests: 24 url-safe characters. */
export function newNonce(): string {
  return randomBytes(18).toString('base64url')
}

/** Reads a 32-byte key given as base64 (e.g. HUIZHI_DATA_KEY); refuses anything else. */
export function keyFromBase64(value: string | undefined, name: string): Buffer {
  if (!value) throw new Error(`${name} is not set: ID numbers and phones cannot be encrypted. Set it to 32 random bytes in base64 (openssl rand -base64 32) in the function's environment variables. / ${name} 未配置，无法加密身份证号和手机号`)
  const key = Buffer.from(value, 'base64')
  if (key.length !== 32) throw new Error(`${name} must be 32 bytes in base64 (got ${key.length} bytes) / ${name} 需为 32 字节的 base64 密钥`)
  return key
}

/** A blind index: a keyed hash that finds a record by an exact value (a full ID number) without storing the value. */
export function blindIndex(key: Buffer, purpose: string, value: string): string {
  return hmacHex(key.toString('hex'), `${purpose}:${value}`)
}

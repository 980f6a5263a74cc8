import { AppError } from '@/domain/errors'
import { callFunction } from './cloud'

/** One action of one cloud function: `retries` only for reads and actions the server makes idempotent. */
export type FunctionCall = <T>(action: string, data: unknown, retries?: number) => Promise<T>

/**
 * The client a feature's `api.ts` calls its cloud function through. Errors keep the server's Chinese message; a
 * missing function (not deployed, or not in the emulator yet) gets `serviceMissing`, a sentence people can act on.
 */
export function createFunctionClient(name: string, serviceMissing: string): FunctionCall {
  return async <T>(action: string, data: unknown, retries = 0): Promise<T> => {
    try {
      return await callFunction<T>(name, action, data, { retries })
    } catch (error) {
      if (error instanceof AppError && error.code === 'UNKNOWN_FUNCTION') throw new AppError('UNKNOWN_FUNCTION', serviceMissing)
      throw error
    }
  }
}

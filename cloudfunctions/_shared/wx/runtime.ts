/** The CloudBase runtime every function is deployed with (cloudbaserc.json `runtime`). */
export const CLOUDBASE_RUNTIME = 'Nodejs18.15'

/**
 * Refuses to start on a runtime without what the functions use: the global `fetch` (the detection center's
 * HTTP adapter) and `AbortSignal.timeout`, both from Node.js 18. On CloudBase's Node.js 16 runtime `fetch` is
 * missing, and a submission would fail on every call, retried by the sweeper without end; a function that
 * throws at cold start instead shows the cause in its first log line.
 * https://docs.cloudbase.net/cli-v1/functions/configs (runtime)
 */
export function assertRuntime(scope: { fetch?: unknown; AbortSignal?: { timeout?: unknown } } = globalThis, version: string = process.versions.node): void {
  const major = Number(version.split('.')[0])
  if (major >= 18 && typeof scope.fetch === 'function' && typeof scope.AbortSignal?.timeout === 'function') return
  throw new Error(
    `Node.js ${version} has no global fetch/AbortSignal.timeout: deploy the function with runtime ${CLOUDBASE_RUNTIME} (cloudbaserc.json; 云开发控制台 → 云函数 → 运行环境选 Node.js 18.15). 云函数运行环境须为 Node.js 18 或以上`,
  )
}

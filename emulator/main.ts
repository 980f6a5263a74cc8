import path from 'node:path'
import { createLogger } from '../cloudfunctions/_shared/log'
import { operatorsFromEnv } from '../cloudfunctions/_shared/operators'
import { startEmulator } from './server'

/** `npm start`: one process on 127.0.0.1 serving the H5 app and every cloud function. */
async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..')
  const port = Number(process.env.PORT ?? 8787)
  const dataDir = path.resolve(process.env.HUIZHI_DATA_DIR ?? path.join(root, '.data'))
  const lines: string[] = []
  const emulator = await startEmulator({
    dataDir,
    port,
    host: process.env.HOST ?? '127.0.0.1',
    staticDir: path.join(root, 'dist', 'h5'),
    operatorOpenids: [...operatorsFromEnv(process.env.HUIZHI_OPERATORS)],
    ...(process.env.HUIZHI_SWEEP_MS ? { sweepIntervalMs: Number(process.env.HUIZHI_SWEEP_MS) } : {}),
    logger: createLogger('emulator', process.env.HUIZHI_LOG === 'silent' ? (l) => lines.push(l) : undefined),
  })
  console.log(`回执 Huizhi 本地模式已启动：${emulator.url}`)
  console.log(`  数据目录 ${dataDir}`)
  console.log(`  切换用户 ${emulator.url}/__dev`)
  const stop = async () => {
    await emulator.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error('启动失败：', error)
  process.exit(1)
})

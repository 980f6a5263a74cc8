import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Caller, Ports } from '../../cloudfunctions/_shared/ports'
import { silentLogger } from '../../cloudfunctions/_shared/log'
import { LocalDb } from '../../emulator/local-db'
import { EMULATOR_COLLECTIONS } from '../../emulator/collections'
import { setupDatabase } from '../../cloudfunctions/_shared/setup'
import { LocalFiles } from '../../emulator/local-files'
import { SimulatedCenter } from '../../emulator/center-sim'
import { LocalCashier, createLocalNotifier, createLocalPay, localConfig } from '../../emulator/local-services'

/** A fresh data directory under the OS temp dir; removed by `cleanup`. */
export function tempDir(prefix = 'huizhi-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

export interface TestPorts extends Ports {
  db: LocalDb
  /** The simulated detection center, in-process (no callback server: tests apply results themselves). */
  simulatedCenter: SimulatedCenter
  config: ReturnType<typeof localConfig>
  /** The simulated WeChat Pay: tests pay at it (`payAtCashier`) and read its trades and refunds. */
  cashier: LocalCashier
  setNow(iso: string): void
}

/** Real local adapters on a fresh store, with a clock the test controls. */
export function makePorts(dir: string, operatorOpenids: string[] = []): TestPorts {
  let now = new Date('2026-11-24T04:00:00.000Z')
  const clock = () => now
  const db = new LocalDb(path.join(dir, 'db'))
  // As a deploy would: the collections exist before the first call (requests wait for this).
  db.holdUntil(setupDatabase(db).then(() => setupDatabase(db, EMULATOR_COLLECTIONS)))
  const config = localConfig('test-secret')
  const cashier = new LocalCashier(db, clock)
  const simulatedCenter = new SimulatedCenter({
    db,
    now: clock,
    submitSecret: config.centerSubmitSecret,
    callbackSecret: config.centerCallbackSecret,
    callbackUrl: () => 'http://127.0.0.1:9/unused',
  })
  return {
    db,
    files: new LocalFiles(path.join(dir, 'files'), 'test-secret', () => 'http://127.0.0.1:1'),
    clock: { now: clock },
    log: silentLogger,
    operatorOpenids: new Set(operatorOpenids),
    pay: createLocalPay(cashier, () => 'http://127.0.0.1:1'),
    cashier,
    notifier: createLocalNotifier(db, clock),
    center: simulatedCenter,
    simulatedCenter,
    config,
    setNow: (iso) => {
      now = new Date(iso)
    },
  }
}

export const ALICE: Caller = { openid: 'oALICE000000000000000000000a', appid: 'wxtest' }
export const BOB: Caller = { openid: 'oBOB00000000000000000000000b', appid: 'wxtest' }

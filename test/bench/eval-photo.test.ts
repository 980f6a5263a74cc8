import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

/**
 * `npm run eval:photo` keeps running (issue #18): the whole command, on one portrait and one matte so it takes seconds,
 * prints its totals and writes its report and contact sheet. The figures themselves are measurements, not asserted.
 */
const root = path.resolve(__dirname, '..', '..')

describe('npm run eval:photo', () => {
  it('runs on one labelled portrait: prints residue, alpha error, label agreement and time, and writes its report and contact sheet', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'huizhi-eval-'))
    const run = spawnSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'bench', 'eval-photo.ts')], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, EVAL_ONLY: 's6-p2', EVAL_MATTES: 'guided', EVAL_OUT: out },
      timeout: 120_000,
    })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^s6-p2 .* guided /m)
    expect(run.stdout).toContain('visible residue: ')
    expect(run.stdout).toMatch(/SAD mean \d+\.\d\d/)
    expect(run.stdout).toMatch(/checks agree with labels \d+\/\d+/)
    const report = JSON.parse(readFileSync(path.join(out, 'eval-photo.json'), 'utf8')) as { rows: Array<{ id: string; guided: { verdicts: Record<string, string> } }> }
    expect(report.rows.map((r) => r.id)).toEqual(['s6-p2'])
    expect(Object.keys(report.rows[0].guided.verdicts)).toContain('background')
    expect(existsSync(path.join(out, 'eval-photo.png'))).toBe(true)
  }, 150_000)
})

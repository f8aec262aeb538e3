// The suite's jest environment (tests/support/quiet-environment.ts) shows console output only next to a failure.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

function jest(env: Record<string, string> = {}) {
  const r = spawnSync(
    process.execPath,
    [require.resolve('jest/bin/jest'), '--testMatch', '**/fixtures/quiet-probe.fixture.ts', '--maxWorkers=1'],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, SHOW_LOGS: '', ...env } },
  );
  return { code: r.status, out: r.stdout + r.stderr };
}

describe('console output in the test suite', () => {
  it('is held back for passing tests and printed with the failing one, with where it came from', () => {
    const r = jest();
    expect(r.code).toBe(1);
    expect(r.out).toContain('Console output held back until the failing test');
    expect(r.out).toContain('a file with a passing and a failing test › fails');
    expect(r.out).toMatch(
      /console\.log at tests\/support\/fixtures\/quiet-probe\.fixture\.ts:2\n\s+logged by the describe body/,
    );
    expect(r.out).toMatch(
      /console\.warn at tests\/support\/fixtures\/quiet-probe\.fixture\.ts:\d+\n\s+logged by the failing test/,
    );
    expect(r.out).not.toContain('logged by the passing test');
  });

  it('is all printed as it comes with SHOW_LOGS=1', () => {
    const r = jest({ SHOW_LOGS: '1' });
    expect(r.code).toBe(1);
    expect(r.out).toContain('logged by the passing test');
    expect(r.out).toContain('logged by the failing test');
    expect(r.out).not.toContain('held back');
  });
});

import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { drawLottery } from '@seoro/domain';

const script = join(import.meta.dirname, '..', 'scripts', 'lottery-verify.ts');
const run = (args: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8' });

/** Runs the script expecting a refusal: its exit status and both outputs. */
const fail = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8' });

describe('pnpm lottery:verify', () => {
  it('re-runs a draw from the published seed and list', () => {
    const seed = 'ab12'.repeat(8);
    const out = run([
      '--seed',
      seed,
      '--seats',
      '3',
      '--applicants',
      '1,2,3,4,5,6,7',
      '--priority',
      '6',
      '--json',
    ]);
    const expected = drawLottery({
      seed,
      seats: 3,
      applicants: [1, 2, 3, 4, 5, 6, 7].map((no) => ({ no, priority: no === 6 })),
    });
    expect(JSON.parse(out)).toEqual({ winners: expected.winners, waitlist: expected.waitlist });
    expect(expected.winners[0]).toBe(6);
  });

  it('refuses a malformed seed with a message and exit code 2', () => {
    const refused = fail(['--seed', 'zz', '--seats', '1', '--applicants', '1']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/seed/);
    expect(refused.stdout).toBe('');
  });

  it('refuses missing arguments with the usage line and exit code 2', () => {
    const refused = fail(['--seats', '1']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^Usage: pnpm lottery:verify --seed/);
  });
});

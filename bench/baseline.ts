import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Issue 16's figures are "before and after, in one run": the benches unpack the baseline commit's source into a
// temporary directory (git archive, no worktree), link this checkout's node_modules into it, and run its code
// in a child process beside this checkout's. BASELINE=<commit> picks another baseline; BASELINE=off (or none) skips it.

export const BASELINE = process.env.BASELINE ?? 'b29a9b2';

export interface Baseline {
  commit: string;
  /** The unpacked tree: its `src` is the baseline's. */
  root: string;
  dispose(): void;
}

/** The baseline's `paths` (its whole tree when none are named) unpacked, or `undefined` when it is skipped. */
export function unpackBaseline(paths: string[] = []): Baseline | undefined {
  if (BASELINE === 'off' || BASELINE === 'none') return undefined;
  const root = mkdtempSync(join(tmpdir(), `shenbao-baseline-${BASELINE}-`));
  const archive = execFileSync('git', ['archive', BASELINE, ...paths], {
    maxBuffer: 1 << 30,
  });
  execFileSync('tar', ['-x', '-C', root], { input: archive });
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'));
  return { commit: BASELINE, root, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * Runs `script` (a bench file of this checkout) under tsx in a child process with `args`, and returns the
 * JSON it prints last.
 */
export function runChild<T>(script: string, args: string[]): T {
  const out = execFileSync(
    process.execPath,
    ['--max-old-space-size=8192', '--import', 'tsx', resolve(script), ...args],
    { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!) as T;
}

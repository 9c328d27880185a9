import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { parseBundle as ParseBundle } from '../src/core/bundle/parse.js';
import type { checkBundle as CheckBundle, Report } from '../src/core/check.js';

// The phases of `shenbao check` on a bundle file, timed the same way for this checkout and for the baseline
// (whose modules `bench/check-baseline.ts` loads from an unpacked tree).

export interface CheckModules {
  parseBundle: typeof ParseBundle;
  checkBundle: typeof CheckBundle;
}

export function time<T>(label: string, f: () => T, into: Map<string, number>): T {
  const start = performance.now();
  const result = f();
  into.set(label, performance.now() - start);
  return result;
}

function parsed(modules: CheckModules, json: unknown) {
  const result = modules.parseBundle(json);
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 5)));
  return result.bundle;
}

/** Warms once, so the figures are of steady code, not of the JIT's first pass, then times each phase. */
export function checkPhases(file: string, modules: CheckModules) {
  modules.checkBundle(parsed(modules, JSON.parse(readFileSync(file, 'utf8'))));
  const phases = new Map<string, number>();
  const raw = time('read file', () => readFileSync(file, 'utf8'), phases);
  const json = time('JSON.parse', () => JSON.parse(raw) as unknown, phases);
  const bundle = time('validate (Zod + references)', () => parsed(modules, json), phases);
  const report: Report = time('rules (checkBundle)', () => modules.checkBundle(bundle), phases);
  time('serialize report', () => JSON.stringify(report, null, 2), phases);
  const baseline = phases.get('read file')! + phases.get('JSON.parse')!;
  const whole = [...phases.values()].reduce((a, b) => a + b, 0);
  return { phases, raw, bundle, report, baseline, whole, ratio: whole / baseline };
}

/** The duplicate findings (二、3) in order — application, rule, field, share — hashed, to compare two runs on one bundle; and how many. */
export function duplicateDigest(report: Report): { findings: number; sha256: string } {
  const found = report.applications.flatMap((a) =>
    a.findings
      .filter((f) => f.rule.startsWith('duplicate.'))
      // The wording of the messages changed after the baseline; the share they state did not.
      .map((f) => [a.id, f.rule, f.field, /重合度 ([\d.]+%)/.exec(f.message)?.[1]]),
  );
  return { findings: found.length, sha256: createHash('sha256').update(JSON.stringify(found)).digest('hex') };
}

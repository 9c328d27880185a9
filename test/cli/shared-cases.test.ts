import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const CASES = join(import.meta.dirname, '../fixtures/cases');
const names = readdirSync(CASES)
  .filter((f) => f.endsWith('.bundle.json'))
  .map((f) => f.replace('.bundle.json', ''));

describe('the public cases of the bundle spec (test/fixtures/cases)', () => {
  it('are all found', () => expect(names.length).toBeGreaterThanOrEqual(5));

  it.each(names)('%s gives its expected verdicts', async (name) => {
    const bundle = readFileSync(join(CASES, `${name}.bundle.json`), 'utf8');
    const expected = JSON.parse(readFileSync(join(CASES, `${name}.expected.json`), 'utf8'));
    const run = await runCli(['check', 'b.json'], { 'b.json': bundle });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    const verdicts = {
      applications: Object.fromEntries(
        report.applications.map((a: { id: string; eligible: boolean }) => [a.id, a.eligible]),
      ),
      departments: Object.fromEntries(
        report.departments.map((d: { id: string; withinQuota: boolean }) => [d.id, d.withinQuota]),
      ),
    };
    expect(verdicts).toEqual(expected);
  });
});

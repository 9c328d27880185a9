import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBundle } from '../../src/core/bundle/parse.js';
import { checkBundle, type Report } from '../../src/core/check.js';
import { runCli } from '../support/cli.js';
import { bundle } from '../support/factories/bundle.js';
import { validBundle } from '../support/arbitraries.js';

const judge = (input: unknown): Report => {
  const parsed = parseBundle(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return checkBundle(parsed.bundle);
};
const verdicts = (report: Report) => Object.fromEntries(report.applications.map((a) => [a.id, a.eligible]));
const STACK = /\bat .*:\d+:\d+/;

async function exitsCleanly(text: string) {
  const run = await runCli(['check', 'x.json'], { 'x.json': text });
  expect([0, 2]).toContain(run.code);
  expect(run.stderr).not.toMatch(STACK);
  if (run.code === 2) expect(run.stderr.length).toBeGreaterThan(0);
  else JSON.parse(run.stdout);
}

async function exitsJudged(text: string): Promise<Report> {
  const run = await runCli(['check', 'x.json'], { 'x.json': text });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const report = JSON.parse(run.stdout) as Report;
  expect(report.format).toBe('shenbao.report/1');
  return report;
}

type Tree = { applications: Record<string, any>[]; organizations: Record<string, any>[] };
/** Ways to make a bundle malformed by the spec, each returning the JSON path the CLI must name. */
const BREAKAGES: ((tree: Tree, pick: number) => string)[] = [
  (tree, pick) => {
    const i = pick % tree.applications.length;
    tree.applications[i]!.budget.provincialFunding = -1;
    return `applications[${i}].budget.provincialFunding`;
  },
  (tree, pick) => {
    const i = pick % tree.applications.length;
    tree.applications[i]!.budget.total = 1.5;
    return `applications[${i}].budget.total`;
  },
  (tree, pick) => {
    const i = pick % tree.applications.length;
    tree.applications[i]!.topic = 6;
    return `applications[${i}].topic`;
  },
  (tree, pick) => {
    const i = pick % tree.applications.length;
    delete tree.applications[i]!.title;
    return `applications[${i}].title`;
  },
  (tree, pick) => {
    const i = pick % tree.applications.length;
    tree.applications[i]!.applicant = 'nobody';
    return `applications[${i}].applicant`;
  },
  (tree, pick) => {
    const i = pick % tree.organizations.length;
    tree.organizations[i]!.registeredOn = '2024-02-30';
    return `organizations[${i}].registeredOn`;
  },
];

/** Replaces, deletes or retypes the value at a random place in a JSON tree. */
const mutation = fc.record({
  pick: fc.nat(),
  op: fc.constantFrom('delete', 'replace'),
  value: fc.jsonValue({ maxDepth: 2 }),
});
function mutate(root: unknown, { pick, op, value }: { pick: number; op: string; value: unknown }) {
  const places: [Record<string, unknown> | unknown[], string | number][] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      node.forEach((v, i) => {
        places.push([node, i]);
        walk(v);
      });
    } else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        places.push([node as Record<string, unknown>, k]);
        walk(v);
      }
    }
  };
  walk(root);
  const [parent, key] = places[pick % places.length]!;
  if (op === 'delete' && !Array.isArray(parent)) delete (parent as Record<string, unknown>)[key as string];
  else (parent as Record<string | number, unknown>)[key] = value;
  return root;
}

describe('shenbao check never crashes', () => {
  it('on any JSON value: exit 0 or exit 2', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (v) => exitsCleanly(JSON.stringify(v))),
      { numRuns: 300 },
    );
  });

  it('on any text: exit 0 or exit 2', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), async (t) => exitsCleanly(t)),
      { numRuns: 200 },
    );
  });

  it('on valid bundles with random mutations: exit 0 or exit 2', async () => {
    await fc.assert(
      fc.asyncProperty(validBundle, fc.array(mutation, { minLength: 1, maxLength: 4 }), async (b, ms) => {
        const tree = JSON.parse(JSON.stringify(b));
        for (const m of ms) mutate(tree, m);
        await exitsCleanly(JSON.stringify(tree));
      }),
      { numRuns: 400 },
    );
  });

  it('the factory bundle stays valid under the mutation harness with no mutation', async () => {
    await exitsJudged(JSON.stringify(bundle()));
  });
});

describe('shenbao check reads what the spec allows and refuses the rest', () => {
  it('generated valid bundles stay valid: exit 0 with a report of every application', async () => {
    await fc.assert(
      fc.asyncProperty(validBundle, async (b) => {
        const report = await exitsJudged(JSON.stringify(b));
        expect(report.applications.map((a) => a.id)).toEqual(b.applications.map((a) => a.id));
      }),
      { numRuns: 200 },
    );
  });

  it('malformed input exits 2 and names the offending field', async () => {
    await fc.assert(
      fc.asyncProperty(validBundle, fc.nat(), fc.constantFrom(...BREAKAGES), async (b, pick, breakage) => {
        const tree = JSON.parse(JSON.stringify(b));
        const path = breakage(tree, pick);
        const run = await runCli(['check', 'x.json'], { 'x.json': JSON.stringify(tree) });
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toContain(`${path}:`);
        expect(run.stderr).not.toMatch(STACK);
      }),
      { numRuns: 200 },
    );
  });
});

describe('properties of the verdicts', () => {
  it('generated bundles are all well formed and judged', () => {
    fc.assert(
      fc.property(validBundle, (b) => {
        const report = judge(b);
        expect(report.applications.map((a) => a.id)).toEqual(b.applications.map((a) => a.id));
        for (const a of report.applications)
          expect(a.eligible).toBe(!a.findings.some((f) => f.severity === 'error'));
      }),
      { numRuns: 300 },
    );
  });

  it('raising provincialFunding never makes an ineligible application eligible', () => {
    fc.assert(
      fc.property(validBundle, fc.nat(), fc.integer({ min: 1, max: 2_000_000 }), (b, pick, raise) => {
        const before = verdicts(judge(b));
        const i = pick % b.applications.length;
        const raised = structuredClone(b);
        raised.applications[i]!.budget.provincialFunding += raise;
        const id = b.applications[i]!.id;
        if (!before[id]) expect(verdicts(judge(raised))[id]).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('the order of applications never changes a verdict', () => {
    fc.assert(
      fc.property(validBundle, fc.infiniteStream(fc.nat()), (b, seeds) => {
        const shuffled = structuredClone(b);
        const apps = shuffled.applications;
        for (let i = apps.length - 1; i > 0; i--) {
          const j = seeds.next().value % (i + 1);
          [apps[i], apps[j]] = [apps[j]!, apps[i]!];
        }
        const a = judge(b);
        const c = judge(shuffled);
        expect(verdicts(c)).toEqual(verdicts(a));
        expect(c.departments).toEqual(a.departments);
      }),
      { numRuns: 300 },
    );
  });

  it('an added external submission never makes an ineligible application eligible', () => {
    fc.assert(
      fc.property(validBundle, fc.nat(), (b, pick) => {
        const before = verdicts(judge(b));
        const more = structuredClone(b);
        const app = b.applications[pick % b.applications.length]!;
        const org = b.organizations.find((o) => o.id === app.applicant)!;
        more.externalSubmissions.push({
          program: '省重点研发计划',
          creditCode: org.creditCode,
          piName: '',
          title: app.title,
          summary: '',
          directed: false,
        });
        const after = verdicts(judge(more));
        for (const [id, ok] of Object.entries(before)) if (!ok) expect(after[id]).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

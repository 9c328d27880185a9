import { setImmediate } from 'node:timers/promises';
import type { Bundle } from '../../core/bundle/schema.js';
import type { CallParameters } from '../../core/calls/parameters.js';
import { SimilarityIndex } from '../../core/text/similarity-index.js';
import type { PairSide } from '../db/schema.js';

// 相似度报告: every application against every other application and every imported external submission,
// whoever the applicant, compared as READING.md (二、3) compares duplicates — title with title, summary with
// summary, the larger containment counts. The report threshold is the call's `warnAt` (50 %), the share at
// which READING.md already has a reviewer look; the hard error (≥ errorAt, same applicant or PI against an
// external submission) stays the core's `duplicate.same-project`, and such pairs carry its rule id.

/** Titles and summaries indexed between two turns of the event loop: some tens of milliseconds of work. */
const INDEX_SLICE = 1_000;

export interface SimilarPairResult {
  a: PairSide;
  b: PairSide;
  share: number;
  titleShare: number;
  summaryShare: number;
  rule: 'duplicate.same-project' | 'duplicate.similar' | null;
}

export class SimilarityReport {
  private readonly sides: PairSide[];
  private readonly titles: SimilarityIndex;
  private readonly summaries: SimilarityIndex;
  private readonly terms: CallParameters['limits']['duplicates']['value'];
  /** Applications are sides 0 … applications − 1; external submissions follow. */
  readonly applications: number;
  private readonly matched = new Map<number, Set<number>>();

  /**
   * Indexes the bundle's titles and summaries and joins them, in slices between which the event loop runs:
   * the instance working a province-wide run keeps answering requests.
   */
  static async create(
    bundle: Bundle,
    call: CallParameters,
    pause: () => Promise<void> = () => setImmediate(),
  ): Promise<SimilarityReport> {
    const report = new SimilarityReport(bundle, call);
    const { sides, titles, summaries } = report;
    for (let from = 0; from < sides.length; from += INDEX_SLICE) {
      sides.slice(from, from + INDEX_SLICE).forEach((side, k) => {
        titles.add(String(from + k), side.title);
        summaries.add(String(from + k), side.summary);
      });
      await pause();
    }
    await report.match(pause);
    return report;
  }

  private constructor(bundle: Bundle, call: CallParameters) {
    this.terms = call.limits.duplicates.value;
    const organizations = new Map(bundle.organizations.map((o) => [o.id, o]));
    const people = new Map(bundle.people.map((p) => [p.id, p]));
    this.sides = [
      ...bundle.applications.map((app): PairSide => {
        const applicant = organizations.get(app.applicant)!;
        return {
          kind: 'application',
          applicationId: app.id,
          departmentId: app.department,
          applicant: applicant.name,
          creditCode: applicant.creditCode,
          piName: people.get(app.pi)!.name,
          title: app.title,
          summary: app.summary,
        };
      }),
      ...bundle.externalSubmissions.map((s): PairSide => ({
        kind: 'external',
        program: s.program,
        applicant: '',
        creditCode: s.creditCode,
        piName: s.piName,
        title: s.title,
        summary: s.summary,
      })),
    ];
    this.applications = bundle.applications.length;
    const options = { threshold: this.terms.warnAt, minCodePoints: this.terms.minCodePoints };
    this.titles = new SimilarityIndex(options);
    this.summaries = new SimilarityIndex(options);
  }

  /** The pairs of applications `from` … `to − 1` with later applications and with external submissions. */
  pairsOf(from: number, to: number): SimilarPairResult[] {
    const results: SimilarPairResult[] = [];
    for (let i = from; i < Math.min(to, this.applications); i++) {
      const others = this.matched.get(i);
      if (!others) continue;
      for (const j of [...others].sort((x, y) => x - y)) results.push(this.pair(i, j));
    }
    return results;
  }

  /**
   * Fills `matched` with every pair above the threshold by title or by summary, under its earlier side; the
   * index's all-pairs join is far cheaper than a query per application. Sides are added in order, so an
   * application comes first.
   */
  private async match(pause: () => Promise<void>): Promise<void> {
    const byFirst = this.matched;
    for (const index of [this.titles, this.summaries]) {
      index.build();
      await pause();
      for (const { a, b } of index.pairs()) {
        const [i, j] = [Number(a), Number(b)];
        if (i >= this.applications) continue;
        let others = byFirst.get(i);
        if (!others) byFirst.set(i, (others = new Set()));
        others.add(j);
      }
      await pause();
    }
  }

  private pair(i: number, j: number): SimilarPairResult {
    const { errorAt } = this.terms;
    const [a, b] = [this.sides[i]!, this.sides[j]!];
    const titleShare = this.titles.share(String(i), String(j));
    const summaryShare = this.summaries.share(String(i), String(j));
    const best = Math.max(titleShare, summaryShare);
    // The pairs the core's duplicate rules judge: an application against an external submission of the same
    // applicant (credit code) or PI (exact, non-empty name).
    const judged =
      b.kind === 'external' && (a.creditCode === b.creditCode || (b.piName !== '' && a.piName === b.piName));
    return {
      a,
      b,
      share: best,
      titleShare,
      summaryShare,
      rule: judged ? (best >= errorAt ? 'duplicate.same-project' : 'duplicate.similar') : null,
    };
  }
}

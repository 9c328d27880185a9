import {
  NATURAL_SCIENCE_FUND,
  type Application,
  type ExternalSubmission,
  type Organization,
} from '../bundle/schema.js';
import type { SeparateSlotTerms } from '../calls/parameters.js';
import { groupBy } from '../group-by.js';
import {
  ONGOING_PROGRAM_LABELS,
  ORGANIZATION_KIND_LABELS,
  PLATFORM_LABELS,
  TOPIC_LABELS,
  listZh,
} from '../labels.js';
import { SimilarityIndex } from '../text/similarity-index.js';
import type { ApplicationView, CheckContext } from './context.js';
import { applicationRule, crossRule } from './rule.js';

// Reading: docs/reading/02-3-limits.md
// 二、3．执行限额申报等相关要求。Every application of the bundle counts in these limits, drafts and
// applications ineligible for other reasons included (READING.md).

function countBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/**
 * The other applications of `app`'s group as its reviewers may read of them: how many, whether under its
 * department, whether submitted — never which (a draft, or another department's application, is not theirs).
 */
function othersOf(app: Application, group: readonly ApplicationView[]): string {
  const others = countBy(
    group.filter((v) => v.app.id !== app.id),
    (v) =>
      `${v.app.department === app.department ? '同一主管部门' : '其他主管部门'}，${v.app.submittedAt ? '已提交' : '未提交'}`,
  );
  return others.size === 0
    ? ''
    : `另有 ${[...others].map(([where, n]) => `${n} 项申报（${where}）`).join('、')}`;
}

function isSeparateSlot(app: Application): boolean {
  return app.recommendation?.status === 'recommended' && app.recommendation.separateSlot;
}

/** Whether `org` may use `slot`: it has one of its platforms and no ongoing project that bars it. */
export function entitledTo(slot: SeparateSlotTerms, org: Organization): boolean {
  return (
    org.platforms.some((p) => slot.platforms.includes(p)) &&
    !org.ongoingProjects.some((p) => slot.barredByOngoing.includes(p.program))
  );
}

// “除省自然科学基金项目外，同一企业同一年度只能申报一项省科技计划项目（定向组织项目除外）。”
export const onePerEnterprise = crossRule(
  {
    id: 'limit.enterprise-one-application',
    severity: 'error',
    clause: '二、3',
    title: '同一企业同一年度只能申报一项省科技计划项目',
    target: 'application',
  },
  ({ call, views, bundle }, emit) => {
    const rule = call.limits.perEnterprise;
    const counted = views.filter((v) => v.applicant.kind === 'enterprise' && !v.app.directed);
    const external = countBy(bundle.externalSubmissions, (s) =>
      s.directed || rule.value.exemptPrograms.includes(s.program) ? undefined : s.creditCode,
    );
    for (const [creditCode, group] of groupBy(counted, (v) => v.applicant.creditCode)) {
      const elsewhere = external.get(creditCode) ?? 0;
      const total = group.length + elsewhere;
      if (total <= rule.value.max) continue;
      const detail = elsewhere > 0 ? `（本计划 ${group.length} 项，其他省科技计划 ${elsewhere} 项）` : '';
      for (const { app, applicant } of group) {
        const others = othersOf(app, group);
        emit(
          app.id,
          rule.clause,
          `企业“${applicant.name}”本年度共申报 ${total} 项省科技计划项目${detail}${others ? `，该企业在本计划${others}` : ''}，同一企业同一年度只能申报 ${rule.value.max} 项（省自然科学基金和定向组织项目除外）。请保留一项，撤回其余申报。`,
          'applicant',
        );
      }
    }
  },
);

// “有在研省国际科技合作/港澳台科技合作计划、省前沿技术研发计划和省科技重大专项在研项目的企业，不得申报本计划项目
// （定向组织项目除外）。”
export const enterpriseOngoing = applicationRule(
  {
    id: 'limit.enterprise-ongoing',
    severity: 'error',
    clause: '二、3',
    title: '有在研相关省计划项目的企业不得申报',
  },
  ({ app, applicant }, emit, { call }) => {
    const rule = call.limits.enterpriseOngoingBar;
    if (app.directed || applicant.kind !== 'enterprise') return;
    const ongoing = applicant.ongoingProjects.filter((p) => rule.value.includes(p.program));
    if (ongoing.length > 0) {
      const names = [...new Set(ongoing.map((p) => ONGOING_PROGRAM_LABELS[p.program]))];
      emit(
        rule.clause,
        `企业“${applicant.name}”有 ${ongoing.length} 项在研${listZh(names)}项目，不得申报本计划项目（定向组织项目除外）。请待在研项目结题后再申报。`,
        'applicant',
      );
    }
  },
);

// “有在研省科技计划项目的负责人，不得牵头申报 2026 年省科技计划项目（定向组织项目除外）。”
export const piOngoing = applicationRule(
  {
    id: 'limit.pi-ongoing',
    severity: 'error',
    clause: '二、3',
    title: '有在研省科技计划项目的负责人不得牵头申报',
  },
  ({ app, pi }, emit, { call }) => {
    const rule = call.limits.piOngoingBar;
    if (!app.directed && pi.ongoingProvincialProjects > rule.value.maxOngoing) {
      emit(
        rule.clause,
        `项目负责人${pi.name}有 ${pi.ongoingProvincialProjects} 项在研省科技计划项目，不得牵头申报（定向组织项目除外）。请更换项目负责人。`,
        'pi',
      );
    }
  },
);

// “同一项目负责人同一年度只能申报一项省科技计划项目。”
export const onePerPi = crossRule(
  {
    id: 'limit.pi-one-application',
    severity: 'error',
    clause: '二、3',
    title: '同一项目负责人同一年度只能申报一项省科技计划项目',
    target: 'application',
  },
  ({ call, views, bundle }, emit) => {
    const rule = call.limits.perPi;
    const external = countBy(bundle.externalSubmissions, (s) => (s.piName === '' ? undefined : s.piName));
    for (const group of groupBy(views, (v) => v.pi.id).values()) {
      const pi = group[0]!.pi;
      const elsewhere = pi.name === '' ? 0 : (external.get(pi.name) ?? 0);
      const total = group.length + elsewhere;
      if (total <= rule.value.max) continue;
      const detail = elsewhere > 0 ? `（本计划 ${group.length} 项，其他省科技计划 ${elsewhere} 项）` : '';
      for (const { app } of group) {
        const others = othersOf(app, group);
        emit(
          app.id,
          rule.clause,
          `项目负责人${pi.name}本年度共申报 ${total} 项省科技计划项目${detail}${others ? `，其在本计划${others}` : ''}，同一项目负责人同一年度只能申报 ${rule.value.max} 项。请保留一项，其余更换负责人或撤回。`,
          'pi',
        );
      }
    }
  },
);

// “对于‘一带一路’创新合作项目，每家高校、科研机构限报 3 项；科技部批复建设的‘一带一路’联合实验室予以单独推荐名额
// 1 项，但有在研省国际科技合作/港澳台科技合作计划项目的不再申报。”
export const perInstitution = crossRule(
  {
    id: 'limit.institution-belt-road',
    severity: 'error',
    clause: '二、3',
    title: '每家高校、科研机构在限报专题的申报数不超过限额（另有单独推荐名额的除外）',
    target: 'application',
  },
  ({ call, views }, emit) => {
    const rule = call.limits.perInstitution;
    const { topics, kinds, max } = rule.value;
    const slot = call.separateSlots.value.find((s) => s.topics.some((t) => topics.includes(t)));
    const counted = views.filter((v) => topics.includes(v.app.topic) && kinds.includes(v.applicant.kind));
    for (const group of groupBy(counted, (v) => v.applicant.creditCode).values()) {
      const used = slot
        ? group.filter((v) => isSeparateSlot(v.app) && entitledTo(slot, v.applicant)).length
        : 0;
      const allowed = max + Math.min(used, slot?.perApplicant ?? 0);
      if (group.length <= allowed) continue;
      const applicant = group[0]!.applicant;
      for (const { app } of group) {
        emit(
          app.id,
          rule.clause,
          `${ORGANIZATION_KIND_LABELS[applicant.kind]}“${applicant.name}”申报${listZh(topics.map((t) => TOPIC_LABELS[t]))}项目 ${group.length} 项，超过限额 ${allowed} 项（每家限报 ${max} 项${slot ? `，${listZh(slot.platforms.map((p) => PLATFORM_LABELS[p]))}另有${slot.label} ${slot.perApplicant} 项` : ''}）。请减少申报数量。`,
          'topic',
        );
      }
    }
  },
);

// 单独推荐名额：专题四、五 for 科技部国际科技合作基地、国家及省实验室、全国及省重点实验室、省重点培育的领军企业；
// 专题二 for 科技部批复建设的“一带一路”联合实验室 — one each, and not for an applicant with an ongoing
// 省国际科技合作/港澳台科技合作计划项目.
export const separateSlotEntitlement = crossRule(
  {
    id: 'slot.not-entitled',
    severity: 'error',
    clause: '二、3',
    title: '单独推荐名额须具备相应平台且无在研省国际合作项目',
    target: 'application',
  },
  (ctx, emit) => {
    const rule = ctx.call.separateSlots;
    for (const { app, applicant } of slotted(ctx)) {
      const slot = rule.value.find((s) => s.topics.includes(app.topic));
      if (slot && !entitledTo(slot, applicant)) {
        const ongoing = applicant.ongoingProjects.some((p) => slot.barredByOngoing.includes(p.program));
        const reason = ongoing
          ? `“${applicant.name}”有在研${listZh(slot.barredByOngoing.map((p) => ONGOING_PROGRAM_LABELS[p]))}项目，不再享有单独推荐名额`
          : `“${applicant.name}”不具备${listZh(slot.platforms.map((p) => PLATFORM_LABELS[p]))}之一的资格`;
        emit(app.id, rule.clause, `${slot.label}：${reason}。请按普通推荐名额推荐。`, 'recommendation');
      }
    }
  },
);

// The notice gives separate slots on 专题二、四、五 only. READING.md names no verdict for one claimed on
// another topic, where it changes no count: a reviewer is told, nothing is refused.
export const separateSlotNotOffered = applicationRule(
  { id: 'slot.not-offered', severity: 'warning', clause: '二、3', title: '本专题没有单独推荐名额' },
  ({ app }, emit, { call }) => {
    const rule = call.separateSlots;
    if (isSeparateSlot(app) && !rule.value.some((s) => s.topics.includes(app.topic))) {
      const offered = [...new Set(rule.value.flatMap((s) => s.topics))].sort((a, b) => a - b);
      emit(
        rule.clause,
        `${TOPIC_LABELS[app.topic]}没有单独推荐名额（只设于${listZh(offered.map((t) => TOPIC_LABELS[t]))}），该标注不产生效果。请取消单独推荐名额标注，按普通推荐处理。`,
        'recommendation',
      );
    }
  },
);

export const separateSlotCount = crossRule(
  {
    id: 'slot.too-many',
    severity: 'error',
    clause: '二、3',
    title: '每家单位每类单独推荐名额限 1 项',
    target: 'application',
  },
  (ctx, emit) => {
    const rule = ctx.call.separateSlots;
    for (const slot of rule.value) {
      const inSlot = slotted(ctx).filter((v) => slot.topics.includes(v.app.topic));
      for (const group of groupBy(inSlot, (v) => v.applicant.creditCode).values()) {
        if (group.length <= slot.perApplicant) continue;
        for (const { app, applicant } of group) {
          emit(
            app.id,
            rule.clause,
            `“${applicant.name}”使用${slot.label} ${group.length} 项，每家限 ${slot.perApplicant} 项。请只保留一项作为单独推荐名额。`,
            'recommendation',
          );
        }
      }
    }
  },
);

function slotted(ctx: CheckContext): ApplicationView[] {
  return ctx.views.filter((v) => isSeparateSlot(v.app));
}

// “不得将同一项目……重复或同时申报省科技厅、省发展改革委、省工业和信息化厅……等部门项目。凡属重复申报的，取消立项资格。”
// Compared per READING.md: title with title, summary with summary, as code-point trigram sets; the
// larger containment counts.
interface DuplicateMatch {
  submission: ExternalSubmission;
  share: number;
  on: '项目名称' | '主要研究内容';
}

const duplicateCache = new WeakMap<CheckContext, Map<string, DuplicateMatch[]>>();

interface Shares {
  title: number;
  summary: number;
  /** The place among the candidates: those of the applicant first, then those of the PI only (ties keep it). */
  order: number;
}

/**
 * Each application against the external submissions of its applicant (credit code) or PI (name), title with
 * title and summary with summary. Each group of submissions (one credit code, one PI name) is indexed on its
 * own and queried by the applications of that code or name: candidates come from the group's postings and
 * only they are compared exactly, so the work follows the texts, not the pairs of a large group.
 */
function duplicateMatches(ctx: CheckContext): Map<string, DuplicateMatch[]> {
  const cached = duplicateCache.get(ctx);
  if (cached) return cached;
  const { minCodePoints, warnAt } = ctx.call.limits.duplicates.value;
  const external = ctx.bundle.externalSubmissions;
  const indices = external.map((_, i) => i);
  // A call may set warnAt to 0 (every candidate reported); the index answers from above 0, and a share is 0
  // or at least 1 / size, so the least positive threshold loses nothing.
  const options = { threshold: Math.max(warnAt, Number.MIN_VALUE), minCodePoints };
  const found = new Map<ApplicationView, Map<number, Shares>>();

  const compare = (views: readonly ApplicationView[] | undefined, group: readonly number[]) => {
    if (views === undefined) return;
    const length = (field: 'title' | 'summary') =>
      group.reduce((sum, i) => sum + external[i]![field].length, 0);
    const titles = new SimilarityIndex({ ...options, capacity: length('title') });
    const summaries = new SimilarityIndex({ ...options, capacity: length('summary') });
    for (const i of group) {
      titles.add(String(i), external[i]!.title);
      summaries.add(String(i), external[i]!.summary);
    }
    for (const view of views) {
      let shares = found.get(view);
      if (shares === undefined) found.set(view, (shares = new Map()));
      const of = (i: number) => {
        let entry = shares.get(i);
        if (entry === undefined) {
          const order = external[i]!.creditCode === view.applicant.creditCode ? i : external.length + i;
          shares.set(i, (entry = { title: 0, summary: 0, order }));
        }
        return entry;
      };
      if (warnAt <= 0) group.forEach(of);
      for (const { id, share } of titles.query(view.app.title)) of(Number(id)).title = share;
      for (const { id, share } of summaries.query(view.app.summary)) of(Number(id)).summary = share;
    }
  };
  const byCreditCode = groupBy(ctx.views, (v) => v.applicant.creditCode);
  for (const [code, group] of groupBy(indices, (i) => external[i]!.creditCode)) {
    compare(byCreditCode.get(code), group);
  }
  const byPiName = groupBy(ctx.views, (v) => v.pi.name || undefined);
  for (const [name, group] of groupBy(indices, (i) => external[i]!.piName || undefined)) {
    compare(byPiName.get(name), group);
  }

  const result = new Map<string, DuplicateMatch[]>();
  for (const view of ctx.views) {
    const shares = found.get(view);
    if (shares === undefined || shares.size === 0) continue;
    const matches = [...shares]
      .sort(
        ([, p], [, q]) => Math.max(q.title, q.summary) - Math.max(p.title, p.summary) || p.order - q.order,
      )
      .map(([i, { title, summary }]) => ({
        submission: external[i]!,
        share: Math.max(title, summary),
        on: title >= summary ? ('项目名称' as const) : ('主要研究内容' as const),
      }));
    result.set(view.app.id, matches);
  }
  duplicateCache.set(ctx, result);
  return result;
}

const percent = (share: number) => `${Math.floor(share * 1000) / 10}%`;
const programName = (program: string) => (program === NATURAL_SCIENCE_FUND ? '省自然科学基金' : program);

export const duplicateSubmission = crossRule(
  {
    id: 'duplicate.same-project',
    severity: 'error',
    clause: '二、3',
    title: '同一项目不得重复或同时申报省有关部门项目',
    target: 'application',
  },
  (ctx, emit) => {
    const rule = ctx.call.limits.duplicates;
    for (const [id, matches] of duplicateMatches(ctx)) {
      for (const { submission, share, on } of matches) {
        if (share < rule.value.errorAt) continue;
        emit(
          id,
          rule.clause,
          `与已申报的“${programName(submission.program)}”项目“${submission.title}”的${on}重合度 ${percent(share)}，达到 ${percent(rule.value.errorAt)}，视为同一项目重复申报，将取消立项资格。请撤回其中一项申报。`,
          on === '项目名称' ? 'title' : 'summary',
        );
      }
    }
  },
);

export const duplicateSimilar = crossRule(
  {
    id: 'duplicate.similar',
    severity: 'warning',
    clause: '二、3',
    title: '与其他部门项目内容相近，须评审核查',
    target: 'application',
  },
  (ctx, emit) => {
    const rule = ctx.call.limits.duplicates;
    for (const [id, matches] of duplicateMatches(ctx)) {
      for (const { submission, share, on } of matches) {
        if (share >= rule.value.errorAt) continue;
        emit(
          id,
          rule.clause,
          `与已申报的“${programName(submission.program)}”项目“${submission.title}”的${on}重合度 ${percent(share)}（${percent(rule.value.warnAt)}至${percent(rule.value.errorAt)}），须核查是否为同一项目。请在申报书中说明两者在建设内容和关键技术上的区别。`,
          on === '项目名称' ? 'title' : 'summary',
        );
      }
    }
  },
);

export const LIMIT_RULES = [
  onePerEnterprise,
  enterpriseOngoing,
  piOngoing,
  onePerPi,
  perInstitution,
  separateSlotEntitlement,
  separateSlotNotOffered,
  separateSlotCount,
  duplicateSubmission,
  duplicateSimilar,
];

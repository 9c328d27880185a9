import { SECTION_LABELS } from '../application/form.js';
import { durationMonths, monthIndex, SECTION_KEYS } from '../application/content.js';
import { CENTRE_CONFIGURATION } from '../calls/parameters.js';
import { applicationRule } from './rule.js';

// Reading: docs/reading/04-content.md
// The notice sets no project period, no length for the 申报书's parts and no number of keywords: the centre
// configures them for the call (中心配置), and these rules cite that configuration, never a clause of the notice.
// Each judges a field only when it is there: a draft still filling it in, or a bundle written before the
// 申报书 had it, gets no finding (a missing field is the form's 未填写, not a rule).

const monthZh = (month: string) => `${month.slice(0, 4)} 年 ${Number(month.slice(5, 7))} 月`;
const codePoints = (text: string) => [...text].length;

export const periodOrder = applicationRule(
  {
    id: 'content.period-order',
    severity: 'error',
    clause: CENTRE_CONFIGURATION,
    title: '项目结束年月不得早于开始年月',
  },
  ({ app }, emit, { call }) => {
    const { start, end } = app.period ?? {};
    if (start && end && monthIndex(end) < monthIndex(start)) {
      emit(
        call.content.clause,
        `项目执行期结束于${monthZh(end)}，早于开始的${monthZh(start)}。请核对执行期的起止年月。`,
        'period.end',
      );
    }
  },
);

export const periodStart = applicationRule(
  {
    id: 'content.period-start',
    severity: 'error',
    clause: CENTRE_CONFIGURATION,
    title: '项目开始年月不得早于本计划规定的最早开始年月',
  },
  ({ app }, emit, { call }) => {
    const start = app.period?.start;
    const earliest = call.content.value.earliestStart;
    if (start && monthIndex(start) < monthIndex(earliest)) {
      emit(
        call.content.clause,
        `项目执行期开始于${monthZh(start)}，本计划项目最早自${monthZh(earliest)}开始。请将开始年月改为${monthZh(earliest)}或之后。`,
        'period.start',
      );
    }
  },
);

export const periodDuration = applicationRule(
  {
    id: 'content.period-duration',
    severity: 'error',
    clause: CENTRE_CONFIGURATION,
    title: '项目执行期不超过本计划规定的月数',
  },
  ({ app }, emit, { call }) => {
    const { start, end } = app.period ?? {};
    if (!start || !end) return;
    const months = durationMonths(start, end);
    const max = call.content.value.maxDurationMonths;
    if (months > max) {
      emit(
        call.content.clause,
        `项目执行期${monthZh(start)}至${monthZh(end)}共 ${months} 个月，超过本计划规定的 ${max} 个月。请缩短执行期。`,
        'period.end',
      );
    }
  },
);

export const abstractLength = applicationRule(
  {
    id: 'content.abstract-length',
    severity: 'error',
    clause: CENTRE_CONFIGURATION,
    title: '项目摘要不超过规定字数',
  },
  ({ app }, emit, { call }) => {
    if (app.abstract === undefined) return;
    const length = codePoints(app.abstract);
    const max = call.content.value.abstractMax;
    if (length > max) {
      emit(
        call.content.clause,
        `项目摘要 ${length} 字，超过 ${max} 字的限制 ${length - max} 字。请精简摘要。`,
        'abstract',
      );
    }
  },
);

export const keywordsCount = applicationRule(
  {
    id: 'content.keywords-count',
    severity: 'error',
    clause: CENTRE_CONFIGURATION,
    title: '关键词个数须在规定范围内',
  },
  ({ app }, emit, { call }) => {
    if (app.keywords === undefined) return;
    const { min, max } = call.content.value.keywords;
    const count = app.keywords.length;
    if (count < min || count > max) {
      emit(
        call.content.clause,
        `关键词 ${count} 个，本计划要求 ${min} 至 ${max} 个。请${count < min ? '补充' : '删减'}关键词。`,
        'keywords',
      );
    }
  },
);

export const sectionLength = applicationRule(
  {
    id: 'content.section-length',
    severity: 'error',
    clause: CENTRE_CONFIGURATION,
    title: '申报书各部分不超过规定字数',
  },
  ({ app }, emit, { call }) => {
    for (const key of SECTION_KEYS) {
      const text = app.sections?.[key];
      if (text === undefined) continue;
      const length = codePoints(text);
      const max = call.content.value.sectionLimits[key];
      if (length > max) {
        emit(
          call.content.clause,
          `申报书“${SECTION_LABELS[key]}”部分 ${length} 字，超过 ${max} 字的限制 ${length - max} 字。请精简该部分。`,
          `sections.${key}`,
        );
      }
    }
  },
);

export const milestoneOutsidePeriod = applicationRule(
  {
    id: 'content.milestone-outside-period',
    severity: 'error',
    clause: CENTRE_CONFIGURATION,
    title: '年度计划各阶段须在项目执行期内且起止有序',
  },
  ({ app }, emit, { call }) => {
    const { start, end } = app.period ?? {};
    (app.milestones ?? []).forEach((m, i) => {
      const stage = `年度计划第 ${i + 1} 阶段（${monthZh(m.from)}至${monthZh(m.to)}）`;
      let problem: string | undefined;
      if (monthIndex(m.to) < monthIndex(m.from)) problem = '结束早于开始';
      else if (start && monthIndex(m.from) < monthIndex(start)) problem = `早于项目开始的${monthZh(start)}`;
      else if (end && monthIndex(m.to) > monthIndex(end)) problem = `晚于项目结束的${monthZh(end)}`;
      if (problem) {
        emit(call.content.clause, `${stage}${problem}。请使各阶段落在项目执行期内。`, `milestones[${i}]`);
      }
    });
  },
);

export const CONTENT_RULES = [
  periodOrder,
  periodStart,
  periodDuration,
  abstractLength,
  keywordsCount,
  sectionLength,
  milestoneOutsidePeriod,
];

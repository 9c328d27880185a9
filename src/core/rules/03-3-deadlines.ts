import { formatBeijing, instantMs } from '../time.js';
import { applicationRule } from './rule.js';

// Reading: docs/reading/03-3-deadlines.md
// 三、3：“项目申报材料网上填报截止时间为 2026 年 5 月 18 日 17:30，项目主管部门网上审核推荐截止时间为 2026 年 5 月
// 20 日 17:30……逾期不予受理。” A submission at 17:30:00 exactly is late; a draft has no deadline finding.

export const submissionLate = applicationRule(
  { id: 'deadline.submission-late', severity: 'error', clause: '三、3', title: '须在网上填报截止时间前提交' },
  ({ app }, emit, { call }) => {
    const deadline = call.deadlines.submission;
    if (app.submittedAt !== undefined && instantMs(app.submittedAt) >= instantMs(deadline.value)) {
      emit(
        deadline.clause,
        `提交时间 ${formatBeijing(instantMs(app.submittedAt))}（北京时间）已过网上填报截止时间 ${formatBeijing(instantMs(deadline.value))}，逾期不予受理。`,
        'submittedAt',
      );
    }
  },
);

// A late 'not-recommended' decision harms no one; only a late recommendation is refused. A draft gets no
// deadline finding at all (READING.md, "Time"), so a recommendation on a draft is not judged late here.
export const recommendationLate = applicationRule(
  {
    id: 'deadline.recommendation-late',
    severity: 'error',
    clause: '三、3',
    title: '须在审核推荐截止时间前推荐',
  },
  ({ app }, emit, { call }) => {
    const deadline = call.deadlines.recommendation;
    const rec = app.recommendation;
    if (
      app.submittedAt !== undefined &&
      rec?.status === 'recommended' &&
      instantMs(rec.at) >= instantMs(deadline.value)
    ) {
      emit(
        deadline.clause,
        `推荐时间 ${formatBeijing(instantMs(rec.at))}（北京时间）已过主管部门网上审核推荐截止时间 ${formatBeijing(instantMs(deadline.value))}，逾期推荐不予受理。`,
        'recommendation',
      );
    }
  },
);

export const DEADLINE_RULES = [submissionLate, recommendationLate];

import { DEPARTMENT_KIND_LABELS, TOPIC_LABELS, listZh } from '../labels.js';
import { crossRule } from './rule.js';

// Reading: docs/reading/02-3-quotas.md
// 二、3：“对于重点国别产业技术研发合作项目及港澳台科技合作项目合并推荐申报数，部省属本科高校每家不超过 3 项，
// 国家高新区不超过 3 项，省级高新区不超过 1 项，各设区市不超过 6 项（含县（市）等其他项目主管部门的推荐指标，
// 不包括部省属本科高校、国家及省级高新区指标）”。
// Counted over recommended applications outside the separate slots, eligible or not, late or not; a
// county's recommendations count against its city, and the finding is the city's.
export const departmentQuota = crossRule(
  {
    id: 'quota.department',
    severity: 'error',
    clause: '二、3',
    title: '主管部门专题四、五合并推荐数不超过限额',
    target: 'department',
  },
  ({ call, views, bundle, departments }, emit) => {
    const rule = call.quotas;
    const { topics, byDepartmentKind, countiesCountAgainstCity } = rule.value;
    const countsAgainst = (departmentId: string) => {
      const dept = departments.get(departmentId)!;
      return countiesCountAgainstCity && dept.kind === 'county' && dept.city !== undefined
        ? dept.city
        : dept.id;
    };
    const own = new Map<string, number>();
    const viaCounties = new Map<string, number>();
    for (const { app, department } of views) {
      const rec = app.recommendation;
      if (!topics.includes(app.topic) || rec?.status !== 'recommended' || rec.separateSlot) continue;
      const target = countsAgainst(department.id);
      own.set(target, (own.get(target) ?? 0) + 1);
      if (target !== department.id) viaCounties.set(target, (viaCounties.get(target) ?? 0) + 1);
    }
    for (const dept of bundle.departments) {
      const quota = byDepartmentKind[dept.kind];
      const count = own.get(dept.id) ?? 0;
      if (quota === undefined || count <= quota) continue;
      const counties = viaCounties.get(dept.id) ?? 0;
      emit(
        dept.id,
        rule.clause,
        `${dept.name}推荐${listZh(topics.map((t) => TOPIC_LABELS[t]))}项目（不含单独推荐名额）合计 ${count} 项${counties > 0 ? `（含所辖县（市）${counties} 项）` : ''}，超过${DEPARTMENT_KIND_LABELS[dept.kind]}限额 ${quota} 项。请撤销 ${count - quota} 项推荐。`,
      );
    }
  },
);

export const QUOTA_RULES = [departmentQuota];

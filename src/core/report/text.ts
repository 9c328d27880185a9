import type { Bundle } from '../bundle/schema.js';
import type { CallParameters } from '../calls/parameters.js';
import type { Report } from '../check.js';
import type { Finding } from '../rules/rule.js';
import { formatBeijing, instantMs } from '../time.js';

const SEVERITY = { error: '✗ 错误', warning: '! 提示' } as const;

function findingLines(findings: readonly Finding[]): string[] {
  return findings.map((f) => `    ${SEVERITY[f.severity]}〔${f.clause}〕${f.message}（${f.rule}）`);
}

/** The report for people, in Chinese, grouped by application, each finding with its clause. */
export function renderTextReport(report: Report, bundle: Bundle, call: CallParameters): string {
  const orgs = new Map(bundle.organizations.map((o) => [o.id, o.name]));
  const eligible = report.applications.filter((a) => a.eligible).length;
  const overQuota = report.departments.filter((d) => !d.withinQuota).length;
  const lines = [
    `${call.notice.number.value} ${call.name} 申报检查报告`,
    `检查时点：${formatBeijing(instantMs(bundle.asOf))}（北京时间）`,
    `申报项目 ${report.applications.length} 项：符合要求 ${eligible} 项，不符合 ${report.applications.length - eligible} 项；` +
      `主管部门 ${report.departments.length} 个，超出推荐限额 ${overQuota} 个。`,
    '',
    '一、申报项目',
  ];
  report.applications.forEach((a, i) => {
    const app = bundle.applications[i]!;
    const warnings = a.findings.filter((f) => f.severity === 'warning').length;
    const verdict = a.eligible ? (warnings > 0 ? '符合（有提示）' : '符合') : '不符合';
    lines.push(
      `  [${verdict}] ${a.id} ${app.title}（${orgs.get(app.applicant)}）`,
      ...findingLines(a.findings),
    );
  });
  lines.push('', '二、项目主管部门');
  report.departments.forEach((d, i) => {
    const dept = bundle.departments[i]!;
    lines.push(
      `  [${d.withinQuota ? '限额内' : '超出限额'}] ${d.id} ${dept.name}`,
      ...findingLines(d.findings),
    );
  });
  return lines.join('\n') + '\n';
}

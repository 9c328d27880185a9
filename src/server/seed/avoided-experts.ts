import type { Repositories } from '../repositories/index.js';

// 回避专家 in the demo (issue 14 §2): 无锡微纳传感 asked, while drafting its MEMS sensor application (accepted at
// 形式审查 in province-stage.ts), not to be judged by 孙高工 of 南京星河智能装备, who is in the demo pool and in its
// field (智能制造装备). The province's candidate list flags him “申请人要求回避”; automatic assignment skips him.
// Written as the applicant wrote it before submitting; the application is submitted by now, so straight to the table.

const TITLE = '面向半导体装备的 MEMS 真空压力传感器联合研发';

export async function seedAvoidedExperts(repos: Repositories): Promise<void> {
  const [application] = await repos.experts.applications({ q: TITLE });
  const admin = await repos.users.findByLogin('demo-wx-chuangan');
  if (!application || !admin)
    throw new Error('demo: the MEMS sensor application or its applicant is missing');
  await repos.avoidedExperts.insert({
    applicationId: application.id,
    name: '孙高工',
    organization: '南京星河智能装备有限公司',
    reason: '该专家所在单位与我单位在真空压力传感器领域存在直接竞争关系',
    createdAt: application.submittedAt ?? new Date(),
    createdBy: admin.id,
  });
}

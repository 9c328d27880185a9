import { principalOf, type PrincipalOf } from '../principal.js';
import type { Repositories } from '../repositories/index.js';
import type { Services } from '../services/index.js';
import { beijingCloseOf, PRACTICE_CALL_ID } from './calls.js';

// The demo's 会评 (issue 14 §5): 赵教授 chairs a meeting of the two experts who accepted the 函评 invitation
// (seed/experts.ts). The sensor project's record is written (both vote for it, 建议立项 70 万元); the
// medicine project's is left for the demo's user to record, and the minutes for 赵教授 to sign off.

const HOUR = 60 * 60 * 1000;

const principal = async <R extends 'province' | 'expert'>(repos: Repositories, login: string) =>
  principalOf((await repos.users.findByLogin(login))!) as PrincipalOf<R>;

export async function seedPanels(repos: Repositories, services: Services): Promise<void> {
  const province = await principal<'province'>(repos, 'demo-province');
  const call = await services.calls.require(PRACTICE_CALL_ID);
  const experts = new Map((await services.experts.list(province)).map((e) => [e.login, e]));
  const members = [experts.get('demo-expert-zhao')!, experts.get('demo-expert-zhou')!];

  const reviewed = (await services.decisions.list(province, PRACTICE_CALL_ID)).items;
  const agenda = reviewed.map((i) => i.row.application.id);
  const startsAt = new Date(beijingCloseOf(call.row.recommendationClosesAt, 10).getTime() - 8 * HOUR);
  const panel = await services.panels.create(province, {
    callId: PRACTICE_CALL_ID,
    title: '2026 年度国际科技合作项目会评',
    startsAt: startsAt.toISOString(),
    place: '江苏省科学技术厅 3 楼会议室（南京市鼓楼区北京西路 15 号）',
    onlineLink: null,
    memberIds: members.map((m) => m.id),
    chairExpertId: members[0]!.id,
    applicationIds: agenda,
  });

  const sensor = panel.items.find((i) => i.row.application.form.title?.includes('MEMS'));
  if (!sensor) return;
  for (const m of members) {
    await services.panels.vote(province, panel.meeting.id, sensor.item.id, m.id, {
      version: 0,
      vote: 'support',
    });
  }
  await services.panels.saveRecord(province, panel.meeting.id, sensor.item.id, {
    version: sensor.item.version,
    notes: '专家认为传感器封装路线清晰，德方工艺优势明显；建议按申请额度的主体部分资助，细化中试考核指标。',
    consensusScore: 86,
    recommendation: 'approve',
    proposedFunding: Math.min(700_000, sensor.limit?.amount ?? 700_000),
  });
}

import { describe, expect, it } from 'vitest';
import { formatWanDecimal } from '../../src/core/money.js';
import {
  acceptedApplication,
  newExpert,
  reviewStage,
  type ReviewStage,
} from '../support/api/expert-review.js';
import { createPanel, panelBody, panelExpert, submitLetterScores } from '../support/api/panels.js';
import { inject, insertUser, useTestApp } from '../support/harness.js';
import { pdfText } from '../support/pdf-text.js';

// 会评 (issue 14 §5): meetings among experts who accepted, records written at the version read, votes per
// member, the chair's sign-off freezing the record, the minutes as a PDF, and the decision page's comparison.

const t = useTestApp();

interface Meeting {
  stage: ReviewStage;
  experts: Awaited<ReturnType<typeof panelExpert>>[];
  applicationId: string;
  panel: {
    meeting: { id: string };
    items: { id: string; version: number; limit: { amount: number } | null }[];
  };
}

async function meeting(memberCount = 3): Promise<Meeting> {
  const stage = await reviewStage(t);
  const experts = [];
  for (let i = 0; i < memberCount; i++) experts.push(await panelExpert(stage));
  const application = await acceptedApplication(stage);
  const response = await createPanel(
    stage,
    panelBody(
      experts.map((e) => e.id),
      [application.id],
    ),
  );
  expect(response.statusCode, response.body).toBe(201);
  return { stage, experts, applicationId: application.id, panel: response.json().panel };
}

const record = (m: Meeting, body: object, cookie = m.stage.province) =>
  inject(t.app, {
    method: 'PUT',
    url: `/api/province/panels/${m.panel.meeting.id}/items/${m.panel.items[0]!.id}`,
    cookie,
    payload: body,
  });

const vote = (m: Meeting, expertId: string, body: object) =>
  inject(t.app, {
    method: 'PUT',
    url: `/api/province/panels/${m.panel.meeting.id}/items/${m.panel.items[0]!.id}/votes/${expertId}`,
    cookie: m.stage.province,
    payload: body,
  });

const signOff = (m: Meeting, cookie: string) =>
  inject(t.app, { method: 'POST', url: `/api/expert/panels/${m.panel.meeting.id}/sign-off`, cookie });

const detail = async (m: Meeting) =>
  (
    await inject(t.app, {
      method: 'GET',
      url: `/api/province/panels/${m.panel.meeting.id}`,
      cookie: m.stage.province,
    })
  ).json().panel;

describe('新建会评会议', () => {
  it('参会专家须已接受本计划的评审邀请，主持人须是参会专家之一；议程项目须形式审查受理', async () => {
    const stage = await reviewStage(t);
    const accepted = await panelExpert(stage);
    const notInvited = await newExpert(stage);
    const application = await acceptedApplication(stage);
    // Other tests hold meetings of the same call: the refused ones must leave its list as it was.
    const meetings = async () =>
      (
        await inject(t.app, {
          method: 'GET',
          url: `/api/province/panels?callId=${panelBody([], []).callId}`,
          cookie: stage.province,
        })
      ).json().meetings;
    const before = await meetings();

    const refused = await createPanel(stage, panelBody([accepted.id, notInvited.id], [application.id]));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([
      {
        path: 'memberIds',
        message: `${notInvited.name}未接受本计划任一评审轮次的邀请，不能作为会评专家`,
      },
    ]);

    const chairOutside = await createPanel(
      stage,
      panelBody([accepted.id], [application.id], { chairExpertId: notInvited.id }),
    );
    expect(chairOutside.statusCode).toBe(400);
    expect(chairOutside.json().error.fields[0]).toMatchObject({
      path: 'chairExpertId',
      message: '会议主持人须是参会专家之一',
    });

    const nowhere = await createPanel(stage, panelBody([accepted.id], [application.id], { place: '' }));
    expect(nowhere.json().error.fields[0]).toMatchObject({ path: 'place' });

    expect(await meetings()).toEqual(before);

    const created = await createPanel(stage, panelBody([accepted.id], [application.id]));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().panel).toMatchObject({
      meeting: { chairName: accepted.name, members: 1, items: 1, signedOffAt: null },
      members: [{ expertId: accepted.id, chair: true }],
      items: [{ application: { id: application.id }, version: 1, letter: { count: 0 } }],
    });

    // The chair is told of the meeting and that they sign the minutes off.
    const inbox = await inject(t.app, { method: 'GET', url: '/api/me/messages', cookie: accepted.cookie });
    const notice = inbox.json().messages.find((m: { kind: string }) => m.kind === 'panel.convened');
    expect(notice.subject).toBe('会评会议通知：国际合作项目会评，2027年1月10日 09:00（北京时间）');
    expect(notice.body).toContain('南京市鼓楼区北京西路 15 号');
    expect(notice.body).toContain('您是本次会议的主持人');
  });

  it('没有项目管理中心职责的省级账号不能新建会议', async () => {
    const stage = await reviewStage(t);
    const cooperation = await insertUser(t, 'province', { duties: ['cooperation'] });
    const expert = await panelExpert(stage);
    const application = await acceptedApplication(stage);
    const response = await createPanel(stage, panelBody([expert.id], [application.id]), cooperation.cookie);
    expect(response.json().error.code).toBe('MISSING_DUTY');
  });
});

describe('会评记录：按版本写入', () => {
  it('以过期的版本保存记录或表决被拒绝（409），最新的内容不被覆盖', async () => {
    const m = await meeting();
    const first = await record(m, { version: 1, notes: '第一位会务人员的记录', consensusScore: 85 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().item).toMatchObject({
      version: 2,
      notes: '第一位会务人员的记录',
      consensusScore: 85,
    });

    const stale = await record(m, { version: 1, notes: '第二位会务人员的记录' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'PANEL_RECORD_STALE' });
    expect(stale.json().error.message).toContain('请刷新');
    expect((await detail(m)).items[0]).toMatchObject({ version: 2, notes: '第一位会务人员的记录' });

    const expert = m.experts[1]!.id;
    expect((await vote(m, expert, { version: 0, vote: 'support' })).statusCode).toBe(200);
    const staleVote = await vote(m, expert, { version: 0, vote: 'oppose' });
    expect(staleVote.json().error.code).toBe('PANEL_RECORD_STALE');
    const changed = await vote(m, expert, { version: 1, vote: 'abstain' });
    expect(changed.json().item.votes).toEqual([{ expertId: expert, vote: 'abstain', version: 2 }]);
    expect(changed.json().item.tally).toEqual({ support: 0, oppose: 0, abstain: 1, notVoted: 2 });
  });

  it('建议资助经费不超过本专题上限和申请的省资助经费；不建议立项不填经费；非参会专家的表决答“不存在”', async () => {
    const m = await meeting(1);
    const limit = m.panel.items[0]!.limit!.amount;
    const over = await record(m, { version: 1, recommendation: 'approve', proposedFunding: limit + 1 });
    expect(over.statusCode).toBe(422);
    expect(over.json().error.fields[0].path).toBe('proposedFunding');
    expect(over.json().error.message).toContain(`建议资助经费 ${formatWanDecimal(limit + 1)}`);

    const rejectWithAmount = await record(m, { version: 1, recommendation: 'reject', proposedFunding: 1000 });
    expect(rejectWithAmount.json().error.fields[0]).toMatchObject({
      path: 'proposedFunding',
      message: '不建议立项的项目不填写建议资助经费',
    });
    const approveWithout = await record(m, { version: 1, recommendation: 'approve' });
    expect(approveWithout.json().error.fields[0].message).toBe('建议立项须填写建议资助经费（万元）');

    const outsider = await newExpert(m.stage);
    expect((await vote(m, outsider.id, { version: 0, vote: 'support' })).json().error.code).toBe('NOT_FOUND');
    expect((await detail(m)).items[0]).toMatchObject({ version: 1, recommendation: null });
  });

  it('两位会务人员同时记录不同专家的表决，两票都保留；同时记录同一专家或同一版本的记录，只有一个成功', async () => {
    const m = await meeting(3);
    const [a, b, c] = m.experts.map((e) => e.id);
    const both = await Promise.all([
      vote(m, a!, { version: 0, vote: 'support' }),
      vote(m, b!, { version: 0, vote: 'oppose' }),
    ]);
    expect(both.map((r) => r.statusCode)).toEqual([200, 200]);

    const same = await Promise.all([
      vote(m, c!, { version: 0, vote: 'support' }),
      vote(m, c!, { version: 0, vote: 'abstain' }),
    ]);
    expect(same.map((r) => r.statusCode).sort()).toEqual([200, 409]);

    const records = await Promise.all([
      record(m, { version: 1, notes: '甲' }),
      record(m, { version: 1, notes: '乙' }),
    ]);
    expect(records.map((r) => r.statusCode).sort()).toEqual([200, 409]);

    const item = (await detail(m)).items[0];
    expect(item.tally).toEqual({
      support: same[0]!.statusCode === 200 ? 2 : 1,
      oppose: 1,
      abstain: same[0]!.statusCode === 200 ? 0 : 1,
      notVoted: 0,
    });
    expect(item.votes).toHaveLength(3);
    expect(item.version).toBe(2);
    expect(['甲', '乙']).toContain(item.notes);
  });
});

describe('主持人签署会评纪要', () => {
  it('只有主持人能查看和签署，其他专家答“不存在”；签署后记录冻结，纪要写明签署人和时间', async () => {
    const m = await meeting(2);
    const [chair, other] = m.experts;
    const limit = m.panel.items[0]!.limit!.amount;

    expect((await signOff(m, chair!.cookie)).json().error.message).toContain('第 1 项尚未形成会评建议');

    await vote(m, chair!.id, { version: 0, vote: 'support' });
    await vote(m, other!.id, { version: 0, vote: 'oppose' });
    const saved = await record(m, {
      version: 1,
      notes: '合作基础扎实，建议调减经费',
      consensusScore: 82.5,
      recommendation: 'approve',
      proposedFunding: limit,
    });
    expect(saved.statusCode, saved.body).toBe(200);

    for (const url of [
      `/api/expert/panels/${m.panel.meeting.id}`,
      `/api/expert/panels/${m.panel.meeting.id}/minutes`,
    ]) {
      expect((await inject(t.app, { method: 'GET', url, cookie: other!.cookie })).statusCode).toBe(404);
    }
    expect((await signOff(m, other!.cookie)).statusCode).toBe(404);
    expect(
      (await inject(t.app, { method: 'GET', url: '/api/expert/panels', cookie: other!.cookie })).json()
        .meetings,
    ).toEqual([]);

    const chaired = await inject(t.app, { method: 'GET', url: '/api/expert/panels', cookie: chair!.cookie });
    expect(chaired.json().meetings.map((x: { id: string }) => x.id)).toEqual([m.panel.meeting.id]);
    const read = await inject(t.app, {
      method: 'GET',
      url: `/api/expert/panels/${m.panel.meeting.id}`,
      cookie: chair!.cookie,
    });
    expect(read.json().panel.items[0]).toMatchObject({ recommendation: 'approve', proposedFunding: limit });

    const signed = await signOff(m, chair!.cookie);
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json().panel.meeting).toMatchObject({
      signedOffAt: expect.any(String),
      signedOffBy: chair!.name,
    });

    expect((await record(m, { version: 2, notes: '签署后补记' })).json().error.code).toBe('PANEL_SIGNED_OFF');
    expect((await vote(m, other!.id, { version: 1, vote: 'support' })).json().error.code).toBe(
      'PANEL_SIGNED_OFF',
    );
    expect((await signOff(m, chair!.cookie)).json().error.code).toBe('PANEL_SIGNED_OFF');

    const minutes = await inject(t.app, {
      method: 'GET',
      url: `/api/province/panels/${m.panel.meeting.id}/minutes`,
      cookie: m.stage.province,
    });
    expect(minutes.statusCode).toBe(200);
    expect(minutes.headers['content-type']).toContain('application/pdf');
    const { text } = await pdfText(minutes.rawPayload);
    for (const expected of [
      '会议纪要',
      '建议立项',
      formatWanDecimal(limit),
      '82.5',
      '支持 1 票，不支持 1 票，弃权 0 票',
      '合作基础扎实，建议调减经费',
      `会议主持人 ${chair!.name} 已于`,
    ]) {
      expect(text.replace(/\s+/g, '')).toContain(expected.replace(/\s+/g, ''));
    }

    const chairCopy = await inject(t.app, {
      method: 'GET',
      url: `/api/expert/panels/${m.panel.meeting.id}/minutes`,
      cookie: chair!.cookie,
    });
    expect(chairCopy.statusCode).toBe(200);
    // Two prints in a worker that loads TypeScript first: slow beside other test files on a busy machine.
  }, 90_000);
});

describe('函评与会评并列', () => {
  it('立项决定的项目带有函评均分与排名（原始和标准化）及会评建议；未上会也未评分的为 null', async () => {
    const m = await meeting(2);
    const [a, b] = m.experts;
    const other = await acceptedApplication(m.stage);
    const unreviewed = await acceptedApplication(m.stage);
    await submitLetterScores(m.stage, m.applicationId, a!, 0.9);
    await submitLetterScores(m.stage, other.id, a!, 0.7);
    await submitLetterScores(m.stage, m.applicationId, b!, 0.8);
    await submitLetterScores(m.stage, other.id, b!, 0.6);
    const limit = m.panel.items[0]!.limit!.amount;
    await record(m, { version: 1, consensusScore: 88, recommendation: 'approve', proposedFunding: limit });
    await vote(m, a!.id, { version: 0, vote: 'support' });

    const list = await inject(t.app, {
      method: 'GET',
      url: `/api/province/decisions?callId=${panelBody([], []).callId}`,
      cookie: m.stage.province,
    });
    const items = new Map(
      list.json().items.map((i: { application: { id: string } }) => [i.application.id, i]),
    );
    expect(items.get(m.applicationId)).toMatchObject({
      panel: {
        letter: { count: 2, mean: 85, rawRank: 1, normalisedRank: 1 },
        meeting: {
          id: m.panel.meeting.id,
          recommendation: 'approve',
          consensusScore: 88,
          proposedFunding: limit,
          tally: { support: 1, oppose: 0, abstain: 0, notVoted: 1 },
        },
      },
    });
    expect(items.get(other.id)).toMatchObject({
      panel: { letter: { count: 2, mean: 65, rawRank: 2, normalisedRank: 2 }, meeting: null },
    });
    expect(items.get(unreviewed.id)).toMatchObject({ panel: null });

    const normalisation = await inject(t.app, {
      method: 'GET',
      url: `/api/province/experts/normalisation?callId=${panelBody([], []).callId}`,
      cookie: m.stage.province,
    });
    expect(normalisation.statusCode, normalisation.body).toBe(200);
    const experts = normalisation
      .json()
      .experts.filter((e: { expertId: string }) => [a!.id, b!.id].includes(e.expertId));
    expect(experts).toHaveLength(2);
    for (const e of experts) expect(e.scores.map((s: { z: number }) => s.z).sort()).toEqual([-1, 1]);
  });
});

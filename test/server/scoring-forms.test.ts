import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { formBudget } from '../../src/core/application/bundle-fields.js';
import type { RoundKind } from '../../src/core/experts/rounds.js';
import { SCORING_FORMS, weightedTotal } from '../../src/core/experts/scoring-forms.js';
import { auditLog, expertAssignments, reviewRounds, scoringForms } from '../../src/server/db/schema.js';
import { PRACTICE_CALL_ID } from '../../src/server/seed/calls.js';
import type { ScoringFormBody } from '../../src/contract/scoring-forms.js';
import {
  acceptedApplication,
  newExpert,
  type ReviewStage,
  reviewStage,
  scoreableAssignment,
} from '../support/api/expert-review.js';
import { inject, insertUser, useTestApp } from '../support/harness.js';

// 评分表 per review round and topic (issue 14 §3–4): versions, the lock once scoring started, totals on the
// version scored, the minimum comment length, and 专家论证 with its recommended amount read by the decision.

const t = useTestApp();
const HOUR = 60 * 60 * 1000;
const OPINION = '创新点明确，合作基础扎实，研究方案可行，同意资助。';

let stage: ReviewStage;

beforeAll(async () => {
  stage = await reviewStage(t);
});

async function round(kind: RoundKind = 'letter'): Promise<string> {
  const now = t.clock.now().getTime();
  const [row] = await t.db
    .insert(reviewRounds)
    .values({
      callId: PRACTICE_CALL_ID,
      kind,
      name: kind === 'letter' ? '2026 年函评' : '2026 年专家论证',
      respondBy: new Date(now + 24 * HOUR),
      dueAt: new Date(now + 10 * 24 * HOUR),
      createdAt: t.clock.now(),
      createdBy: stage.departmentUserId,
    })
    .returning();
  return row!.id;
}

/** An application of 专题四 and an expert holding a scoreable assignment of it in `roundId`. */
async function scoreable(roundId: string, applicationId?: string) {
  const application = applicationId ?? (await acceptedApplication(stage)).id;
  const expert = await newExpert(stage);
  const id = await scoreableAssignment(stage, application, expert, 7 * 24, roundId);
  return { id, applicationId: application, expert };
}

const formUrl = (roundId: string, topic = 4) => `/api/province/scoring-forms/${roundId}/${topic}`;
const getForm = (roundId: string, cookie = stage.province) =>
  inject(t.app, { method: 'GET', url: formUrl(roundId), cookie });
const putForm = (roundId: string, payload: ScoringFormBody, cookie = stage.province) =>
  inject(t.app, { method: 'PUT', url: formUrl(roundId), cookie, payload });

const scoring = (cookie: string, id: string, action: 'draft' | 'submit', payload: object) =>
  inject(t.app, {
    method: action === 'draft' ? 'PUT' : 'POST',
    url: `/api/expert/assignments/${id}/${action === 'draft' ? 'scores' : 'submit'}`,
    cookie,
    payload,
  });

/** The 专题四 default as a body, with `edit` applied. */
function defaultBody(edit: (body: ScoringFormBody) => void = () => {}): ScoringFormBody {
  const form = SCORING_FORMS[4];
  const body = JSON.parse(
    JSON.stringify({
      criteria: form.criteria.map((c) => ({ ...c, anchors: [...c.anchors] })),
      guidance: form.guidance,
      minCommentLength: form.minCommentLength,
    }),
  ) as ScoringFormBody;
  edit(body);
  return body;
}

const full = (fraction: number) =>
  Object.fromEntries(SCORING_FORMS[4].criteria.map((c) => [c.id, Math.round(c.max * fraction)]));

describe('评分表：按轮次和专题配置，保存即新版本', () => {
  it('未保存时为该轮类型的默认评分表，标明中心配置，各项有各档说明', async () => {
    const letter = (await getForm(await round('letter'))).json().form;
    expect(letter).toMatchObject({
      version: null,
      clause: '中心配置',
      locked: false,
      recommendsFunding: false,
    });
    expect(letter.criteria.map((c: { id: string }) => c.id)).toEqual(
      SCORING_FORMS[4].criteria.map((c) => c.id),
    );
    expect(letter.criteria[0].anchors[0]).toEqual({
      from: 9,
      to: 10,
      text: expect.stringMatching(/^优秀：/),
    });

    const feasibility = (await getForm(await round('feasibility'))).json().form;
    expect(feasibility.criteria.map((c: { label: string }) => c.label)).toEqual([
      '可行性',
      '实施条件',
      '经费合理性',
    ]);
    expect(feasibility.recommendsFunding).toBe(true);
  });

  it('修改一档说明保存为新版本，版本历史列出改动，写入审计日志；没有改动不保存', async () => {
    const roundId = await round();
    const v1 = await putForm(
      roundId,
      defaultBody((b) => {
        b.criteria[0]!.anchors[0]!.text = '优秀：创新点突出，达到国际先进水平';
      }),
    );
    expect(v1.statusCode, v1.body).toBe(200);
    expect(v1.json().form).toMatchObject({ version: 1, clause: null });
    const v2 = await putForm(
      roundId,
      defaultBody((b) => {
        b.criteria[0]!.anchors[0]!.text = '优秀：创新点突出，达到国际先进水平';
        b.minCommentLength = 40;
      }),
    );
    expect(v2.json().form.version).toBe(2);
    expect(
      v2.json().form.versions.map((v: { version: number; changes: string[] }) => [v.version, v.changes]),
    ).toEqual([
      [2, ['评审意见最少字数 15 → 40']],
      [1, ['“创新性与技术先进性”各档说明已修改']],
    ]);
    const again = await putForm(
      roundId,
      defaultBody(
        (b) => (
          (b.criteria[0]!.anchors[0]!.text = '优秀：创新点突出，达到国际先进水平'),
          (b.minCommentLength = 40)
        ),
      ),
    );
    expect(again.json().error.code).toBe('SCORING_FORM_UNCHANGED');
    const audited = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'scoring-form.saved'), eq(auditLog.entityType, 'scoring-form')));
    const ids = (await t.db.select().from(scoringForms).where(eq(scoringForms.roundId, roundId))).map(
      (r) => r.id,
    );
    expect(audited.filter((a) => ids.includes(a.entityId!))).toHaveLength(2);
  });

  it('权重合计不为 100、各档未覆盖满分：拒绝并指明评分项，不保存', async () => {
    const roundId = await round();
    const response = await putForm(
      roundId,
      defaultBody((b) => {
        b.criteria[0]!.weight += 10;
        b.criteria[1]!.anchors = [{ from: 0, to: 5, text: '较差' }];
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { path: 'criteria.1.anchors', message: '合作基础与合作方实力：各档未覆盖 6–10 分' },
      { path: 'criteria', message: '评分项权重合计应为 100，现为 110' },
    ]);
    expect(await t.db.select().from(scoringForms).where(eq(scoringForms.roundId, roundId))).toEqual([]);
  });

  it('本轮该专题已有专家保存评分后，评分表锁定，不能再改', async () => {
    const roundId = await round();
    const { id, expert } = await scoreable(roundId);
    expect((await scoring(expert.cookie, id, 'draft', { scores: { innovation: 7 } })).statusCode).toBe(200);
    const form = (await getForm(roundId)).json().form;
    expect(form).toMatchObject({ locked: true, version: 1 });
    expect(form.versions[0]).toMatchObject({
      createdBy: null,
      changes: ['采用默认评分表（中心配置）'],
      scored: 1,
    });
    const refused = await putForm(
      roundId,
      defaultBody((b) => (b.minCommentLength = 99)),
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'SCORING_FORM_LOCKED',
      message: expect.stringContaining('不能再修改'),
    });
    expect(await t.db.select().from(scoringForms).where(eq(scoringForms.roundId, roundId))).toHaveLength(1);
  });
});

describe('并发', () => {
  it('保存新版本与首次评分同时发生：评分总落在最新版本上，锁定后不再有新版本', async () => {
    for (let i = 0; i < 3; i += 1) {
      const roundId = await round();
      const { id, expert } = await scoreable(roundId);
      const [saved, scored] = await Promise.all([
        putForm(
          roundId,
          defaultBody((b) => (b.minCommentLength = 20 + i)),
        ),
        scoring(expert.cookie, id, 'draft', { scores: { innovation: 7 } }),
      ]);
      expect(scored.statusCode, scored.body).toBe(200);
      expect([200, 409]).toContain(saved.statusCode);
      const versions = await t.db.select().from(scoringForms).where(eq(scoringForms.roundId, roundId));
      const latest = versions.sort((a, b) => b.version - a.version)[0]!;
      const [row] = await t.db.select().from(expertAssignments).where(eq(expertAssignments.id, id));
      expect(row!.scoringFormId).toBe(latest.id);
      expect(versions).toHaveLength(1);
      expect(latest.createdBy === null).toBe(saved.statusCode === 409);
    }
  });
});

describe('按评分时所用的版本计算总分', () => {
  it('评分记下所用版本；专家、省里的总分均按该版本的权重计算', async () => {
    const roundId = await round();
    const weighted = defaultBody((b) => {
      b.criteria[0]!.weight = 60; // innovation
      b.criteria[1]!.weight = 10;
      b.criteria[2]!.weight = 10;
      b.criteria[3]!.weight = 10;
      b.criteria[4]!.weight = 10;
    });
    const saved = (await putForm(roundId, weighted)).json().form;
    const { id, applicationId, expert } = await scoreable(roundId);
    const scores = { ...full(0), innovation: 10 };
    const submitted = await scoring(expert.cookie, id, 'submit', { scores, comment: OPINION });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().assignment.total).toBe(60);
    expect(weightedTotal(SCORING_FORMS[4], scores)).toBe(30);

    const [row] = await t.db.select().from(expertAssignments).where(eq(expertAssignments.id, id));
    const [version] = await t.db.select().from(scoringForms).where(eq(scoringForms.id, row!.scoringFormId!));
    expect(version!.version).toBe(saved.version);

    const province = await inject(t.app, {
      method: 'GET',
      url: `/api/province/experts/applications/${applicationId}`,
      cookie: stage.province,
    });
    const [assignment] = province.json().application.assignments;
    expect(assignment).toMatchObject({ total: 60, formVersion: 1, roundKind: 'letter' });
    expect(province.json().application.aggregate.mean).toBe(60);
  });
});

describe('评审意见最少字数', () => {
  it('提交时评审意见须达到评分表的最少字数（服务端校验），草稿不受限', async () => {
    const roundId = await round();
    await putForm(
      roundId,
      defaultBody((b) => (b.minCommentLength = 30)),
    );
    const { id, expert } = await scoreable(roundId);
    const detail = await inject(t.app, {
      method: 'GET',
      url: `/api/expert/assignments/${id}`,
      cookie: expert.cookie,
    });
    expect(detail.json().form).toMatchObject({ version: 1, minCommentLength: 30 });
    expect((await scoring(expert.cookie, id, 'draft', { scores: full(1), comment: '好' })).statusCode).toBe(
      200,
    );
    const short = await scoring(expert.cookie, id, 'submit', { scores: full(1), comment: OPINION });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields).toEqual([
      { path: 'comment', message: `评审意见：至少 30 字，现为 ${[...OPINION].length} 字` },
    ]);
    const long = await scoring(expert.cookie, id, 'submit', { scores: full(1), comment: OPINION.repeat(2) });
    expect(long.statusCode).toBe(200);
  });
});

describe('专家论证', () => {
  it('建议资助经费提交时必填，不超过上限；省里看到论证汇总，立项决定读取其中位数', async () => {
    const roundId = await round('feasibility');
    const application = await acceptedApplication(stage);
    const first = await scoreable(roundId, application.id);
    const detail = (
      await inject(t.app, {
        method: 'GET',
        url: `/api/expert/assignments/${first.id}`,
        cookie: first.expert.cookie,
      })
    ).json();
    const requested = formBudget(application.form).provincialFunding;
    expect(detail.assignment.roundKind).toBe('feasibility');
    expect(detail.recommendationLimit.amount).toBeLessThanOrEqual(requested);
    const limit: number = detail.recommendationLimit.amount;
    const scores = { feasibility: 8, conditions: 8, budget: 6 };

    const missing = await scoring(first.expert.cookie, first.id, 'submit', { scores, comment: OPINION });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toEqual([
      { path: 'recommendedFunding', message: '建议资助经费：请填写（万元）' },
    ]);
    const over = await scoring(first.expert.cookie, first.id, 'submit', {
      scores,
      comment: OPINION,
      recommendedFunding: limit + 1,
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.fields[0]).toMatchObject({
      path: 'recommendedFunding',
      message: expect.stringContaining('超过'),
    });

    const amounts = [limit, limit - 200_000, limit - 100_000];
    const ok = await scoring(first.expert.cookie, first.id, 'submit', {
      scores,
      comment: OPINION,
      recommendedFunding: amounts[0],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().assignment).toMatchObject({ recommendedFunding: limit, total: 75 });
    for (const amount of amounts.slice(1)) {
      const other = await scoreable(roundId, application.id);
      const response = await scoring(other.expert.cookie, other.id, 'submit', {
        scores: { feasibility: 6, conditions: 6, budget: 6 },
        comment: OPINION,
        recommendedFunding: amount,
      });
      expect(response.statusCode, response.body).toBe(200);
    }

    const expected = {
      experts: 3,
      meanTotal: Math.round(((75 + 60 + 60) / 3) * 100) / 100,
      amounts: [...amounts].sort((a, b) => a - b),
      medianAmount: limit - 100_000,
    };
    const view = await inject(t.app, {
      method: 'GET',
      url: `/api/province/experts/applications/${application.id}`,
      cookie: stage.province,
    });
    expect(view.json().application.feasibility).toEqual(expected);
    expect(view.json().application.aggregate.count).toBe(0);

    const decisions = await inject(t.app, {
      method: 'GET',
      url: `/api/province/decisions?callId=${PRACTICE_CALL_ID}`,
      cookie: stage.province,
    });
    const items = decisions.json().items as { application: { id: string }; feasibility: unknown }[];
    expect(items.find((i) => i.application.id === application.id)!.feasibility).toEqual(expected);
    expect(items.find((i) => i.application.id !== application.id)?.feasibility ?? null).toBeNull();
  });
});

describe('权限', () => {
  it('专家、主管部门不能读写评分表；只有项目管理中心职责可保存；不存在的轮次答 NOT_FOUND', async () => {
    const roundId = await round();
    const expert = await newExpert(stage);
    const department = (await insertUser(t, 'department')).cookie;
    for (const cookie of [expert.cookie, department]) {
      expect((await getForm(roundId, cookie)).statusCode).toBe(403);
      expect(
        (
          await putForm(
            roundId,
            defaultBody((b) => (b.minCommentLength = 20)),
            cookie,
          )
        ).statusCode,
      ).toBe(403);
    }
    const cooperation = (await insertUser(t, 'province', { duties: ['cooperation'] })).cookie;
    const refused = await putForm(
      roundId,
      defaultBody((b) => (b.minCommentLength = 20)),
      cooperation,
    );
    expect(refused.json().error.code).toBe('MISSING_DUTY');
    expect((await getForm(roundId, cooperation)).statusCode).toBe(200);
    const center = (await insertUser(t, 'province', { duties: ['center'] })).cookie;
    expect(
      (
        await putForm(
          roundId,
          defaultBody((b) => (b.minCommentLength = 20)),
          center,
        )
      ).statusCode,
    ).toBe(200);

    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await getForm(missing)).json().error.code).toBe('NOT_FOUND');
    expect(
      (
        await putForm(
          missing,
          defaultBody((b) => (b.minCommentLength = 20)),
        )
      ).json().error.code,
    ).toBe('NOT_FOUND');
  });

  it('专家看不到别人的论证任务：与不存在的一样答 NOT_FOUND', async () => {
    const roundId = await round('feasibility');
    const { id } = await scoreable(roundId);
    const stranger = await newExpert(stage);
    const response = await scoring(stranger.cookie, id, 'submit', {
      scores: { feasibility: 8, conditions: 8, budget: 8 },
      comment: OPINION,
      recommendedFunding: 100_000,
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });
});

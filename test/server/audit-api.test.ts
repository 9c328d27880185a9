import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { repositories } from '../../src/server/repositories/index.js';
import type { UserRole } from '../../src/contract/vocabulary.js';
import { submitThroughApi } from '../support/api/applicant.js';
import { inject, insertUser, registerUnitAdmin, useTestApp } from '../support/harness.js';
import { reviewSession } from '../support/api/review-session.js';
import { tamper } from '../support/audit-tampering.js';

const t = useTestApp();
const START = '2026-11-23T09:00:00+08:00';
const { users, departmentUser, recommend } = reviewSession(t, START);

let province: string;
let applicationId: string;

const audit = (query = '', cookie = province) =>
  inject(t.app, { method: 'GET', url: `/api/province/audit${query}`, cookie });

beforeAll(async () => {
  province = (await insertUser(t, 'province')).cookie;
  // An application filled in and submitted by its unit through the API, then recommended by its department.
  const { admin, id } = await submitThroughApi(t);
  applicationId = id;
  const repos = repositories(t.db);
  const organization = (await repos.organizations.findById(admin.organizationId))!;
  users.reviewer = await departmentUser((await repos.departments.findById(organization.departmentId!))!);
  expect((await recommend(users.reviewer.cookie, applicationId)).statusCode).toBe(204);
});

describe('GET /api/province/audit', () => {
  it('提交和主管部门推荐都记入审计日志：谁、何时、状态由什么变为什么', async () => {
    const response = await audit(`?entityType=application&entityId=${applicationId}`);
    expect(response.statusCode).toBe(200);
    const entries = response.json().entries as {
      action: string;
      before: { status?: string } | null;
      after: { status?: string } | null;
      actor: { role: string; scope: string | null } | null;
      at: string;
    }[];
    const transitions = entries
      .filter((e) => e.before !== null && 'status' in e.before)
      .map((e) => [e.action, e.before!.status, e.after!.status, e.actor!.role]);
    expect(transitions).toEqual([
      ['application.recommended', 'submitted', 'recommended', 'department'],
      ['application.submitted', 'draft', 'submitted', 'unit-admin'],
      ['application.created', null, 'draft', 'unit-admin'],
    ]);
    expect(entries[0]!.actor!.scope).toBeTruthy();
    expect(entries[0]!.at).toMatch(/\+08:00$/);
  });

  it('人读的文字是中文：操作、对象名称、状态，不出现内部编号', async () => {
    const entries = (await audit(`?entityType=application&entityId=${applicationId}`)).json().entries as {
      action: string;
      actionLabel: string;
      entityLabel: string;
      changes: { label: string; before: string | null; after: string }[];
    }[];
    const recommended = entries.find((e) => e.action === 'application.recommended')!;
    expect(recommended.actionLabel).toBe('主管部门推荐');
    const row = (await repositories(t.db).applications.findById(applicationId))!;
    expect(recommended.entityLabel).toBe(`申报书 《${row.form.title}》（${row.acceptanceNo}）`);
    expect(recommended.changes).toContainEqual({ label: '状态', before: '已提交', after: '已推荐' });
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
    for (const e of entries) {
      const human = JSON.stringify([e.actionLabel, e.entityLabel, e.changes]);
      expect(human).not.toMatch(uuid);
      expect(human).not.toMatch(/application\.|submitted|recommended/);
    }
  });

  it('按操作、日期筛选，按序号向前翻页', async () => {
    const submitted = (await audit('?action=application.submitted')).json().entries;
    expect(submitted.length).toBeGreaterThan(0);
    expect(submitted.every((e: { action: string }) => e.action === 'application.submitted')).toBe(true);

    expect((await audit('?from=2026-11-23&to=2026-11-23')).json().entries.length).toBeGreaterThan(0);
    expect((await audit('?from=2026-11-24')).json().entries).toEqual([]);

    const first = (await audit('?limit=1')).json();
    expect(first.entries).toHaveLength(1);
    const second = (await audit(`?limit=1&beforeSeq=${first.nextBeforeSeq}`)).json();
    expect(second.entries[0].seq).toBeLessThan(first.entries[0].seq);

    const bad = await audit('?from=2026-11-24&to=2026-11-23');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toEqual({
      path: 'to',
      message: '截止日期（北京时间，含）：不能早于起始日期',
    });
  });

  it('只有省科技厅可以查看和校验', async () => {
    for (const role of ['department', 'expert'] as UserRole[]) {
      const { cookie } = await insertUser(t, role);
      expect((await audit('', cookie)).statusCode).toBe(403);
      expect((await audit('/verify', cookie)).statusCode).toBe(403);
    }
    const admin = await registerUnitAdmin(t);
    expect((await audit('', admin.cookie)).statusCode).toBe(403);
    expect((await audit('/verify', '')).statusCode).toBe(401);
  });
});

describe('GET /api/province/audit/verify', () => {
  it('哈希链完整时给出条数和链尾哈希；改动一条记录后指出这一条', async () => {
    const intact = (await audit('/verify')).json();
    const [newest] = (await audit('?limit=1')).json().entries;
    expect(intact).toEqual({ intact: true, entries: newest.seq, headHash: newest.hash });

    await tamper(
      t.db,
      sql`update audit_log set after = '{"status": "not-recommended"}'::jsonb where seq = 2`,
    );
    const broken = (await audit('/verify')).json();
    expect(broken).toMatchObject({
      intact: false,
      brokenAt: 2,
      reason: expect.stringContaining('内容被改动'),
    });
  });
});

import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { applications } from '../../src/server/db/schema.js';
import { repositories } from '../../src/server/repositories/index.js';
import { PRACTICE_CALL_ID } from '../../src/server/seed/calls.js';
import type { ApplicationStatus, UserRole } from '../../src/contract/vocabulary.js';
import { inject, insertUser, registerUnitAdmin, useTestApp } from '../support/harness.js';
import { completeForm, insertSubmitted } from '../support/api/submitted-applications.js';

const t = useTestApp();
const HOUR = 3_600_000;

let province: string;
let zoneId: string;
let cityId: string;
let closes: number;

const dashboard = (query: string, cookie = province) =>
  inject(t.app, { method: 'GET', url: `/api/province/dashboard?${query}`, cookie });

async function received(options: {
  departmentId: string;
  at: number;
  topic: number;
  country: string;
  funding: number;
  status?: ApplicationStatus;
}) {
  const base = completeForm();
  const row = await insertSubmitted(t.db, new Date(options.at), {
    departmentId: options.departmentId,
    topic: options.topic,
    form: {
      partner: { ...base.partner!, country: options.country },
      // Written as the 经费预算表 (completeForm), from which the dashboard reads 江苏方's 省拨款.
      budget: { total: 3_000_000, jiangsuTotal: 2_000_000, provincialFunding: options.funding },
    },
  });
  if (options.status) {
    await t.db.update(applications).set({ status: options.status }).where(eq(applications.id, row.id));
  }
}

beforeAll(async () => {
  province = (await insertUser(t, 'province')).cookie;
  const repos = repositories(t.db);
  const departments = await repos.departments.list();
  zoneId = departments.find((d) => d.kind === 'provincial-hitech-zone')!.id;
  cityId = departments.find((d) => d.kind === 'city')!.id;
  closes = (await repos.calls.findById(PRACTICE_CALL_ID))!.submissionClosesAt.getTime();
  // Online submission closes at 17:30 (Beijing time): 16:10 and 16:50 fall in the 16:00 hour.
  const rows: [string, number, number, string, number, ApplicationStatus?][] = [
    [zoneId, closes - 80 * 60_000, 4, 'DE', 800_000],
    [zoneId, closes - 40 * 60_000, 4, 'GB', 600_000, 'recommended'],
    [cityId, closes - 32 * HOUR, 5, 'HK', 900_000],
    [cityId, closes - 20 * 24 * HOUR, 2, 'RU', 500_000],
    [cityId, closes - 2 * HOUR, 4, 'FI', 700_000, 'draft'],
    [cityId, closes - 2 * HOUR, 4, 'NL', 700_000, 'withdrawn'],
  ];
  for (const [departmentId, at, topic, country, funding, status] of rows) {
    await received({ departmentId, at, topic, country, funding, ...(status ? { status } : {}) });
  }
});

describe('GET /api/province/dashboard', () => {
  it('按专题、主管部门、合作国别统计收到的申报书（不含草稿和已作废的）', async () => {
    const response = await dashboard(`call=${PRACTICE_CALL_ID}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.byTopic).toEqual([
      { topic: 2, received: 1, recommended: 0 },
      { topic: 4, received: 2, recommended: 1 },
      { topic: 5, received: 1, recommended: 0 },
    ]);
    expect(body.byDepartment).toEqual([
      expect.objectContaining({ departmentId: cityId, received: 2, recommended: 0 }),
      expect.objectContaining({ departmentId: zoneId, received: 2, recommended: 1 }),
    ]);
    expect(body.byCountry).toEqual(['DE', 'GB', 'HK', 'RU'].map((country) => ({ country, received: 1 })));
    expect(body.byStatus).toEqual(
      expect.arrayContaining([
        { status: 'submitted', received: 3 },
        { status: 'recommended', received: 1 },
      ]),
    );
  });

  it('申请省资助经费：每个专题的合计、分布和超过上限的项数', async () => {
    const { funding } = (await dashboard(`call=${PRACTICE_CALL_ID}`)).json();
    const topic = (n: number) => funding.find((f: { topic: number }) => f.topic === n);
    expect(topic(4)).toMatchObject({
      cap: 800_000,
      count: 2,
      sum: 1_400_000,
      min: 600_000,
      median: 700_000,
      max: 800_000,
      overCap: 0,
    });
    expect(topic(5)).toMatchObject({ cap: 800_000, count: 1, sum: 900_000, overCap: 1 });
    expect(funding.filter((f: { topic: number }) => f.topic === 1)).toHaveLength(3);
    expect(funding.find((f: { topic: number }) => f.topic === 3)).toBeUndefined();
  });

  it('网上填报截止前逐小时的提交数（北京时间整点）', async () => {
    const { submissions } = (await dashboard(`call=${PRACTICE_CALL_ID}&days=2`)).json();
    expect(submissions.hours).toHaveLength(2 * 24 + 1);
    expect(submissions.to.slice(11)).toBe('18:00:00+08:00');
    const day = submissions.closesAt.slice(0, 10);
    const at = (time: string) =>
      submissions.hours.find((h: { hour: string }) => h.hour === `${day}T${time}:00+08:00`);
    expect(at('16:00').count).toBe(2);
    expect(at('17:00').count).toBe(0);
    const total = submissions.hours.reduce((sum: number, h: { count: number }) => sum + h.count, 0);
    expect(total).toBe(3);
  });

  it('只有省科技厅可以查看；计划不存在为 404；天数超出范围逐项说明', async () => {
    for (const role of ['department', 'expert'] as UserRole[]) {
      const { cookie } = await insertUser(t, role);
      expect((await dashboard(`call=${PRACTICE_CALL_ID}`, cookie)).statusCode).toBe(403);
    }
    const admin = await registerUnitAdmin(t);
    expect((await dashboard(`call=${PRACTICE_CALL_ID}`, admin.cookie)).statusCode).toBe(403);
    expect((await dashboard(`call=${PRACTICE_CALL_ID}`, '')).statusCode).toBe(401);
    expect((await dashboard('call=NO-SUCH')).statusCode).toBe(404);
    const bad = await dashboard(`call=${PRACTICE_CALL_ID}&days=31`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('days');
  });
});

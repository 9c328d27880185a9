import { eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { applications, organizations, people, reviewConfirmations } from '../../src/server/db/schema.js';
import type { ApplicationRow } from '../../src/server/repositories/applications.js';
import { uniqueNumber } from '../support/factories/random.js';
import { uniqueLogin, VALID_PASSWORD } from '../support/factories/server.js';
import { inject, insertUser, useTestApp } from '../support/harness.js';
import { ownCall, ownDepartment } from '../support/api/own-calls-and-departments.js';
import { insertSubmitted } from '../support/api/submitted-applications.js';

// `q` on the lists: title, acceptance number, applicant and project leader, with LIKE's wildcards literal.

const t = useTestApp();

let callId: string;
let department: string;
let province: string;
let wild: ApplicationRow;
let plain: ApplicationRow;
let other: ApplicationRow;
let plainApplicant: string;
let plainPi: string;
const n = uniqueNumber();

beforeAll(async () => {
  callId = await ownCall(t);
  // A 省级机关 has no numeric quota, so recommendations here count against nothing.
  const agency = await ownDepartment(t, 'provincial-agency');
  const departmentUser = await insertUser(t, 'department', { departmentId: agency.id });
  department = departmentUser.cookie;
  province = (await insertUser(t, 'province')).cookie;
  const submit = (title: string) =>
    insertSubmitted(t.db, t.clock.now(), { departmentId: agency.id, callId, form: { title } });
  wild = await submit(`含100%_通配符的合作项目${n}`);
  plain = await submit(`固态电解质联合研发${n}`);
  other = await submit(`生物制药国际合作${n}`);
  await t.db
    .update(applications)
    .set({ acceptanceNo: `SJ-${n}-0001` })
    .where(eq(applications.id, plain.id));
  plainApplicant = (
    await t.db.select().from(organizations).where(eq(organizations.id, plain.organizationId))
  )[0]!.name;
  plainPi = (await t.db.select().from(people).where(eq(people.id, plain.piId)))[0]!.name;

  // At the province: recommended, the list confirmed, and 受理 at 形式审查 (so 立项决定 lists them too).
  const ids = [wild.id, plain.id, other.id];
  await t.db.update(applications).set({ status: 'recommended' }).where(inArray(applications.id, ids));
  await t.db.insert(reviewConfirmations).values({
    departmentId: agency.id,
    callId,
    confirmedAt: t.clock.now(),
    confirmedBy: departmentUser.user.id,
    summary: {},
  });
  for (const id of ids) {
    const response = await inject(t.app, {
      method: 'PUT',
      url: `/api/province/formal-review/${id}`,
      cookie: province,
      payload: { result: 'accepted' },
    });
    expect(response.statusCode, response.body).toBe(200);
  }
});

/** The ids a list answers with for `q`, whatever the list calls its items. */
async function found(path: string, cookie: string, q: string): Promise<string[]> {
  const response = await inject(t.app, {
    method: 'GET',
    url: path,
    query: { callId, q },
    cookie,
  });
  expect(response.statusCode, response.body).toBe(200);
  const body = response.json() as Record<string, { application?: { id: string }; id?: string }[]>;
  const items = body.applications ?? body.items ?? [];
  return items.map((item) => item.application?.id ?? item.id!);
}

const LISTS = [
  { name: '主管部门待审列表', path: '/api/review/applications', as: () => department },
  { name: '形式审查列表', path: '/api/province/formal-review', as: () => province },
  { name: '立项决定列表', path: '/api/province/decisions', as: () => province },
  { name: '专家评审列表', path: '/api/province/experts/applications', as: () => province },
];

describe.each(LISTS)('$name 的搜索（q）', ({ path, as }) => {
  it('按项目名称搜索，不区分位置', async () => {
    expect(await found(path, as(), `电解质联合研发${n}`)).toEqual([plain.id]);
  });

  it('按受理编号、申报单位、项目负责人搜索', async () => {
    expect(await found(path, as(), `SJ-${n}-`)).toEqual([plain.id]);
    expect(await found(path, as(), plainApplicant)).toEqual([plain.id]);
    expect(await found(path, as(), plainPi)).toEqual([plain.id]);
  });

  it('% 和 _ 按字面匹配，不当作通配符', async () => {
    expect(await found(path, as(), '%')).toEqual([wild.id]);
    expect(await found(path, as(), '_')).toEqual([wild.id]);
    expect(await found(path, as(), '100%_')).toEqual([wild.id]);
  });

  it('空白的搜索词等于不搜索', async () => {
    expect(new Set(await found(path, as(), '  '))).toEqual(new Set([wild.id, plain.id, other.id]));
  });
});

describe('搜索词的校验', () => {
  it('超过 100 个字符：400，指明“搜索”', async () => {
    const response = await inject(t.app, {
      method: 'GET',
      url: '/api/review/applications',
      query: { q: '字'.repeat(101) },
      cookie: department,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'q', message: expect.stringContaining('100') }],
    });
    expect(response.json().error.message).toContain('搜索');
  });
});

describe('专家库的搜索（q）', () => {
  const create = async (name: string, organizationName: string, fields: string[]) => {
    const response = await inject(t.app, {
      method: 'POST',
      url: '/api/province/experts',
      cookie: province,
      payload: {
        name,
        organizationName,
        organizationCreditCode: null,
        fields,
        title: '教授',
        phone: '025-83790000',
        email: 'expert@example.cn',
        account: { login: uniqueLogin('expert'), password: VALID_PASSWORD },
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    return (response.json() as { expert: { id: string } }).expert.id;
  };
  const search = async (q: string) => {
    const response = await inject(t.app, {
      method: 'GET',
      url: '/api/province/experts',
      query: { q },
      cookie: province,
    });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { experts: { id: string }[] }).experts.map((e) => e.id);
  };

  it('按姓名、单位或领域搜索，% 和 _ 按字面匹配', async () => {
    const m = uniqueNumber();
    const first = await create(`王${m}`, `东南大学${m}`, [`集成电路${m}`]);
    const second = await create(`李${m}`, `南京大学${m}_100%`, [`人工智能${m}`]);
    expect(await search(`王${m}`)).toEqual([first]);
    expect(await search(`南京大学${m}`)).toEqual([second]);
    expect(await search(`集成电路${m}`)).toEqual([first]);
    expect(await search(`${m}_100%`)).toEqual([second]);
    expect(await search(`${m}%`)).toEqual([]);
  });
});

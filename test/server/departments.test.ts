import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ManagedDepartmentView } from '../../src/contract/departments.js';
import { auditLog, departmentVersions } from '../../src/server/db/schema.js';
import { DEPARTMENT_SHEET } from '../../src/server/io/department-spreadsheet.js';
import { repositories } from '../../src/server/repositories/index.js';
import { contact, listDepartments } from '../support/api/department-directory.js';
import { insertSubmitted } from '../support/api/submitted-applications.js';
import { uniqueNumber } from '../support/factories/random.js';
import { inject, insertUser, registerUnitAdmin, useTestApp } from '../support/harness.js';

const t = useTestApp();

let province: { userId: string; cookie: string };
let outsiders: Record<string, string>;

beforeAll(async () => {
  const user = await insertUser(t, 'province');
  province = { userId: user.user.id, cookie: user.cookie };
  outsiders = {
    department: (await insertUser(t, 'department')).cookie,
    applicant: (await registerUnitAdmin(t)).cookie,
    expert: (await insertUser(t, 'expert')).cookie,
  };
});

const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, cookie?: string) =>
  inject(t.app, { method, url, cookie: cookie ?? province.cookie, ...(payload ? { payload } : {}) });

async function cityNamed(name: string): Promise<ManagedDepartmentView> {
  const response = await call('GET', `/api/province/departments?q=${encodeURIComponent(name)}&kind=city`);
  return response.json().departments[0];
}

function newDepartment(overrides: Record<string, unknown> = {}) {
  return {
    name: `测试高新区${uniqueNumber()}管理委员会`,
    kind: 'provincial-hitech-zone',
    cityId: null,
    divisionCode: '320500',
    contact: contact(),
    ...overrides,
  };
}

describe('省里编辑主管部门名录', () => {
  it('新增、修改、停用和启用：每次写入版本（修改人、时间、前后内容）和审计日志；停用的不再公开列出', async () => {
    const suzhou = await cityNamed('苏州市科学技术局');
    const created = await call('POST', '/api/province/departments', newDepartment());
    expect(created.statusCode).toBe(201);
    const zone = created.json() as ManagedDepartmentView;
    expect(zone).toMatchObject({ active: true, version: 1, cityName: suzhou.name });

    const edited = await call('PUT', `/api/province/departments/${zone.id}`, {
      ...newDepartment({ name: zone.name, kind: 'national-hitech-zone' }),
      contact: contact('李主任', '0512-66660000', 'li@example.gov.cn'),
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      kind: 'national-hitech-zone',
      version: 2,
      contact: { name: '李主任', phone: '0512-66660000' },
    });

    const deactivated = await call('POST', `/api/province/departments/${zone.id}/deactivate`);
    expect(deactivated.json()).toMatchObject({ active: false, version: 3 });
    expect((await listDepartments(t.app)).map((d) => d.id)).not.toContain(zone.id);
    const again = await call('POST', `/api/province/departments/${zone.id}/deactivate`);
    expect(again.statusCode).toBe(409);
    const inactive = await call('GET', '/api/province/departments?status=inactive');
    expect(inactive.json().departments.map((d: ManagedDepartmentView) => d.id)).toContain(zone.id);
    expect((await call('POST', `/api/province/departments/${zone.id}/activate`)).json()).toMatchObject({
      active: true,
    });
    expect((await listDepartments(t.app)).map((d) => d.id)).toContain(zone.id);

    const detail = await call('GET', `/api/province/departments/${zone.id}`);
    expect(detail.statusCode).toBe(200);
    const { versions } = detail.json();
    expect(versions.map((v: { change: string }) => v.change)).toEqual([
      'activated',
      'deactivated',
      'updated',
      'created',
    ]);
    expect(versions[2]).toMatchObject({
      actorName: '测试province',
      before: { kind: 'provincial-hitech-zone', contact: { name: '' } },
      after: { kind: 'national-hitech-zone', contact: { name: '李主任' } },
    });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, zone.id));
    expect(audit.map((a) => a.action)).toEqual([
      'department.created',
      'department.updated',
      'department.deactivated',
      'department.activated',
    ]);
    expect(audit.every((a) => a.actorUserId === province.userId)).toBe(true);
    expect(audit[1]!.before).toMatchObject({ kind: 'provincial-hitech-zone' });
    expect(audit[1]!.after).toMatchObject({ kind: 'national-hitech-zone', contactName: '李主任' });
  });

  it('按名称搜索，按类型和所在设区市筛选', async () => {
    const suzhou = await cityNamed('苏州市科学技术局');
    const response = await call('GET', `/api/province/departments?cityId=${suzhou.id}&kind=county`);
    const names = response.json().departments.map((d: ManagedDepartmentView) => d.name);
    expect(names).toEqual(expect.arrayContaining(['昆山市科学技术局', '常熟市科学技术局']));
    expect(names.every((n: string) => !n.includes('南京'))).toBe(true);
    const searched = await call('GET', `/api/province/departments?q=${encodeURIComponent('昆山')}`);
    expect(searched.json().departments.map((d: ManagedDepartmentView) => d.name)).toEqual([
      '昆山市科学技术局',
      '昆山高新技术产业开发区管理委员会',
    ]);
  });

  it('错误的输入指明字段、中文说明，不写入：县（市）未选设区市、设区市选了非设区市、同名', async () => {
    const before = (await repositories(t.db).departments.list()).length;
    const noCity = await call('POST', '/api/province/departments', newDepartment({ kind: 'county' }));
    expect(noCity.statusCode).toBe(400);
    expect(noCity.json().error.fields).toContainEqual(expect.objectContaining({ path: 'cityId' }));
    const zone = (await listDepartments(t.app)).find((d) => d.kind === 'national-hitech-zone')!;
    const notCity = await call(
      'POST',
      '/api/province/departments',
      newDepartment({ kind: 'county', cityId: zone.id }),
    );
    expect(notCity.statusCode).toBe(400);
    expect(notCity.json().error.fields[0]).toMatchObject({
      path: 'cityId',
      message: expect.stringMatching(/设区市/),
    });
    const taken = await call(
      'POST',
      '/api/province/departments',
      newDepartment({ name: '南京市科学技术局' }),
    );
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'DEPARTMENT_NAME_TAKEN', fields: [{ path: 'name' }] });
    const badCode = await call(
      'POST',
      '/api/province/departments',
      newDepartment({ divisionCode: '110000' }),
    );
    expect(badCode.json().error.fields[0]).toMatchObject({ path: 'divisionCode' });
    const badEmail = await call(
      'POST',
      '/api/province/departments',
      newDepartment({ contact: contact('王', '', 'x@') }),
    );
    expect(badEmail.json().error.fields[0]).toMatchObject({ path: 'contact.email' });
    expect((await repositories(t.db).departments.list()).length).toBe(before);
  });

  it('已被申报书、单位或账号引用的不能删除（409，说明各有多少）；未被引用的可以删除，版本记录保留', async () => {
    const used = (
      await call('POST', '/api/province/departments', newDepartment())
    ).json() as ManagedDepartmentView;
    await insertSubmitted(t.db, t.clock.now(), { departmentId: used.id });
    await insertUser(t, 'department', { departmentId: used.id });
    const refused = await call('DELETE', `/api/province/departments/${used.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'DEPARTMENT_REFERENCED' });
    expect(refused.json().error.message).toContain('1 份申报书');
    expect(refused.json().error.message).toContain('1 家申报单位');
    expect(refused.json().error.message).toContain('1 个账号');
    expect(await repositories(t.db).departments.findById(used.id)).toBeDefined();

    const suzhou = await cityNamed('苏州市科学技术局');
    const cityRefused = await call('DELETE', `/api/province/departments/${suzhou.id}`);
    expect(cityRefused.json().error.message).toMatch(/\d+ 个所辖县（市）科技局/);

    const unused = (
      await call('POST', '/api/province/departments', newDepartment())
    ).json() as ManagedDepartmentView;
    expect((await call('DELETE', `/api/province/departments/${unused.id}`)).statusCode).toBe(204);
    expect(await repositories(t.db).departments.findById(unused.id)).toBeUndefined();
    const history = await t.db
      .select()
      .from(departmentVersions)
      .where(eq(departmentVersions.departmentId, unused.id));
    expect(history.map((v) => v.change).sort()).toEqual(['created', 'deleted']);
    const missing = await call('DELETE', `/api/province/departments/${unused.id}`);
    expect(missing.statusCode).toBe(404);
  });

  it('其他角色不能使用名录编辑', async () => {
    const [any] = await listDepartments(t.app);
    for (const cookie of Object.values(outsiders)) {
      expect((await call('GET', '/api/province/departments', undefined, cookie)).statusCode).toBe(403);
      expect(
        (await call('PUT', `/api/province/departments/${any!.id}/contact`, { contact: contact('x') }, cookie))
          .statusCode,
      ).toBe(403);
      expect(
        (await call('DELETE', `/api/province/departments/${any!.id}`, undefined, cookie)).statusCode,
      ).toBe(403);
    }
  });
});

type Row = Record<string, string>;
const HEADERS = Object.values(DEPARTMENT_SHEET.columns).map((c) => c.header);

async function xlsxFile(rows: Row[], headers = HEADERS): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名单');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(headers.map((h) => row[h] ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function send(action: 'import/preview' | 'import', file: Buffer, cookie = province.cookie) {
  const body = new FormData();
  body.append('file', new Blob([new Uint8Array(file)]), '名单.xlsx');
  return inject(t.app, { method: 'POST', url: `/api/province/departments/${action}`, cookie, payload: body });
}

describe('导入主管部门名单（.xlsx）', () => {
  it('预览逐行指出问题（行号和中文说明）且不写入；有错误时导入一行也不写', async () => {
    const fresh = `测试大学${uniqueNumber()}`;
    const file = await xlsxFile([
      { 名称: fresh, 类型: '部省属本科高校' },
      { 名称: `某县${uniqueNumber()}科学技术局`, 类型: '县（市）科技局' },
      { 名称: `某区${uniqueNumber()}管理委员会`, 类型: '开发区' },
      { 名称: `某县${uniqueNumber()}科学技术局`, 类型: '县（市）科技局', 所属设区市: '火星市' },
      { 名称: fresh, 类型: '部省属本科高校' },
      { 名称: `某大学${uniqueNumber()}`, 类型: '部省属本科高校', 电子邮箱: 'not-an-email' },
    ]);
    const preview = await send('import/preview', file);
    expect(preview.statusCode).toBe(200);
    const outcome = preview.json();
    expect(outcome.applied).toBe(false);
    expect(outcome.rows.map((r: { row: number; status: string }) => [r.row, r.status])).toEqual([
      [2, 'created'],
      [3, 'invalid'],
      [4, 'invalid'],
      [5, 'invalid'],
      [6, 'invalid'],
      [7, 'invalid'],
    ]);
    const messages = outcome.rows.flatMap((r: { problems: { message: string }[] }) =>
      r.problems.map((p) => p.message),
    );
    expect(messages).toEqual([
      '“所属设区市”县（市）科技局必须填写所属设区市',
      expect.stringMatching(/^“类型”应为.*现为“开发区”$/),
      expect.stringMatching(/^“所属设区市”找不到设区市“火星市”/),
      expect.stringMatching(/^与第 2 行重复（“名称”相同）/),
      '“电子邮箱”格式不正确',
    ]);
    expect(await repositories(t.db).departments.findByNames([fresh])).toEqual([]);

    const refused = await send('import', file);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('DEPARTMENT_ROWS_INVALID');
    expect(refused.json().error.fields[0].message).toMatch(/^第 3 行：/);
    expect(await repositories(t.db).departments.findByNames([fresh])).toEqual([]);
  });

  it('导入按名称新增或更新（空单元格保留原值），写入版本和审计；重复导入不产生变化', async () => {
    const county = `测试县${uniqueNumber()}科学技术局`;
    const zone = `测试高新区${uniqueNumber()}管理委员会`;
    const kunshan = (await listDepartments(t.app)).find((d) => d.name === '昆山市科学技术局')!;
    const rows: Row[] = [
      { 名称: county, 类型: '县（市）科技局', 所属设区市: '苏州市', 区划代码: '320599', 联系人: '赵一' },
      { 名称: zone, 类型: '省级高新区', 所属设区市: '320600' },
      { 名称: '昆山市科学技术局', 类型: '县（市）科技局', 所属设区市: '苏州', 联系电话: '0512-57000000' },
    ];
    const applied = await send('import', await xlsxFile(rows));
    expect(applied.statusCode).toBe(201);
    expect(applied.json()).toMatchObject({
      applied: true,
      counts: { created: 2, updated: 1, unchanged: 0, invalid: 0 },
    });
    const [created, zoneRow, updated] = await Promise.all(
      [county, zone, '昆山市科学技术局'].map(
        async (n) => (await repositories(t.db).departments.findByNames([n]))[0]!,
      ),
    );
    const suzhou = await cityNamed('苏州市科学技术局');
    expect(created).toMatchObject({
      kind: 'county',
      cityId: suzhou.id,
      divisionCode: '320599',
      contactName: '赵一',
    });
    expect(zoneRow).toMatchObject({ kind: 'provincial-hitech-zone', cityId: null, divisionCode: '320600' });
    expect(updated).toMatchObject({ id: kunshan.id, divisionCode: '320583', contactPhone: '0512-57000000' });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, kunshan.id));
    expect(audit.at(-1)).toMatchObject({ action: 'department.imported', actorUserId: province.userId });

    const again = await send('import', await xlsxFile(rows));
    expect(again.json().counts).toEqual({ created: 0, updated: 0, unchanged: 3, invalid: 0 });
  });

  it('缺少必填列时整表报错；超过大小上限的文件被拒绝；模板可下载', async () => {
    const missing = await send('import/preview', await xlsxFile([{ 名称: '某单位' }], ['名称']));
    expect(missing.json().fileProblems[0].message).toContain('缺少必填列“类型”');

    const huge = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(2 * 1024 * 1024)]);
    const tooLarge = await send('import/preview', huge);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error).toMatchObject({
      code: 'FILE_TOO_LARGE',
      message: expect.stringContaining('主管部门名单'),
    });

    const template = await call('GET', '/api/province/departments/template');
    expect(template.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    expect((workbook.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);

    expect((await send('import/preview', await xlsxFile([]), outsiders.department)).statusCode).toBe(403);
  });
});

describe('主管部门维护本部门的联系人', () => {
  it('本部门可改自己的联系人；改别的部门与改不存在的部门一样答 404；省里也可以改', async () => {
    const all = await repositories(t.db).departments.list();
    const [own, other] = all.filter((d) => d.kind === 'city');
    const user = await insertUser(t, 'department', { departmentId: own!.id });
    const put = (
      id: string,
      cookie = user.cookie,
      body = contact('钱二', '025-1234 5678', 'qian@example.gov.cn'),
    ) => call('PUT', `/api/review/departments/${id}/contact`, { contact: body }, cookie);

    const saved = await put(own!.id);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ id: own!.id, contact: { name: '钱二', phone: '025-1234 5678' } });
    expect(
      (await call('GET', `/api/review/departments/${own!.id}`, undefined, user.cookie)).json(),
    ).toMatchObject({
      contact: { email: 'qian@example.gov.cn' },
    });

    const theirs = await put(other!.id);
    const nowhere = await put(randomUUID());
    expect(theirs.statusCode).toBe(404);
    expect(theirs.body).toBe(nowhere.body);
    const readTheirs = await call('GET', `/api/review/departments/${other!.id}`, undefined, user.cookie);
    expect(readTheirs.statusCode).toBe(404);
    expect((await repositories(t.db).departments.findById(other!.id))!.contactName).not.toBe('钱二');

    const bad = await put(own!.id, user.cookie, contact('钱二', 'call me', ''));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({ path: 'contact.phone' });

    const byProvince = await call('PUT', `/api/province/departments/${own!.id}/contact`, {
      contact: contact('孙三', '025-0000', ''),
    });
    expect(byProvince.json()).toMatchObject({ contact: { name: '孙三' } });
    // In the chain's order: a select without ORDER BY has none on PostgreSQL.
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, own!.id))
      .orderBy(auditLog.seq);
    expect(audit.filter((a) => a.action === 'department.contact-updated').map((a) => a.actorUserId)).toEqual([
      user.user.id,
      province.userId,
    ]);
    expect((await put(own!.id, province.cookie)).statusCode).toBe(403);
  });
});

import { createDeflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerColumns, type RegisterKind } from '../../src/core/registers/kinds.js';
import { parametersOf } from '../../src/server/services/calls.js';
import {
  applications,
  auditLog,
  organizations,
  people,
  registerBatches,
  registerDishonesty,
  registerExternalSubmissions,
  registerOngoingProjects,
} from '../../src/server/db/schema.js';
import { repositories } from '../../src/server/repositories/index.js';
import type { ApplicationRow } from '../../src/server/repositories/bundles.js';
import { BundleService } from '../../src/server/services/bundles.js';
import { PRACTICE_CALL_ID } from '../../src/server/seed/calls.js';
import { DEMO_PASSWORD, seedDemo } from '../../src/server/seed/demo.js';
import { createServices } from '../../src/server/services/index.js';
import { loadConfig } from '../../src/server/config.js';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { receiveSpreadsheet } from '../../src/server/io/register-spreadsheet.js';
import { creditCode } from '../support/factories/server.js';
import { inject, insertUser, login, registerUnitAdmin, useTestApp } from '../support/harness.js';
import { completeForm, insertSubmitted } from '../support/api/submitted-applications.js';

const t = useTestApp();
let province: string;
let department: string;
let unitAdmin: string;
let expert: string;

beforeAll(async () => {
  province = (await insertUser(t, 'province')).cookie;
  department = (await insertUser(t, 'department')).cookie;
  expert = (await insertUser(t, 'expert')).cookie;
  unitAdmin = (await registerUnitAdmin(t)).cookie;
});

type Row = Record<string, string>;

/** A register file as people fill it in: the template's headers, one row per record. */
function headersOf(kind: RegisterKind): string[] {
  return registerColumns(kind).map((c) => c.header);
}

async function xlsxFile(kind: RegisterKind, rows: Row[], headers = headersOf(kind)): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('登记表');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(headers.map((h) => row[h] ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csvFile(kind: RegisterKind, rows: Row[], headers = headersOf(kind)): Buffer {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = [headers, ...rows.map((row) => headers.map((h) => row[h] ?? ''))].map((l) =>
    l.map(quote).join(','),
  );
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

function send(
  action: 'preview' | 'import',
  kind: RegisterKind,
  file: Buffer,
  options: { fileName?: string; cookie?: string; callId?: string } = {},
) {
  const body = new FormData();
  body.append('file', new Blob([new Uint8Array(file)]), options.fileName ?? '登记表.xlsx');
  const query = options.callId ? `?callId=${encodeURIComponent(options.callId)}` : '';
  return inject(t.app, {
    method: 'POST',
    url: `/api/province/registers/${kind}/${action}${query}`,
    cookie: options.cookie ?? province,
    payload: body,
  });
}

async function departmentId(): Promise<string> {
  return (await repositories(t.db).departments.list())[0]!.id;
}

async function applicantOf(application: ApplicationRow) {
  const [organization] = await t.db
    .select()
    .from(organizations)
    .where(eq(organizations.id, application.organizationId));
  const [pi] = await t.db.select().from(people).where(eq(people.id, application.piId));
  return { organization: organization!, pi: pi! };
}

async function findingsOf(application: ApplicationRow) {
  const repos = repositories(t.db);
  const call = await repos.calls.findById(application.callId);
  const [row] = await t.db.select().from(applications).where(eq(applications.id, application.id));
  const { report } = await new BundleService(repos).judge(parametersOf(call!), [row!], t.clock.now());
  return report.applications.find((a) => a.id === application.id)!;
}

const countOf = async (
  table: typeof registerBatches | typeof registerDishonesty | typeof registerOngoingProjects,
) => (await t.db.select().from(table)).length;

describe('登记库导入的权限', () => {
  const routes = [
    { method: 'GET' as const, url: '/api/province/registers/dishonesty/template' },
    { method: 'GET' as const, url: '/api/province/registers/batches' },
    { method: 'POST' as const, url: '/api/province/registers/dishonesty/preview' },
    { method: 'POST' as const, url: '/api/province/registers/dishonesty/import' },
  ];

  it('未登录返回 401，申报单位、主管部门和专家账号返回 403，且不读取上传的文件', async () => {
    const batchesBefore = await countOf(registerBatches);
    const file = await xlsxFile('dishonesty', []);
    for (const route of routes) {
      const payload =
        route.method === 'POST'
          ? (() => {
              const body = new FormData();
              body.append('file', new Blob([new Uint8Array(file)]), 'a.xlsx');
              return body;
            })()
          : undefined;
      expect((await inject(t.app, { ...route, ...(payload ? { payload } : {}) })).statusCode).toBe(401);
      for (const cookie of [unitAdmin, department, expert]) {
        const response = await inject(t.app, { ...route, cookie, ...(payload ? { payload } : {}) });
        expect(response.statusCode, `${route.url}`).toBe(403);
      }
    }
    expect(await countOf(registerBatches)).toBe(batchesBefore);
  });

  it('省级账号可下载模板：表头即登记表的列，另有填写说明', async () => {
    const response = await inject(t.app, {
      method: 'GET',
      url: '/api/province/registers/ongoing-projects/template',
      cookie: province,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
    const [data, help] = workbook.worksheets;
    expect((data!.getRow(1).values as string[]).slice(1)).toEqual(headersOf('ongoing-projects'));
    expect(help!.name).toBe('填写说明');
    expect(help!.getRow(2).getCell(2).value).toBe('必填');
  });
});

describe('有错误行的登记表', () => {
  const good: Row = {
    项目编号: 'BZ2025001',
    计划类别: '国际合作',
    承担单位名称: '南京示例科技有限公司',
    承担单位统一社会信用代码: creditCode(),
    项目名称: '储能材料国际联合研发',
    项目负责人: '王五',
    执行期起: '2025-01-01',
    执行期止: '2027-12-31',
  };

  it('缺少必填列时指出缺少的列，一行也不写入', async () => {
    const projectsBefore = await countOf(registerOngoingProjects);
    const headers = headersOf('ongoing-projects').filter((h) => h !== '执行期止');
    const file = csvFile('ongoing-projects', [good], headers);
    const preview = await send('preview', 'ongoing-projects', file, { fileName: '在研.csv' });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().fileProblems).toEqual([
      expect.objectContaining({
        row: 0,
        column: '执行期止',
        message: expect.stringContaining('缺少必填列“执行期止”'),
      }),
    ]);
    const imported = await send('import', 'ongoing-projects', file, { fileName: '在研.csv' });
    expect(imported.statusCode).toBe(422);
    expect(imported.json().error.code).toBe('REGISTER_ROWS_INVALID');
    expect(await countOf(registerOngoingProjects)).toBe(projectsBefore);
  });

  it('信用代码、日期、计划类别有误或与前一行重复的，逐行指出所在列，整份文件不写入', async () => {
    const [projectsBefore, batchesBefore] = [
      await countOf(registerOngoingProjects),
      await countOf(registerBatches),
    ];
    const code = good['承担单位统一社会信用代码']!;
    const badCode = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    const rows: Row[] = [
      good,
      { ...good, 项目编号: 'BZ2025002', 承担单位统一社会信用代码: badCode },
      { ...good, 项目编号: 'BZ2025003', 执行期止: '2027-02-30' },
      { ...good, 项目编号: 'BZ2025004', 计划类别: '重点研发' },
      { ...good, 项目名称: '另一项目' },
      { ...good, 项目编号: 'BZ2025006', 执行期起: '2028-01-01' },
    ];
    const file = await xlsxFile('ongoing-projects', rows);
    const preview = (await send('preview', 'ongoing-projects', file)).json();
    expect(preview.counts.invalid).toBe(5);
    const problemsOfRow = (row: number) => preview.rows.find((r: { row: number }) => r.row === row).problems;
    expect(problemsOfRow(2)).toEqual([]);
    expect(preview.rows[0].status).toBe('created');
    expect(problemsOfRow(3)).toEqual([
      expect.objectContaining({
        column: '承担单位统一社会信用代码',
        message: expect.stringContaining('校验位'),
      }),
    ]);
    expect(problemsOfRow(4)).toEqual([
      expect.objectContaining({ column: '执行期止', message: expect.stringContaining('不是有效日期') }),
    ]);
    expect(problemsOfRow(5)).toEqual([
      expect.objectContaining({ column: '计划类别', message: expect.stringContaining('“国际合作”') }),
    ]);
    expect(problemsOfRow(6)).toEqual([
      expect.objectContaining({ column: '项目编号', message: expect.stringContaining('与第 2 行重复') }),
    ]);
    expect(problemsOfRow(7)).toEqual([
      expect.objectContaining({ column: '执行期止', message: expect.stringContaining('早于“执行期起”') }),
    ]);
    expect(preview.effect).toEqual([]);

    const imported = await send('import', 'ongoing-projects', file);
    expect(imported.statusCode).toBe(422);
    expect(imported.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      '第3行.承担单位统一社会信用代码',
      '第4行.执行期止',
      '第5行.计划类别',
      '第6行.项目编号',
      '第7行.执行期止',
    ]);
    expect(await countOf(registerOngoingProjects)).toBe(projectsBefore);
    expect(await countOf(registerBatches)).toBe(batchesBefore);
  });

  it('超过大小上限的文件在读入时即被拒绝', async () => {
    const tooLarge = receiveSpreadsheet(Readable.from([Buffer.alloc(64), Buffer.alloc(64)]), {
      maxBytes: 100,
    });
    await expect(tooLarge).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
  });

  it('不是 xlsx 也不是 UTF-8 CSV 的文件被拒绝', async () => {
    const gbk = Buffer.from([0xd6, 0xf7, 0xcc, 0xe5, 0x2c, 0x0d, 0x0a]);
    const response = await send('preview', 'dishonesty', gbk, { fileName: '失信.csv' });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('FILE_NOT_SPREADSHEET');
  });
});

describe('失信记录', () => {
  it('预览显示导入后该申报书不再符合条件（integrity.applicant-dishonest），导入后检查结论随之改变；重复导入不产生变化', async () => {
    const application = await insertSubmitted(t.db, t.clock.now(), { departmentId: await departmentId() });
    const { organization } = await applicantOf(application);
    expect((await findingsOf(application)).eligible).toBe(true);
    const file = await xlsxFile('dishonesty', [
      {
        主体类型: '单位',
        单位名称或姓名: organization.name,
        统一社会信用代码: organization.creditCode,
        处理期起: '2026-01-01',
        处理期止: '2028-12-31',
        认定来源: '省科技厅科研诚信',
        文号或记录编号: '苏科监〔2026〕7号',
        失信行为及处理: '申报材料弄虚作假，取消申报资格 3 年',
      },
    ]);

    const recordsBefore = await countOf(registerDishonesty);
    const preview = await send('preview', 'dishonesty', file);
    expect(preview.statusCode, preview.body).toBe(200);
    const outcome = preview.json();
    expect(outcome.counts).toEqual({ created: 1, updated: 0, unchanged: 0, invalid: 0 });
    expect(outcome.batchId).toBeNull();
    const effect = outcome.effect.find((e: { application: string }) => e.application === application.id);
    expect(effect).toMatchObject({ eligibleBefore: true, eligibleAfter: false, removed: [] });
    expect(effect.added.map((f: { rule: string }) => f.rule)).toEqual(['integrity.applicant-dishonest']);
    expect(await countOf(registerDishonesty)).toBe(recordsBefore);
    expect((await findingsOf(application)).eligible).toBe(true);

    const imported = await send('import', 'dishonesty', file);
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json().effect.map((e: { application: string }) => e.application)).toContain(
      application.id,
    );
    const after = await findingsOf(application);
    expect(after.eligible).toBe(false);
    expect(after.findings.map((f) => f.rule)).toContain('integrity.applicant-dishonest');
    const audited = await t.db.select().from(auditLog).where(eq(auditLog.entityId, imported.json().batchId));
    expect(audited.map((a) => a.action)).toEqual(['register.imported']);

    const before = await t.db.select().from(registerDishonesty);
    const start = t.clock.now();
    t.clock.set('2026-11-23T09:05:00+08:00');
    let again;
    try {
      again = await send('import', 'dishonesty', file);
    } finally {
      t.clock.set(start);
    }
    expect(again.statusCode).toBe(201);
    expect(again.json().counts).toEqual({ created: 0, updated: 0, unchanged: 1, invalid: 0 });
    expect(again.json().effect).toEqual([]);
    expect(await t.db.select().from(registerDishonesty)).toEqual(before);

    const batches = (
      await inject(t.app, { method: 'GET', url: '/api/province/registers/batches', cookie: province })
    ).json().batches as { sha256: string }[];
    // Other tests' imports share the list: this spreadsheet's two imports, newest first.
    expect(batches.filter((b) => b.sha256 === imported.json().sha256)).toEqual([
      expect.objectContaining({
        kind: 'dishonesty',
        created: 0,
        unchanged: 1,
        sha256: imported.json().sha256,
      }),
      expect.objectContaining({
        kind: 'dishonesty',
        created: 1,
        unchanged: 0,
        sha256: imported.json().sha256,
      }),
    ]);
  });

  it('处理期已结束的记录导入后不影响检查结论；改了处理期的同一记录按文号更新', async () => {
    const application = await insertSubmitted(t.db, t.clock.now(), { departmentId: await departmentId() });
    const { organization, pi } = await applicantOf(application);
    const record = (endsOn: string): Row => ({
      主体类型: '个人',
      单位名称或姓名: pi.name,
      统一社会信用代码: organization.creditCode,
      处理期起: '2024-01-01',
      处理期止: endsOn,
      认定来源: '信用江苏',
      文号或记录编号: `R-${application.id}`,
      失信行为及处理: '严重失信',
    });
    const expired = await send('import', 'dishonesty', csvFile('dishonesty', [record('2025-12-31')]), {
      fileName: '失信.csv',
    });
    expect(expired.statusCode, expired.body).toBe(201);
    expect(expired.json().effect).toEqual([]);
    expect((await findingsOf(application)).eligible).toBe(true);

    const extended = await send('import', 'dishonesty', csvFile('dishonesty', [record('2027-06-30')]), {
      fileName: '失信.csv',
    });
    expect(extended.json().counts).toMatchObject({ created: 0, updated: 1 });
    expect(extended.json().effect[0].added.map((f: { rule: string }) => f.rule)).toEqual([
      'integrity.pi-dishonest',
    ]);
  });
});

describe('在研项目', () => {
  it('按姓名和承担单位识别负责人：企业有在研国际合作项目、负责人有在研项目，均不得申报', async () => {
    const application = await insertSubmitted(t.db, t.clock.now(), { departmentId: await departmentId() });
    const { organization, pi } = await applicantOf(application);
    const file = csvFile('ongoing-projects', [
      {
        项目编号: `BZ-${application.id}`,
        计划类别: '国际合作',
        承担单位名称: organization.name,
        承担单位统一社会信用代码: organization.creditCode,
        项目名称: '在研的国际合作项目',
        项目负责人: pi.name,
        执行期起: '2025-01-01',
        执行期止: '2027-12-31',
      },
    ]);
    const imported = await send('import', 'ongoing-projects', file, { fileName: '在研.csv' });
    expect(imported.statusCode, imported.body).toBe(201);
    const rules = (await findingsOf(application)).findings.map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['limit.enterprise-ongoing', 'limit.pi-ongoing']));
  });
});

describe('同年度其他部门申报', () => {
  it('须选择所属计划', async () => {
    const response = await send('preview', 'external-submissions', csvFile('external-submissions', []), {
      fileName: 'a.csv',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].path).toBe('callId');
  });

  it('同一单位以相同内容向工信厅申报的，按重复申报判为错误（duplicate.same-project），并计入全省汇总包', async () => {
    const form = completeForm({
      title: '面向智能网联汽车的车规级芯片联合研发',
      summary: '与德国合作机构联合研发车规级功率芯片及其可靠性验证方法，建设中试验证线。',
    });
    const application = await insertSubmitted(t.db, t.clock.now(), {
      departmentId: await departmentId(),
      form,
    });
    const { organization } = await applicantOf(application);
    const file = await xlsxFile('external-submissions', [
      {
        受理部门: '省工业和信息化厅',
        '计划（专项）名称': '省级工业和信息产业转型升级专项',
        申报单位名称: organization.name,
        申报单位统一社会信用代码: organization.creditCode,
        项目负责人: '另一负责人',
        项目名称: form.title!,
        主要研究内容: form.summary!,
        是否定向组织: '否',
      },
    ]);
    const preview = (
      await send('preview', 'external-submissions', file, { callId: PRACTICE_CALL_ID })
    ).json();
    const effect = preview.effect.find((e: { application: string }) => e.application === application.id);
    expect(effect.added.map((f: { rule: string }) => f.rule)).toEqual(
      expect.arrayContaining(['duplicate.same-project', 'limit.enterprise-one-application']),
    );

    const imported = await send('import', 'external-submissions', file, { callId: PRACTICE_CALL_ID });
    expect(imported.statusCode, imported.body).toBe(201);
    expect((await findingsOf(application)).findings.map((f) => f.rule)).toContain('duplicate.same-project');
    const [stored] = await t.db
      .select()
      .from(registerExternalSubmissions)
      .where(eq(registerExternalSubmissions.creditCode, organization.creditCode));
    expect(stored!.callId).toBe(PRACTICE_CALL_ID);

    const repos = repositories(t.db);
    const call = parametersOf((await repos.calls.findById(PRACTICE_CALL_ID))!);
    const bundle = await new BundleService(repos).provinceBundle(call, PRACTICE_CALL_ID, t.clock.now());
    expect(bundle.applications.map((a) => a.id)).toContain(application.id);
    // The demo's registers (another test seeds it) may share the call: this organization's submissions.
    const ours = bundle.externalSubmissions.filter((e) => e.creditCode === organization.creditCode);
    expect(ours).toEqual([
      expect.objectContaining({ creditCode: organization.creditCode, title: form.title, directed: false }),
    ]);
  });
});

describe('演示数据中的登记库', () => {
  it('东南大学已提交的申报书与其向省发展改革委的申报相同，星河智能的草稿遇到本单位和负责人的在研项目', async () => {
    const config = loadConfig({ DATA_DIR: tmpdir(), LOG_LEVEL: 'silent' });
    await seedDemo(t.db, createServices({ db: t.db, clock: t.clock, config }), t.clock.now());
    const rulesOf = async (account: string) => {
      const cookie = login(t.app, account, DEMO_PASSWORD);
      const [application] = (
        await inject(t.app, { method: 'GET', url: '/api/applications', cookie: await cookie })
      ).json().applications;
      const detail = await inject(t.app, {
        method: 'GET',
        url: `/api/applications/${application.id}`,
        cookie: await cookie,
      });
      return detail.json().evaluation.findings.map((f: { rule: string }) => f.rule);
    };
    expect(await rulesOf('demo-daxue')).toEqual(
      expect.arrayContaining(['duplicate.same-project', 'limit.pi-one-application']),
    );
    expect(await rulesOf('demo-qiye')).toEqual(
      expect.arrayContaining(['limit.enterprise-ongoing', 'limit.pi-ongoing']),
    );
    expect(await rulesOf('demo-yanjiusuo')).not.toContain('integrity.applicant-dishonest');
  });
});

describe('登记表预览', () => {
  it('预览即导入后回滚：结果与随后的导入相同，登记库、导入批次和审计日志不留痕迹', async () => {
    const file = csvFile('ongoing-projects', [
      {
        项目编号: 'BZ2025901',
        计划类别: '国际合作',
        承担单位名称: '苏州预览科技有限公司',
        承担单位统一社会信用代码: creditCode(),
        项目名称: '预览用国际合作项目',
        项目负责人: '赵六',
        执行期起: '2025-01-01',
        执行期止: '2027-12-31',
      },
    ]);
    const trail = async () => ({
      records: await countOf(registerOngoingProjects),
      batches: await countOf(registerBatches),
      audit: (await t.db.select().from(auditLog)).length,
    });
    const before = await trail();

    const preview = await send('preview', 'ongoing-projects', file);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().counts).toEqual({ created: 1, updated: 0, unchanged: 0, invalid: 0 });
    expect(preview.json().batchId).toBeNull();
    expect(await trail()).toEqual(before);

    const imported = await send('import', 'ongoing-projects', file);
    expect(imported.statusCode, imported.body).toBe(201);
    expect({ ...imported.json(), batchId: null }).toEqual(preview.json());
    expect(await trail()).toEqual({
      records: before.records + 1,
      batches: before.batches + 1,
      audit: before.audit + 2,
    });
  });
});

/** A zip holding one worksheet of `megabytes` MB of spaces: kilobytes on the wire, the size of a bomb inflated. */
async function decompressionBomb(megabytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => parts.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const block = Buffer.alloc(1024 * 1024, 0x20);
  for (let i = 0; i < megabytes; i++) {
    if (!deflate.write(block)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  const data = Buffer.concat(parts);
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  // The declared size lies, as a bomb's does: the reader must count what inflates, not trust this.
  local.writeUInt32LE(1024, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(1024, 24);
  central.writeUInt16LE(name.length, 28);
  const centralOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

describe('表格的上限', () => {
  it('解压炸弹（不足 1 MB，解压后 100 MB）被拒绝并说明上限；同时 4 个也不拖垮服务', async () => {
    const bomb = await decompressionBomb(100);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const responses = await Promise.all(
      Array.from({ length: 4 }, () => send('preview', 'dishonesty', bomb, { fileName: '失信.xlsx' })),
    );
    for (const response of responses) {
      expect(response.statusCode).toBe(413);
      expect(response.json().error).toMatchObject({
        code: 'SPREADSHEET_OVER_LIMIT',
        message: expect.stringContaining('解压后超过 64 MB的上限'),
        fields: [{ path: 'file' }],
      });
    }
    expect((await inject(t.app, { method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('解压时事件循环照常运转', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const reading = receiveSpreadsheet(Readable.from([await decompressionBomb(300)]), {
      maxInflatedBytes: 200 * 1024 * 1024,
    });
    await expect(reading).rejects.toMatchObject({ code: 'SPREADSHEET_OVER_LIMIT' });
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });

  it('超过行数、列数或单元格长度上限的表格被拒绝，并指出所在行列', async () => {
    const rows = [{ 统一社会信用代码: 'a' }, { 统一社会信用代码: 'b' }, { 统一社会信用代码: 'c' }];
    const file = await xlsxFile('dishonesty', rows);
    const read = (limits: Parameters<typeof receiveSpreadsheet>[1]) =>
      receiveSpreadsheet(Readable.from([file]), limits);
    await expect(read({ maxRows: 2 })).rejects.toMatchObject({
      code: 'SPREADSHEET_OVER_LIMIT',
      message: '登记表超过 2 行的上限，请拆分后分批导入',
    });
    await expect(read({ maxColumns: 2 })).rejects.toMatchObject({
      code: 'SPREADSHEET_OVER_LIMIT',
      message: expect.stringMatching(/^第 1 行超过 2 列的上限/),
    });
    const long = await xlsxFile('dishonesty', [{ 统一社会信用代码: 'x'.repeat(30) }]);
    await expect(receiveSpreadsheet(Readable.from([long]), { maxCellLength: 20 })).rejects.toMatchObject({
      message: '第 2 行第 3 列超过 20 个字符的上限',
    });
    expect((await read({ maxRows: 3 })).sheet.rows).toHaveLength(3);
  });

  it('CSV 同样受行数上限约束', async () => {
    const file = csvFile('dishonesty', [{ 统一社会信用代码: 'a' }, { 统一社会信用代码: 'b' }]);
    await expect(receiveSpreadsheet(Readable.from([file]), { maxRows: 1 })).rejects.toMatchObject({
      code: 'SPREADSHEET_OVER_LIMIT',
    });
  });
});

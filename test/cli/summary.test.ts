import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { application, bundle, department, organization } from '../support/factories/bundle.js';
import { runCli } from '../support/cli.js';

// The 汇总表 written by `shenbao summary`, read back cell by cell against the notice's attachment.

const json = (value: unknown) => JSON.stringify(value);
const recommended = (at: string, separateSlot = false) =>
  ({ status: 'recommended', separateSlot, at }) as const;

const HEADINGS = [
  '序号',
  '项目受理号',
  '项目类型［1］',
  '项目名称',
  '申报单位',
  '合作国别或地区',
  '项目合作文件是否符合要求，其中重大科技开放合作平台建设项目是否提供了相关佐证材料［2］',
  '申报材料是否完整，签字盖章及其日期是否齐全',
  '是否涉及人类遗传资源、种质资源等方面合作及科技伦理事项（请注明涉及类型）',
  '项目申报单位运营状况及信用情况、项目负责人信用情况是否良好',
  '是否属于单独推荐名额，如是，请备注依托的平台/省重点培育的领军企业名称',
];

/** A city with a county: the county's 专题五 slot application, recommended first, then the city's own. */
const CITY = bundle({
  organizations: [
    organization({ id: 'o1', name: '南京智造科技有限公司' }),
    organization({ id: 'o2', name: '溧水生物医药有限公司', platforms: ['provincial-key-lab'] }),
  ],
  departments: [
    department({ id: 'd1', name: '南京市科学技术局' }),
    department({ id: 'd2', name: '溧水区科技局', kind: 'county', city: 'd1' }),
  ],
  applications: [
    application({
      id: 'a1',
      title: '智能制造装备联合研发',
      recommendation: recommended('2026-05-14T10:00:00+08:00'),
    }),
    application({
      id: 'a2',
      topic: 5,
      applicant: 'o2',
      department: 'd2',
      title: '港澳生物医药合作',
      ethics: { ...application().ethics, humanGeneticResources: true },
      recommendation: recommended('2026-05-13T10:00:00+08:00', true),
    }),
    application({
      id: 'a3',
      recommendation: { status: 'not-recommended', separateSlot: false, at: '2026-05-13T10:00:00+08:00' },
    }),
  ],
});

const text = (cell: ExcelJS.Cell) => (cell.value === null ? '' : String(cell.value));

async function readBack(path: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  expect(workbook.worksheets).toHaveLength(1);
  return workbook.worksheets[0]!;
}

describe('shenbao summary', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shenbao-summary-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the attachment: title, department and date line, contact line, 11 headings, rows, notes', async () => {
    const out = join(dir, '汇总表.xlsx');
    const run = await runCli(
      [
        'summary',
        'x.json',
        '--department',
        'd1',
        '--out',
        out,
        '--contact',
        '王明',
        '--phone',
        '025-84123456',
      ],
      { 'x.json': json(CITY) },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2 项');

    const sheet = await readBack(out);
    expect(text(sheet.getCell('A1'))).toBe('附件');
    expect(text(sheet.getCell('A2'))).toBe('省国际科技合作/港澳台科技合作计划推荐项目汇总表');
    expect(sheet.model.merges).toContain('A2:K2');
    expect(sheet.getCell('A2').alignment.horizontal).toBe('center');
    expect(text(sheet.getCell('A3'))).toBe('项目主管部门（盖章）：南京市科学技术局');
    expect(text(sheet.getCell('H3'))).toBe('2026年 月 日');
    expect(text(sheet.getCell('A4'))).toBe('项目主管部门联系人：王明');
    expect(text(sheet.getCell('F4'))).toBe('联系电话：025-84123456');

    const header = sheet.getRow(5);
    expect(HEADINGS.map((_, i) => text(header.getCell(i + 1)))).toEqual(HEADINGS);
    expect(text(header.getCell(12))).toBe('');
    for (let c = 1; c <= 11; c++) {
      expect(header.getCell(c).alignment.wrapText).toBe(true);
      expect(header.getCell(c).border.left?.style).toBe('thin');
    }

    const values = (r: number) => Array.from({ length: 11 }, (_, i) => sheet.getRow(r).getCell(i + 1).value);
    expect(values(6)).toEqual([
      1,
      'a2',
      '港澳台科技合作项目',
      '港澳生物医药合作',
      '溧水生物医药有限公司',
      '中国香港',
      '是',
      '是',
      '是（人类遗传资源）',
      '良好',
      '是（省重点实验室）',
    ]);
    expect(values(7)).toEqual([
      2,
      'a1',
      '重点国别产业技术研发合作项目',
      '智能制造装备联合研发',
      '南京智造科技有限公司',
      '德国',
      '是',
      '是',
      '否',
      '良好',
      '否',
    ]);
    for (let c = 1; c <= 11; c++) expect(sheet.getRow(7).getCell(c).border.bottom?.style).toBe('thin');

    expect(text(sheet.getCell('A8'))).toBe(
      '备注：［1］分为重大科技开放合作平台建设项目、“一带一路”创新合作项目、双边创新合作项目、重点国别产业技术研发合作项目、港澳台科技合作项目。',
    );
    expect(text(sheet.getCell('A9'))).toBe('［2］具体请见本通知中“有关要求”第2条内容及申报书附件清单。');
    expect(sheet.model.merges).toEqual(expect.arrayContaining(['A8:K8', 'A9:K9']));
    expect(sheet.rowCount).toBe(9);

    const setup = sheet.pageSetup;
    expect(setup.paperSize).toBe(9);
    expect(setup.orientation).toBe('landscape');
    expect(setup.fitToPage).toBe(true);
    expect(setup.fitToWidth).toBe(1);
    expect(setup.fitToHeight).toBe(0);
    expect(setup.printArea).toBe('A1:K9');
    expect(setup.printTitlesRow).toBe('5:5');
    expect(sheet.getCell('B6').font.name).toMatch(/宋|仿宋/);
  });

  it('fills in the date when given; a county lists only its own recommendations', async () => {
    const out = join(dir, 'county.xlsx');
    const run = await runCli(
      ['summary', 'x.json', '--department', 'd2', '--out', out, '--date', '2026-05-19'],
      {
        'x.json': json(CITY),
      },
    );
    expect(run.code).toBe(0);
    const sheet = await readBack(out);
    expect(text(sheet.getCell('A3'))).toBe('项目主管部门（盖章）：溧水区科技局');
    expect(text(sheet.getCell('H3'))).toBe('2026年5月19日');
    expect(text(sheet.getCell('A4'))).toBe('项目主管部门联系人：');
    expect(text(sheet.getCell('F4'))).toBe('联系电话：');
    expect(sheet.getRow(6).getCell(2).value).toBe('a2');
    expect(text(sheet.getCell('A7'))).toMatch(/^备注：［1］/);
    expect(sheet.pageSetup.printArea).toBe('A1:K8');
  });

  it('a malformed bundle: exit 2, every bad field named, no file written', async () => {
    const bad = JSON.parse(json(CITY));
    bad.applications[0].budget.provincialFunding = -5;
    const out = join(dir, 'bad.xlsx');
    const run = await runCli(['summary', 'x.json', '--department', 'd1', '--out', out], {
      'x.json': json(bad),
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('未生成汇总表');
    expect(run.stderr).toContain('applications[0].budget.provincialFunding:');
    expect(existsSync(out)).toBe(false);
    expect(await readdir(dir)).toEqual([]);
  });

  it('an unknown department: exit 2 with a Chinese message naming the known ones, no file', async () => {
    const out = join(dir, 'x.xlsx');
    const run = await runCli(['summary', 'x.json', '--department', 'd9', '--out', out], {
      'x.json': json(CITY),
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('没有编号为 “d9” 的项目主管部门');
    expect(run.stderr).toContain('d1（南京市科学技术局）');
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    [['summary', 'x.json', '--out', 'o.xlsx'], '缺少选项：--department'],
    [['summary', 'x.json', '--department', 'd1'], '缺少选项：--out'],
    [['summary', '--department', 'd1', '--out', 'o.xlsx'], '须给出一个申报数据包'],
    [
      ['summary', 'x.json', '--department', 'd1', '--out', 'o.xlsx', '--date', '2026-02-30'],
      '--date 2026-02-30',
    ],
    [['summary', 'x.json', '--department', 'd1', '--out', 'o.xlsx', '--sheet', 'a'], '未知选项：--sheet'],
    [['summary', 'x.json', '--department'], '选项 --department 缺少取值'],
  ])('usage error %j: exit 2 naming the problem', async (args, message) => {
    const run = await runCli(args, { 'x.json': json(CITY) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('用法：shenbao summary');
  });
});

import { describe, expect, it } from 'vitest';
import { printSubject } from '../../../test/support/factories/print-subject.js';
import { SECTION_LABELS } from '../application/form.js';
import type { Block, Cell } from './blocks.js';
import { printDocuments, UnknownApplicationError, type FormsInput } from './forms.js';
import { sectionBlocks } from './section-text.js';

const input = (over: Partial<FormsInput> = {}): FormsInput => ({
  ...printSubject(),
  generatedAt: new Date('2026-05-10T02:00:00Z'),
  ...over,
});

/** Every text a document's blocks hold, one string. */
function textOf(blocks: readonly Block[]): string {
  const cells = (rows: readonly Cell[][] = []) => rows.flat().map((c) => c.text);
  return blocks
    .flatMap((b) => {
      switch (b.kind) {
        case 'title':
        case 'heading':
          return [b.text];
        case 'paragraph':
          return b.runs.map((r) => r.text);
        case 'list':
          return b.items.flat().map((r) => r.text);
        case 'table':
          return [...cells(b.header), ...cells(b.rows)];
        case 'cover-lines':
          return b.lines.flatMap((l) => [l.label, l.value]);
        case 'qr':
          return [b.caption];
        case 'signatures':
          return b.boxes.flatMap((x) => [x.title, x.sign]);
        case 'space':
          return [];
      }
    })
    .join('\n');
}

describe('the printed forms as blocks', () => {
  it('封面、单位信息表、项目信息表、项目申报书, in the order asked', () => {
    expect(printDocuments(input()).map((d) => d.name)).toEqual([
      '封面',
      '单位信息表',
      '项目信息表',
      '项目申报书',
    ]);
    expect(printDocuments(input(), ['application-form', 'cover']).map((d) => d.name)).toEqual([
      '项目申报书',
      '封面',
    ]);
  });

  it('封面 names the call, topic, title, unit, PI, department, 受理编号 and date, with the QR code of the verify URL', () => {
    const [cover] = printDocuments(input({ acceptanceNo: 'JS2026-0042', verifyUrl: 'https://x.cn/v/abc' }), [
      'cover',
    ]);
    const lines = cover!.blocks.find((b) => b.kind === 'cover-lines');
    expect(lines).toMatchObject({
      lines: [
        { label: '计划类别', value: '2026年度省国际科技合作/港澳台科技合作计划' },
        { label: '专题/方向', value: '专题四 重点国别产业技术研发合作项目' },
        { label: '项目名称', value: '面向新能源汽车的固态电池界面调控关键技术联合研发' },
        { label: '申报单位', value: '江苏先进材料科技有限公司' },
        { label: '项目负责人', value: '李华' },
        { label: '主管部门', value: '南京市科学技术局' },
        { label: '受理编号', value: 'JS2026-0042' },
        { label: '申报日期', value: '2026年5月10日' },
      ],
    });
    expect(cover!.blocks).toContainEqual(expect.objectContaining({ kind: 'qr', url: 'https://x.cn/v/abc' }));
    expect(printDocuments(input(), ['cover'])[0]!.blocks.some((b) => b.kind === 'qr')).toBe(false);
  });

  it('项目申报书 has every section, the team, indicators, plan and the budget table in 万元 with two decimals', () => {
    const [form] = printDocuments(input(), ['application-form']);
    const text = textOf(form!.blocks);
    for (const label of Object.values(SECTION_LABELS)) expect(text).toContain(label);
    for (const part of ['项目组成员', '考核指标', '年度计划', '经费预算表', '大型科学仪器', '科技伦理']) {
      expect(text).toContain(part);
    }
    expect(text).toContain('王强');
    expect(text).toContain('320102198001010011');
    expect(text).toContain('Anna Schmidt');
    expect(text).toContain('300.00');
    expect(text).toContain('200.00');
    expect(text).toContain('80.00');
    expect(text).toContain('2026年7月至2027年6月');
  });

  it('a reviewers’ copy leaves the ID numbers out', () => {
    const text = textOf(printDocuments(input({ hideIdNumbers: true }), ['application-form'])[0]!.blocks);
    expect(text).toContain('王强');
    expect(text).not.toContain('320102198001010011');
    expect(text).not.toContain('证件号码');
  });

  it('项目信息表 and 项目申报书 have the PI’s signature, the unit’s seal and the department’s opinion and seal', () => {
    for (const doc of printDocuments(input(), ['info-form', 'application-form'])) {
      const signs = doc.blocks.flatMap((b) => (b.kind === 'signatures' ? b.boxes.map((x) => x.sign) : []));
      expect(signs.join()).toMatch(/项目负责人（签字）[^]*申报单位（盖章）[^]*主管部门（盖章）/);
    }
  });

  it('单位信息表 prints the verified record and leaves unknown fields blank', () => {
    const text = textOf(printDocuments(input(), ['unit-info'])[0]!.blocks);
    expect(text).toContain('南京市玄武区中山路 100 号');
    expect(text).toContain('已核验');
    const bare = textOf(printDocuments(input({ unit: undefined }), ['unit-info'])[0]!.blocks);
    expect(bare).not.toContain('已核验');
    expect(bare).toContain('申报单位（盖章）');
  });

  it('an application the bundle does not hold is refused by name', () => {
    expect(() => printDocuments(input({ applicationId: 'nope' }))).toThrow(UnknownApplicationError);
  });
});

describe('section text', () => {
  it('paragraphs by blank lines, **bold** runs, - and 1. lists', () => {
    expect(sectionBlocks('第一段**重点**内容\n续行\n\n- 甲\n- 乙\n1. 一\n2. 二\n\n末段')).toEqual([
      { kind: 'paragraph', runs: [{ text: '第一段' }, { text: '重点', bold: true }, { text: '内容续行' }] },
      { kind: 'list', ordered: false, items: [[{ text: '甲' }], [{ text: '乙' }]] },
      { kind: 'list', ordered: true, items: [[{ text: '一' }], [{ text: '二' }]] },
      { kind: 'paragraph', runs: [{ text: '末段' }] },
    ]);
  });
});

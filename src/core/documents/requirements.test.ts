import { describe, expect, it } from 'vitest';
import { application, bundle, organization } from '../../../test/support/factories/bundle.js';
import { check } from '../../../test/support/factories/check.js';
import { COMPLETENESS_FLAGS, type Direction, type TopicNumber } from '../bundle/schema.js';
import { JS_INTL_2026 } from '../calls/js-intl-2026.js';
import { withDeadlines } from '../calls/parameters.js';
import { completenessQuestions, requirementsFor, type RequirementKey } from './requirements.js';

// What each stream of 苏科资发〔2026〕26号 requires (二、2, 二、4, 三、1) and offers (三、1), as READING.md reads it.

interface RequirementCase {
  name: string;
  topic: TopicNumber;
  direction?: Direction;
  required: RequirementKey[];
  optional: RequirementKey[];
}

const FORMS: RequirementKey[] = ['info-form', 'application-form'];
const OFFERED: RequirementKey[] = ['ethics-approval', 'genetic-resources-permit', 'other-attachment'];
const COOPERATION: RequirementKey[] = ['partner', 'domestic', 'unit', 'pi', ...FORMS];

const cases: RequirementCase[] = [
  {
    name: '专题一方向1 国际大科学计划：只须两份承诺书和两份签字盖章的表，境内合作协议应传尽传',
    topic: 1,
    direction: 'big-science',
    required: ['unit', 'pi', ...FORMS],
    optional: ['domestic', ...OFFERED],
  },
  {
    name: '专题一方向2（境外机构在我省建设）：须平台设立证明文件',
    topic: 1,
    direction: 'platform-inbound',
    required: ['platform', 'unit', 'pi', ...FORMS],
    optional: ['domestic', ...OFFERED],
  },
  {
    name: '专题一方向2（我省在境外建设）：须平台设立证明文件',
    topic: 1,
    direction: 'platform-outbound',
    required: ['platform', 'unit', 'pi', ...FORMS],
    optional: ['domestic', ...OFFERED],
  },
  {
    name: '专题一未选方向：没有方向的要求，只须两份承诺书和两份签字盖章的表',
    topic: 1,
    required: ['unit', 'pi', ...FORMS],
    optional: ['domestic', ...OFFERED],
  },
  {
    name: '专题二：须与境内外合作方的协议和共建联合实验室合作文件',
    topic: 2,
    required: ['partner', 'domestic', 'joint-lab', 'unit', 'pi', ...FORMS],
    optional: OFFERED,
  },
  {
    name: '专题三（另行发布，本通知不受理）：只须两份承诺书和两份签字盖章的表',
    topic: 3,
    required: ['unit', 'pi', ...FORMS],
    optional: ['domestic', ...OFFERED],
  },
  { name: '专题四：须与境内外合作方的合作协议或意向书', topic: 4, required: COOPERATION, optional: OFFERED },
  { name: '专题五：须与境内外合作方的合作协议或意向书', topic: 5, required: COOPERATION, optional: OFFERED },
];

const PRACTICE = withDeadlines(JS_INTL_2026, 'DEMO-JS-INTL-2026', '演示', {
  submission: '2026-12-01T17:30:00+08:00',
  recommendation: '2026-12-03T17:30:00+08:00',
  paper: '2026-12-05T17:30:00+08:00',
});

const keys = (c: RequirementCase, required: boolean) =>
  requirementsFor(JS_INTL_2026, c.topic, c.direction)
    .filter((r) => r.required === required)
    .map((r) => r.key);

/** The requirement each document rule speaks for, read from its finding. */
function requirementsJudged(c: RequirementCase): RequirementKey[] {
  const app = application({
    topic: c.topic,
    ...(c.direction ? { direction: c.direction } : {}),
    domesticPartners: ['o2'],
    documents: [],
  });
  const report = check(
    bundle({ organizations: [organization(), organization({ id: 'o2' })], applications: [app] }),
  );
  return report.applications[0]!.findings.flatMap((f): RequirementKey[] => {
    if (f.rule === 'documents.agreement-missing') return [f.field === 'documents' ? 'partner' : 'domestic'];
    if (f.rule === 'documents.joint-lab') return ['joint-lab'];
    if (f.rule === 'documents.platform-proof-missing') return ['platform'];
    if (f.rule === 'documents.integrity-commitment-missing') return ['unit', 'pi'];
    if (f.rule === 'documents.signed-form-missing') return FORMS;
    return [];
  });
}

describe('每个专题（方向）须提交和可提交的材料', () => {
  it.each(cases)('$name', (c) => {
    expect(keys(c, true)).toEqual(c.required);
    expect(keys(c, false)).toEqual(c.optional);
  });

  it.each(cases)('规则与清单一致，缺什么报什么：$name', (c) => {
    expect(requirementsJudged(c).sort()).toEqual([...c.required].sort());
  });

  it.each(cases)('演示计划（同一通知，另设时间窗口）要求相同：$name', (c) => {
    expect(requirementsFor(PRACTICE, c.topic, c.direction)).toEqual(
      requirementsFor(JS_INTL_2026, c.topic, c.direction),
    );
  });
});

describe('每项材料的名称、要素、条款和日期', () => {
  const byKey = (topic: TopicNumber, key: RequirementKey, direction?: Direction) =>
    requirementsFor(JS_INTL_2026, topic, direction).find((r) => r.key === key)!;

  it('与境外合作机构：合作协议优先，意向书也可，六项要素齐全（二、2）', () => {
    const partner = byKey(4, 'partner');
    expect(partner).toMatchObject({
      kinds: ['cooperation-agreement', 'letter-of-intent'],
      label: '合作协议或合作意向书',
      signedWith: 'partner',
      contents: COMPLETENESS_FLAGS,
      signedOnOrBefore: null,
      clause: '二、2',
    });
    expect(partner.quote).toContain('境内外合作双方机构须就合作项目已签署合作协议或合作意向书');
  });

  it('与每家境内合作单位：合作项目必须，专题一应传尽传（三、1）', () => {
    expect(byKey(5, 'domestic')).toMatchObject({
      kinds: ['domestic-agreement', 'domestic-letter-of-intent'],
      signedWith: 'domestic-partner',
      required: true,
      clause: '二、2',
    });
    const platform = byKey(1, 'domestic', 'platform-inbound');
    expect(platform).toMatchObject({ required: false, clause: '三、1' });
    expect(platform.quote).toContain('应传尽传');
  });

  it('共建联合实验室合作文件：须在通知发布日期 2026-03-30 之前（2026-03-29 或更早）签署', () => {
    const lab = byKey(2, 'joint-lab');
    expect(lab).toMatchObject({
      kinds: ['joint-lab-agreement'],
      label: '共建联合实验室/联合研究中心合作文件',
      signedWith: 'partner',
      contents: COMPLETENESS_FLAGS,
      signedOnOrBefore: '2026-03-29',
      clause: '二、2',
    });
    expect(lab.signedOnOrBefore! < JS_INTL_2026.notice.publishedOn.value).toBe(true);
    expect(lab.quote).toContain('签署日期须早于本通知发布日期');
  });

  it('平台设立证明文件只须上传，不核要素', () => {
    expect(byKey(1, 'platform', 'platform-outbound')).toMatchObject({ contents: [], clause: '二、2' });
  });

  it('两份承诺书只核签字、（盖章、）签署日期，不核合作协议的代表、分工和知识产权条款', () => {
    expect(byKey(4, 'unit')).toMatchObject({
      kinds: ['integrity-commitment-unit'],
      label: '项目申报单位科研诚信承诺书',
      contents: ['signatures', 'seals', 'dates'],
      clause: '二、4',
    });
    expect(byKey(4, 'pi')).toMatchObject({
      label: '项目负责人科研诚信承诺书',
      contents: ['signatures', 'dates'],
    });
    expect(completenessQuestions(JS_INTL_2026, 'integrity-commitment-pi')).toEqual(['signatures', 'dates']);
    expect(completenessQuestions(JS_INTL_2026, 'letter-of-intent')).toEqual(
      JS_INTL_2026.documents.completeness.value,
    );
    expect(completenessQuestions(JS_INTL_2026, 'platform-proof')).toEqual([]);
  });

  it('项目信息表、项目申报书：必须上传，只核签字、盖章（三、1）', () => {
    expect(byKey(4, 'info-form')).toMatchObject({
      label: '项目信息表',
      required: true,
      contents: ['signatures', 'seals'],
      clause: '三、1',
    });
    expect(byKey(1, 'application-form', 'big-science')).toMatchObject({
      label: '项目申报书',
      required: true,
      contents: ['signatures', 'seals'],
    });
    expect(byKey(4, 'application-form').quote).toContain('签字盖章');
    expect(completenessQuestions(JS_INTL_2026, 'info-form')).toEqual(['signatures', 'seals']);
  });

  it('其他附件：应传尽传，从不必须（三、1）', () => {
    const other = byKey(4, 'other-attachment');
    expect(other).toMatchObject({ kinds: ['other-attachment'], required: false, clause: '三、1' });
    expect(other.quote).toContain('应传尽传');
  });

  it.each(cases)('每项都有中文名称和通知原文：$name', (c) => {
    for (const r of requirementsFor(JS_INTL_2026, c.topic, c.direction)) {
      expect(r.label, r.key).toMatch(/^\p{Script=Han}/u);
      expect(r.quote, r.key).toMatch(/\p{Script=Han}/u);
      expect(r.clause, r.key).toMatch(/^[二三]、\d$/);
    }
  });
});

describe('伦理审查批件与遗传资源许可随申报书的伦理选项而定（二、4）', () => {
  const NONE = {
    humanSubjects: false,
    labAnimals: false,
    ai: false,
    humanGeneticResources: false,
    germplasm: false,
  };
  const ethicsKeys = (ethics: Partial<typeof NONE>) =>
    requirementsFor(JS_INTL_2026, 4, undefined, { ...NONE, ...ethics })
      .filter((r) => r.key === 'ethics-approval' || r.key === 'genetic-resources-permit')
      .map((r) => [r.key, r.required, r.clause]);

  it.each(['humanSubjects', 'labAnimals', 'ai'] as const)('涉及 %s：须上传伦理审查批件', (flag) => {
    expect(ethicsKeys({ [flag]: true })).toEqual([['ethics-approval', true, '二、4']]);
  });

  it.each(['humanGeneticResources', 'germplasm'] as const)(
    '涉及 %s：提供许可或备案上传，但不必须',
    (flag) => {
      expect(ethicsKeys({ [flag]: true })).toEqual([['genetic-resources-permit', false, '二、4']]);
    },
  );

  it('都不涉及：两者都不列', () => {
    expect(ethicsKeys({})).toEqual([]);
  });

  it('必须上传批件时，规则也以未通过伦理审查报错', () => {
    const ethics = { ...NONE, ai: true, reviewApproved: false };
    const findings = check(bundle({ applications: [application({ ethics })] })).applications[0]!.findings;
    expect(findings.map((f) => f.rule)).toContain('ethics.review-missing');
    const approved = check(
      bundle({ applications: [application({ ethics: { ...ethics, reviewApproved: true } })] }),
    );
    expect(approved.applications[0]!.eligible).toBe(true);
  });
});

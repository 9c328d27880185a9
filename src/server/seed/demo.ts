import type { TopicNumber } from '../../core/bundle/schema.js';
import type { Database } from '../db/database.js';
import { repositories, type Repositories } from '../repositories/index.js';
import type { UploadDocumentForm } from '../../contract/documents.js';
import type { Services } from '../services/index.js';
import { OTHER_EXPERTS, seedExperts } from './experts.js';
import { seedRegisters } from './registers.js';
import { seedPanels } from './panels.js';
import { seedAvoidedExperts } from './avoided-experts.js';
import { seedObjections } from './objections.js';
import { seedPaperReceipts } from './paper-receipts.js';
import { seedContractStage } from './contract-stage.js';
import { PROVINCE_STAGE_ACCOUNTS, seedProvinceStage } from './province-stage.js';
import {
  attachDemo,
  attachSignedForms,
  DEMO_PASSWORD,
  type DemoAccount,
  type DemoApplicant,
  type DemoApplication,
  type DemoOfficial,
  type DemoOrganization,
  type DemoStory,
  demoForm,
  draftDemo,
  insertDemoOfficials,
  registerDemoOrganization,
  submitDemo,
} from './demo-steps.js';
import { CELL_CULTURE, HYDROGEN_VALVES, INTERFACES, SERVO, SOIL_SENSING } from './demo-stories.js';
import { seedCallFiles } from './calls.js';
import { seedPartnerConfirmations } from './partner-confirmations.js';
import { principalOf } from '../principal.js';
import type { Province } from '../services/call-admin.js';

export { DEMO_PASSWORD, type DemoAccount };

// A demo a newcomer can log into: organizations of each kind, department, province and expert accounts, and
// applications in several states in the practice call, made through the same services the API uses; one
// department's list is carried through the provincial centre's stage (province-stage.ts).

const ORGANIZATIONS: DemoOrganization[] = [
  {
    login: 'demo-qiye',
    name: '南京星河智能装备有限公司',
    creditCode: '91320100MA1W7K3P4B',
    kind: 'enterprise',
    department: '南京市科学技术局',
    pi: { name: '张伟', login: 'demo-pi-zhang' },
  },
  {
    login: 'demo-daxue',
    name: '东南大学',
    creditCode: '12320000MB0A12342M',
    kind: 'university',
    department: '东南大学',
    pi: { name: '李娜', login: 'demo-pi-li' },
  },
  {
    login: 'demo-yanjiusuo',
    name: '苏州先进材料研究所',
    creditCode: '12320500MB1K2L3M8T',
    kind: 'institute',
    department: '苏州市科学技术局',
    pi: { name: '王芳', login: 'demo-pi-wang' },
  },
];

/** Applicants under the calls of `calls/`: 专题三's bilateral notice and the 2027 variant. */
const CALL_FILE_ORGANIZATIONS: DemoOrganization[] = [
  {
    login: 'demo-haichuan',
    name: '苏州海川生物科技有限公司',
    creditCode: '91320500MA2HC8Q17T',
    kind: 'enterprise',
    department: '苏州市科学技术局',
    pi: { name: '顾晓岚', login: 'demo-pi-haichuan' },
  },
  {
    login: 'demo-qinglan',
    name: '常州青蓝氢能装备有限公司',
    creditCode: '91320400MA2QL6N36T',
    kind: 'enterprise',
    department: '常州市科学技术局',
    pi: { name: '韩立新', login: 'demo-pi-qinglan' },
  },
];

/** The enterprise both the university and the institute take as their Jiangsu partner. */
const XINGHE = {
  name: '南京星河智能装备有限公司',
  creditCode: '91320100MA1W7K3P4B',
  kind: 'enterprise' as const,
  inJiangsu: true,
};

const OFFICIALS: DemoOfficial[] = [
  {
    login: 'demo-nanjing',
    role: 'department',
    name: '南京市科学技术局 审核员',
    department: '南京市科学技术局',
  },
  {
    login: 'demo-suzhou',
    role: 'department',
    name: '苏州市科学技术局 审核员',
    department: '苏州市科学技术局',
  },
  { login: 'demo-dongda', role: 'department', name: '东南大学科研院 审核员', department: '东南大学' },
  {
    login: 'demo-province',
    role: 'province',
    name: '省科技项目管理中心',
    shows: '管理员：形式审查、专家评审、立项决定与公示、全省交叉核查、账号管理',
  },
  { login: 'demo-expert', role: 'expert', name: '评审专家 陈教授', shows: '有待评分的评审任务' },
];

/**
 * Seeds the demo once (it is skipped when its first account exists) and lists its accounts; `now` is the services'
 * clock, from which the calls of `calls/` open.
 */
export async function seedDemo(db: Database, services: Services, now: Date): Promise<DemoAccount[]> {
  const repos = repositories(db);
  const accounts: DemoAccount[] = [
    ...[...ORGANIZATIONS, ...CALL_FILE_ORGANIZATIONS].flatMap((o) => [
      { login: o.login, role: 'unit-admin' as const, who: `${o.name} 单位管理员` },
      { login: o.pi.login, role: 'pi' as const, who: `${o.name} 项目负责人 ${o.pi.name}` },
    ]),
    ...PROVINCE_STAGE_ACCOUNTS,
    ...OFFICIALS.map((o) => ({
      login: o.login,
      role: o.role,
      who: o.shows ? `${o.name}（${o.shows}）` : o.name,
    })),
    ...OTHER_EXPERTS.map((e) => ({
      login: e.login,
      role: 'expert' as const,
      who: `评审专家 ${e.name}（${e.organizationName}）`,
    })),
  ];
  if (await repos.users.findByLogin(ORGANIZATIONS[0]!.login)) return accounts;

  const admins = new Map<string, DemoApplicant>();
  for (const o of ORGANIZATIONS) admins.set(o.login, await registerDemoOrganization(repos, services, o));
  await insertDemoOfficials(repos, OFFICIALS);
  await seedExperts(repos, services, DEMO_PASSWORD);

  const of = (admin: string) => admins.get(admin)!;
  const piLogin = (admin: string) => ORGANIZATIONS.find((o) => o.login === admin)!.pi.login;
  const draft = (admin: string, topic: TopicNumber, a: DemoApplication, story: DemoStory) =>
    draftDemo(services, of(admin), topic, demoForm(a, story, piLogin(admin)));
  const attach = (
    admin: string,
    applicationId: string,
    kind: UploadDocumentForm['kind'],
    parties: string[],
    extra: Partial<UploadDocumentForm> = {},
  ) => attachDemo(services, of(admin), applicationId, kind, parties, extra);
  const submit = (admin: string, applicationId: string) => submitDemo(services, of(admin), applicationId);
  const orgId = (admin: string) => of(admin).organizationId;

  // 1. An enterprise's draft, its 申报书 written, that still breaks the 专题四 cap and lacks its documents (the
  // signed forms too: they are printed once the form is final).
  await draft(
    'demo-qiye',
    4,
    {
      title: '面向智能制造装备的高精度伺服系统联合研发',
      summary: '与德国合作机构联合研制高精度伺服驱动与控制系统，开展中试验证。',
      field: '智能制造装备',
      partner: ['Fraunhofer IPA', 'DE'],
      budget: [3_000_000, 2_000_000, 900_000],
    },
    SERVO,
  );

  // 2. A university's 专题二 application with a Jiangsu enterprise, joint-lab agreement, submitted.
  const beltRoad = await draft(
    'demo-daxue',
    2,
    {
      title: '中哈智慧农业联合实验室：低功耗土壤墒情传感网络',
      summary: '依托中哈联合实验室，联合研制低功耗物联网土壤墒情传感网络与灌溉决策模型，在苏北开展示范。',
      field: '智慧农业',
      partner: ['哈萨克国立农业大学', 'KZ'],
      domesticPartners: [XINGHE],
      budget: [2_400_000, 1_600_000, 800_000],
    },
    SOIL_SENSING,
  );
  await attach('demo-daxue', beltRoad, 'cooperation-agreement', [orgId('demo-daxue'), '哈萨克国立农业大学']);
  await attach('demo-daxue', beltRoad, 'domestic-agreement', [orgId('demo-daxue'), '91320100MA1W7K3P4B']);
  await attach('demo-daxue', beltRoad, 'joint-lab-agreement', [orgId('demo-daxue'), '哈萨克国立农业大学'], {
    signedOn: '2025-06-01',
    validUntil: '2030-12-31',
  });
  await attach('demo-daxue', beltRoad, 'integrity-commitment-unit', [orgId('demo-daxue')]);
  await attach('demo-daxue', beltRoad, 'integrity-commitment-pi', [orgId('demo-daxue')]);
  await attachSignedForms(services, of('demo-daxue'), beltRoad);
  await submit('demo-daxue', beltRoad);

  // 3. An institute's 专题五 application with a Hong Kong partner on a letter of intent (a warning), submitted.
  const hongKong = await draft(
    'demo-yanjiusuo',
    5,
    {
      title: '苏港先进材料界面调控联合研发',
      summary: '与香港合作机构联合开展先进材料界面调控与器件应用研究。',
      field: '先进材料',
      partner: ['香港科技大学', 'HK'],
      domesticPartners: [XINGHE],
      budget: [2_000_000, 1_600_000, 600_000],
    },
    INTERFACES,
  );
  await attach('demo-yanjiusuo', hongKong, 'letter-of-intent', [orgId('demo-yanjiusuo'), '香港科技大学']);
  await attach('demo-yanjiusuo', hongKong, 'domestic-agreement', [
    orgId('demo-yanjiusuo'),
    '91320100MA1W7K3P4B',
  ]);
  await attach('demo-yanjiusuo', hongKong, 'integrity-commitment-unit', [orgId('demo-yanjiusuo')]);
  await attach('demo-yanjiusuo', hongKong, 'integrity-commitment-pi', [orgId('demo-yanjiusuo')]);
  await attachSignedForms(services, of('demo-yanjiusuo'), hongKong);
  await submit('demo-yanjiusuo', hongKong);
  await seedCallFileApplications(repos, services, now);

  // 4. The partners' word: the Hong Kong partner confirms; the Kazakh PI answers that she no longer works at
  // the university (a correction the rules judge: the application is barred from then on).
  await seedPartnerConfirmations(repos, services, [
    {
      applicant: of('demo-yanjiusuo'),
      applicationId: hongKong,
      confirmer: {
        name: 'Raymond Cheung',
        position: 'Professor, Department of Chemical and Biological Engineering',
      },
    },
    {
      applicant: of('demo-daxue'),
      applicationId: beltRoad,
      confirmer: { name: 'Aigerim Nurlanovna', position: 'Visiting Professor' },
      corrections: { piAffiliated: false },
    },
  ]);
  // After the submissions: the registers change these verdicts, as the province would see on importing them.
  await seedRegisters(repos, services, 'demo-province');
  await seedProvinceStage(repos, services);
  await seedAvoidedExperts(repos);
  await seedPaperReceipts(repos, services);
  await seedContractStage(repos, services);
  await seedPanels(repos, services);
  await seedObjections(repos, services);

  return accounts;
}

/**
 * The calls of `calls/`, opened with the demo's windows, and applications under them: under 专题三's bilateral notice
 * an enterprise with a Singapore enterprise, submitted; under the 2027 variant a 专题四 draft with a French partner,
 * a key country from 2027 on.
 */
async function seedCallFileApplications(repos: Repositories, services: Services, now: Date): Promise<void> {
  const province = principalOf((await repos.users.findByLogin('demo-province'))!) as Province;
  const [bilateral, next] = await seedCallFiles(services, province, now);
  const haichuan = await registerDemoOrganization(repos, services, CALL_FILE_ORGANIZATIONS[0]!);
  const qinglan = await registerDemoOrganization(repos, services, CALL_FILE_ORGANIZATIONS[1]!);
  const singapore = '新加坡百奥工艺私人有限公司';

  const culture = await draftDemo(
    services,
    haichuan,
    3,
    demoForm(
      {
        title: '无血清细胞培养基与一次性生物反应器过程控制联合研发',
        summary:
          '与新加坡合作企业联合开发无血清培养基和一次性生物反应器过程控制系统，完成 200 L 工艺放大验证。',
        field: '生命健康',
        partner: [singapore, 'SG', 'enterprise'],
        budget: [3_000_000, 1_800_000, 800_000],
      },
      CELL_CULTURE,
      CALL_FILE_ORGANIZATIONS[0]!.pi.login,
    ),
    bilateral!.id,
  );
  const party = haichuan.organizationId;
  await attachDemo(services, haichuan, culture, 'cooperation-agreement', [party, singapore]);
  await attachDemo(services, haichuan, culture, 'integrity-commitment-unit', [party]);
  await attachDemo(services, haichuan, culture, 'integrity-commitment-pi', [party]);
  await attachSignedForms(services, haichuan, culture);
  await submitDemo(services, haichuan, culture);

  await draftDemo(
    services,
    qinglan,
    4,
    demoForm(
      {
        title: '70 MPa 加氢站用高压氢气阀门联合研制',
        summary: '与法国合作企业联合研制 70 MPa 高压氢气阀门，攻克密封材料氢脆和微泄漏控制难题。',
        field: '氢能与新型储能',
        partner: ['Lyon Hydrogène Équipements', 'FR'],
        budget: [4_000_000, 2_400_000, 1_000_000],
      },
      HYDROGEN_VALVES,
      CALL_FILE_ORGANIZATIONS[1]!.pi.login,
    ),
    next!.id,
  );
}

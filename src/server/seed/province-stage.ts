import { Readable } from 'node:stream';
import type { TopicNumber } from '../../core/bundle/schema.js';
import { SCORING_FORMS } from '../../core/experts/scoring-forms.js';
import { toBeijingIso } from '../../core/time.js';
import { principalOf, type PrincipalOf } from '../principal.js';
import type { Repositories } from '../repositories/index.js';
import type { UploadDocumentForm } from '../../contract/documents.js';
import type { Services } from '../services/index.js';
import { beijingCloseOf, PRACTICE_CALL_ID } from './calls.js';
import {
  addDemoPi,
  attachDemo,
  attachSignedForms,
  type DemoAccount,
  type DemoApplicant,
  type DemoApplication,
  type DemoOrganization,
  type DemoStory,
  demoForm,
  draftDemo,
  insertDemoOfficials,
  registerDemoOrganization,
  submitDemo,
} from './demo-steps.js';
import { HERBAL_FORMULATION, MEMS_PRESSURE, PEROVSKITE_FILMS, RUBBER_DISEASE } from './demo-stories.js';
import { pdfChunks } from './pdf.js';

// The demo's applications that reach the provincial centre, all in 无锡市科学技术局 (no other demo flow or e2e test
// uses it): four submitted, three recommended and one not, the list confirmed with the department's commitment;
// then 形式审查 (two 受理, one 不予受理), two experts on each accepted one, one expert's scores, and one 立项决定
// awaiting its 公示, which the province publishes itself. Every step goes through the services the API uses.

const DEPARTMENT = '无锡市科学技术局';
const DEPARTMENT_LOGIN = 'demo-wuxi';

const SENSING: DemoOrganization = {
  login: 'demo-wx-chuangan',
  name: '无锡微纳传感科技有限公司',
  creditCode: '91320200MA1XW3N59T',
  kind: 'enterprise',
  department: DEPARTMENT,
  pi: { name: '陆明', login: 'demo-pi-lu' },
};
const PHARMA: DemoOrganization = {
  login: 'demo-wx-yiyao',
  name: '无锡澄江生物医药有限公司',
  creditCode: '91320200MA27C8J21X',
  kind: 'enterprise',
  department: DEPARTMENT,
  pi: { name: '顾静', login: 'demo-pi-gu' },
};
const INSTITUTE: DemoOrganization = {
  login: 'demo-wx-yanjiu',
  name: '无锡物联网创新研究院',
  creditCode: '12320200MB1P6Q4D06',
  kind: 'institute',
  department: DEPARTMENT,
  pi: { name: '华强', login: 'demo-pi-hua' },
};
const INSTITUTE_SECOND_PI = { name: '钱晓', login: 'demo-pi-qian' };

export const PROVINCE_STAGE_ACCOUNTS: DemoAccount[] = [
  ...[SENSING, PHARMA, INSTITUTE].map((o) => ({
    login: o.login,
    role: 'unit-admin' as const,
    who: `${o.name} 单位管理员（申报已到省里）`,
  })),
  { login: DEPARTMENT_LOGIN, role: 'department', who: `${DEPARTMENT} 审核员（推荐名单已确认提交）` },
];

const RECOMMENDED = '符合申报条件，材料齐全，同意推荐。';

/** Scores for each criterion of the topic's form, in the form's order. */
const scoresOf = (topic: TopicNumber, values: number[]) =>
  Object.fromEntries(SCORING_FORMS[topic].criteria.map((c, i) => [c.id, values[i]!]));

const login = async (repos: Repositories, name: string) =>
  principalOf((await repos.users.findByLogin(name))!);

export async function seedProvinceStage(repos: Repositories, services: Services): Promise<void> {
  await insertDemoOfficials(repos, [
    { login: DEPARTMENT_LOGIN, role: 'department', name: `${DEPARTMENT} 审核员`, department: DEPARTMENT },
  ]);
  const sensing = await registerDemoOrganization(repos, services, SENSING);
  const pharma = await registerDemoOrganization(repos, services, PHARMA);
  const institute = await registerDemoOrganization(repos, services, INSTITUTE);
  const instituteSecond = await addDemoPi(services, institute, INSTITUTE_SECOND_PI);

  /**
   * Drafts the whole 申报书 (`domestic`: a Jiangsu enterprise joining an institute's application), attaches the
   * documents the topic and the partners need and the signed forms, and submits.
   */
  const apply = async (
    applicant: DemoApplicant,
    piLogin: string,
    topic: TopicNumber,
    a: DemoApplication & { domestic?: DemoOrganization },
    story: DemoStory,
  ) => {
    const [partnerName] = a.partner;
    const domesticPartners = a.domestic
      ? [
          {
            name: a.domestic.name,
            creditCode: a.domestic.creditCode,
            kind: 'enterprise' as const,
            inJiangsu: true,
          },
        ]
      : [];
    const id = await draftDemo(
      services,
      applicant,
      topic,
      demoForm({ ...a, domesticPartners }, story, piLogin),
    );
    const own = applicant.organizationId;
    const attach = (
      kind: UploadDocumentForm['kind'],
      parties: string[],
      extra: Partial<UploadDocumentForm> = {},
    ) => attachDemo(services, applicant, id, kind, parties, extra);
    await attach('cooperation-agreement', [own, partnerName]);
    if (a.domestic) await attach('domestic-agreement', [own, a.domestic.creditCode]);
    if (topic === 2) {
      await attach('joint-lab-agreement', [own, partnerName], {
        signedOn: '2025-04-10',
        validUntil: '2030-12-31',
      });
    }
    await attach('integrity-commitment-unit', [own]);
    await attach('integrity-commitment-pi', [own]);
    await attachSignedForms(services, applicant, id);
    await submitDemo(services, applicant, id);
    return id;
  };

  const sensor = await apply(
    sensing,
    SENSING.pi.login,
    4,
    {
      title: '面向半导体装备的 MEMS 真空压力传感器联合研发',
      summary: '与德国合作机构联合研制高稳定 MEMS 真空压力传感器及其封装工艺，在半导体装备上开展验证。',
      field: '智能制造装备',
      partner: ['Fraunhofer IPMS', 'DE'],
      budget: [2_800_000, 1_800_000, 800_000],
    },
    MEMS_PRESSURE,
  );
  const medicine = await apply(
    pharma,
    PHARMA.pi.login,
    5,
    {
      title: '澳锡中药活性成分筛选与创新制剂联合研发',
      summary: '与澳门合作机构联合开展中药活性成分高通量筛选与缓释制剂研发，完成临床前研究。',
      field: '生命健康',
      partner: ['澳门科技大学', 'MO'],
      budget: [2_000_000, 1_500_000, 700_000],
    },
    HERBAL_FORMULATION,
  );
  const farming = await apply(
    institute,
    INSTITUTE.pi.login,
    2,
    {
      title: '中泰智慧农业联合研究中心：橡胶园病害物联网监测',
      summary: '依托中泰联合研究中心，研制橡胶园病害物联网监测终端与预警模型，在泰国南部开展示范。',
      field: '智慧农业',
      partner: ['泰国农业大学', 'TH'],
      domestic: SENSING,
      budget: [2_400_000, 1_600_000, 800_000],
    },
    RUBBER_DISEASE,
  );
  const films = await apply(
    instituteSecond,
    INSTITUTE_SECOND_PI.login,
    4,
    {
      title: '柔性钙钛矿光伏功能薄膜联合研发',
      summary: '与芬兰合作机构联合开展柔性钙钛矿薄膜卷对卷制备与封装研究。',
      field: '新型功能材料',
      partner: ['VTT Technical Research Centre of Finland', 'FI'],
      domestic: PHARMA,
      budget: [2_000_000, 1_400_000, 600_000],
    },
    PEROVSKITE_FILMS,
  );

  // 无锡市科学技术局: three recommended, one not; its commitment uploaded; its list confirmed.
  const department = (await login(repos, DEPARTMENT_LOGIN)) as PrincipalOf<'department'>;
  const decide = async (id: string, decision: 'recommended' | 'not-recommended', reason: string) => {
    const outcome = await services.departmentQuota.decide(department, id, {
      decision,
      reason,
      separateSlot: false,
    });
    if (!outcome.ok) throw new Error(`demo recommendation refused: ${outcome.error.message}`);
  };
  for (const id of [sensor, medicine, farming]) await decide(id, 'recommended', RECOMMENDED);
  await decide(films, 'not-recommended', '经组织专家论证，合作双方分工和中试安排尚不清晰，本年度不予推荐。');
  const commitment = await services.documents.stage(
    Readable.from(pdfChunks({ seed: `shenbao demo ${DEPARTMENT} commitment` })),
  );
  await services.commitments.upload(department, PRACTICE_CALL_ID, {
    ...commitment,
    fileName: `${DEPARTMENT}科研诚信承诺书.pdf`,
  });
  const confirmed = await services.review.confirm(department, PRACTICE_CALL_ID);
  if (!confirmed.ok) throw new Error(`demo confirmation refused: ${confirmed.error.message}`);

  // 省科技项目管理中心: 形式审查.
  const province = (await login(repos, 'demo-province')) as PrincipalOf<'province'>;
  for (const id of [sensor, medicine]) {
    await services.formalReview.save(province, id, { result: 'accepted', reasons: [] });
  }
  await services.formalReview.save(province, farming, {
    result: 'rejected',
    reasons: [
      {
        clause: '二、2',
        message:
          '共建联合研究中心的合作文件由研究院下设的研究中心签署，该中心不是独立法人单位，不符合“签署双方须为独立法人单位”的要求。',
      },
    ],
  });

  // 专家评审 in a 函评 round, the expert journey starting from invitations: 陈教授 (the demo expert) and 赵教授 on
  // each accepted application, due a fortnight after the department deadline. 赵教授 has accepted and scored
  // both; 周教授 has accepted and has the sensor left to score; 陈教授's invitation waits for an answer; 刘研究员
  // declined, so the medicine application waits for another expert in the province's reassignment list.
  const call = await services.calls.require(PRACTICE_CALL_ID);
  const dueAt = toBeijingIso(beijingCloseOf(call.row.recommendationClosesAt, 14).getTime());
  const round = await services.reviewRounds.create(province, {
    callId: PRACTICE_CALL_ID,
    kind: 'letter',
    name: '2026年度函评',
    dueAt,
  });
  const experts = new Map((await services.experts.list(province)).map((e) => [e.login, e.id]));
  const assign = async (applicationId: string, expertLogin: string) => {
    const outcome = await services.experts.assign(province, applicationId, {
      roundId: round.round.id,
      expertId: experts.get(expertLogin)!,
      dueAt,
    });
    if (!outcome.ok) throw new Error(`demo expert ${expertLogin} is in conflict over ${applicationId}`);
    return outcome.assignment.id;
  };
  const invitationOf = async (expert: PrincipalOf<'expert'>) =>
    (await services.expertInvitations.mine(expert)).find((i) => i.round.id === round.round.id)!;
  const acceptAll = async (expert: PrincipalOf<'expert'>) => {
    const { invitation, applications } = await invitationOf(expert);
    await services.expertInvitations.accept(expert, invitation.id, {
      confidentiality: true,
      conflicts: applications.map((a) => ({ applicationId: a.applicationId, conflict: false })),
    });
  };
  const zhao = (await login(repos, 'demo-expert-zhao')) as PrincipalOf<'expert'>;
  const scored = [
    [sensor, 4, [9, 8, 8, 8, 7], '传感器封装路线清晰，德方在 MEMS 工艺上优势明显，预算合理。'],
    [medicine, 5, [8, 7, 7, 8, 7], '合作基础扎实，临床前研究安排可行，建议细化成果考核指标。'],
  ] as const;
  const zhaoAssignments: string[] = [];
  for (const [id] of scored) {
    await assign(id, 'demo-expert');
    zhaoAssignments.push(await assign(id, 'demo-expert-zhao'));
  }
  await acceptAll(zhao);
  for (const [i, [, topic, values, comment]] of scored.entries()) {
    await services.expertScoring.submit(zhao, zhaoAssignments[i]!, {
      scores: scoresOf(topic, [...values]),
      comment,
    });
  }
  const zhou = (await login(repos, 'demo-expert-zhou')) as PrincipalOf<'expert'>;
  await assign(sensor, 'demo-expert-zhou');
  await acceptAll(zhou);
  const liu = (await login(repos, 'demo-expert-liu')) as PrincipalOf<'expert'>;
  await assign(medicine, 'demo-expert-liu');
  await services.expertInvitations.decline(liu, (await invitationOf(liu)).invitation.id, {
    reason: '近期在外执行科研任务，无法在评审截止前完成函评。',
  });

  // 立项决定, within the 专题四 cap and the requested 省资助经费; not yet in a 公示.
  await services.decisions.decide(province, sensor, {
    outcome: 'approved',
    funding: 700_000,
    reason: '专家评审意见较好，研究方案可行，同意立项，资助 70 万元。',
  });
}

import { BELT_AND_ROAD_COUNTRIES, HK_MO_TW } from '../reference/countries.js';
import { CENTRE_CONFIGURATION, cite, type CallParameters, type StreamTerms } from './parameters.js';

// 苏科资发〔2026〕26号《关于组织申报2026年度省国际科技合作/港澳台科技合作计划项目的通知》,
// read as docs/reading/ explains clause by clause.

const NUMBER = '苏科资发〔2026〕26号';
const TITLE = '关于组织申报2026年度省国际科技合作/港澳台科技合作计划项目的通知';
const WAN = 10_000;
const ACADEMIC_AND_ENTERPRISE = ['enterprise', 'university', 'institute'] as const;
const HK_MO_TW_CODES = HK_MO_TW.map((c) => c.iso2);
const NEEDS_ENTERPRISE = '牵头申报单位为高校、科研机构的，必须联合至少 1 家江苏企业参与。';
const AGREEMENTS =
  '“一带一路”创新合作项目、双边创新合作项目、重点国别产业技术研发合作项目、港澳台科技合作项目的境内外合作双方机构须就合作项目已签署合作协议或合作意向书等文件，如有境内合作单位，申报单位也须与境内合作单位签署合作协议或合作意向书。';

const ETHICS_PLEDGE =
  '项目合作内容和方式符合我国及各合作机构所在国家（地区、国际组织）有关法律法规和科技伦理相关规定；研究涉及人体、实验动物、人工智能等属于《科技伦理审查办法（试行）》（国科发监〔2023〕167号）第二条所列范围科技活动的，按要求进行科技伦理审查。';

const notApplicable = (clause: string, quote: string) => cite(false, clause, quote);

function cooperationTopic(
  clause: string,
  label: string,
  terms: Pick<StreamTerms, 'applicantKinds' | 'keyFields' | 'partner'> &
    Partial<Pick<StreamTerms, 'open' | 'academicLeadNeedsJiangsuEnterprise' | 'documents'>>,
): StreamTerms {
  return {
    label,
    clause,
    open: terms.open ?? cite(true, clause, label),
    directedOnly: notApplicable(clause, '自由申报'),
    academicLeadNeedsJiangsuEnterprise:
      terms.academicLeadNeedsJiangsuEnterprise ?? cite(true, clause, NEEDS_ENTERPRISE),
    funding: cite(
      { cap: 80 * WAN, share: { percent: 50, base: 'jiangsuTotal' } },
      clause,
      '省资助经费每项原则上不超过 80 万元，且不超过项目江苏方总预算的 50%。',
    ),
    applicantKinds: terms.applicantKinds,
    keyFields: terms.keyFields,
    partner: terms.partner,
    documents: terms.documents ?? {
      agreements: cite(true, '二、2', AGREEMENTS),
      jointLab: null,
      platformProof: notApplicable('二、2', ''),
    },
  };
}

function platformDirection(
  label: string,
  terms: Partial<StreamTerms> & Pick<StreamTerms, 'funding'>,
): StreamTerms {
  return {
    label,
    clause: '一、专题一',
    open: cite(true, '一、专题一', label),
    directedOnly: terms.directedOnly ?? notApplicable('一、专题一', ''),
    applicantKinds: terms.applicantKinds ?? null,
    academicLeadNeedsJiangsuEnterprise: notApplicable('一、专题一', ''),
    funding: terms.funding,
    keyFields: null,
    partner: null,
    documents: {
      agreements: notApplicable('二、2', ''),
      jointLab: null,
      platformProof: terms.documents?.platformProof ?? notApplicable('二、2', ''),
    },
  };
}

const PLATFORM_PROOF = cite(true, '二、2', '科技创新合作平台建设项目须提供平台设立的证明文件。');

export const JS_INTL_2026: CallParameters = {
  id: 'JS-INTL-2026',
  name: '2026年度省国际科技合作/港澳台科技合作计划',
  notice: {
    number: cite(NUMBER, '文号', NUMBER),
    title: cite(TITLE, '标题', TITLE),
    publishedOn: cite('2026-03-30', '落款', '江苏省科学技术厅 江苏省财政厅 2026 年 3 月 30 日'),
  },
  utcOffset: '+08:00',
  deadlines: {
    opens: cite('2026-03-30T00:00:00+08:00', CENTRE_CONFIGURATION, '通知发布之日起开放网上填报'),
    submission: cite(
      '2026-05-18T17:30:00+08:00',
      '三、3',
      '项目申报材料网上填报截止时间为 2026 年 5 月 18 日 17:30',
    ),
    recommendation: cite(
      '2026-05-20T17:30:00+08:00',
      '三、3',
      '项目主管部门网上审核推荐截止时间为 2026 年 5 月 20 日 17:30',
    ),
    paper: cite(
      '2026-05-22T17:30:00+08:00',
      '三、3',
      '推荐项目汇总表及项目主管部门科研诚信承诺书纸质材料受理截止时间为 2026 年 5 月 22 日 17:30，逾期不予受理。',
    ),
  },
  applicant: {
    registeredOnOrBefore: cite(
      '2024-12-31',
      '二、1',
      '项目申报单位须为 2024 年 12 月 31 日前在江苏省注册的独立法人机构',
    ),
    inJiangsu: cite(true, '二、1', '在江苏省注册'),
    independentLegalEntity: cite(true, '二、1', '独立法人机构'),
    piEmployedByApplicant: cite(true, '二、1', '项目负责人须为项目申报单位在职人员。'),
  },
  topics: {
    1: {
      number: 1,
      name: '重大科技开放合作平台建设项目',
      clause: '一、专题一',
      terms: {
        byDirection: {
          'big-science': platformDirection('专题一方向1 国际大科学计划推进项目', {
            directedOnly: cite(true, '一、专题一', '定向组织申报，经专家论证予以支持。'),
            funding: cite({ cap: 300 * WAN }, '一、专题一', '省资助经费每项原则上不超过 300 万元。'),
          }),
          'platform-inbound': platformDirection(
            '专题一方向2 科技创新合作平台建设项目（境外机构在我省建设）',
            {
              applicantKinds: cite(ACADEMIC_AND_ENTERPRISE, '一、专题一', '申报主体为省内企事业单位。'),
              funding: cite(
                { cap: 100 * WAN, share: { percent: 50, base: 'total' } },
                '一、专题一',
                '省资助经费每项原则上不超过 100万元，且不超过项目总预算的 50%。',
              ),
              documents: {
                agreements: notApplicable('二、2', ''),
                jointLab: null,
                platformProof: PLATFORM_PROOF,
              },
            },
          ),
          'platform-outbound': platformDirection('专题一方向2 科技创新合作平台建设项目（我省在境外建设）', {
            directedOnly: cite(true, '一、专题一', '定向组织申报，经专家论证予以支持。'),
            funding: cite(
              { cap: 200 * WAN, share: { percent: 50, base: 'total' } },
              '一、专题一',
              '省资助经费每项原则上不超过 200 万元，且不超过项目总预算的 50%。',
            ),
            documents: {
              agreements: notApplicable('二、2', ''),
              jointLab: null,
              platformProof: PLATFORM_PROOF,
            },
          }),
        },
      },
    },
    2: {
      number: 2,
      name: '“一带一路”创新合作项目',
      clause: '一、专题二',
      terms: cooperationTopic('一、专题二', '专题二“一带一路”创新合作项目', {
        applicantKinds: cite(ACADEMIC_AND_ENTERPRISE, '一、专题二', '申报主体：省内高校、科研机构和企业。'),
        keyFields: cite(
          ['空间技术', '智能制造', '新一代信息技术', '防灾减灾', '能源与环境技术', '生命健康', '智慧农业'],
          '一、专题二',
          '重点支持的技术领域：空间技术、智能制造、新一代信息技术、防灾减灾、能源与环境技术、生命健康、智慧农业等。',
        ),
        partner: {
          required: cite(true, '一、专题二', '与共建“一带一路”国家合作机构'),
          countries: cite(
            {
              allowed: BELT_AND_ROAD_COUNTRIES.map((c) => c.iso2),
              allowedName: '共建“一带一路”国家',
              key: null,
              excluded: [],
              excludedForEnterprise: [],
            },
            '一、专题二',
            '合作国别：共建“一带一路”国家（国家名单参见“中国一带一路网”）。',
          ),
          kinds: null,
        },
        documents: {
          agreements: cite(true, '二、2', AGREEMENTS),
          jointLab: cite(
            { signedOnOrBefore: '2026-03-29' },
            '二、2',
            '“一带一路”创新合作项目申报时，还应提供中外合作单位间签署的关于共建联合实验室/联合研究中心的合作文件，签署日期须早于本通知发布日期，须在有效期内，签署双方须为独立法人单位。',
          ),
          platformProof: notApplicable('二、2', ''),
        },
      }),
    },
    3: {
      number: 3,
      name: '双边创新合作项目',
      clause: '一、专题三',
      terms: cooperationTopic('一、专题三', '专题三 双边创新合作项目', {
        open: cite(
          false,
          '一、专题三',
          '申报通知由省科技厅经与相应国别计划主管部门商定项目征集工作安排后另行发布。',
        ),
        applicantKinds: cite(['enterprise'], '一、专题三', '申报主体：省内企业。'),
        academicLeadNeedsJiangsuEnterprise: notApplicable('一、专题三', ''),
        keyFields: cite(
          ['生命健康', '信息通信', '新材料', '先进制造', '绿色低碳'],
          '一、专题三',
          '重点支持的技术领域：生命健康、信息通信、新材料、先进制造、绿色低碳等。',
        ),
        partner: {
          required: cite(true, '一、专题三', '江苏企业与国外企业开展联合研发'),
          countries: null,
          kinds: cite(['enterprise'], '一、专题三', '共同支持江苏企业与国外企业开展联合研发、技术转化。'),
        },
      }),
    },
    4: {
      number: 4,
      name: '重点国别产业技术研发合作项目',
      clause: '一、专题四',
      terms: cooperationTopic('一、专题四', '专题四 重点国别产业技术研发合作项目', {
        applicantKinds: cite(ACADEMIC_AND_ENTERPRISE, '一、专题四', '申报主体：省内高校、科研机构和企业。'),
        keyFields: cite(
          ['生物医药', '新型功能材料', '智能制造装备', '氢能与新型储能', '生物制造', '智能体'],
          '一、专题四',
          '重点支持的技术领域：生物医药、新型功能材料、智能制造装备、氢能与新型储能、生物制造、智能体等。',
        ),
        partner: {
          required: cite(true, '一、专题四', '与产业技术创新能力强的机构开展联合研发'),
          countries: cite(
            {
              allowed: null,
              allowedName: '创新型国家',
              key: ['GB', 'DE', 'FI', 'NL'],
              excluded: HK_MO_TW_CODES,
              excludedForEnterprise: ['SG', 'NO'],
            },
            '一、专题四',
            '面向英国、德国、芬兰、荷兰等创新型国家……牵头申报单位为企业的，合作国别不包括新加坡、挪威。',
          ),
          kinds: null,
        },
      }),
    },
    5: {
      number: 5,
      name: '港澳台科技合作项目',
      clause: '一、专题五',
      terms: cooperationTopic('一、专题五', '专题五 港澳台科技合作项目', {
        applicantKinds: cite(ACADEMIC_AND_ENTERPRISE, '一、专题五', '申报主体：省内高校、科研机构和企业。'),
        keyFields: cite(
          ['生命健康', '人工智能', '先进材料'],
          '一、专题五',
          '重点支持的技术领域：生命健康、人工智能、先进材料等。',
        ),
        partner: {
          required: cite(true, '一、专题五', '面向港澳台地区开展跨境联合研发'),
          countries: cite(
            {
              allowed: HK_MO_TW_CODES,
              allowedName: '港澳台地区',
              key: null,
              excluded: [],
              excludedForEnterprise: [],
            },
            '一、专题五',
            '支持面向港澳台地区开展跨境联合研发、技术转移转化',
          ),
          kinds: null,
        },
      }),
    },
  },
  partnerBars: cite(
    [2, 3, 4, 5],
    '二、1',
    '主要境外合作机构不得是项目申报单位在境外设立的企业或研发机构，不得是外资在境内设立的企业或研发机构，不得是在境外避税地设立的壳公司，项目不得是企业集团境内外分支机构之间的合作。项目境外方负责人须依托本人所在境外机构与境内申报单位开展合作。',
  ),
  homeCountry: cite('CN', '二、1', '主要境外合作机构'),
  documents: {
    completeness: cite(
      ['signatures', 'seals', 'dates', 'representatives', 'duties', 'ipClause'],
      '二、2',
      '合作协议等文件应内容规范，签字、盖章、签署日期及签约各方代表的姓名、职务等信息齐全有效，各方职责分工及知识产权条款具体明确。',
    ),
    translationRequired: cite(true, '二、2', '外文合作文件须同时提供中文翻译件。'),
    integrityCommitments: cite(
      ['integrity-commitment-unit', 'integrity-commitment-pi'],
      '二、4',
      '项目负责人、项目申报单位和项目主管部门均须签署科研诚信承诺书。',
    ),
    signedForms: cite(
      ['info-form', 'application-form'],
      '三、1',
      '项目信息表、项目申报书按要求完成签字盖章手续，扫描形成 PDF 格式上传。',
    ),
    otherAttachments: cite(true, '三、1', '其他项目附件材料应传尽传。'),
    signedScans: cite(
      {
        'info-form': ['signatures', 'seals'],
        'application-form': ['signatures', 'seals'],
        'integrity-commitment-unit': ['signatures', 'seals', 'dates'],
        'integrity-commitment-pi': ['signatures', 'dates'],
      },
      '三、1',
      '项目信息表、项目申报书按要求完成签字盖章手续，扫描形成 PDF 格式上传。项目申报单位及项目负责人科研诚信承诺书签字扫描后，以附件形式上传。',
    ),
  },
  commitments: cite(
    {
      creditRules: '《江苏省科技计划项目信用管理办法》',
      pledges: {
        unit: [
          '本单位诚信状况良好，无在惩戒执行期内的科研失信行为记录和其他社会领域严重失信行为记录。',
          '本单位对申报材料的真实性和合法性负有法人主体责任，所提交的申报材料真实、准确、完整，不存在虚报项目、虚假出资、虚构事实及包装项目等弄虚作假行为。',
          '在项目申报和立项过程中，不存在抄袭剽窃、弄虚作假、侵犯他人知识产权等失信行为。',
          ETHICS_PLEDGE,
          '不将同一项目（依托同一建设内容、同一关键技术等同一核心内容编制的不同项目）重复或同时申报省有关部门项目；申报材料不含涉密内容。',
          '严格落实廉政风险防控要求，不以“打招呼”“走关系”等请托行为谋取项目立项。',
        ],
        pi: [
          '本人诚信状况良好，无在惩戒执行期内的科研失信行为记录和其他社会领域严重失信行为记录。',
          '本人提供的申报材料真实、准确、完整，不存在虚报项目、虚构事实及包装项目等弄虚作假行为；在项目申报和立项过程中，不存在抄袭剽窃、弄虚作假、侵犯他人知识产权等失信行为。',
          ETHICS_PLEDGE,
          '本人同一年度只申报一项省科技计划项目，且无在研省科技计划项目（定向组织项目除外）；不将同一项目重复或同时申报省有关部门项目。',
          '严格落实廉政风险防控要求，不以“打招呼”“走关系”等请托行为谋取项目立项。',
        ],
        department: [
          '严格按照通知要求，对所推荐项目申报材料的真实性、完整性和合规性进行审核把关，不推荐不符合申报条件的项目。',
          '对项目申报单位运营状况及信用情况、项目负责人信用情况进行核实，不推荐在惩戒执行期内存在科研严重失信行为记录和其他社会领域严重失信行为记录的单位和个人。',
          '严格执行推荐限额，不超额推荐；单独推荐名额仅用于符合条件的平台和省重点培育的领军企业。',
          '在主管部门审核推荐截止前完成审核并网上确认提交推荐名单，确认提交后不再退回重报。',
          '严格落实廉政风险防控要求，审核推荐过程公开公正，不接受“打招呼”“走关系”等请托。',
        ],
      },
    },
    '二、4',
    '全面实施科研诚信承诺制。项目负责人、项目申报单位和项目主管部门均须签署科研诚信承诺书。……在项目申报和立项过程中相关责任主体有抄袭剽窃、弄虚作假、侵犯他人知识产权等失信行为的，将按《江苏省科技计划项目信用管理办法》作出相应处理。',
  ),
  limits: {
    perEnterprise: cite(
      { max: 1, exemptPrograms: ['natural-science-fund'] },
      '二、3',
      '除省自然科学基金项目外，同一企业同一年度只能申报一项省科技计划项目（定向组织项目除外）。',
    ),
    enterpriseOngoingBar: cite(
      ['intl-coop', 'frontier-tech', 'major-special'],
      '二、3',
      '有在研省国际科技合作/港澳台科技合作计划、省前沿技术研发计划和省科技重大专项在研项目的企业，不得申报本计划项目（定向组织项目除外）。',
    ),
    piOngoingBar: cite(
      { maxOngoing: 0 },
      '二、3',
      '有在研省科技计划项目的负责人，不得牵头申报 2026 年省科技计划项目（定向组织项目除外）。',
    ),
    perPi: cite({ max: 1 }, '二、3', '同一项目负责人同一年度只能申报一项省科技计划项目。'),
    perInstitution: cite(
      { topics: [2], kinds: ['university', 'institute'], max: 3 },
      '二、3',
      '对于“一带一路”创新合作项目，每家高校、科研机构限报 3 项',
    ),
    duplicates: cite(
      { errorAt: 0.8, warnAt: 0.5, minCodePoints: 8 },
      '二、3',
      '不得将同一项目（依托同一建设内容、同一关键技术等同一核心内容编制的不同项目，视为同一项目）重复或同时申报省科技厅、省发展改革委、省工业和信息化厅、省商务厅、省文化和旅游厅、省体育局等部门项目。',
    ),
  },
  quotas: cite(
    {
      topics: [4, 5],
      byDepartmentKind: { university: 3, 'national-hitech-zone': 3, 'provincial-hitech-zone': 1, city: 6 },
      countiesCountAgainstCity: true,
    },
    '二、3',
    '对于重点国别产业技术研发合作项目及港澳台科技合作项目合并推荐申报数，部省属本科高校每家不超过 3 项，国家高新区不超过 3 项，省级高新区不超过 1 项，各设区市不超过 6 项（含县（市）等其他项目主管部门的推荐指标，不包括部省属本科高校、国家及省级高新区指标）',
  ),
  separateSlots: cite(
    [
      {
        topics: [4, 5],
        platforms: [
          'intl-coop-base',
          'national-lab',
          'provincial-lab',
          'national-key-lab',
          'provincial-key-lab',
          'leading-enterprise',
        ],
        barredByOngoing: ['intl-coop'],
        perApplicant: 1,
        label: '专题四、五单独推荐名额',
      },
      {
        topics: [2],
        platforms: ['belt-road-joint-lab'],
        barredByOngoing: ['intl-coop'],
        perApplicant: 1,
        label: '专题二单独推荐名额',
      },
    ],
    '二、3',
    '科技部批复建设的“一带一路”联合实验室予以单独推荐名额 1 项……科技部国际科技合作基地、国家及省实验室、全国及省重点实验室、省重点培育的领军企业予以单独推荐名额 1 项，但有在研省国际科技合作/港澳台科技合作计划项目的不再申报。',
  ),
  integrity: {
    dishonestyBars: cite(
      true,
      '二、4',
      '项目申报单位和个人诚信状况良好，无在惩戒执行期内的科研失信行为记录和其他社会领域严重失信行为记录。',
    ),
    reviewRequired: cite(
      ['humanSubjects', 'labAnimals', 'ai'],
      '二、4',
      '研究涉及人体、实验动物、人工智能等属于《科技伦理审查办法（试行）》第二条所列范围科技活动的项目，应按要求进行科技伦理审查。',
    ),
    toBeNoted: cite(
      ['humanGeneticResources', 'germplasm'],
      '二、4',
      '是否涉及人类遗传资源、种质资源等方面合作及科技伦理事项（请注明涉及类型）',
    ),
  },
  classifiedRefused: cite(true, '二、5', '本计划不受理涉密项目，申报材料中有涉密内容的须作脱密处理后再申报'),
  largeInstruments: cite(
    true,
    '二、7',
    '对确有需要利用财政资金或国有资本购置大型科学仪器的项目，申报单位应说明所购置大型科学仪器的必要性并承诺遵守查重评议、开放共享等有关规定要求。',
  ),
  content: cite(
    {
      maxDurationMonths: 36,
      earliestStart: '2026-07',
      abstractMax: 300,
      keywords: { min: 3, max: 5 },
      sectionLimits: {
        rationale: 5000,
        cooperationBasis: 3000,
        researchPlan: 8000,
        innovations: 2000,
        division: 3000,
        ipOwnership: 1500,
        risks: 2000,
      },
      instrumentThreshold: 50 * WAN,
      indirectCosts: { maxPercentOfDirect: 20 },
      expertDocuments: [
        'cooperation-agreement',
        'letter-of-intent',
        'domestic-agreement',
        'domestic-letter-of-intent',
        'joint-lab-agreement',
        'platform-proof',
        'other-attachment',
      ],
    },
    CENTRE_CONFIGURATION,
    '通知未规定项目执行期、申报书各部分篇幅及大型科学仪器单价标准，以上为省科技项目管理中心对本计划的配置。',
  ),
  paper: {
    applicationCopies: cite(
      { topics: [1], copies: 7 },
      '三、1',
      '申报阶段一般不提供纸质版申报材料（重大科技开放合作平台建设项目须在申报阶段同步提交 7 份纸质申报材料）',
    ),
    departmentMaterials: cite(
      { commitmentCopies: 2 },
      '三、1',
      '项目主管部门将推荐项目汇总表（见附件）及项目主管部门科研诚信承诺书（纸质，一式两份），加盖单位公章后统一报送至南京市玄武区龙蟠路 175 号省科技项目管理中心。',
    ),
    fundedCopies: cite(
      { copies: 1, order: ['封面', '单位信息表', '项目信息表', '项目申报书', '相关附件'] },
      '三、2',
      '本年度最终确定立项的项目，由项目主管部门通知项目承担单位提交纸质申报材料一式一份，申报材料统一用 A4 纸打印装订，按封面、单位信息表、项目信息表、项目申报书、相关附件顺序装订成册（纸质封面，平装订）。',
    ),
  },
  releasedFeedback: cite(false, '三、2', '2026 年拟立项目将在江苏数字科技平台公示，未立项项目不再另行通知。'),
  review: cite(
    {
      invitationDays: 3,
      invitationReminderHours: 24,
      avoidedExpertsMax: 3,
      strictLenientZ: 1,
      appealWorkingDays: 5,
    },
    CENTRE_CONFIGURATION,
    '通知未规定专家邀请、回避专家、评分标准化及不予受理复核的办法，以上为省科技项目管理中心对本计划的配置。',
  ),
  award: cite(
    {
      issuer: '江苏省科学技术厅',
      projectNoPrefix: 'BZ2026',
      conditions: [
        '项目承担单位应在收到本通知后按要求签订项目合同（任务书），合同内容以申报书为基础，考核指标和经费预算以经审定的为准。',
        '省拨经费须专款专用，按照省级财政科研项目资金管理有关规定使用和管理。',
        '项目承担单位应按合同约定组织实施，按时报送年度执行情况，接受监督检查和验收。',
        '申报时仅有合作意向书的项目，须在签订项目合同时提供正式的合作协议文本。',
      ],
    },
    CENTRE_CONFIGURATION,
    '通知未规定立项通知书的格式与项目编号，以上为省科技项目管理中心对本计划的配置。',
  ),
  partnerConfirmation: cite(
    { linkDays: 14 },
    CENTRE_CONFIGURATION,
    '通知未规定境外合作方如何确认申报单位填报的合作机构情况，以上为省科技项目管理中心对本计划的配置：确认链接发出后 14 天内有效。',
  ),
  contacts: [
    cite(
      {
        unit: '省科技厅对外合作处',
        people: ['任晓慧', '陶飞'],
        phones: ['025-57711715', '025-57719873'],
        address: null,
      },
      '三、4',
      '联 系 人：省科技厅对外合作处 任晓慧 陶飞 联系电话：025-57711715 025-57719873',
    ),
    cite(
      {
        unit: '省科技项目管理中心',
        people: ['李彬', '陆建玲'],
        phones: ['025-85485926', '025-85485922'],
        address: cite(
          '南京市玄武区龙蟠路 175 号',
          '三、1',
          '加盖单位公章后统一报送至南京市玄武区龙蟠路 175 号省科技项目管理中心。',
        ),
      },
      '三、4',
      '联 系 人：省科技项目管理中心 李彬 陆建玲 联系电话：025-85485926 025-85485922',
    ),
  ],
};

import type {
  DepartmentKind,
  Direction,
  DocumentKind,
  OrganizationKind,
  Platform,
  TopicNumber,
} from './bundle/schema.js';
import type {
  ExpenditureKey,
  GENDERS,
  ID_TYPES,
  IndicatorKey,
  JustifiedHeading,
  SourceKey,
} from './application/content.js';

// Chinese names of the bundle's enumerations, shared by messages, reports and forms.

export const TOPIC_LABELS: Record<TopicNumber, string> = {
  1: '专题一',
  2: '专题二',
  3: '专题三',
  4: '专题四',
  5: '专题五',
};

export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, string> = {
  enterprise: '企业',
  university: '高校',
  institute: '科研机构',
  other: '其他单位',
};

export const DEPARTMENT_KIND_LABELS: Record<DepartmentKind, string> = {
  city: '设区市科技局',
  county: '县（市）科技局',
  'national-hitech-zone': '国家高新区',
  'provincial-hitech-zone': '省级高新区',
  university: '部省属本科高校',
  'provincial-agency': '省有关部门和单位',
};

export const DIRECTION_LABELS: Record<Direction, string> = {
  'big-science': '方向1 国际大科学计划推进项目',
  'platform-inbound': '方向2 科技创新合作平台建设项目（境外机构在我省建设）',
  'platform-outbound': '方向2 科技创新合作平台建设项目（我省在境外建设）',
};

export const PLATFORM_LABELS: Record<Platform, string> = {
  'intl-coop-base': '科技部国际科技合作基地',
  'national-lab': '国家实验室',
  'provincial-lab': '省实验室',
  'national-key-lab': '全国重点实验室',
  'provincial-key-lab': '省重点实验室',
  'leading-enterprise': '省重点培育的领军企业',
  'belt-road-joint-lab': '科技部批复建设的“一带一路”联合实验室',
};

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  'cooperation-agreement': '合作协议',
  'letter-of-intent': '合作意向书',
  'domestic-agreement': '境内合作协议',
  'domestic-letter-of-intent': '境内合作意向书',
  'joint-lab-agreement': '共建联合实验室/联合研究中心合作文件',
  'platform-proof': '平台设立证明文件',
  'integrity-commitment-unit': '项目申报单位科研诚信承诺书',
  'integrity-commitment-pi': '项目负责人科研诚信承诺书',
  'application-form': '项目申报书',
  'info-form': '项目信息表',
  'ethics-approval': '伦理审查批件',
  'genetic-resources-permit': '人类遗传资源/种质资源行政许可或备案',
  'other-attachment': '其他附件',
};

export const COMPLETENESS_LABELS = {
  signatures: '签字',
  seals: '盖章',
  dates: '签署日期',
  representatives: '签约各方代表姓名职务',
  duties: '各方职责分工',
  ipClause: '知识产权条款',
} as const;

export const ETHICS_LABELS = {
  humanSubjects: '涉及人体研究',
  labAnimals: '涉及实验动物',
  ai: '涉及人工智能',
  humanGeneticResources: '涉及人类遗传资源',
  germplasm: '涉及种质资源',
  reviewApproved: '已通过科技伦理审查',
} as const;

export const ONGOING_PROGRAM_LABELS = {
  'intl-coop': '省国际科技合作/港澳台科技合作计划',
  'frontier-tech': '省前沿技术研发计划',
  'major-special': '省科技重大专项',
  other: '其他省科技计划',
} as const;

// The 申报书's own enumerations (src/core/application/content.ts).

export const GENDER_LABELS: Record<(typeof GENDERS)[number], string> = { male: '男', female: '女' };

export const ID_TYPE_LABELS: Record<(typeof ID_TYPES)[number], string> = {
  'resident-id': '居民身份证',
  passport: '护照',
  'hk-mo-permit': '港澳居民来往内地通行证',
  'tw-permit': '台湾居民来往大陆通行证',
  'foreigner-permit': '外国人永久居留身份证',
};

/** 考核指标, each with the unit its figure is in. */
export const INDICATOR_LABELS: Record<IndicatorKey, { label: string; unit: string }> = {
  patentsFiled: { label: '申请发明专利', unit: '件' },
  patentsGranted: { label: '授权发明专利', unit: '件' },
  papers: { label: '发表论文', unit: '篇' },
  standards: { label: '制定标准', unit: '项' },
  newProducts: { label: '开发新产品（新技术、新工艺）', unit: '项' },
  talentTrained: { label: '培养人才', unit: '人' },
  salesRevenue: { label: '新增销售收入', unit: '万元' },
  foreignExperts: { label: '引进境外专家', unit: '人' },
};

export const SOURCE_LABELS: Record<SourceKey, string> = {
  provincial: '省拨款',
  selfRaised: '自筹',
  other: '其他',
};

export const EXPENDITURE_LABELS: Record<ExpenditureKey, string> = {
  equipmentPurchase: '设备购置费',
  equipmentTrial: '设备试制费',
  equipmentLease: '设备改造与租赁费',
  business: '业务费',
  labour: '劳务费',
  indirect: '间接费用',
};

export const JUSTIFIED_HEADING_LABELS: Record<JustifiedHeading, string> = {
  equipment: '设备费',
  business: '业务费',
  labour: '劳务费',
  indirect: '间接费用',
};

export function listZh(items: readonly string[]): string {
  return items.join('、');
}

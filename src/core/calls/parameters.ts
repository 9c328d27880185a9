import { TOPICS } from '../bundle/schema.js';
import type {
  CompletenessFlag,
  DepartmentKind,
  Direction,
  DocumentKind,
  EthicsFlag,
  OngoingProgram,
  OrganizationKind,
  Platform,
  TopicNumber,
} from '../bundle/schema.js';
import type { SectionKey } from '../application/content.js';

// A call as data, in the manner of OpenFisca's parameters: every value carries the clause of the
// notice it comes from and the words it encodes. Rule code reads values from here and holds none.

/** The notice's own numbering: `一、专题二`, `二、3`, `三、3`. */
export type Clause = string;

export interface Cited<T> {
  readonly value: T;
  readonly clause: Clause;
  /** The notice's words this value encodes. */
  readonly quote: string;
}

export function cite<T>(value: T, clause: Clause, quote: string): Cited<T> {
  return { value, clause, quote };
}

export interface FundingTerms {
  /** 省资助经费上限, yuan. */
  cap: number;
  /** 且不超过项目（江苏方）总预算的 percent %, when present. */
  share?: { percent: number; base: 'total' | 'jiangsuTotal' };
}

export interface CountryTerms {
  /** ISO codes a partner must be in; `null` when any country is allowed. */
  allowed: readonly string[] | null;
  /** Name of the `allowed` list, for messages (e.g. 共建“一带一路”国家). */
  allowedName: string;
  /** The named key countries; another allowed country is then a warning. `null`: no such list. */
  key: readonly string[] | null;
  /** Never allowed in this stream (e.g. HK/MO/TW under 专题四, which is 专题五's). */
  excluded: readonly string[];
  /** Not allowed when the lead applicant is an enterprise. */
  excludedForEnterprise: readonly string[];
}

export interface JointLabTerms {
  /** 签署日期须早于本通知发布日期: signed on or before this date. */
  signedOnOrBefore: string;
}

/** What a topic (or, in 专题一, a direction) asks of an application. */
export interface StreamTerms {
  /** e.g. 专题二“一带一路”创新合作项目. */
  label: string;
  clause: Clause;
  /** 专题三 另行发布: this notice opens no application under it. */
  open: Cited<boolean>;
  /** 定向组织申报: a non-directed application is refused. */
  directedOnly: Cited<boolean>;
  /** 申报主体; `null` when the notice names none. */
  applicantKinds: Cited<readonly OrganizationKind[]> | null;
  /** 牵头申报单位为高校、科研机构的，必须联合至少 1 家江苏企业参与. */
  academicLeadNeedsJiangsuEnterprise: Cited<boolean>;
  funding: Cited<FundingTerms>;
  /** 重点支持的技术领域 (a priority: another field is a warning). */
  keyFields: Cited<readonly string[]> | null;
  /** 主要境外合作机构 and 合作国别; `null` when the stream has no foreign-partner terms. */
  partner: {
    required: Cited<boolean>;
    countries: Cited<CountryTerms> | null;
    /** What the partner must be (专题三's notice: 国外企业); `null` when the stream says nothing of it. */
    kinds: Cited<readonly OrganizationKind[]> | null;
  } | null;
  documents: {
    /** 境内外合作双方机构须就合作项目已签署合作协议或合作意向书 (and with each domestic partner). */
    agreements: Cited<boolean>;
    jointLab: Cited<JointLabTerms> | null;
    /** 须提供平台设立的证明文件. */
    platformProof: Cited<boolean>;
  };
}

export interface TopicTerms {
  number: TopicNumber;
  name: string;
  clause: Clause;
  /** Topic-level terms, or per direction (专题一). */
  terms: StreamTerms | { byDirection: Readonly<Record<Direction, StreamTerms>> };
}

export interface SeparateSlotTerms {
  topics: readonly TopicNumber[];
  platforms: readonly Platform[];
  /** An applicant with an ongoing project of these programs no longer gets the slot. */
  barredByOngoing: readonly OngoingProgram[];
  perApplicant: number;
  label: string;
}

/** Who signs a 科研诚信承诺书 (二、4). */
export type CommitmentSigner = 'unit' | 'pi' | 'department';

export interface CommitmentTerms {
  /** The rules a breach is handled under, e.g. 《江苏省科技计划项目信用管理办法》. */
  creditRules: string;
  /** What each signer pledges: the notice's duties restated in the first person. */
  pledges: Readonly<Record<CommitmentSigner, readonly string[]>>;
}

/** A 联系人 line of the notice: the unit, its people and phones, and where it receives paper if the notice says. */
export interface ContactTerms {
  unit: string;
  people: readonly string[];
  phones: readonly string[];
  /** `null`: the notice gives the unit no address. */
  address: Cited<string> | null;
}

/**
 * The clause of a value the notice does not set (duration, section lengths, the instrument threshold): the
 * 省科技项目管理中心's configuration of the call, cited as such and never as the notice's words.
 */
export const CENTRE_CONFIGURATION: Clause = '中心配置';

/** What the 申报书 holds and how long it may be (CENTRE_CONFIGURATION). */
export interface ContentTerms {
  /** The project's period, start to end month inclusive, at most this many months. */
  maxDurationMonths: number;
  /** The project may not start before this month (YYYY-MM). */
  earliestStart: string;
  abstractMax: number;
  keywords: { min: number; max: number };
  /** Characters per section of the 申报书. */
  sectionLimits: Readonly<Record<SectionKey, number>>;
  /** 大型科学仪器 of 二、7: a unit price at or above this, yuan. */
  instrumentThreshold: number;
  /** 间接费用: `null` when the call allows none; else its cap as a percentage of the direct costs. */
  indirectCosts: { maxPercentOfDirect: number } | null;
  /** The documents an expert may open beside the 申报书. */
  expertDocuments: readonly DocumentKind[];
}

/** 专家评审 through 复核 (CENTRE_CONFIGURATION): the notice sets none of it. */
export interface ReviewTerms {
  /** An invited expert accepts or declines within this many days of the invitation. */
  invitationDays: number;
  /** An unanswered invitation is reminded this many hours before it expires. */
  invitationReminderHours: number;
  /** 回避专家: how many experts an applicant may name, each with a reason. */
  avoidedExpertsMax: number;
  /** An expert whose mean score lies this many standard deviations from the panel's is flagged strict or lenient. */
  strictLenientZ: number;
  /** 复核: working days, from the day 不予受理 is made known, within which the applicant may ask for a re-check. */
  appealWorkingDays: number;
}

/** 立项通知书 and the contract stage (CENTRE_CONFIGURATION). */
export interface AwardTerms {
  /** Who issues the 立项通知书. */
  issuer: string;
  /** 项目编号: this prefix and a serial number. */
  projectNoPrefix: string;
  /** The conditions the 立项通知书 states, in order. */
  conditions: readonly string[];
}

/** A foreign partner confirming its own facts (CENTRE_CONFIGURATION): the notice sets none of it. */
export interface PartnerConfirmationTerms {
  /** The confirmation link sent to the partner's PI is valid for this many days. */
  linkDays: number;
}

/** Paper the notice asks for, and what the province's register of receipts reads. */
export interface PaperTerms {
  /** 重大科技开放合作平台建设项目须在申报阶段同步提交 N 份纸质申报材料: due with the online submission. */
  applicationCopies: Cited<{ topics: readonly TopicNumber[]; copies: number }>;
  /** 推荐项目汇总表 and 项目主管部门科研诚信承诺书（一式 N 份）, due by `deadlines.paper`. */
  departmentMaterials: Cited<{ commitmentCopies: number }>;
  /** 立项项目 send N bound copies, in this order, when the department tells them. */
  fundedCopies: Cited<{ copies: number; order: readonly string[] }>;
}

export interface CallParameters {
  id: string;
  name: string;
  notice: { number: Cited<string>; title: Cited<string>; publishedOn: Cited<string> };
  /** Every deadline and every "date of" is read at this UTC offset (Beijing time). */
  utcOffset: '+08:00';
  deadlines: {
    /** Online submission opens: nothing is submitted before this instant. */
    opens: Cited<string>;
    /** Online submission closes; a submission at this instant is late. */
    submission: Cited<string>;
    recommendation: Cited<string>;
    paper: Cited<string>;
  };
  applicant: {
    /** 2024 年 12 月 31 日前在江苏省注册: on or before this date. */
    registeredOnOrBefore: Cited<string>;
    inJiangsu: Cited<boolean>;
    independentLegalEntity: Cited<boolean>;
    piEmployedByApplicant: Cited<boolean>;
  };
  topics: Readonly<Record<TopicNumber, TopicTerms>>;
  /** 主要境外合作机构不得是…: the partner bars of 二、1 apply to these topics. */
  partnerBars: Cited<readonly TopicNumber[]>;
  /** The partner is 境外: its country may not be this one, in any topic. */
  homeCountry: Cited<string>;
  documents: {
    completeness: Cited<readonly CompletenessFlag[]>;
    translationRequired: Cited<boolean>;
    integrityCommitments: Cited<readonly DocumentKind[]>;
    /** 三、1: the platform's forms, signed and sealed, scanned and uploaded. */
    signedForms: Cited<readonly DocumentKind[]>;
    /** 三、1: 其他项目附件材料应传尽传 — offered for upload, never required. */
    otherAttachments: Cited<boolean>;
    /**
     * 三、1: what the scan of a signed document must show, by kind (the forms, the commitments); the agreements answer
     * `completeness`, any other kind is asked only to be there.
     */
    signedScans: Cited<Readonly<Partial<Record<DocumentKind, readonly CompletenessFlag[]>>>>;
  };
  commitments: Cited<CommitmentTerms>;
  limits: {
    /** 同一企业同一年度只能申报一项; external submissions to these programs do not count. */
    perEnterprise: Cited<{ max: number; exemptPrograms: readonly string[] }>;
    enterpriseOngoingBar: Cited<readonly OngoingProgram[]>;
    /** 有在研省科技计划项目的负责人，不得牵头申报. */
    piOngoingBar: Cited<{ maxOngoing: number }>;
    perPi: Cited<{ max: number }>;
    /** 每家高校、科研机构限报 3 项 (专题二). */
    perInstitution: Cited<{
      topics: readonly TopicNumber[];
      kinds: readonly OrganizationKind[];
      max: number;
    }>;
    duplicates: Cited<{ errorAt: number; warnAt: number; minCodePoints: number }>;
  };
  quotas: Cited<{
    topics: readonly TopicNumber[];
    byDepartmentKind: Readonly<Partial<Record<DepartmentKind, number>>>;
    /** A county's recommendations count against its city's quota. */
    countiesCountAgainstCity: boolean;
  }>;
  separateSlots: Cited<readonly SeparateSlotTerms[]>;
  integrity: {
    dishonestyBars: Cited<boolean>;
    reviewRequired: Cited<readonly EthicsFlag[]>;
    toBeNoted: Cited<readonly EthicsFlag[]>;
  };
  classifiedRefused: Cited<boolean>;
  content: Cited<ContentTerms>;
  paper: PaperTerms;
  largeInstruments: Cited<boolean>;
  /** Projects not approved are told so when the 公示 is published; false: 未立项项目不再另行通知. */
  releasedFeedback: Cited<boolean>;
  review: Cited<ReviewTerms>;
  award: Cited<AwardTerms>;
  partnerConfirmation: Cited<PartnerConfirmationTerms>;
  /** 联系人、联系电话: whom the public reaches with an objection to a 公示, as the notice names no other. */
  contacts: readonly Cited<ContactTerms>[];
}

/** The terms of the stream an application falls in, or `undefined` for 专题一 without a direction. */
export function streamOf(
  call: CallParameters,
  topic: TopicNumber,
  direction: Direction | undefined,
): StreamTerms | undefined {
  const terms = call.topics[topic].terms;
  if ('byDirection' in terms) return direction === undefined ? undefined : terms.byDirection[direction];
  return terms;
}

/** A topic's streams: its directions (专题一), or the topic itself. */
export function streamsOf(topic: TopicTerms): StreamTerms[] {
  return 'byDirection' in topic.terms ? Object.values(topic.terms.byDirection) : [topic.terms];
}

/** A stream of the call (a topic, or a direction of 专题一) and its place in the call document. */
export interface CallStream {
  topic: TopicNumber;
  /** `null`: a topic without directions. */
  direction: Direction | null;
  /** `['topics', 1, 'terms', 'byDirection', 'big-science']`, `['topics', 2, 'terms']`. */
  path: (string | number)[];
  terms: StreamTerms;
}

/** Every stream of the call, open or closed, in the notice's order. */
export function callStreams(call: Pick<CallParameters, 'topics'>): CallStream[] {
  return TOPICS.flatMap((topic): CallStream[] => {
    const terms = call.topics[topic].terms;
    if (!('byDirection' in terms))
      return [{ topic, direction: null, path: ['topics', topic, 'terms'], terms }];
    return (Object.keys(terms.byDirection) as Direction[]).map((direction) => ({
      topic,
      direction,
      path: ['topics', topic, 'terms', 'byDirection', direction],
      terms: terms.byDirection[direction],
    }));
  });
}

/** The topics in which the call opens at least one stream, in the notice's order. */
export function openTopics(call: CallParameters): TopicNumber[] {
  return TOPICS.filter((t) => streamsOf(call.topics[t]).some((s) => s.open.value));
}

/** The terms an application is judged by: its stream's, or `undefined` when the topic is closed (另行发布). */
export function openStreamOf(
  call: CallParameters,
  topic: TopicNumber,
  direction: Direction | undefined,
): StreamTerms | undefined {
  const stream = streamOf(call, topic, direction);
  return stream?.open.value ? stream : undefined;
}

/** A copy of a call under a new id and name with other deadlines (e.g. a practice call). */
export function withDeadlines(
  call: CallParameters,
  id: string,
  name: string,
  deadlines: { submission: string; recommendation: string; paper: string },
): CallParameters {
  return {
    ...call,
    id,
    name,
    deadlines: {
      opens: call.deadlines.opens,
      submission: { ...call.deadlines.submission, value: deadlines.submission },
      recommendation: { ...call.deadlines.recommendation, value: deadlines.recommendation },
      paper: { ...call.deadlines.paper, value: deadlines.paper },
    },
  };
}

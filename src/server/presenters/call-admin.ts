import { DIRECTIONS, TOPICS, type TopicNumber } from '../../core/bundle/schema.js';
import type { CallParameters, Cited, StreamTerms } from '../../core/calls/parameters.js';
import {
  COMPLETENESS_LABELS,
  DEPARTMENT_KIND_LABELS,
  DOCUMENT_KIND_LABELS,
  ETHICS_LABELS,
  listZh,
  ONGOING_PROGRAM_LABELS,
  ORGANIZATION_KIND_LABELS,
  PLATFORM_LABELS,
  TOPIC_LABELS,
} from '../../core/labels.js';
import { countryName } from '../../core/reference/countries.js';
import { formatBeijing, toBeijingIso } from '../../core/time.js';
import type { CallSnapshot, CallVersionRow } from '../repositories/calls.js';
import type {
  AdminCallDto,
  CallParametersDto,
  CallVersionDto,
  CitedItemDto,
} from '../../contract/province-calls.js';
import { snapshotOf } from '../services/call-admin.js';
import type { CallView } from '../services/calls.js';

// A call's parameters as the province reads them: each value in words, beside its clause and the notice's words.
// Values the notice does not set for a stream (cited with empty words) are left out.

const WAN = 10_000;
const yuan = (amount: number) => `${amount / WAN} 万元`;
const yesNo = (value: boolean) => (value ? '是' : '否');
const names = (codes: readonly string[]) => listZh(codes.map(countryName));

function item<T>(
  label: string,
  cited: Cited<T> | null | undefined,
  value: (v: T) => string,
  countries?: (v: T) => readonly string[] | null,
): CitedItemDto[] {
  if (!cited || cited.quote === '') return [];
  const codes = countries?.(cited.value);
  return [
    {
      label,
      value: value(cited.value),
      clause: cited.clause,
      quote: cited.quote,
      ...(codes ? { countries: codes.map((code) => ({ code, name: countryName(code) })) } : {}),
    },
  ];
}

function streamItems(terms: StreamTerms): CitedItemDto[] {
  const countries = terms.partner?.countries;
  return [
    ...item('是否开放申报', terms.open, (open) => (open ? '开放' : '本通知不受理（另行发布）')),
    ...item('定向组织', terms.directedOnly, yesNo),
    ...item('申报主体', terms.applicantKinds, (kinds) =>
      listZh(kinds.map((k) => ORGANIZATION_KIND_LABELS[k])),
    ),
    ...item('高校、科研机构牵头须联合江苏企业', terms.academicLeadNeedsJiangsuEnterprise, yesNo),
    ...item('省资助经费上限', terms.funding, ({ cap }) => yuan(cap)),
    ...item(
      '省资助经费比例',
      terms.funding.value.share ? terms.funding : null,
      ({ share }) =>
        `不超过${share!.base === 'total' ? '项目总预算' : '项目江苏方总预算'}的 ${share!.percent}%`,
    ),
    ...item('重点支持的技术领域', terms.keyFields, listZh),
    ...item('须有主要境外合作机构', terms.partner?.required, yesNo),
    ...item(
      '合作国别（地区）',
      countries,
      (c) =>
        [
          c.allowed ? `限${c.allowedName}（${c.allowed.length} 个）` : `${c.allowedName}，不限国别`,
          c.key ? `重点国别：${names(c.key)}` : '',
          c.excluded.length > 0 ? `不含${names(c.excluded)}` : '',
          c.excludedForEnterprise.length > 0 ? `企业牵头不含${names(c.excludedForEnterprise)}` : '',
        ]
          .filter(Boolean)
          .join('；'),
      (c) => c.allowed,
    ),
    ...item('须签署合作协议或合作意向书', terms.documents.agreements, yesNo),
    ...item(
      '共建联合实验室/联合研究中心合作文件',
      terms.documents.jointLab,
      ({ signedOnOrBefore }) => `须提供，签署日期不晚于 ${signedOnOrBefore}`,
    ),
    ...item('平台设立证明文件', terms.documents.platformProof, (v) => (v ? '须提供' : '无须提供')),
  ];
}

function topicItems(call: CallParameters, topic: TopicNumber): CitedItemDto[] {
  const { perInstitution } = call.limits;
  const quotas = call.quotas.value.topics.includes(topic) ? call.quotas : null;
  const slots = call.separateSlots.value.filter((s) => s.topics.includes(topic));
  return [
    ...item(
      '合作方限制（二、1）',
      call.partnerBars.value.includes(topic) ? call.partnerBars : null,
      () => '适用',
    ),
    ...item(
      '每家高校、科研机构限报',
      perInstitution.value.topics.includes(topic) ? perInstitution : null,
      ({ max }) => `${max} 项`,
    ),
    ...item(
      `推荐限额（${listZh(call.quotas.value.topics.map((t) => TOPIC_LABELS[t]))}合并）`,
      quotas,
      ({ byDepartmentKind }) =>
        Object.entries(byDepartmentKind)
          .map(
            ([kind, max]) =>
              `${DEPARTMENT_KIND_LABELS[kind as keyof typeof DEPARTMENT_KIND_LABELS]} ${max} 项`,
          )
          .join('；'),
    ),
    ...slots.flatMap((slot) =>
      item(
        slot.label,
        call.separateSlots,
        () =>
          `每家 ${slot.perApplicant} 项：${listZh(slot.platforms.map((p) => PLATFORM_LABELS[p]))}；有在研${listZh(slot.barredByOngoing.map((p) => ONGOING_PROGRAM_LABELS[p]))}项目的不再单列`,
      ),
    ),
  ];
}

export function presentCallParameters(call: CallParameters): CallParametersDto {
  const { deadlines, applicant, documents, limits, integrity } = call;
  const instant = (iso: string) => `${formatBeijing(Date.parse(iso))}（北京时间）`;
  return {
    notice: {
      number: call.notice.number.value,
      title: call.notice.title.value,
      publishedOn: call.notice.publishedOn.value,
    },
    deadlines: [
      ...item('网上填报截止', deadlines.submission, instant),
      ...item('主管部门网上审核推荐截止', deadlines.recommendation, instant),
      ...item('纸质材料受理截止', deadlines.paper, instant),
    ],
    general: [
      ...item('注册日期不晚于', applicant.registeredOnOrBefore, (d) => d),
      ...item('在江苏省注册', applicant.inJiangsu, yesNo),
      ...item('独立法人', applicant.independentLegalEntity, yesNo),
      ...item('项目负责人为申报单位在职人员', applicant.piEmployedByApplicant, yesNo),
      ...item('合作文件须齐全', documents.completeness, (flags) =>
        listZh(flags.map((f) => COMPLETENESS_LABELS[f])),
      ),
      ...item('外文文件须附中文翻译', documents.translationRequired, yesNo),
      ...item('科研诚信承诺书', documents.integrityCommitments, (kinds) =>
        listZh(kinds.map((k) => DOCUMENT_KIND_LABELS[k])),
      ),
      ...item('同一企业同一年度', limits.perEnterprise, ({ max }) => `限 ${max} 项（省自然科学基金除外）`),
      ...item('有在研项目的企业不得申报', limits.enterpriseOngoingBar, (programs) =>
        listZh(programs.map((p) => ONGOING_PROGRAM_LABELS[p])),
      ),
      ...item('有在研省科技计划项目的负责人', limits.piOngoingBar, () => '不得牵头申报'),
      ...item('同一项目负责人同一年度', limits.perPi, ({ max }) => `限 ${max} 项`),
      ...item(
        '重复申报',
        limits.duplicates,
        ({ errorAt, warnAt }) => `相似度 ≥ ${errorAt * 100}% 视为同一项目；≥ ${warnAt * 100}% 提示复核`,
      ),
      ...item('科研失信记录', integrity.dishonestyBars, () => '惩戒执行期内不得申报'),
      ...item('须经科技伦理审查', integrity.reviewRequired, (flags) =>
        listZh(flags.map((f) => ETHICS_LABELS[f])),
      ),
      ...item('须注明', integrity.toBeNoted, (flags) => listZh(flags.map((f) => ETHICS_LABELS[f]))),
      ...item('涉密项目', call.classifiedRefused, () => '不受理'),
      ...item('购置大型科学仪器', call.largeInstruments, () => '须说明必要性并承诺开放共享'),
      ...item('未立项项目', call.releasedFeedback, (released) => (released ? '公示时通知' : '不再另行通知')),
      ...item(
        '专家邀请',
        call.review,
        ({ invitationDays, invitationReminderHours }) =>
          `${invitationDays} 天内答复，到期前 ${invitationReminderHours} 小时提醒`,
      ),
      ...item(
        '回避专家',
        call.review,
        ({ avoidedExpertsMax }) => `每项最多 ${avoidedExpertsMax} 名，须说明理由`,
      ),
      ...item(
        '不予受理复核',
        call.review,
        ({ appealWorkingDays }) => `告知之日起 ${appealWorkingDays} 个工作日内申请`,
      ),
      ...item(
        '立项通知书',
        call.award,
        ({ issuer, projectNoPrefix }) => `${issuer}印发，项目编号以 ${projectNoPrefix} 开头`,
      ),
    ],
    topics: TOPICS.map((number) => {
      const topic = call.topics[number];
      const streams =
        'byDirection' in topic.terms
          ? DIRECTIONS.map((direction) => ({
              direction,
              terms: (topic.terms as { byDirection: Record<string, StreamTerms> }).byDirection[direction]!,
            }))
          : [{ direction: null, terms: topic.terms }];
      return {
        number,
        name: topic.name,
        clause: topic.clause,
        items: topicItems(call, number),
        streams: streams.map(({ direction, terms }) => ({
          direction,
          label: terms.label,
          items: streamItems(terms),
        })),
      };
    }),
  };
}

export function presentAdminCall({ row, parameters, open }: CallView): AdminCallDto {
  return { ...snapshotOf(row), noticeNumber: parameters.notice.number.value, open, version: row.version };
}

/** A version as listed: the document is read through its diff, not sent with every version. */
function snapshotWithoutDocument({ document: _document, ...snapshot }: CallSnapshot) {
  return snapshot;
}

export function presentCallVersion(row: CallVersionRow & { actorName: string | null }): CallVersionDto {
  return {
    version: row.version,
    change: row.change,
    snapshot: snapshotWithoutDocument(row.snapshot),
    actor: row.actorUserId ? { id: row.actorUserId, name: row.actorName ?? '' } : null,
    at: toBeijingIso(row.at.getTime()),
  };
}

import { closestGaps, completenessQuestions } from '../documents/requirements.js';
import { COMPLETENESS_LABELS, DOCUMENT_KIND_LABELS, ETHICS_LABELS, listZh } from '../labels.js';
import { formatChineseDate } from '../time.js';
import { applicationRule } from './rule.js';

// Reading: docs/reading/02-4-integrity.md
// 二、4．全面实施科研诚信承诺制。

// “项目负责人、项目申报单位和项目主管部门均须签署科研诚信承诺书。”
export const integrityCommitments = applicationRule(
  {
    id: 'documents.integrity-commitment-missing',
    severity: 'error',
    clause: '二、4',
    title: '须上传申报单位和项目负责人科研诚信承诺书',
  },
  ({ app }, emit, { call }) => {
    const rule = call.documents.integrityCommitments;
    const missing = rule.value.filter((kind) => !app.documents.some((d) => d.kind === kind));
    if (missing.length > 0) {
      emit(
        rule.clause,
        `缺少${listZh(missing.map((k) => DOCUMENT_KIND_LABELS[k]))}。请下载系统生成的承诺书，签字（盖章）后扫描上传。`,
        'documents',
      );
    }
  },
);

// “均须签署科研诚信承诺书”, and 三、1 “科研诚信承诺书签字扫描后，以附件形式上传”: the scan shows what the call asks
// of that commitment (documents.signedScans). Judged once it is uploaded; a missing one is the rule above's.
// Cites 二、4, the clause that asks for the commitments.
export const integrityCommitmentUnsigned = applicationRule(
  {
    id: 'documents.integrity-commitment-unsigned',
    severity: 'error',
    clause: '二、4',
    title: '科研诚信承诺书须签字（盖章）并注明签署日期后扫描上传',
  },
  ({ app }, emit, { call }) => {
    for (const kind of call.documents.integrityCommitments.value) {
      const fewest = closestGaps(call, app.documents, kind);
      if (!fewest) continue;
      const questions = completenessQuestions(call, kind);
      const label = (flags: readonly (keyof typeof COMPLETENESS_LABELS)[]) =>
        listZh(flags.map((f) => COMPLETENESS_LABELS[f]));
      emit(
        call.documents.integrityCommitments.clause,
        `${DOCUMENT_KIND_LABELS[kind]}缺少${label(fewest)}。请上传${label(questions)}齐全的扫描件，并在上传时逐项勾选。`,
        'documents',
      );
    }
  },
);

// “项目申报单位和个人诚信状况良好，无在惩戒执行期内的科研失信行为记录和其他社会领域严重失信行为记录。”
export const applicantDishonest = applicationRule(
  {
    id: 'integrity.applicant-dishonest',
    severity: 'error',
    clause: '二、4',
    title: '申报单位不得在失信惩戒执行期内',
  },
  ({ applicant }, emit, { call, asOfDate }) => {
    const rule = call.integrity.dishonestyBars;
    if (rule.value && applicant.dishonestyUntil !== undefined && applicant.dishonestyUntil >= asOfDate) {
      emit(
        rule.clause,
        `申报单位“${applicant.name}”有失信行为记录，惩戒执行期至${formatChineseDate(applicant.dishonestyUntil)}，期内不得申报。`,
        'applicant',
      );
    }
  },
);

export const piDishonest = applicationRule(
  {
    id: 'integrity.pi-dishonest',
    severity: 'error',
    clause: '二、4',
    title: '项目负责人不得在失信惩戒执行期内',
  },
  ({ pi }, emit, { call, asOfDate }) => {
    const rule = call.integrity.dishonestyBars;
    if (rule.value && pi.dishonestyUntil !== undefined && pi.dishonestyUntil >= asOfDate) {
      emit(
        rule.clause,
        `项目负责人${pi.name}有失信行为记录，惩戒执行期至${formatChineseDate(pi.dishonestyUntil)}，期内不得牵头申报。请更换项目负责人。`,
        'pi',
      );
    }
  },
);

// “研究涉及人体、实验动物、人工智能等……的项目，应按要求进行科技伦理审查。”
export const ethicsReview = applicationRule(
  {
    id: 'ethics.review-missing',
    severity: 'error',
    clause: '二、4',
    title: '涉及科技伦理的研究须通过伦理审查',
  },
  ({ app }, emit, { call }) => {
    const rule = call.integrity.reviewRequired;
    const involved = rule.value.filter((flag) => app.ethics[flag]);
    if (involved.length > 0 && !app.ethics.reviewApproved) {
      emit(
        rule.clause,
        `项目${listZh(involved.map((f) => ETHICS_LABELS[f]))}，须按《科技伦理审查办法（试行）》进行科技伦理审查。请完成审查并上传审查意见后勾选“已通过科技伦理审查”。`,
        'ethics',
      );
    }
  },
);

// 推荐项目汇总表：“是否涉及人类遗传资源、种质资源等方面合作及科技伦理事项（请注明涉及类型）”.
export const ethicsToNote = applicationRule(
  {
    id: 'ethics.to-be-noted',
    severity: 'warning',
    clause: '二、4',
    title: '涉及人类遗传资源、种质资源的须在汇总表中注明',
  },
  ({ app }, emit, { call }) => {
    const rule = call.integrity.toBeNoted;
    const involved = rule.value.filter((flag) => app.ethics[flag]);
    if (involved.length > 0) {
      emit(
        rule.clause,
        `项目${listZh(involved.map((f) => ETHICS_LABELS[f]))}。可以申报，主管部门须在推荐项目汇总表中注明涉及类型，并按有关规定办理审批。`,
        'ethics',
      );
    }
  },
);

export const INTEGRITY_RULES = [
  integrityCommitments,
  integrityCommitmentUnsigned,
  applicantDishonest,
  piDishonest,
  ethicsReview,
  ethicsToNote,
];

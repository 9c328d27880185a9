import { closestGaps, completenessQuestions } from '../documents/requirements.js';
import { COMPLETENESS_LABELS, DOCUMENT_KIND_LABELS, listZh } from '../labels.js';
import type { CompletenessFlag } from '../bundle/schema.js';
import { applicationRule } from './rule.js';

// Reading: docs/reading/03-1-signed-forms.md
// 三、1：“项目信息表、项目申报书按要求完成签字盖章手续，扫描形成 PDF 格式上传。”

export const signedFormMissing = applicationRule(
  {
    id: 'documents.signed-form-missing',
    severity: 'error',
    clause: '三、1',
    title: '须上传签字盖章后的项目信息表和项目申报书扫描件',
  },
  ({ app }, emit, { call }) => {
    const rule = call.documents.signedForms;
    const missing = rule.value.filter((kind) => !app.documents.some((d) => d.kind === kind));
    if (missing.length > 0) {
      const labels = listZh(missing.map((k) => DOCUMENT_KIND_LABELS[k]));
      emit(
        rule.clause,
        `缺少${labels}的签字盖章扫描件。请打印平台生成的${labels}，签字盖章后扫描形成 PDF 上传。`,
        'documents',
      );
    }
  },
);

// What the scan must show is the call's (documents.signedScans). Judged once it is uploaded; a missing one is the
// rule above's.
export const signedFormUnsigned = applicationRule(
  {
    id: 'documents.signed-form-unsigned',
    severity: 'error',
    clause: '三、1',
    title: '项目信息表、项目申报书须签字盖章后扫描上传',
  },
  ({ app }, emit, { call }) => {
    const label = (flags: readonly CompletenessFlag[]) => listZh(flags.map((f) => COMPLETENESS_LABELS[f]));
    for (const kind of call.documents.signedForms.value) {
      const fewest = closestGaps(call, app.documents, kind);
      if (!fewest) continue;
      emit(
        call.documents.signedForms.clause,
        `${DOCUMENT_KIND_LABELS[kind]}扫描件缺少${label(fewest)}。请上传${label(completenessQuestions(call, kind))}齐全的扫描件，并在上传时逐项勾选。`,
        'documents',
      );
    }
  },
);

export const SIGNED_FORM_RULES = [signedFormMissing, signedFormUnsigned];

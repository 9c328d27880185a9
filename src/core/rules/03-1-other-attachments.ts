import { applicationRule } from './rule.js';

// Reading: docs/reading/03-1-other-attachments.md
// 三、1：“其他项目附件材料应传尽传。” Such an attachment is never required, so a poorly named one cannot make the
// application ineligible; but an expert who opens 其他附件 cannot tell what it is without its caption: a warning.
export const attachmentCaptionMissing = applicationRule(
  {
    id: 'documents.attachment-caption-missing',
    severity: 'warning',
    clause: '三、1',
    title: '其他附件须注明材料名称',
  },
  ({ app }, emit, { call }) => {
    const rule = call.documents.otherAttachments;
    const unnamed = app.documents.filter((d) => d.kind === 'other-attachment' && !d.caption?.trim()).length;
    if (rule.value && unnamed > 0) {
      emit(
        rule.clause,
        `${unnamed} 份其他附件未注明材料名称，评审专家无从知道其内容。请为每份其他附件填写名称（如“检测报告”“获奖证书”）。`,
        'documents',
      );
    }
  },
);

export const OTHER_ATTACHMENT_RULES = [attachmentCaptionMissing];

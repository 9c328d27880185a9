import { applicationRule } from './rule.js';

// Reading: docs/reading/02-5-secrecy.md
// 二、5：“本计划不受理涉密项目，申报材料中有涉密内容的须作脱密处理后再申报”.
export const classified = applicationRule(
  { id: 'secrecy.classified', severity: 'error', clause: '二、5', title: '本计划不受理涉密项目' },
  ({ app }, emit, { call }) => {
    const rule = call.classifiedRefused;
    if (rule.value && app.classified) {
      emit(
        rule.clause,
        '本计划不受理涉密项目。申报材料中有涉密内容的，须作脱密处理并经主管部门审查后再申报。',
        'classified',
      );
    }
  },
);

// “申报材料中有涉密内容的须作脱密处理后再申报”: the applicant states 申报材料不含涉密内容，或已作脱密处理
// (`declassified`). Declining that statement says the materials still hold classified content: they may not be
// submitted. A classified project is refused by the rule above already, and a bundle without the statement
// (written before it existed) is not judged on it.
export const notDeclassified = applicationRule(
  {
    id: 'secrecy.not-declassified',
    severity: 'error',
    clause: '二、5',
    title: '申报材料中的涉密内容须作脱密处理后再申报',
  },
  ({ app }, emit, { call }) => {
    const rule = call.classifiedRefused;
    if (rule.value && !app.classified && app.declassified === false) {
      emit(
        rule.clause,
        '未声明申报材料不含涉密内容或已作脱密处理。申报材料中有涉密内容的，须作脱密处理并经主管部门审查后再申报；处理后请勾选该声明。',
        'declassified',
      );
    }
  },
);

export const SECRECY_RULES = [classified, notDeclassified];

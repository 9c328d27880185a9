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

export const SECRECY_RULES = [classified];

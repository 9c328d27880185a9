import { addTranslations } from '../../app/i18n.js';

export const NS = 'partner';

addTranslations(NS, {
  en: {
    heading: 'Confirmation by the foreign partner',
    intro:
      '{{applicant}} has named {{partner}} as its foreign partner in an application to the Jiangsu Provincial Science and Technology Programme. Please check what the applicant stated about your institution, confirm or correct each statement, and submit once.',
    project: {
      title: 'Project title',
      abstract: 'Abstract',
      partner: 'Partner institution',
      pi: 'Partner principal investigator',
      role: "The partner's role",
      expires: 'Link valid until',
    },
    facts: {
      heading: 'Six statements about your institution',
      help: 'Each answer is preset to what the applicant declared. Keep it to confirm, or change it to correct it.',
      declared: 'The applicant declared: {{answer}}',
      independentLegalEntity: 'Your institution is an independent legal entity.',
      ownedByApplicant: 'Your institution was set up abroad by the applicant.',
      foreignInvestedInChina: 'Your institution is a foreign-invested entity established in China.',
      taxHavenShell: 'Your institution is a shell company in a tax haven.',
      sameGroup:
        "Your institution and the applicant belong to the same group of companies (a group's branches at home and abroad).",
      piAffiliated: 'The partner principal investigator works at your institution.',
    },
    yes: 'Yes',
    no: 'No',
    signer: { name: 'Your name', position: 'Your position' },
    agreement: {
      label: 'Signed cooperation agreement (optional)',
      help: 'One PDF file, at most the size the system allows.',
      choose: 'Choose a PDF file',
    },
    submit: 'Submit',
    errors: {
      answer: 'Please answer Yes or No.',
      name: 'Please enter your name.',
      position: 'Please enter your position.',
      long: 'At most 100 characters.',
      file: 'The file must be a valid PDF within the size limit.',
      failed: 'The answer could not be submitted. Please try again.',
    },
    done: {
      confirmed: 'Thank you: you have confirmed the statements.',
      corrected: 'Thank you: your corrections have been recorded.',
      body: 'Recorded on {{date}} (Beijing time). The applicant has been told. This link can no longer be used.',
    },
    invalid: {
      title: 'This link cannot be used',
      body: 'It may have been used already, have expired, or have been replaced by a newer link. Please ask the applicant to send a new one.',
    },
  },
  'zh-CN': {
    heading: '境外合作方确认',
    intro:
      '{{applicant}}在江苏省科技计划项目申报中将{{partner}}列为境外合作机构。请核对申报单位填写的贵机构情况，逐项确认或更正，并提交一次。',
    project: {
      title: '项目名称',
      abstract: '项目摘要',
      partner: '合作机构',
      pi: '合作方负责人',
      role: '合作方的角色与分工',
      expires: '链接有效期至',
    },
    facts: {
      heading: '贵机构的六项情况',
      help: '每项已预先选为申报单位填写的答案。保持不变即为确认，改选即为更正。',
      declared: '申报单位填写：{{answer}}',
      independentLegalEntity: '贵机构是独立法人。',
      ownedByApplicant: '贵机构是申报单位在境外设立的机构。',
      foreignInvestedInChina: '贵机构是外资在境内设立的机构。',
      taxHavenShell: '贵机构是境外避税地壳公司。',
      sameGroup: '贵机构与申报单位属同一企业集团（集团境内外分支机构）。',
      piAffiliated: '合作方负责人在贵机构任职。',
    },
    yes: '是',
    no: '否',
    signer: { name: '您的姓名', position: '您的职务' },
    agreement: {
      label: '已签署的合作协议（可选）',
      help: '一个 PDF 文件，不超过系统规定的大小。',
      choose: '选择 PDF 文件',
    },
    submit: '提交',
    errors: {
      answer: '请选择“是”或“否”。',
      name: '请填写姓名。',
      position: '请填写职务。',
      long: '不能超过 100 个字符。',
      file: '文件须为有效的 PDF，且不超过大小上限。',
      failed: '提交未成功，请重试。',
    },
    done: {
      confirmed: '谢谢，您已确认上述情况。',
      corrected: '谢谢，您的更正已记录。',
      body: '记录日期 {{date}}（北京时间），申报单位已收到通知。此链接不能再次使用。',
    },
    invalid: {
      title: '此链接不能使用',
      body: '链接可能已使用、已过期或已被新的链接取代。请联系申报单位重新发送。',
    },
  },
});

// Every error the API answers with, once: its code, HTTP status and Chinese message. The web app reads the
// codes; the server's AppError (src/server/errors.ts) carries them and http/error-handler.ts answers with them.

export const ERRORS = {
  VALIDATION_FAILED: { status: 400, message: '提交的数据有误，请按提示修改' },
  BAD_REQUEST: { status: 400, message: '请求格式有误' },
  INVALID_JSON: { status: 400, message: '请求内容不是有效的 JSON' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  INVALID_CREDENTIALS: { status: 401, message: '登录名或密码错误' },
  ACCOUNT_DISABLED: { status: 403, message: '该账号已停用，请联系管理员' },
  FORBIDDEN: { status: 403, message: '当前账号无权执行此操作' },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    message: '首次登录须先设置您自己的新密码，设置后才能使用系统的其他功能',
  },
  RESET_LINK_INVALID: { status: 400, message: '重置密码链接无效，请检查链接是否完整，或重新申请' },
  RESET_LINK_EXPIRED: { status: 410, message: '重置密码链接已过期（有效期 30 分钟），请重新申请' },
  RESET_LINK_USED: {
    status: 410,
    message: '重置密码链接已使用过，每个链接只能用一次；如需再次重置，请重新申请',
  },
  MISSING_DUTY: {
    status: 403,
    message: '当前账号没有此项职责（如对外合作处、项目管理中心），请联系管理员在“账号管理”中分配',
  },
  CROSS_SITE_REFUSED: {
    status: 403,
    message:
      '请求来自其他网站，已拒绝；请直接在本系统的页面中操作（若一直如此，请联系管理员检查反向代理设置）',
  },
  NOT_FOUND: { status: 404, message: '找不到该记录，或您无权查看' },
  ROUTE_NOT_FOUND: { status: 404, message: '请求的接口不存在' },
  CALL_NOT_FOUND: { status: 404, message: '找不到该申报计划' },
  CREDIT_CODE_TAKEN: {
    status: 409,
    message:
      '该统一社会信用代码已注册。如您是该单位的人员，可提交“认领单位”申请，由其项目主管部门核实后为您开通管理员账号',
  },
  ORGANIZATION_NOT_APPROVED: {
    status: 409,
    message: '本单位注册尚未通过项目主管部门审核，暂不能提交申报书；草稿可以继续填写',
  },
  NOTHING_TO_VERIFY: { status: 409, message: '该单位当前没有待审核的注册或变更申请，请刷新后再试' },
  CLAIM_DECIDED: { status: 409, message: '该认领申请已处理，请刷新后再试' },
  LOGIN_TAKEN: { status: 409, message: '该登录名已被使用，请换一个' },
  OWN_ACCOUNT: {
    status: 409,
    message: '不能停用自己的账号，也不能修改自己的职责；请由另一位管理员操作',
  },
  ID_NUMBER_TAKEN: { status: 409, message: '本单位已登记该证件号码的人员' },
  LAST_ADMIN: {
    status: 409,
    message: '这是最后一位启用的管理员，不能停用、降为其他角色或取消其管理员职责；请先将另一个账号设为管理员',
  },
  PERSON_HAS_ACCOUNT: {
    status: 409,
    message: '该项目负责人已开通登录账号，不能再次邀请或开通',
  },
  INVITATION_INVALID: {
    status: 404,
    message: '邀请链接无效或已被撤销，请核对链接，或联系单位管理员重新邀请',
  },
  INVITATION_USED: {
    status: 410,
    message: '该邀请链接已使用过，不能再次使用；已开通账号的请直接登录，否则请联系单位管理员重新邀请',
  },
  INVITATION_EXPIRED: { status: 410, message: '该邀请链接已过期，请联系单位管理员重新邀请' },
  VERSION_CONFLICT: {
    status: 409,
    message: '申报书已在其他窗口或由他人修改，请刷新后再保存（您的内容已保留在本页）',
  },
  PANEL_RECORD_STALE: {
    status: 409,
    message: '该议程项目的记录或表决已由他人更新，请刷新后查看最新内容再保存（您填写的内容仍在本页）',
  },
  PANEL_SIGNED_OFF: {
    status: 409,
    message: '会议主持人已签署会评纪要，记录已冻结，不能再修改',
  },
  NOT_EDITABLE: { status: 409, message: '申报书已提交，不能修改；如需修改请联系项目主管部门退回' },
  CALL_CLOSED: { status: 409, message: '该计划不在网上填报时间内，不能新建申报书' },
  CALL_READ_ONLY: {
    status: 409,
    message: '该计划是只读的历史记录，不能修改；如需新一年度的计划，请复制后修改',
  },
  CALL_ID_TAKEN: { status: 409, message: '该计划编号已被使用，请换一个' },
  FILING_NOT_OPEN: { status: 409, message: '网上填报尚未开放（北京时间），开放后才能提交' },
  CALL_VERSION_CONFLICT: {
    status: 409,
    message: '该计划已由他人修改并保存了新版本，请刷新后在新版本上修改（您的修改仍在本页）',
  },
  CALL_IN_USE: { status: 409, message: '该计划下已有申报书或其他记录，不能删除；不再受理请关闭该计划' },
  DEADLINE_PASSED: { status: 409, message: '网上填报已截止（北京时间），逾期不予受理' },
  NO_DEPARTMENT: { status: 409, message: '本单位尚未选择项目主管部门，请先在单位信息中选择' },
  REVIEW_CLOSED: { status: 409, message: '主管部门网上审核推荐已截止（北京时间），不能再退回或推荐' },
  LIST_CONFIRMED: {
    status: 409,
    message: '主管部门已网上确认提交推荐名单，一律不予退回重报，不能再退回、推荐或修改',
  },
  STATUS_CONFLICT: { status: 409, message: '该申报书当前的状态不能执行此操作，请刷新后再试' },
  QUOTA_EXCEEDED: { status: 409, message: '超过推荐限额，不能推荐' },
  DECISIONS_PENDING: { status: 409, message: '还有申报书尚未作出推荐决定，不能确认提交' },
  ANNOUNCEMENT_DRAFT_EXISTS: {
    status: 409,
    message: '该申报计划已有一份未发布的公示草稿，它已列出全部待公示项目；请修改或发布该草稿，或删除后再新建',
  },
  RECOMMENDED_WITH_ERRORS: {
    status: 409,
    message: '推荐名单中有申报书存在错误，不能确认提交；请撤销推荐或改为不推荐',
  },
  COMMITMENT_MISSING: {
    status: 409,
    message: '尚未上传项目主管部门诚信承诺书（PDF），不能确认提交推荐名单；请先上传',
  },
  CONFLICT_OF_INTEREST: {
    status: 409,
    message: '该专家与此申报书存在利益冲突，不能分配；确需分配的，请填写理由（将记入审计日志）',
  },
  ALREADY_ASSIGNED: { status: 409, message: '该专家已分配评审此申报书' },
  NOT_REVIEWABLE: { status: 409, message: '只有主管部门已推荐、省里形式审查已受理的申报书才能分配专家评审' },
  EXPERT_INACTIVE: { status: 409, message: '该专家已停用，不能分配评审任务' },
  SCORES_SUBMITTED: { status: 409, message: '评分已提交，不能再修改；如有问题请联系省科技项目管理中心' },
  SCORING_FORM_LOCKED: {
    status: 409,
    message: '本轮该专题已有专家保存评分，评分表不能再修改（评分按当时的版本计算）',
  },
  SCORING_FORM_UNCHANGED: { status: 409, message: '评分表没有改动，无需保存新版本' },
  REVIEW_OVERDUE: { status: 409, message: '评审已过截止时间（北京时间），不能再保存或提交评分' },
  INVITATION_CLOSED: {
    status: 409,
    message: '评审邀请已过答复截止时间（北京时间），不能再接受或谢绝；如需参加评审请联系省科技项目管理中心',
  },
  INVITATION_ANSWERED: { status: 409, message: '该评审邀请已答复（已接受、已谢绝或已逾期），不能再次答复' },
  INVITATION_NOT_ACCEPTED: {
    status: 409,
    message: '请先在“评审邀请”中接受本轮评审邀请（签署保密承诺并声明利益冲突）后再评分',
  },
  NO_EXPERT_AVAILABLE: {
    status: 409,
    message: '没有可重新分配的专家：专家库中启用的专家均与该项目存在利益冲突、已谢绝本轮邀请或已在评审该项目',
  },
  VACANCY_FILLED: { status: 409, message: '该项目已重新分配专家' },
  NOT_RECOMMENDABLE: { status: 422, message: '申报书有不符合申报要求的问题，不能推荐' },
  SUBMISSION_BLOCKED: { status: 422, message: '申报书还有问题未解决，暂不能提交' },
  FORM_INCOMPLETE: { status: 422, message: '申报书还有内容未填写，暂不能定稿；请按提示补全后再定稿' },
  IMPORT_REFUSED: {
    status: 422,
    message: '导入包中有不能导入的内容，未写入任何数据；请按所列问题修改后重新导入',
  },
  NOT_AT_PROVINCE: {
    status: 409,
    message: '该申报书尚未由项目主管部门推荐并确认提交（或推荐截止），省里还不能审查或决定',
  },
  AVOIDED_EXPERTS_FULL: {
    status: 409,
    message: '回避专家已达本计划允许的上限，不能再添加；如需更换请先删除一位',
  },
  APPEAL_NOT_ALLOWED: { status: 409, message: '该申报书未被不予受理，无需申请复核' },
  APPEAL_WINDOW_CLOSED: { status: 409, message: '已超过申请复核的期限，不能再申请复核' },
  APPEAL_ALREADY_OPEN: { status: 409, message: '该申报书已有一项复核申请正在处理，请等待省里的复核结果' },
  APPEAL_DECIDED: { status: 409, message: '该复核申请已作出复核结论，不能再修改' },
  APPEAL_EVIDENCE_FULL: { status: 409, message: '证明材料已达上限，不能再上传' },
  FORMAL_REVIEW_LOCKED: {
    status: 409,
    message: '已作出立项决定，不能修改形式审查结果；如需修改请先撤销立项决定',
  },
  NOT_ACCEPTED: { status: 409, message: '只有形式审查（信用审查）结果为“受理”的项目才能作出立项决定' },
  FUNDING_OVER_CAP: { status: 422, message: '立项资助经费超过本专题上限或申请的省资助经费' },
  DECISIONS_LOCKED: { status: 409, message: '立项决定已随拟立项项目公示发布，不能再修改或撤销' },
  CONTRACT_INCOMPLETE: {
    status: 409,
    message: '合同签订的步骤尚未完成（任务书确认、正式合作协议、纸质装订本），不能签约',
  },
  OBJECTION_PERIOD_CLOSED: { status: 409, message: '不在公示期内，不能提出异议' },
  APPROVAL_REVOKED: { status: 409, message: '该项目的立项已因异议成立而撤销' },
  FEEDBACK_NOT_RELEASED: {
    status: 409,
    message: '本计划未选择向申报人反馈评审意见；如需反馈，请先在反馈设置中开启',
  },
  FORMAL_AGREEMENT_MISSING: {
    status: 409,
    message: '该项目申报时仅有合作意向书，须先上传正式的合作协议文本，才能进入合同签订',
  },
  REGISTER_ROWS_INVALID: {
    status: 422,
    message: '登记表中有错误的行，未写入任何数据；请按所列问题修改后重新导入',
  },
  DEPARTMENT_NAME_TAKEN: { status: 409, message: '已有同名的项目主管部门，请换一个名称' },
  DEPARTMENT_REFERENCED: {
    status: 409,
    message: '该项目主管部门已有申报书、单位或账号引用，不能删除；可以停用',
  },
  DEPARTMENT_ROWS_INVALID: {
    status: 422,
    message: '主管部门名单中有错误的行，未写入任何数据；请按所列问题修改后重新导入',
  },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的内容类型，请以 JSON 提交' },
  FILE_TOO_LARGE: { status: 413, message: '文件超过大小上限' },
  MULTIPART_REQUIRED: { status: 415, message: '请以 multipart/form-data 表单上传文件' },
  UPLOAD_LIMIT_REACHED: {
    status: 409,
    message: '附件的份数或占用空间已达上限；请替换或删除不需要的文件，确需上传请联系系统管理员',
  },
  FILE_NOT_PDF: { status: 415, message: '文件不是 PDF，请上传 PDF 文件' },
  FILE_NOT_SPREADSHEET: { status: 415, message: '文件不是可读取的 .xlsx 或 .csv 表格' },
  SPREADSHEET_OVER_LIMIT: { status: 413, message: '表格超过可导入的上限' },
  PDF_MALFORMED: { status: 422, message: 'PDF 文件结构不完整或已损坏，请重新导出后上传' },
  TOO_MANY_LOGIN_ATTEMPTS: { status: 429, message: '登录失败次数过多，请稍后再试' },
  TOO_MANY_REQUESTS: { status: 429, message: '请求过于频繁，请稍后再试' },
  INTERNAL: { status: 500, message: '服务器内部错误，请稍后再试' },
  DATABASE_UNAVAILABLE: { status: 503, message: '数据库暂时不可用，请稍后再试' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export interface FieldError {
  /** JSON path of the field in the request part, e.g. `organization.creditCode` or `people[0].name`. */
  path: string;
  message: string;
}

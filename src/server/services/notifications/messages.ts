import { fieldLabel } from '../../../core/application/field-labels.js';
import { formatWan } from '../../../core/money.js';
import { beijingDate, formatBeijing, formatChineseDate } from '../../../core/time.js';

// The text of each message, in Chinese: projects by title, money in 万元, times in Beijing time. Pure, so that
// the services write and the tests read the same words.

export const SIGNATURE = '\n\n（本邮件由申报系统自动发送，请勿回复。登录系统“我的消息”可查看全部消息。）';

/** `2026年5月18日 17:30（北京时间）`. */
export function beijingMinute(at: Date): string {
  return `${formatChineseDate(beijingDate(at.getTime()))} ${formatBeijing(at.getTime()).slice(11, 16)}（北京时间）`;
}

export const titled = (title: string | undefined | null) => `“${title?.trim() || '（未填写项目名称）'}”`;

export interface Message {
  subject: string;
  body: string;
}

export function returnedMessage(input: {
  title: string | undefined;
  callName: string;
  departmentName: string;
  reasons: readonly { field?: string | undefined; message: string }[];
  resubmitBy: Date;
}): Message {
  const reasons = input.reasons.map(
    (r, i) => `${i + 1}. ${r.field ? `${fieldLabel(r.field)}：` : ''}${r.message}`,
  );
  return {
    subject: `申报书被退回修改：${titled(input.title)}`,
    body:
      `项目${titled(input.title)}（${input.callName}）已被${input.departmentName}退回修改。\n\n` +
      `退回理由：\n${reasons.join('\n')}\n\n` +
      `请按退回理由修改后，于 ${beijingMinute(input.resubmitBy)}前重新提交，逾期将无法提交。` +
      SIGNATURE,
  };
}

export function formalReviewMessage(input: {
  title: string | undefined;
  organizationName: string;
  callName: string;
  accepted: boolean;
  reasons: readonly { clause?: string | undefined; message: string }[];
  /** 不予受理: the last moment a 复核 is taken, e.g. “2026年6月8日24时”. */
  appealBy?: string | undefined;
}): Message {
  const result = input.accepted ? '受理' : '不予受理';
  const reasons = input.reasons.map((r, i) => `${i + 1}. ${r.clause ? `（${r.clause}）` : ''}${r.message}`);
  return {
    subject: `形式审查结果：${titled(input.title)}${result}`,
    body:
      `${input.organizationName}申报的项目${titled(input.title)}（${input.callName}）形式审查（信用审查）结果：${result}。` +
      (reasons.length > 0 ? `\n\n理由：\n${reasons.join('\n')}` : '') +
      (input.appealBy ? `\n\n如对不予受理有异议，可于 ${input.appealBy}前登录系统申请复核。` : '') +
      SIGNATURE,
  };
}

export function expertAssignedMessage(input: { titles: readonly string[]; dueAt: Date }): Message {
  const list = input.titles.map((t, i) => `${i + 1}. ${titled(t)}`).join('\n');
  return {
    subject: `新的评审任务：${input.titles.length} 个项目，${beijingMinute(input.dueAt)}截止`,
    body:
      `您有新的评审任务：\n${list}\n\n请于 ${beijingMinute(input.dueAt)}前登录系统完成评分并提交。` +
      `如与项目存在利益关系，请在评分页申请回避。` +
      SIGNATURE,
  };
}

/** 会评: a member is told of the meeting; the chair also that they sign the minutes off in the system. */
export function panelConvenedMessage(input: {
  title: string;
  startsAt: Date;
  place: string;
  onlineLink: string | null;
  projects: number;
  chair: boolean;
}): Message {
  const where = [input.place, input.onlineLink ? `线上会议链接：${input.onlineLink}` : '']
    .filter(Boolean)
    .join('；');
  return {
    subject: `会评会议通知：${input.title}，${beijingMinute(input.startsAt)}`,
    body:
      `您受邀参加“${input.title}”（${input.projects} 个项目），会议时间 ${beijingMinute(input.startsAt)}，${where}。` +
      (input.chair
        ? '您是本次会议的主持人：会后请登录系统，在“我的评审任务”中核对会评记录并签署会议纪要。'
        : '') +
      SIGNATURE,
  };
}

export function expertDueMessage(input: { title: string | undefined; dueAt: Date }): Message {
  return {
    subject: `评审到期提醒：${titled(input.title)}`,
    body:
      `评审任务${titled(input.title)}将于 ${beijingMinute(input.dueAt)}截止，请尽快完成评分并提交。` +
      SIGNATURE,
  };
}

/** 评审邀请: the round, the answer deadline and the applications assigned (titles only). */
export function expertInvitedMessage(input: {
  roundName: string;
  kindLabel: string;
  callName: string;
  respondBy: Date;
  titles: readonly string[];
}): Message {
  const list = input.titles.map((t, i) => `${i + 1}. ${titled(t)}`).join('\n');
  return {
    subject: `评审邀请：${input.callName}${input.kindLabel}（${input.roundName}），请于${beijingMinute(input.respondBy)}前答复`,
    body:
      `省科技项目管理中心邀请您参加${input.callName}的${input.kindLabel}（${input.roundName}）。\n\n` +
      (list ? `拟请您评审的项目：\n${list}\n\n` : '') +
      `请于 ${beijingMinute(input.respondBy)}前登录系统，在“评审邀请”中接受（签署保密承诺并声明利益冲突）或谢绝（须说明理由）。` +
      `逾期未答复的，邀请自动失效。` +
      SIGNATURE,
  };
}

export function expertInvitationDueMessage(input: {
  roundName: string;
  callName: string;
  respondBy: Date;
}): Message {
  return {
    subject: `评审邀请答复提醒：${input.callName}（${input.roundName}）`,
    body:
      `您尚未答复${input.callName}（${input.roundName}）的评审邀请。邀请将于 ${beijingMinute(input.respondBy)}失效，` +
      `请尽快登录系统在“评审邀请”中接受或谢绝。` +
      SIGNATURE,
  };
}

export function expertInvitationExpiredMessage(input: {
  expertName: string;
  roundName: string;
  callName: string;
  titles: readonly string[];
}): Message {
  const list = input.titles.map((t, i) => `${i + 1}. ${titled(t)}`).join('\n');
  return {
    subject: `评审邀请逾期未答复：${input.expertName}（${input.roundName}）`,
    body:
      `专家${input.expertName}未在截止时间前答复${input.callName}（${input.roundName}）的评审邀请，邀请已失效。` +
      (list ? `\n\n以下项目需要重新分配专家：\n${list}` : '') +
      `\n\n请在“专家评审”的待重新分配列表中处理。` +
      SIGNATURE,
  };
}

export function approvedMessage(input: {
  title: string | undefined;
  organizationName: string;
  callName: string;
  funding: number;
  startsOn: string;
  endsOn: string;
}): Message {
  return {
    subject: `立项公示：${titled(input.title)}拟立项`,
    body:
      `${input.organizationName}申报的项目${titled(input.title)}（${input.callName}）拟立项，` +
      `拟资助省拨经费 ${formatWan(input.funding)}。\n\n` +
      `公示期：${formatChineseDate(input.startsOn)}至${formatChineseDate(input.endsOn)}。` +
      `公示期满无异议后，由项目主管部门通知提交纸质申报材料。` +
      SIGNATURE,
  };
}

export function notApprovedMessage(input: { title: string | undefined; callName: string }): Message {
  return {
    subject: `未立项通知：${titled(input.title)}`,
    body: `项目${titled(input.title)}（${input.callName}）经评审未予立项。` + SIGNATURE,
  };
}

export function departmentAnnouncementMessage(input: {
  callName: string;
  projects: readonly { title: string; organizationName: string; funding: number }[];
  startsOn: string;
  endsOn: string;
}): Message {
  const list = input.projects
    .map((p, i) => `${i + 1}. ${titled(p.title)}（${p.organizationName}，${formatWan(p.funding)}）`)
    .join('\n');
  return {
    subject: `立项公示发布：贵部门推荐的 ${input.projects.length} 个项目拟立项`,
    body:
      `${input.callName}拟立项项目公示已发布，公示期：${formatChineseDate(input.startsOn)}至${formatChineseDate(input.endsOn)}。\n\n` +
      `贵部门推荐的拟立项项目：\n${list}\n\n公示期满无异议后，请通知项目承担单位提交纸质申报材料。` +
      SIGNATURE,
  };
}

/** How long before a deadline, for people: `3 天`, `1 天`, `3 小时`. */
export function leadText(leadMs: number): string {
  const hours = leadMs / 3_600_000;
  return hours % 24 === 0 ? `${hours / 24} 天` : `${hours} 小时`;
}

export function applicantDeadlineMessage(input: {
  callName: string;
  deadline: Date;
  leadMs: number;
  titles: readonly (string | undefined)[];
}): Message {
  const list = input.titles.map((t, i) => `${i + 1}. ${titled(t)}`).join('\n');
  return {
    subject: `申报截止提醒：网上填报将于 ${leadText(input.leadMs)}后截止`,
    body:
      `${input.callName}网上填报截止时间为 ${beijingMinute(input.deadline)}，逾期将无法提交。\n\n` +
      `贵单位尚有 ${input.titles.length} 份申报书未提交：\n${list}\n\n请尽快完成填报并提交。` +
      SIGNATURE,
  };
}

export function departmentDeadlineMessage(input: {
  callName: string;
  deadline: Date;
  leadMs: number;
  received: number;
}): Message {
  return {
    subject: `推荐截止提醒：网上审核推荐将于 ${leadText(input.leadMs)}后截止`,
    body:
      `${input.callName}项目主管部门网上审核推荐截止时间为 ${beijingMinute(input.deadline)}。\n\n` +
      `贵部门已收到 ${input.received} 份申报书，推荐名单尚未确认提交。请在截止前完成审核推荐并确认提交名单。` +
      SIGNATURE,
  };
}

export function paperDeadlineMessage(input: {
  callName: string;
  deadline: Date;
  leadMs: number;
  /** What is owed, in the words of `describePaper`. */
  what: string;
  received: number;
  copies: number;
  /** Where to send it; absent when the notice names no address. */
  address?: string;
  /** The deadline's clause, e.g. 三、3. */
  clause: string;
}): Message {
  return {
    subject: `纸质材料报送截止提醒：将于 ${leadText(input.leadMs)}后截止`,
    body:
      `${input.callName}纸质材料受理截止时间为 ${beijingMinute(input.deadline)}，逾期不予受理（${input.clause}）。\n\n` +
      `贵部门已确认提交推荐名单，以下纸质材料尚未收齐（已收 ${input.received}/${input.copies} 份）：${input.what}。` +
      (input.address ? `请报送至${input.address}。` : '请按通知要求报送。') +
      SIGNATURE,
  };
}

/** 合同签订 (issue 14 §9): the contract opened, the 任务书 adjusted (confirm again), confirmed, signed. */
export function contractMessage(
  event: 'opened' | 'adjusted' | 'confirmed' | 'signed',
  input: { applicationId: string; title: string; projectNo: string; version: number; startsOn?: string },
): Message & { kind: 'contract.progress'; key: string } {
  const project = `项目${titled(input.title)}（项目编号 ${input.projectNo}）`;
  const texts: Record<typeof event, Message> = {
    opened: {
      subject: `进入合同签订，请确认任务书：${titled(input.title)}`,
      body: `${project}已进入合同签订。请登录系统，在申报书页面查看任务书的考核指标和经费预算（与申报书的差异已列出），由单位管理员确认；可同时下载立项通知书。`,
    },
    adjusted: {
      subject: `任务书已调整，请重新确认：${titled(input.title)}`,
      body: `省科技厅对外合作处调整了${project}任务书的考核指标或经费预算。请登录系统查看与申报书的差异，由单位管理员重新确认，确认后才能签约。`,
    },
    confirmed: {
      subject: `承担单位已确认任务书：${titled(input.title)}`,
      body: `${project}的承担单位已确认任务书（第 ${input.version} 版）。`,
    },
    signed: {
      subject: `项目已签约：${titled(input.title)}`,
      body: `${project}已签约，项目开始日期为 ${input.startsOn ? formatChineseDate(input.startsOn) : ''}。该项目已列入在研项目名录。`,
    },
  };
  return {
    kind: 'contract.progress',
    ...texts[event],
    body: texts[event].body + SIGNATURE,
    key: `contract:${event}:${input.applicationId}:${input.version}`,
  };
}

/** 复核 of 不予受理 decided: upheld (受理) or dismissed with the province's reason. */
export function appealResultMessage(input: {
  title: string | undefined;
  organizationName: string;
  callName: string;
  upheld: boolean;
  reason: string | null;
}): Message {
  const result = input.upheld ? '复核成立，予以受理' : '复核不成立，维持不予受理';
  return {
    subject: `复核结果：${titled(input.title)}${result}`,
    body:
      `${input.organizationName}对项目${titled(input.title)}（${input.callName}）不予受理提出的复核申请，` +
      `省科技厅复核结果：${result}。` +
      (input.reason ? `\n\n复核意见：${input.reason}` : '') +
      SIGNATURE,
  };
}

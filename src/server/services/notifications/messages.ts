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
}): Message {
  const result = input.accepted ? '受理' : '不予受理';
  const reasons = input.reasons.map((r, i) => `${i + 1}. ${r.clause ? `（${r.clause}）` : ''}${r.message}`);
  return {
    subject: `形式审查结果：${titled(input.title)}${result}`,
    body:
      `${input.organizationName}申报的项目${titled(input.title)}（${input.callName}）形式审查（信用审查）结果：${result}。` +
      (reasons.length > 0 ? `\n\n理由：\n${reasons.join('\n')}` : '') +
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

export function expertDueMessage(input: { title: string | undefined; dueAt: Date }): Message {
  return {
    subject: `评审到期提醒：${titled(input.title)}`,
    body:
      `评审任务${titled(input.title)}将于 ${beijingMinute(input.dueAt)}截止，请尽快完成评分并提交。` +
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

import { OBJECTION_FINDING_LABELS, type ObjectionFinding } from '../../../core/objections/objections.js';
import { formatChineseDate } from '../../../core/time.js';
import { beijingMinute, type Message, SIGNATURE, titled } from './messages.js';

// The messages of 公示异议 and of the opinions released to applicants (issue 14 §6, §7).

export function objectionReceivedMessage(input: {
  reference: string;
  announcementTitle: string;
  projectTitle: string;
  receivedAt: Date;
  endsOn: string;
}): Message {
  return {
    subject: `公示异议已收到（编号 ${input.reference}）`,
    body:
      `您于 ${beijingMinute(input.receivedAt)}对“${input.announcementTitle}”中的项目${titled(input.projectTitle)}` +
      `提出的异议已收到，异议编号 ${input.reference}。\n\n` +
      `公示期至 ${formatChineseDate(input.endsOn)}。省科技厅对外合作处将受理、调查并作出处理结论，届时以本邮箱告知结果。` +
      SIGNATURE,
  };
}

export function objectionClosedMessage(input: {
  reference: string;
  projectTitle: string;
  finding: ObjectionFinding;
  findingText: string;
  revoked: boolean;
}): Message {
  return {
    subject: `公示异议处理结果（编号 ${input.reference}）：${OBJECTION_FINDING_LABELS[input.finding]}`,
    body:
      `您对项目${titled(input.projectTitle)}提出的异议（编号 ${input.reference}）已办结。\n\n` +
      `处理结论：${OBJECTION_FINDING_LABELS[input.finding]}。\n处理意见：${input.findingText}` +
      (input.revoked ? '\n\n该项目的拟立项已撤销。' : '') +
      SIGNATURE,
  };
}

export function approvalRevokedMessage(input: {
  title: string | undefined;
  callName: string;
  reason: string;
}): Message {
  return {
    subject: `立项撤销：${titled(input.title)}`,
    body:
      `项目${titled(input.title)}（${input.callName}）在公示期间收到的异议经调查成立，拟立项已撤销，` +
      `不进入合同签订。\n\n撤销理由：${input.reason}` +
      SIGNATURE,
  };
}

export function feedbackReleasedMessage(input: { title: string | undefined; callName: string }): Message {
  return {
    subject: `评审意见反馈：${titled(input.title)}`,
    body:
      `项目${titled(input.title)}（${input.callName}）的评审意见已向申报单位反馈。` +
      `请登录系统，在该申报书页面查看“评审意见”。` +
      SIGNATURE,
  };
}

import { countryName } from '../../../core/reference/countries.js';
import { formatBeijing } from '../../../core/time.js';
import { beijingMinute, type Message, SIGNATURE, titled } from './messages.js';

// The messages of a foreign partner's confirmation (issue 15 §5): the link to the partner's PI, in English (in
// Chinese for a partner in HK, MO or TW), and the applicant told of the partner's answer.

export function partnerLinkMessage(input: {
  language: 'en' | 'zh-CN';
  piName: string;
  partnerName: string;
  applicant: string;
  title: string;
  titleEn: string;
  link: string;
  expiresAt: Date;
}): Message {
  if (input.language === 'zh-CN') {
    return {
      subject: `请确认合作项目信息：${titled(input.title)}`,
      body:
        `${input.piName}：\n\n${input.applicant}在江苏省科技计划项目申报中将${input.partnerName}列为境外合作机构，` +
        `并将您列为合作方负责人。请打开下面的链接，核对申报单位填写的贵机构情况（共六项），逐项确认或更正，` +
        `并可上传已签署的合作协议（PDF）。无需注册账号。\n\n${input.link}\n\n` +
        `链接只能使用一次，${beijingMinute(input.expiresAt)}前有效。如您不了解此项目，请忽略本邮件。` +
        SIGNATURE,
    };
  }
  const expires = `${formatBeijing(input.expiresAt.getTime()).slice(0, 16)} (Beijing time, UTC+8)`;
  const project = input.titleEn.trim() || input.title;
  return {
    subject: `Please confirm your institution's details: ${project}`,
    body: [
      `Dear ${input.piName},`,
      '',
      `${input.applicant} has named ${input.partnerName} as its foreign partner, and you as the partner's principal investigator, in an application to the Jiangsu Provincial Science and Technology Programme for the project "${project}".`,
      '',
      'Please open the link below to check six statements the applicant made about your institution, confirm or correct each of them, and, if you wish, upload the signed cooperation agreement (PDF). No account is needed.',
      '',
      input.link,
      '',
      `The link can be used once and is valid until ${expires}. If you do not know this project, please ignore this e-mail.`,
      '',
      '(This e-mail was sent automatically by the Jiangsu S&T programme application system. Please do not reply.)',
    ].join('\n'),
  };
}

export function partnerAnsweredMessage(input: {
  title: string;
  partnerName: string;
  country: string;
  corrected: readonly string[];
  confirmedOn: string;
}): Message {
  const partner = `境外合作方${input.partnerName}（${countryName(input.country)}）`;
  return input.corrected.length === 0
    ? {
        subject: `境外合作方已确认：${titled(input.title)}`,
        body:
          `${partner}已于 ${input.confirmedOn} 确认了项目${titled(input.title)}申报书中填写的合作机构情况（六项）。` +
          SIGNATURE,
      }
    : {
        subject: `境外合作方更正了合作机构情况：${titled(input.title)}`,
        body:
          `${partner}已于 ${input.confirmedOn} 核对项目${titled(input.title)}申报书中填写的合作机构情况，并更正了以下各项：\n` +
          input.corrected.map((c, i) => `${i + 1}. ${c}`).join('\n') +
          '\n\n规则检查已按合作方的答复重新判断，请登录系统查看检查结果，必要时修改申报书。' +
          SIGNATURE,
      };
}

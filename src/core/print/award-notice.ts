import { formatChineseDate } from '../time.js';
import { formatWanDecimal } from '../money.js';
import type { AwardTerms } from '../calls/parameters.js';
import type { Block, PrintDocument } from './blocks.js';

// 立项通知书 (issue 14 §9) as printed blocks: from the call's template (`call.parameters.award`: the issuer and
// the conditions, in order) and the project's data. Pure, so the model is tested without a PDF.

export interface AwardNoticeInput {
  award: AwardTerms;
  callName: string;
  projectNo: string;
  title: string;
  organizationName: string;
  piName: string;
  /** 立项资助经费 (省拨款), yuan. */
  funding: number;
  /** 执行期 from the 申报书, YYYY-MM; unknown values print blank. */
  period: { start?: string | undefined; end?: string | undefined };
  /** The date the notice is issued, YYYY-MM-DD (Beijing). */
  issuedOn: string;
  /** The 公示 that listed the project. */
  announcementTitle: string;
}

const month = (m: string | undefined) => (m ? `${Number(m.slice(0, 4))}年${Number(m.slice(5, 7))}月` : '');

export const AWARD_NOTICE_NAME = '立项通知书';

export function awardNoticeDocument(input: AwardNoticeInput): PrintDocument {
  const rows = [
    ['项目编号', input.projectNo],
    ['项目名称', input.title],
    ['承担单位', input.organizationName],
    ['项目负责人', input.piName],
    ['省拨经费', formatWanDecimal(input.funding)],
    ['执行期', `${month(input.period.start)} 至 ${month(input.period.end)}`],
  ];
  const blocks: Block[] = [
    { kind: 'title', text: `${input.callName}${AWARD_NOTICE_NAME}` },
    { kind: 'paragraph', runs: [{ text: `${input.organizationName}：` }] },
    {
      kind: 'paragraph',
      runs: [
        {
          text: `经专家评审、研究决定并经“${input.announcementTitle}”公示，你单位申报的项目“${input.title}”列入${input.callName}，予以立项。现将有关事项通知如下：`,
        },
      ],
    },
    {
      kind: 'table',
      widths: [1, 3],
      rows: rows.map(([label, value]) => [{ text: label!, label: true }, { text: value! }]),
    },
    { kind: 'heading', text: '立项要求' },
    {
      kind: 'list',
      ordered: true,
      items: input.award.conditions.map((c) => [{ text: c }]),
    },
    { kind: 'space', lines: 2 },
    { kind: 'paragraph', runs: [{ text: input.award.issuer }] },
    { kind: 'paragraph', runs: [{ text: formatChineseDate(input.issuedOn) }] },
  ];
  return { name: AWARD_NOTICE_NAME, blocks };
}

import type { Block, Cell, PrintDocument } from '../print/blocks.js';
import { formatWanDecimal } from '../money.js';
import { formatBeijing } from '../time.js';
import {
  PANEL_RECOMMENDATION_LABELS,
  PANEL_VOTE_LABELS,
  tallyText,
  type PanelRecommendation,
  type PanelVote,
  type VoteTally,
} from './record.js';

// 会评纪要 as a printed document: the meeting's particulars, its members, then per agenda item the 函评 results,
// the votes, the consensus score, the panel's recommendation with the amount in 万元, and the discussion notes;
// last, who signed the minutes off and when (or that they are not yet signed).

export interface MinutesInput {
  callName: string;
  title: string;
  startsAt: Date;
  place: string;
  onlineLink: string | null;
  members: { name: string; organizationName: string; title: string; chair: boolean }[];
  items: {
    acceptanceNo: string | null;
    title: string;
    organizationName: string;
    letter: { count: number; mean: number | null; spread: number | null };
    votes: { name: string; vote: PanelVote }[];
    tally: VoteTally;
    consensusScore: number | null;
    recommendation: PanelRecommendation | null;
    proposedFunding: number | null;
    notes: string;
  }[];
  signedOff: { name: string; at: Date } | null;
  generatedAt: Date;
}

const cell = (text: string, label = false): Cell => (label ? { text, label } : { text });
const row = (label: string, value: string): Cell[] => [cell(label, true), cell(value)];

export const UNSIGNED_MINUTES = '本纪要尚未经会议主持人签署，仅供核对';

export function minutesDocument(input: MinutesInput): PrintDocument {
  const blocks: Block[] = [
    { kind: 'title', text: `${input.title}会议纪要` },
    { kind: 'heading', text: '一、会议基本情况' },
    {
      kind: 'table',
      widths: [1, 3],
      rows: [
        row('申报计划', input.callName),
        row('会议时间', `${formatBeijing(input.startsAt.getTime()).slice(0, 16)}（北京时间）`),
        row('会议地点', input.place || '—'),
        ...(input.onlineLink ? [row('线上会议', input.onlineLink)] : []),
        row('议程项目', `${input.items.length} 项`),
      ],
    },
    { kind: 'heading', text: '二、参会专家' },
    {
      kind: 'table',
      widths: [1, 2, 3, 1.5],
      header: [[cell('序号', true), cell('姓名', true), cell('单位', true), cell('职称', true)]],
      rows: input.members.map((m, i) => [
        cell(String(i + 1)),
        cell(m.chair ? `${m.name}（主持人）` : m.name),
        cell(m.organizationName),
        cell(m.title || '—'),
      ]),
    },
    { kind: 'heading', text: '三、逐项评议' },
  ];
  input.items.forEach((item, i) => {
    const letter =
      item.letter.count === 0
        ? '尚无已提交的函评'
        : `${item.letter.count} 位专家，平均分 ${item.letter.mean}，分差 ${item.letter.spread}`;
    const votes = item.votes.map((v) => `${v.name}：${PANEL_VOTE_LABELS[v.vote]}`).join('；');
    blocks.push(
      {
        kind: 'paragraph',
        runs: [{ text: `${i + 1}. ${item.title}（${item.acceptanceNo ?? '无受理编号'}）`, bold: true }],
      },
      {
        kind: 'table',
        widths: [1, 3],
        rows: [
          row('申报单位', item.organizationName),
          row('函评结果', letter),
          row('表决', `${tallyText(item.tally)}${votes ? `（${votes}）` : ''}`),
          row('一致评分', item.consensusScore === null ? '—' : String(item.consensusScore)),
          row(
            '会评建议',
            item.recommendation ? PANEL_RECOMMENDATION_LABELS[item.recommendation] : '尚未形成建议',
          ),
          row('建议资助经费', item.proposedFunding === null ? '—' : formatWanDecimal(item.proposedFunding)),
          row('讨论记录', item.notes.trim() || '—'),
        ],
      },
      { kind: 'space', lines: 1 },
    );
  });
  blocks.push({ kind: 'heading', text: '四、签署' });
  blocks.push({
    kind: 'paragraph',
    runs: [
      {
        text: input.signedOff
          ? `会议主持人 ${input.signedOff.name} 已于 ${formatBeijing(input.signedOff.at.getTime())}（北京时间）在系统中签署本纪要，记录自签署时起冻结。`
          : UNSIGNED_MINUTES,
      },
    ],
  });
  return { name: '会评纪要', blocks };
}

import { Descriptions, Tag, Typography } from 'antd';
import { formatWanDecimal } from '../../../core/money.js';
import {
  PANEL_RECOMMENDATION_LABELS,
  PANEL_VOTE_LABELS,
  tallyText,
  type PanelRecommendation,
} from '../../../core/panels/record.js';
import type { PanelDetailView, PanelItemView } from '../../../contract/panels.js';
import { beijingTime } from '../format.js';

// The 会评's record as read: the province's meeting page and the chair's.

/** `2027-01-10 09:00`, Beijing time. */
export const formatMeetingTime = (iso: string) => beijingTime(iso).slice(0, 16);

const RECOMMENDATION_COLORS: Record<PanelRecommendation, string> = {
  approve: 'success',
  reject: 'error',
  undecided: 'warning',
};

export function RecommendationTag({ value }: { value: PanelRecommendation | null }) {
  return value ? (
    <Tag color={RECOMMENDATION_COLORS[value]}>{PANEL_RECOMMENDATION_LABELS[value]}</Tag>
  ) : (
    <Tag>尚未形成建议</Tag>
  );
}

/** The meeting's particulars and members. */
export function MeetingParticulars({ panel }: { panel: PanelDetailView }) {
  const m = panel.meeting;
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="panel-particulars">
      <Descriptions.Item label="申报计划">{m.callName}</Descriptions.Item>
      <Descriptions.Item label="会议时间">{formatMeetingTime(m.startsAt)}（北京时间）</Descriptions.Item>
      <Descriptions.Item label="会议地点">{m.place || '—'}</Descriptions.Item>
      <Descriptions.Item label="线上会议">
        {m.onlineLink ? (
          <Typography.Text copyable style={{ wordBreak: 'break-all' }}>
            {m.onlineLink}
          </Typography.Text>
        ) : (
          '—'
        )}
      </Descriptions.Item>
      <Descriptions.Item label="主持人">{m.chairName}</Descriptions.Item>
      <Descriptions.Item label="纪要">
        {m.signedOffAt ? (
          <Tag color="success" data-testid="signed-off">
            {m.signedOffBy} 已于 {beijingTime(m.signedOffAt)} 签署，记录已冻结
          </Tag>
        ) : (
          <Tag>主持人尚未签署</Tag>
        )}
      </Descriptions.Item>
      <Descriptions.Item label="参会专家" span={2}>
        {panel.members.map((e) => (
          <Tag key={e.expertId} color={e.chair ? 'blue' : undefined}>
            {e.name}
            {e.chair ? '（主持人）' : ''} · {e.organizationName}
          </Tag>
        ))}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** An item's 函评 results and the panel's record, read-only. */
export function ItemRecord({ item, panel }: { item: PanelItemView; panel: PanelDetailView }) {
  const names = new Map(panel.members.map((m) => [m.expertId, m.name]));
  const { letter } = item;
  return (
    <Descriptions bordered size="small" column={1}>
      <Descriptions.Item label="函评结果">
        {letter.count === 0
          ? '尚无已提交的函评'
          : `${letter.count} 位专家，平均 ${letter.mean}，中位 ${letter.median}，分差 ${letter.spread}`}
        {letter.wideSpread && (
          <Tag color="warning" style={{ marginInlineStart: 4 }}>
            分差大
          </Tag>
        )}
      </Descriptions.Item>
      <Descriptions.Item label="表决">
        {tallyText(item.tally)}
        {item.votes.length > 0 && (
          <div>
            {item.votes.map((v) => (
              <Tag key={v.expertId}>
                {names.get(v.expertId)}：{PANEL_VOTE_LABELS[v.vote]}
              </Tag>
            ))}
          </div>
        )}
      </Descriptions.Item>
      <Descriptions.Item label="一致评分">{item.consensusScore ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="会评建议">
        <RecommendationTag value={item.recommendation} />
      </Descriptions.Item>
      <Descriptions.Item label="建议资助经费">
        {item.proposedFunding === null ? '—' : formatWanDecimal(item.proposedFunding)}
      </Descriptions.Item>
      <Descriptions.Item label="讨论记录">
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
          {item.notes || '—'}
        </Typography.Paragraph>
      </Descriptions.Item>
    </Descriptions>
  );
}

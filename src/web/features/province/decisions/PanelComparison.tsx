import { Space, Tag, Typography } from 'antd';
import { formatWanDecimal } from '../../../../core/money.js';
import { tallyText } from '../../../../core/panels/record.js';
import type { PanelComparisonView } from '../../../../contract/panels.js';
import { RecommendationTag } from '../../../shared/panels/PanelRecordView.js';

/** 函评 and 会评 side by side on the decision page: 函评 mean and rank (raw, normalised), the 会评's record. */
export function PanelComparison({ panel }: { panel: PanelComparisonView | null }) {
  if (!panel) return <Typography.Text type="secondary">尚无函评或会评</Typography.Text>;
  const { letter, meeting } = panel;
  return (
    <Space orientation="vertical" size={4} data-testid="panel-comparison">
      <div>
        <Typography.Text strong>函评</Typography.Text>{' '}
        {letter ? (
          <span>
            平均 {letter.mean ?? '—'}（{letter.count} 位）· 排名 {letter.rawRank ?? '—'}/{letter.ranked}
            {' · '}标准化排名 {letter.normalisedRank ?? '—'}/{letter.ranked}
          </span>
        ) : (
          <Typography.Text type="secondary">尚无</Typography.Text>
        )}
      </div>
      <div>
        <Typography.Text strong>会评</Typography.Text>{' '}
        {meeting ? (
          <span>
            <RecommendationTag value={meeting.recommendation} />
            {meeting.proposedFunding !== null && `建议 ${formatWanDecimal(meeting.proposedFunding)}`}
            {meeting.consensusScore !== null && ` · 一致评分 ${meeting.consensusScore}`}
            <br />
            <Typography.Text type="secondary">
              {tallyText(meeting.tally)}
              {meeting.signedOffAt ? '' : ' · 纪要未签署'}
            </Typography.Text>
            {meeting.signedOffAt && <Tag style={{ marginInlineStart: 4 }}>纪要已签署</Tag>}
          </span>
        ) : (
          <Typography.Text type="secondary">未上会</Typography.Text>
        )}
      </div>
    </Space>
  );
}

import { Alert, Descriptions } from 'antd';
import { formatWanDecimal } from '../../../../core/money.js';
import type { DecisionItemView } from './api.js';

/** 专家论证 of a directed stream as the decision reads it: the panel's mean total and recommended amounts. */
export function FeasibilityPanel({
  feasibility,
  prefilled = false,
}: {
  feasibility: DecisionItemView['feasibility'];
  /** The decision's funding was pre-filled with the median. */
  prefilled?: boolean;
}) {
  if (!feasibility) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="feasibility-panel"
      title={`专家论证：建议资助经费中位数 ${formatWanDecimal(feasibility.medianAmount)}${prefilled ? '（已预填为资助经费，可修改）' : ''}`}
      description={
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="论证专家">{feasibility.experts} 位</Descriptions.Item>
          <Descriptions.Item label="平均分">{feasibility.meanTotal.toFixed(2)}</Descriptions.Item>
          <Descriptions.Item label="各专家建议">
            {feasibility.amounts.map((a) => formatWanDecimal(a)).join('、') || '（无）'}
          </Descriptions.Item>
        </Descriptions>
      }
    />
  );
}

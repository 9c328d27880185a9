import { Card, Col } from 'antd';
import { type ChartOption, EChart } from '../../../shared/EChart.js';

/** A chart in a card, half the row wide or the whole row. */
export function ChartCard({
  title,
  option,
  height,
  testId,
  half = false,
}: {
  title: string;
  option: ChartOption;
  height?: number;
  testId: string;
  half?: boolean;
}) {
  return (
    <Col xs={24} xl={half ? 12 : 24}>
      <Card title={title}>
        <EChart option={option} height={height} testId={testId} />
      </Card>
    </Col>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Row, Space, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { PageState } from '../../../shared/PageState.js';
import { crossCheckQueries, percent, type PairDetail } from './api.js';
import { Highlighted } from './Highlighted.js';
import { PAIR_VERDICTS } from './PairsTable.js';
import { SideLabel } from './SideLabel.js';

/** One similar pair side by side, the text each shares with the other marked. */
export function PairPage() {
  const { id = '' } = useParams();
  const query = useQuery(crossCheckQueries.pair(id));
  const navigate = useNavigate();
  return <PageState query={query}>{(detail) => pairView(detail, () => void navigate(-1))}</PageState>;
}

function pairView({ pair, title, summary }: PairDetail, back: () => void) {
  const verdict = pair.rule ? PAIR_VERDICTS[pair.rule] : undefined;
  const side = (which: 'a' | 'b') => (
    <Card size="small" title={which === 'a' ? '项目甲' : '项目乙'} data-testid={`pair-${which}`}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <SideLabel side={pair[which]} />
        <Typography.Text strong>项目名称</Typography.Text>
        <Highlighted text={title[which]} spans={which === 'a' ? title.spansA : title.spansB} />
        <Typography.Text strong>主要研究内容</Typography.Text>
        <Highlighted text={summary[which]} spans={which === 'a' ? summary.spansA : summary.spansB} />
      </Space>
    </Card>
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Button type="link" style={{ padding: 0 }} onClick={back}>
        ← 返回相似度报告
      </Button>
      <Space wrap align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          相似项目并排对照
        </Typography.Title>
        <Tag color="blue">重合度 {percent(pair.share)}</Tag>
        <span>
          名称 {percent(pair.titleShare)} · 主要研究内容 {percent(pair.summaryShare)}
        </span>
        <Tag color={verdict?.color ?? 'default'}>{verdict?.label ?? '仅供核查（非同一申报人）'}</Tag>
      </Space>
      <Typography.Text type="secondary">
        高亮为两者共有的文字（按去除空白后的连续三字组比对）。
      </Typography.Text>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          {side('a')}
        </Col>
        <Col xs={24} md={12}>
          {side('b')}
        </Col>
      </Row>
    </Space>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Card, Col, Progress, Row, Space, Statistic, Tag, Tooltip, Typography } from 'antd';
import type { CallDto } from '../../shared/api.js';
import { beijingTime } from '../../shared/format.js';
import { PageState } from '../../shared/PageState.js';
import { reviewQueries, type Quota } from './api.js';
import { useConfirmed } from './useConfirmed.js';

/** 推荐限额 at a glance: 专题四+五 used of the limit, separate slots, 专题二 per organization, deadline, confirmation. */
export function QuotaMeter({ call }: { call: CallDto }) {
  const quotaQuery = useQuery(reviewQueries.quota(call.id));
  const confirmed = useConfirmed(call.id);
  return <PageState query={quotaQuery}>{(quota) => quotaCard(call, quota, confirmed)}</PageState>;
}

function quotaCard(call: CallDto, quota: Quota, confirmed: boolean | undefined) {
  const { used, limit } = quota;
  const counties = quota.byDepartment.filter((d) => d.id !== quota.holder.id && d.used > 0);

  return (
    <Card size="small" data-testid="quota-meter">
      <Row gutter={[24, 12]} align="middle">
        <Col flex="260px">
          <Typography.Text type="secondary">专题四+五 推荐数 / 限额</Typography.Text>
          <div style={{ display: 'flex', alignItems: 'baseline', gap: 6 }}>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="quota-used">
              {used} / {limit ?? '不限'}
            </Typography.Title>
          </div>
          {limit !== null && (
            <Progress
              aria-label="推荐名额使用情况"
              percent={Math.min(100, Math.round((used / Math.max(limit, 1)) * 100))}
              status={used > limit ? 'exception' : 'normal'}
              showInfo={false}
              size="small"
            />
          )}
          {quota.byDepartment.length > 1 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              含所辖县（市）：
              {counties.length === 0 ? '无' : counties.map((d) => `${d.name} ${d.used} 项`).join('、')}
            </Typography.Text>
          )}
        </Col>
        <Col flex="140px">
          <Statistic title="单独推荐名额已用" value={quota.separateSlotsUsed} suffix="项" />
        </Col>
        <Col flex="auto">
          <Typography.Text type="secondary">专题二 每家高校、科研机构（限报）</Typography.Text>
          <div data-testid="belt-road">
            {quota.beltRoad.length ? (
              <Space wrap size={[4, 4]} style={{ marginTop: 4 }}>
                {quota.beltRoad.map((b) => (
                  <Tooltip
                    key={b.organization.id}
                    title={`已收到 ${b.applications} 项，已推荐 ${b.recommended} 项${b.separateSlot ? '，含单独推荐名额' : ''}`}
                  >
                    <Tag color={b.applications > b.limit ? 'error' : 'blue'}>
                      {b.organization.name} {b.applications}/{b.limit}
                    </Tag>
                  </Tooltip>
                ))}
              </Space>
            ) : (
              <div>无</div>
            )}
          </div>
        </Col>
        <Col flex="340px">
          <Space orientation="vertical" size={2}>
            <Typography.Text>
              审核推荐截止：
              <Typography.Text strong data-testid="review-deadline">
                {beijingTime(call.recommendationClosesAt)}
              </Typography.Text>
              （北京时间）
            </Typography.Text>
            <span data-testid="confirmation-state">
              {confirmed === undefined ? null : confirmed ? (
                <Tag color="success">推荐名单已确认提交</Tag>
              ) : (
                <Tag color="warning">推荐名单尚未确认提交</Tag>
              )}
            </span>
          </Space>
        </Col>
      </Row>
    </Card>
  );
}

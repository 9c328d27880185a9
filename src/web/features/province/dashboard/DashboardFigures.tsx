import { Card, Col, Radio, Row, Statistic, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { formatWan } from '../../../../core/money.js';
import { EChart } from '../../../shared/EChart.js';
import { beijingTime } from '../../../shared/format.js';
import type { DashboardDto } from './api.js';
import { ChartCard } from './ChartCard.js';
import {
  countryChart,
  departmentChart,
  fundingChart,
  streamName,
  submissionsChart,
  topicChart,
} from './charts.js';

/** What a call has received: counts by status, the charts, the funding asked against the caps, the last days. */
export function DashboardFigures({
  dashboard,
  days,
  onDays,
}: {
  dashboard: DashboardDto;
  /** How many days before the online deadline the hourly submissions cover. */
  days: number;
  onDays(days: number): void;
}) {
  const charts = useMemo(
    () => ({
      topic: topicChart(dashboard),
      department: departmentChart(dashboard),
      country: countryChart(dashboard),
      funding: fundingChart(dashboard),
      submissions: submissionsChart(dashboard),
    }),
    [dashboard],
  );
  const total = (status?: string) =>
    dashboard.byStatus.filter((s) => !status || s.status === status).reduce((n, s) => n + s.received, 0);

  return (
    <>
      <Row gutter={16}>
        {[
          ['收到申报书', total()],
          ['待审核', total('submitted')],
          ['已退回', total('returned')],
          ['已推荐', total('recommended')],
          ['未推荐', total('not-recommended')],
        ].map(([title, value]) => (
          <Col key={title} flex={1}>
            <Card size="small">
              <Statistic title={title} value={value} suffix="项" />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <ChartCard half title="按专题" option={charts.topic} testId="chart-topic" />
        <ChartCard
          half
          title="按合作国别（地区）"
          option={charts.country}
          height={Math.max(320, dashboard.byCountry.length * 24)}
          testId="chart-country"
        />
        <ChartCard
          title="按项目主管部门"
          option={charts.department}
          height={Math.max(320, dashboard.byDepartment.length * 28)}
          testId="chart-department"
        />
        <Col span={24}>
          <Card title="申请省资助经费与上限">
            <EChart option={charts.funding} height={360} testId="chart-funding" />
            <Table
              size="small"
              rowKey={streamName}
              pagination={false}
              dataSource={dashboard.funding}
              columns={[
                { title: '专题', render: (_, f) => streamName(f) },
                { title: '上限', render: (_, f) => formatWan(f.cap) },
                { title: '项数', dataIndex: 'count' },
                { title: '合计', render: (_, f) => formatWan(f.sum) },
                { title: '中位数', render: (_, f) => (f.count ? formatWan(f.median) : '—') },
                {
                  title: '超过上限',
                  render: (_, f) =>
                    f.overCap > 0 ? <Typography.Text type="danger">{f.overCap} 项</Typography.Text> : '0',
                },
              ]}
            />
          </Card>
        </Col>
        <Col span={24}>
          <Card
            title={`网上填报截止前逐小时提交数（截止 ${beijingTime(dashboard.submissions.closesAt)}，北京时间）`}
            extra={
              <Radio.Group
                size="small"
                value={days}
                onChange={(e) => onDays(e.target.value as number)}
                options={[3, 7, 14].map((n) => ({ value: n, label: `${n} 天` }))}
                optionType="button"
              />
            }
          >
            <EChart option={charts.submissions} height={320} testId="chart-submissions" />
          </Card>
        </Col>
      </Row>
    </>
  );
}

import { Space, Table, Tag, Typography } from 'antd';
import type { TopicNumber } from '../../../core/bundle/schema.js';
import { TOPIC_LABELS } from '../../../core/labels.js';
import type { ImportPlan, ImportPreview } from '../../../contract/review.js';

type Previewed = ImportPreview['applications'][number];

const ACTIONS: Record<ImportPlan['action'], { label: string; color: string }> = {
  create: { label: '新建', color: 'blue' },
  update: { label: '更新', color: 'cyan' },
  unchanged: { label: '不变', color: 'default' },
  refused: { label: '不能导入', color: 'red' },
};

/** The applications a bundle would import, each with the rules' verdict and what the import does with it. */
export function ImportPreviewTable({ applications }: { applications: Previewed[] }) {
  return (
    <Table<Previewed>
      data-testid="preview-applications"
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={applications}
      columns={[
        { title: '编号', dataIndex: 'id', width: 160 },
        { title: '项目名称', dataIndex: 'title' },
        {
          title: '专题',
          dataIndex: 'topic',
          width: 80,
          render: (topic: TopicNumber) => TOPIC_LABELS[topic],
        },
        {
          title: '规则检查',
          width: 320,
          render: (_, a) =>
            a.eligible ? (
              <Tag color="green">符合要求</Tag>
            ) : (
              <Space orientation="vertical" size={0}>
                {a.findings
                  .filter((f) => f.severity === 'error')
                  .map((f) => (
                    <Typography.Text key={f.rule + f.message} type="danger">
                      {f.message}
                    </Typography.Text>
                  ))}
              </Space>
            ),
        },
        {
          title: '导入后',
          width: 320,
          render: (_, a) =>
            a.plan && (
              <Space orientation="vertical" size={0}>
                <Tag color={ACTIONS[a.plan.action].color}>{ACTIONS[a.plan.action].label}</Tag>
                <Typography.Text type={a.plan.action === 'refused' ? 'danger' : 'secondary'}>
                  {a.plan.message}
                </Typography.Text>
              </Space>
            ),
        },
      ]}
    />
  );
}

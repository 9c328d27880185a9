import { Space, Table, Tag, Typography } from 'antd';
import type { TopicNumber } from '../../../core/bundle/schema.js';
import { TOPIC_LABELS } from '../../../core/labels.js';
import type { ImportPreview } from '../../../contract/review.js';

type Previewed = ImportPreview['applications'][number];

/** The applications a bundle would import, each with the rules' verdict. */
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
      ]}
    />
  );
}

import { Popover, Space, Table, Tag, Typography } from 'antd';
import type { CallDetailDto } from './api.js';

type Item = CallDetailDto['parameters']['general'][number];

/** Parameters in words, each with its clause and the notice's own words. */
export function CitedTable({ items, testId }: { items: Item[]; testId?: string }) {
  return (
    <Table<Item>
      data-testid={testId}
      size="small"
      rowKey="label"
      pagination={false}
      dataSource={items}
      columns={[
        { title: '参数', dataIndex: 'label', width: 220 },
        {
          title: '取值',
          render: (_, item) => (
            <Space orientation="vertical" size={4}>
              <span>{item.value}</span>
              {item.countries && (
                <Popover
                  title={`${item.countries.length} 个国家和地区`}
                  content={
                    <div style={{ maxWidth: 520, maxHeight: 320, overflow: 'auto' }}>
                      {item.countries.map((c) => (
                        <Tag key={c.code} style={{ marginBottom: 4 }}>
                          {c.name}（{c.code}）
                        </Tag>
                      ))}
                    </div>
                  }
                >
                  <Typography.Link>查看名单</Typography.Link>
                </Popover>
              )}
            </Space>
          ),
        },
        { title: '依据', dataIndex: 'clause', width: 110, render: (clause: string) => <Tag>{clause}</Tag> },
        {
          title: '通知原文',
          dataIndex: 'quote',
          render: (quote: string) => <Typography.Text type="secondary">{quote}</Typography.Text>,
        },
      ]}
    />
  );
}

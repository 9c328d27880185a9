import { Alert, Space, Table, Tag } from 'antd';
import type { CallDocumentResponse } from '../api.js';

type Rule = CallDocumentResponse['rulesUsed'][number];

/** The engine's rules this call exercises, each with what it reads: what a new notice can reuse without code. */
export function RulesUsed({ rules }: { rules: Rule[] }) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        title="修改参数不需要改代码"
        description="下列审查规则读取本页的参数，参数改了，规则随之按新值审查。若新的通知提出了规则引擎还不认识的一类条件（不是数值、名单或开关的变化），就需要开发人员新增一条规则代码，做法见项目文档 docs/calls.md。"
      />
      <Table<Rule>
        data-testid="call-rules-used"
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rules}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: '规则',
            render: (_, r) => (
              <>
                {r.title}{' '}
                <Tag color={r.severity === 'error' ? 'error' : 'warning'}>
                  {r.severity === 'error' ? '不予受理' : '提醒'}
                </Tag>
              </>
            ),
          },
          { title: '条款', dataIndex: 'clause', render: (c: string) => <Tag>{c}</Tag> },
          {
            title: '读取的参数',
            render: (_, r) => (
              <Space wrap size={4}>
                {r.reads.map((read) => (
                  <Tag key={read}>{read}</Tag>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}

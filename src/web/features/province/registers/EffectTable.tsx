import { Table, Tag } from 'antd';
import type { RegisterOutcomeView } from './api.js';

type Effect = RegisterOutcomeView['effect'][number];

/** The applications whose verdict the import changes: the conclusion before → after, problems added and gone. */
export function EffectTable({ effect }: { effect: Effect[] }) {
  const findings = (list: Effect['added'], color: string) =>
    list.map((f) => (
      <div key={`${f.rule}:${f.message}`}>
        <Tag color={f.severity === 'error' ? color : 'gold'}>{f.severity === 'error' ? '错误' : '提醒'}</Tag>
        {f.message}
      </div>
    ));
  return (
    <Table<Effect>
      data-testid="register-effect"
      size="small"
      rowKey="application"
      pagination={false}
      dataSource={effect}
      columns={[
        { title: '项目名称', dataIndex: 'title' },
        { title: '申报单位', dataIndex: 'applicant', width: 200 },
        {
          title: '结论',
          key: 'eligible',
          width: 150,
          render: (_: unknown, e: Effect) =>
            `${e.eligibleBefore ? '符合' : '不符合'} → ${e.eligibleAfter ? '符合' : '不符合'}`,
        },
        { title: '新增问题', key: 'added', render: (_: unknown, e: Effect) => findings(e.added, 'red') },
        {
          title: '消除的问题',
          key: 'removed',
          render: (_: unknown, e: Effect) => findings(e.removed, 'default'),
        },
      ]}
    />
  );
}

import { Table, Tag, Typography } from 'antd';
import { registerColumns, registerFields, type RegisterKind } from '../../../../core/registers/kinds.js';
import type { RegisterOutcomeView } from './api.js';

type Row = RegisterOutcomeView['rows'][number];

const STATUS: Record<RegisterOutcomeView['rows'][number]['status'], { label: string; color: string }> = {
  created: { label: '新增', color: 'green' },
  updated: { label: '更新', color: 'blue' },
  unchanged: { label: '不变', color: 'default' },
  invalid: { label: '有错误', color: 'red' },
};

/** Every row of the file with what the import does to it, and its problems (the row red). */
export function RowsTable({ kind, outcome }: { kind: RegisterKind; outcome: RegisterOutcomeView }) {
  const headers = registerColumns(kind).map((c) => c.header);
  const fields = registerFields(kind);
  return (
    <Table<Row>
      data-testid="register-rows"
      size="small"
      rowKey="row"
      scroll={{ x: true }}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      dataSource={outcome.rows}
      onRow={(r) => (r.status === 'invalid' ? { style: { background: '#fff1f0' } } : {})}
      columns={[
        { title: '行', dataIndex: 'row', width: 60, fixed: 'left' },
        {
          title: '结果',
          dataIndex: 'status',
          width: 80,
          render: (status: Row['status']) => <Tag color={STATUS[status].color}>{STATUS[status].label}</Tag>,
        },
        {
          title: '问题',
          key: 'problems',
          width: 320,
          render: (_: unknown, r: Row) =>
            r.problems.map((p) => (
              <Typography.Text key={`${p.column}:${p.message}`} type="danger" style={{ display: 'block' }}>
                {p.message}
              </Typography.Text>
            )),
        },
        ...fields.map((field, i) => ({
          title: headers[i],
          key: field,
          render: (_: unknown, r: Row) => r.cells[field] ?? '',
        })),
      ]}
    />
  );
}

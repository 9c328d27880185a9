import { Table } from 'antd';
import { REGISTER_LABELS, type RegisterKind } from '../../../../core/registers/kinds.js';
import { beijingTime } from '../../../shared/format.js';
import type { RegisterBatchView } from './api.js';

/** 历次导入: each file imported, when, by whom, and what it created, updated and left. */
export function BatchesTable({ batches }: { batches: RegisterBatchView[] }) {
  return (
    <Table<RegisterBatchView>
      data-testid="register-batches"
      size="small"
      rowKey="id"
      dataSource={batches}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { title: '导入时间', dataIndex: 'importedAt', width: 170, render: (at: string) => beijingTime(at) },
        { title: '登记库', dataIndex: 'kind', width: 150, render: (k: RegisterKind) => REGISTER_LABELS[k] },
        { title: '计划', dataIndex: 'callId', width: 160, render: (c: string | null) => c ?? '—' },
        { title: '文件', dataIndex: 'fileName' },
        {
          title: 'SHA-256',
          dataIndex: 'sha256',
          width: 130,
          render: (s: string) => <code title={s}>{s.slice(0, 12)}</code>,
        },
        { title: '导入人', dataIndex: 'importedBy', width: 120 },
        {
          title: '新增 / 更新 / 不变',
          key: 'counts',
          width: 150,
          render: (_: unknown, b: RegisterBatchView) => `${b.created} / ${b.updated} / ${b.unchanged}`,
        },
      ]}
    />
  );
}

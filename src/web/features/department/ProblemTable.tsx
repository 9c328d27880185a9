import { Table } from 'antd';
import type { FieldErrorView } from '../../shared/api.js';

/** Problems of a bundle, each where it is (a field path) and what is wrong there. */
export function ProblemTable({ problems, testId }: { problems: FieldErrorView[]; testId: string }) {
  return (
    <Table
      data-testid={testId}
      size="small"
      rowKey={(p) => `${p.path}:${p.message}`}
      pagination={false}
      dataSource={problems}
      columns={[
        { title: '位置', dataIndex: 'path', width: 280, render: (path: string) => <code>{path}</code> },
        { title: '问题', dataIndex: 'message' },
      ]}
    />
  );
}

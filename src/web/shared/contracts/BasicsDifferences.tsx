import { Table, Typography } from 'antd';
import type { ContractView } from './api.js';

type Line = NonNullable<ContractView['lines']>[number];

/** 申报书 vs 任务书, heading by heading; changed lines marked. Shared by the province and the applicant. */
export function BasicsDifferences({ lines, onlyChanged }: { lines: Line[]; onlyChanged?: boolean }) {
  const shown = onlyChanged ? lines.filter((l) => l.changed) : lines;
  if (onlyChanged && shown.length === 0) {
    return <Typography.Text type="secondary">任务书与申报书一致，无调整。</Typography.Text>;
  }
  return (
    <Table<Line>
      size="small"
      data-testid="basics-differences"
      rowKey={(l) => `${l.group}:${l.key}`}
      dataSource={shown}
      pagination={false}
      tableLayout="fixed"
      columns={[
        { title: '项目', render: (_, l) => `${l.groupLabel}·${l.label}` },
        { title: '申报书', width: '22%', dataIndex: 'applied' },
        { title: '任务书', width: '22%', dataIndex: 'adjusted' },
        {
          title: '差异',
          width: '20%',
          render: (_, l) =>
            l.changed ? (
              <Typography.Text type="warning" strong>
                {l.difference}
              </Typography.Text>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}

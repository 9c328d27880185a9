import { Table, Typography } from 'antd';
import { beijingTime } from '../../../shared/format.js';
import { CALL_CHANGE_LABELS, CALL_STATUS_LABELS, type CallVersionDto } from './api.js';

const SNAPSHOT_FIELDS = [
  ['status', '状态'],
  ['submissionClosesAt', '网上填报截止'],
  ['recommendationClosesAt', '审核推荐截止'],
  ['paperClosesAt', '纸质材料截止'],
] as const;

/** Each version of the call: what changed (marked), by whom, when. */
export function VersionTable({ versions }: { versions: CallVersionDto[] }) {
  const shown = (v: CallVersionDto, key: (typeof SNAPSHOT_FIELDS)[number][0]) =>
    key === 'status' ? CALL_STATUS_LABELS[v.snapshot.status].label : beijingTime(v.snapshot[key]);
  return (
    <Table<CallVersionDto>
      data-testid="call-versions"
      size="small"
      rowKey="version"
      pagination={false}
      dataSource={versions}
      locale={{ emptyText: '尚无修改' }}
      columns={[
        { title: '版本', dataIndex: 'version', width: 70, render: (v: number) => `第 ${v} 版` },
        { title: '变更', width: 120, render: (_, v) => CALL_CHANGE_LABELS[v.change] },
        ...SNAPSHOT_FIELDS.map(([key, title]) => ({
          title,
          render: (_: unknown, v: CallVersionDto) => {
            const previous = versions.find((p) => p.version === v.version - 1);
            const changed = previous !== undefined && shown(previous, key) !== shown(v, key);
            return changed ? <Typography.Text mark>{shown(v, key)}</Typography.Text> : shown(v, key);
          },
        })),
        { title: '操作人', width: 120, render: (_, v) => v.actor?.name ?? '系统' },
        { title: '时间', width: 170, render: (_, v) => beijingTime(v.at) },
      ]}
    />
  );
}

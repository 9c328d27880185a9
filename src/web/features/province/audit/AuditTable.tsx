import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Table, Typography } from 'antd';
import type { AuditEntryDto } from '../../../../contract/audit.js';
import { USER_ROLE_LABELS } from '../../../../contract/vocabulary.js';
import { beijingTime } from '../../../shared/format.js';
import { PageState } from '../../../shared/PageState.js';
import { auditQueries, type Filters } from './api.js';
import { AuditDiff } from './AuditDiff.js';

/** The entries under the filters, newest first, older pages on demand; a name, action or object filters by it. */
export function AuditTable({ filters, onFilter }: { filters: Filters; onFilter(patch: Filters): void }) {
  const entries = useInfiniteQuery(auditQueries.entries(filters));
  return (
    <PageState query={entries}>
      {({ pages }) => (
        <Table<AuditEntryDto>
          data-testid="audit-table"
          loading={entries.isPlaceholderData}
          rowKey="seq"
          size="small"
          dataSource={pages.flatMap((p) => p.entries)}
          pagination={false}
          columns={[
            { title: '序号', dataIndex: 'seq', width: 70 },
            { title: '时间', width: 170, render: (_, e) => beijingTime(e.at) },
            {
              title: '操作人',
              width: 200,
              render: (_, e) =>
                e.actor ? (
                  <Typography.Link onClick={() => onFilter({ actor: e.actor!.id })}>
                    {e.actor.name ?? '（已删除的用户）'}
                    {e.actor.role && `（${e.actor.scope ?? USER_ROLE_LABELS[e.actor.role]}）`}
                  </Typography.Link>
                ) : (
                  '系统'
                ),
            },
            {
              title: '操作',
              width: 220,
              render: (_, e) => (
                <Typography.Link onClick={() => onFilter({ action: e.action })}>
                  {e.actionLabel}
                </Typography.Link>
              ),
            },
            {
              title: '对象',
              width: 240,
              render: (_, e) => (
                <Typography.Link onClick={() => onFilter({ entityType: e.entityType, entityId: e.entityId })}>
                  {e.entityLabel}
                </Typography.Link>
              ),
            },
            { title: '改前 → 改后', render: (_, e) => <AuditDiff entry={e} /> },
          ]}
          footer={() =>
            entries.hasNextPage ? (
              <Button loading={entries.isFetchingNextPage} onClick={() => void entries.fetchNextPage()}>
                加载更早的记录
              </Button>
            ) : (
              <Typography.Text type="secondary">没有更早的记录了</Typography.Text>
            )
          }
        />
      )}
    </PageState>
  );
}

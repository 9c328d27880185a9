import { queryOptions, skipToken } from '@tanstack/react-query';
import { Card, List, Space, Tag, Typography } from 'antd';
import type { PaperItem, PaperOwedResponse } from '../../contract/paper.js';
import { api, query } from './api.js';

// 纸质材料: what a department or an applicant still owes, read from the server's register and shown the same way
// on both sides.

export const PAPER_KEY = ['paper'] as const;

/** `review`: the department's own; `applications`: the unit's (or the PI's). Asked for once a call is known. */
export const paperOwedQuery = (side: 'review' | 'applications', callId: string | undefined) =>
  queryOptions({
    queryKey: [...PAPER_KEY, side, callId],
    queryFn: callId
      ? ({ signal }) => api<PaperOwedResponse>(`/${side}/paper${query({ callId })}`, { signal })
      : skipToken,
  });

const STATUS_COLORS: Record<PaperItem['status'], string> = {
  owed: 'default',
  overdue: 'error',
  received: 'success',
  late: 'error',
};

export function PaperStatusTag({ item }: { item: PaperItem }) {
  return <Tag color={STATUS_COLORS[item.status]}>{item.statusLabel}</Tag>;
}

/** 逾期不予受理（三、3）, in red, beside a late or overdue item. */
export function LateNotice({ item }: { item: PaperItem }) {
  return item.lateNotice ? (
    <Typography.Text type="danger" strong data-testid="late-notice">
      {item.lateNotice}
    </Typography.Text>
  ) : null;
}

/** The item's owner as people know it: the application by number and title, or the department. */
export function paperSubject(item: PaperItem): string {
  if (item.applicationId === null) return item.departmentName;
  return [item.acceptanceNo, item.title ?? '（未命名申报书）'].filter(Boolean).join(' ');
}

/** A card listing what is owed, with its deadline, clause and where to send it. */
export function PaperOwedCard({ data, title = '纸质材料' }: { data: PaperOwedResponse; title?: string }) {
  const { address } = data;
  return (
    <Card title={title} data-testid="paper-owed">
      {address && (
        <Typography.Paragraph>
          报送地址：{address.address}
          {address.unit}（{address.clause}）；联系电话 {address.phones.join('、')}
        </Typography.Paragraph>
      )}
      <List
        dataSource={data.items}
        locale={{ emptyText: '目前没有需要报送的纸质材料' }}
        renderItem={(item) => (
          <List.Item key={`${item.kind}:${item.applicationId ?? item.departmentId}`}>
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap>
                <PaperStatusTag item={item} />
                <Typography.Text strong>{item.kindLabel}</Typography.Text>
                <LateNotice item={item} />
              </Space>
              <span>{paperSubject(item)}</span>
              <span>{item.what}</span>
              <span>
                已收 {item.receivedCopies}/{item.copies} 份 · 截止：{item.dueText}
                {item.deadlineClause ? `（${item.deadlineClause}）` : ''}
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {item.clause}：{item.quote}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

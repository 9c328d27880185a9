import { useQuery } from '@tanstack/react-query';
import { Button, Card, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import {
  PAPER_KIND_LABELS,
  PAPER_KINDS,
  PAPER_STATUS_LABELS,
  PAPER_STATUSES,
} from '../../../../core/paper/register.js';
import type { PaperItem, PaperReceipt } from '../../../../contract/paper.js';
import { useUser } from '../../../app/session.js';
import { PageState } from '../../../shared/PageState.js';
import { LateNotice, PaperStatusTag, paperSubject } from '../../../shared/paper.js';
import { CallSelect } from '../../department/CallSelect.js';
import { useReviewCall } from '../../department/useReviewCall.js';
import { paperRegisterQuery } from './api.js';
import { ReceiptModal } from './ReceiptModal.js';

type Kind = (typeof PAPER_KINDS)[number];
type Status = (typeof PAPER_STATUSES)[number];

/** 纸质材料登记: what each department and applicant owes for a call, what was received and when, late in red. */
export function PaperPage() {
  const { query: calls, callId, select } = useReviewCall();
  const [kind, setKind] = useState<Kind>();
  const [status, setStatus] = useState<Status>();
  const register = useQuery(paperRegisterQuery({ callId, kind, status }));
  const user = useUser();
  const canRecord = user.duties.includes('admin') || user.duties.includes('center');
  const [editing, setEditing] = useState<{ item: PaperItem; correcting?: PaperReceipt }>();
  const counts = register.data?.counts;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        纸质材料登记
      </Typography.Title>
      <Card>
        <Space wrap>
          <CallSelect calls={calls.data} value={callId} onChange={select} />
          <Select
            aria-label="材料种类"
            allowClear
            placeholder="全部材料"
            style={{ minWidth: 220 }}
            value={kind}
            onChange={setKind}
            options={PAPER_KINDS.map((k) => ({ value: k, label: PAPER_KIND_LABELS[k] }))}
          />
          <Select
            aria-label="状态"
            allowClear
            placeholder="全部状态"
            style={{ minWidth: 120 }}
            value={status}
            onChange={setStatus}
            options={PAPER_STATUSES.map((s) => ({ value: s, label: PAPER_STATUS_LABELS[s] }))}
          />
          {counts && (
            <Typography.Text type="secondary">
              已收 {counts.received}，未收 {counts.owed}，逾期 {counts.late}，逾期未收 {counts.overdue}
            </Typography.Text>
          )}
        </Space>
        {register.data?.address && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            收件地址：{register.data.address.address}
            {register.data.address.unit}（{register.data.address.clause}）
          </Typography.Paragraph>
        )}
      </Card>
      <PageState query={calls}>
        {() => (
          <PageState query={register}>
            {({ items }) => (
              <Table<PaperItem>
                data-testid="paper-register"
                rowKey={(r) => `${r.kind}:${r.applicationId ?? r.departmentId}`}
                dataSource={items}
                scroll={{ x: 960 }}
                pagination={{ pageSize: 50, hideOnSinglePage: true }}
                columns={[
                  {
                    title: '材料',
                    render: (_, r) => (
                      <Space orientation="vertical" size={0}>
                        <Typography.Text strong>{r.kindLabel}</Typography.Text>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {r.what}（{r.clause}）
                        </Typography.Text>
                      </Space>
                    ),
                  },
                  {
                    title: '报送方',
                    render: (_, r) => (
                      <Space orientation="vertical" size={0}>
                        <span>{paperSubject(r)}</span>
                        {r.organizationName && <span>{r.organizationName}</span>}
                        {r.applicationId && (
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {r.departmentName}
                          </Typography.Text>
                        )}
                      </Space>
                    ),
                  },
                  {
                    title: '截止时间',
                    width: 170,
                    render: (_, r) => (r.deadlineClause ? `${r.dueText}（${r.deadlineClause}）` : r.dueText),
                  },
                  { title: '份数', width: 90, render: (_, r) => `${r.receivedCopies}/${r.copies}` },
                  {
                    title: '状态',
                    width: 200,
                    render: (_, r) => (
                      <Space orientation="vertical" size={0}>
                        <PaperStatusTag item={r} />
                        <LateNotice item={r} />
                      </Space>
                    ),
                  },
                  {
                    title: '收件',
                    width: 260,
                    render: (_, r) => (
                      <Space orientation="vertical" size={0}>
                        {r.receipts.map((receipt) => (
                          <span key={receipt.id}>
                            {receipt.receivedAtText} · {receipt.receiver} · {receipt.copies} 份
                            {receipt.note ? ` · ${receipt.note}` : ''}
                            {canRecord && (
                              <Button
                                type="link"
                                size="small"
                                onClick={() => setEditing({ item: r, correcting: receipt })}
                              >
                                更正
                              </Button>
                            )}
                          </span>
                        ))}
                      </Space>
                    ),
                  },
                  ...(canRecord
                    ? [
                        {
                          title: '操作',
                          width: 110,
                          render: (_: unknown, r: PaperItem) => (
                            <Button size="small" onClick={() => setEditing({ item: r })}>
                              登记收件
                            </Button>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            )}
          </PageState>
        )}
      </PageState>
      {editing && callId && (
        <ReceiptModal
          callId={callId}
          item={editing.item}
          correcting={editing.correcting}
          onClose={() => setEditing(undefined)}
        />
      )}
    </Space>
  );
}

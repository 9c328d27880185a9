import { useQuery } from '@tanstack/react-query';
import { Button, Table, Tag } from 'antd';
import { useState } from 'react';
import type { ObjectionSummaryView } from '../../../../contract/objections.js';
import { beijingTime } from '../../../shared/format.js';
import { PageState } from '../../../shared/PageState.js';
import { objectionQueries } from './api.js';
import { ObjectionDrawer } from './ObjectionDrawer.js';

const STATUS_COLORS: Record<ObjectionSummaryView['status'], string> = {
  received: 'orange',
  registered: 'blue',
  investigating: 'purple',
  closed: 'default',
};

/** The call's objections, newest first; a row opens its record. */
export function ObjectionsTable({ callId }: { callId: string }) {
  const list = useQuery(objectionQueries.list(callId));
  const [open, setOpen] = useState<string>();
  return (
    <>
      <PageState query={list} isEmpty={(d) => d.objections.length === 0} empty="本计划尚未收到公示异议">
        {(data) => (
          <Table<ObjectionSummaryView>
            data-testid="objections-table"
            rowKey="id"
            dataSource={data.objections}
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: '异议编号', dataIndex: 'reference', width: 120 },
              {
                title: '异议项目',
                render: (_, o) => `${o.acceptanceNo} ${o.projectTitle}`,
              },
              {
                title: '状态',
                width: 150,
                render: (_, o) => (
                  <>
                    <Tag color={STATUS_COLORS[o.status]}>{o.statusLabel}</Tag>
                    {o.findingLabel && (
                      <Tag color={o.finding === 'upheld' ? 'red' : 'green'}>{o.findingLabel}</Tag>
                    )}
                    {o.revokedApproval && <Tag color="red">已撤销立项</Tag>}
                  </>
                ),
              },
              { title: '收到时间', width: 170, render: (_, o) => beijingTime(o.receivedAt) },
              {
                title: '操作',
                width: 90,
                render: (_, o) => (
                  <Button size="small" onClick={() => setOpen(o.id)}>
                    办理
                  </Button>
                ),
              },
            ]}
          />
        )}
      </PageState>
      <ObjectionDrawer id={open} callId={callId} onClose={() => setOpen(undefined)} />
    </>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { describeError } from '../../../shared/api.js';
import { beijingTime } from '../../../shared/format.js';
import { PageState } from '../../../shared/PageState.js';
import {
  type AdminCallDto,
  CALL_STATUS_LABELS,
  callAdminApi,
  callAdminQueries,
  readCallsAgain,
} from './api.js';
import { type CallEdit, CallEditModal } from './CallEditModal.js';
import { DEADLINES } from './deadlines.js';
import { NewCallModal } from './NewCallModal.js';

/** 计划管理: every call with its status and windows; open, close, move the deadlines, or clone for a new year. */
export function CallsPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const calls = useQuery(callAdminQueries.list());
  const [editing, setEditing] = useState<CallEdit>();
  const [creating, setCreating] = useState(false);
  const changing = useMutation({
    mutationFn: ({ change }: { change: () => Promise<unknown>; done: string }) => change(),
    onSuccess: (_, { done }) => {
      void message.success(done);
      return readCallsAgain(queryClient);
    },
    onError: (e) => void message.error(describeError(e)),
  });
  // The confirmation stays open, its button spinning, until the change is done.
  const act = (change: () => Promise<unknown>, done: string) =>
    changing.mutateAsync({ change, done }).catch(() => undefined);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          计划管理
        </Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)}>
          新建计划
        </Button>
      </Space>
      <PageState query={calls}>
        {(list) => (
          <Table<AdminCallDto>
            data-testid="calls-table"
            rowKey="id"
            dataSource={list}
            pagination={false}
            columns={[
              {
                title: '计划',
                render: (_, c) => (
                  <Space orientation="vertical" size={0}>
                    <Link to={`/province/calls/${encodeURIComponent(c.id)}`}>{c.name}</Link>
                    <Typography.Text type="secondary">
                      {c.id} · {c.noticeNumber}
                    </Typography.Text>
                  </Space>
                ),
              },
              {
                title: '状态',
                width: 170,
                render: (_, c) => (
                  <Space wrap size={4}>
                    {c.readOnly ? (
                      <Tag>只读历史</Tag>
                    ) : (
                      <Tag color={CALL_STATUS_LABELS[c.status].color}>
                        {CALL_STATUS_LABELS[c.status].label}
                      </Tag>
                    )}
                    {c.open && <Tag color="processing">填报中</Tag>}
                    {c.isPractice && <Tag color="gold">演示</Tag>}
                  </Space>
                ),
              },
              ...DEADLINES.map(([name, label]) => ({
                title: label,
                width: 170,
                render: (_: unknown, c: AdminCallDto) => beijingTime(c[name]),
              })),
              { title: '版本', width: 70, render: (_, c) => (c.version === 0 ? '—' : `第 ${c.version} 版`) },
              {
                title: '操作',
                width: 300,
                render: (_, c) => (
                  <Space wrap size={4}>
                    {!c.readOnly && c.status !== 'open' && (
                      <Popconfirm
                        title={`开放“${c.name}”？`}
                        description="开放后申报单位即可在截止时间前新建和提交申报书。"
                        okText="开放"
                        onConfirm={() => act(() => callAdminApi.open(c.id), '已开放申报')}
                      >
                        <Button size="small" type="primary">
                          开放
                        </Button>
                      </Popconfirm>
                    )}
                    {!c.readOnly && c.status === 'open' && (
                      <Popconfirm
                        title={`关闭“${c.name}”？`}
                        description="关闭后不能再新建或提交申报书；主管部门审核不受影响。"
                        okText="关闭"
                        okButtonProps={{ danger: true }}
                        onConfirm={() => act(() => callAdminApi.close(c.id), '已关闭申报')}
                      >
                        <Button size="small" danger>
                          关闭
                        </Button>
                      </Popconfirm>
                    )}
                    {!c.readOnly && (
                      <Button size="small" onClick={() => setEditing({ kind: 'deadlines', call: c })}>
                        修改截止时间
                      </Button>
                    )}
                    <Link to={`/province/calls/${encodeURIComponent(c.id)}/edit`}>
                      <Button size="small">{c.readOnly ? '查看参数' : '编辑参数'}</Button>
                    </Link>
                    <Button size="small" onClick={() => setEditing({ kind: 'clone', call: c })}>
                      复制为新年度
                    </Button>
                    {!c.readOnly && c.status === 'draft' && (
                      <Popconfirm
                        title={`删除“${c.name}”？`}
                        description="只能删除没有申报书的草稿计划；删除后不可恢复。"
                        okText="删除"
                        okButtonProps={{ danger: true }}
                        onConfirm={() => act(() => callAdminApi.remove(c.id), '已删除计划')}
                      >
                        <Button size="small" danger>
                          删除
                        </Button>
                      </Popconfirm>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </PageState>
      {editing && <CallEditModal editing={editing} onClose={() => setEditing(undefined)} />}
      {creating && <NewCallModal onClose={() => setCreating(false)} />}
    </Space>
  );
}

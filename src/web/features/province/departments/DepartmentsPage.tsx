import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Popconfirm, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DEPARTMENT_KINDS, type DepartmentKind } from '../../../../core/bundle/schema.js';
import { DEPARTMENT_KIND_LABELS } from '../../../../core/labels.js';
import { DEPARTMENT_STATUSES } from '../../../../contract/departments.js';
import { PageState } from '../../../shared/PageState.js';
import { SearchBox } from '../../../shared/SearchBox.js';
import { useUrlParam } from '../../../shared/useUrlParam.js';
import { useWrite } from '../useWrite.js';
import { DEPARTMENTS_KEY, departmentsApi, departmentsQueries, type ManagedDepartmentView } from './api.js';
import { DepartmentModal } from './DepartmentModal.js';
import { HistoryDrawer } from './HistoryDrawer.js';
import { ImportCard } from './ImportCard.js';

type Status = (typeof DEPARTMENT_STATUSES)[number];
const STATUS_LABELS: Record<Status, string> = { active: '启用', inactive: '已停用', all: '全部' };

/** 主管部门名录: search and filter, add, edit, deactivate or delete, each department's history, import a list. */
export function DepartmentsPage() {
  const [q] = useUrlParam('q');
  const [kind, setKind] = useUrlParam('kind');
  const [cityId, setCityId] = useUrlParam('city');
  const [status, setStatus] = useUrlParam('status');
  const filter = {
    q,
    kind: kind as DepartmentKind | undefined,
    cityId,
    status: (status as Status | undefined) ?? 'active',
  };
  const departments = useQuery({ ...departmentsQueries.list(filter), placeholderData: keepPreviousData });
  const cities = useQuery(departmentsQueries.list({ kind: 'city', status: 'all' }));
  const queryClient = useQueryClient();
  const write = useWrite(DEPARTMENTS_KEY, '未能完成');
  const [editing, setEditing] = useState<ManagedDepartmentView | 'new'>();
  const [historyOf, setHistoryOf] = useState<ManagedDepartmentView>();

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        主管部门名录
      </Typography.Title>
      <Space wrap>
        <Button type="primary" onClick={() => setEditing('new')} data-testid="new-department">
          新增主管部门
        </Button>
        <SearchBox placeholder="名称" />
        <Select
          allowClear
          placeholder="类型"
          aria-label="类型"
          style={{ width: 160 }}
          value={kind}
          onChange={(v?: string) => setKind(v)}
          options={DEPARTMENT_KINDS.map((k) => ({ value: k, label: DEPARTMENT_KIND_LABELS[k] }))}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="所在设区市"
          aria-label="所在设区市"
          style={{ width: 180 }}
          value={cityId}
          onChange={(v?: string) => setCityId(v)}
          options={(cities.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
        <Radio.Group
          optionType="button"
          value={filter.status}
          onChange={(e) => setStatus(e.target.value === 'active' ? undefined : (e.target.value as string))}
          options={DEPARTMENT_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
        />
      </Space>
      <PageState query={departments}>
        {(list) => (
          <Table<ManagedDepartmentView>
            data-testid="departments"
            rowKey="id"
            size="small"
            scroll={{ x: true }}
            dataSource={list}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              {
                title: '名称',
                dataIndex: 'name',
                render: (name: string, d) => (
                  <Space size={4} wrap>
                    {name}
                    {!d.active && <Tag>已停用</Tag>}
                  </Space>
                ),
              },
              { title: '类型', dataIndex: 'kind', render: (k: DepartmentKind) => DEPARTMENT_KIND_LABELS[k] },
              { title: '所在设区市', dataIndex: 'cityName', render: (n: string | null) => n ?? '—' },
              { title: '区划代码', dataIndex: 'divisionCode', render: (c: string | null) => c ?? '—' },
              {
                title: '联系人',
                key: 'contact',
                render: (_, d) =>
                  [d.contact.name, d.contact.phone, d.contact.email].filter(Boolean).join(' / ') || '—',
              },
              {
                title: '操作',
                key: 'actions',
                render: (_, d) => (
                  <Space size={4} wrap>
                    <Button size="small" onClick={() => setEditing(d)}>
                      修改
                    </Button>
                    <Button size="small" onClick={() => setHistoryOf(d)}>
                      修改记录
                    </Button>
                    <Button
                      size="small"
                      onClick={() => write.mutate(() => departmentsApi.setActive(d.id, !d.active))}
                    >
                      {d.active ? '停用' : '启用'}
                    </Button>
                    <Popconfirm
                      title={`删除 ${d.name}？`}
                      description="已有申报书、单位或账号引用的不能删除，可以停用"
                      okText="删除"
                      cancelText="取消"
                      onConfirm={() => write.mutate(() => departmentsApi.remove(d.id))}
                    >
                      <Button size="small" danger>
                        删除
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </PageState>
      <ImportCard />
      {editing && (
        <DepartmentModal
          department={editing === 'new' ? undefined : editing}
          cities={(cities.data ?? []).filter((c) => c.active)}
          onClose={(saved) => {
            setEditing(undefined);
            if (saved) void queryClient.invalidateQueries({ queryKey: DEPARTMENTS_KEY });
          }}
        />
      )}
      {historyOf && <HistoryDrawer department={historyOf} onClose={() => setHistoryOf(undefined)} />}
    </Space>
  );
}

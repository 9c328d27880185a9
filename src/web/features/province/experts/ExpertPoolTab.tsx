import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { PageState } from '../../../shared/PageState.js';
import { SearchBox } from '../../../shared/SearchBox.js';
import { useUrlParam } from '../../../shared/useUrlParam.js';
import { useWrite } from '../useWrite.js';
import { EXPERTS_KEY, expertsApi, expertsQueries, type ExpertView } from './api.js';
import { ConflictsDrawer } from './ConflictsDrawer.js';
import { CreateExpertModal } from './CreateExpertModal.js';

/** 专家库: the pool, new experts with their logins, active or not, and each expert's declared conflicts. */
export function ExpertPoolTab() {
  const [q] = useUrlParam('expert');
  const experts = useQuery({ ...expertsQueries.pool(q), placeholderData: keepPreviousData });
  const write = useWrite(EXPERTS_KEY, '未能修改');
  const [creating, setCreating] = useState(false);
  const [conflictsOf, setConflictsOf] = useState<ExpertView>();

  // The list masks phones: the profile sent back is the record's, read whole.
  const setActive = (listed: ExpertView, active: boolean) => {
    write.mutate(async () => {
      const { expert } = await expertsApi.detail(listed.id);
      const { id: _id, login: _login, assignments: _a, pending: _p, active: _active, ...profile } = expert;
      return expertsApi.update(expert.id, { ...profile, active });
    });
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button type="primary" onClick={() => setCreating(true)} data-testid="new-expert">
          新增专家
        </Button>
        <SearchBox param="expert" placeholder="姓名、所在单位或学科/领域" />
      </Space>
      <PageState query={experts}>
        {(pool) => (
          <Table<ExpertView>
            data-testid="expert-pool"
            rowKey="id"
            dataSource={pool}
            pagination={{ pageSize: 20 }}
            columns={[
              { title: '姓名', dataIndex: 'name' },
              { title: '职称', dataIndex: 'title' },
              {
                title: '所在单位',
                key: 'organization',
                render: (_, e) => (
                  <Space orientation="vertical" size={0}>
                    <span>{e.organizationName}</span>
                    {e.organizationCreditCode && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {e.organizationCreditCode}
                      </Typography.Text>
                    )}
                  </Space>
                ),
              },
              {
                title: '学科/领域',
                key: 'fields',
                render: (_, e) => e.fields.map((f) => <Tag key={f}>{f}</Tag>),
              },
              {
                title: '联系方式',
                key: 'contact',
                render: (_, e) => [e.phone, e.email].filter(Boolean).join(' / '),
              },
              { title: '登录名', dataIndex: 'login' },
              {
                title: '评审任务（未提交）',
                key: 'load',
                render: (_, e) => `${e.assignments}（${e.pending}）`,
              },
              {
                title: '启用',
                key: 'active',
                render: (_, e) => (
                  <Switch
                    aria-label={`启用 ${e.name}`}
                    checked={e.active}
                    onChange={(on) => setActive(e, on)}
                  />
                ),
              },
              {
                title: '回避',
                key: 'conflicts',
                render: (_, e) => (
                  <Button size="small" onClick={() => setConflictsOf(e)}>
                    声明的回避
                  </Button>
                ),
              },
            ]}
          />
        )}
      </PageState>
      <CreateExpertModal open={creating} onClose={() => setCreating(false)} />
      {conflictsOf && <ConflictsDrawer expert={conflictsOf} onClose={() => setConflictsOf(undefined)} />}
    </Space>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ORGANIZATION_KIND_LABELS } from '../../../core/labels.js';
import {
  CLAIM_STATUS_LABELS,
  type ClaimView,
  type OrganizationSummaryView,
  VERIFICATION_REQUEST_KIND_LABELS,
} from '../../../contract/organizations.js';
import { describeError } from '../../shared/api.js';
import { beijingTime } from '../../shared/format.js';
import { VerificationTag } from '../../shared/OrganizationDossier.js';
import { PageState } from '../../shared/PageState.js';
import { useUrlParam } from '../../shared/useUrlParam.js';
import { ORGANIZATIONS_KEY, organizationQueries, organizationsApi } from './organizations-api.js';
import { ReasonDialog } from './ReasonDialog.js';

/** 单位审核: registrations and changes to decide, every organization of the department, and claims. */
export function OrganizationsPage() {
  const [tab, setTab] = useUrlParam('tab');
  const organizations = useQuery(organizationQueries.list);
  const claims = useQuery(organizationQueries.claims);
  const waiting = organizations.data?.filter((o) => o.pending).length ?? 0;
  const open = claims.data?.filter((c) => c.status === 'pending').length ?? 0;
  return (
    <Card title="单位审核">
      <Typography.Paragraph type="secondary">
        单位自行注册后须经所选项目主管部门核实其申报的信息（属地审核），通过后才能提交申报书。单位变更单位类型、注册日期、
        独立法人、主管部门等信息，也须重新审核；审核前仍按原已审核的信息申报。
      </Typography.Paragraph>
      <Tabs
        activeKey={tab ?? 'pending'}
        onChange={setTab}
        items={[
          {
            key: 'pending',
            label: `待审核（${waiting}）`,
            children: (
              <PageState query={organizations}>
                {(list) => (
                  <OrganizationTable list={list.filter((o) => o.pending)} empty="没有待审核的单位" />
                )}
              </PageState>
            ),
          },
          {
            key: 'all',
            label: '全部单位',
            children: (
              <PageState query={organizations}>
                {(list) => <OrganizationTable list={list} empty="本部门还没有申报单位" />}
              </PageState>
            ),
          },
          {
            key: 'claims',
            label: `认领申请（${open}）`,
            children: <PageState query={claims}>{(list) => <ClaimTable claims={list} />}</PageState>,
          },
        ]}
      />
    </Card>
  );
}

function OrganizationTable({ list, empty }: { list: OrganizationSummaryView[]; empty: string }) {
  return (
    <Table<OrganizationSummaryView>
      rowKey="id"
      size="small"
      dataSource={list}
      scroll={{ x: 720 }}
      pagination={{ hideOnSinglePage: true, pageSize: 20 }}
      locale={{ emptyText: empty }}
      columns={[
        {
          title: '单位名称',
          dataIndex: 'name',
          render: (name: string, o) => (
            <span>
              <Link to={`/review/organizations/${o.id}`}>{name}</Link>
              <Typography.Text type="secondary" className="mono" style={{ display: 'block', fontSize: 12 }}>
                {o.creditCode}
              </Typography.Text>
            </span>
          ),
        },
        {
          title: '类型',
          dataIndex: 'kind',
          width: 100,
          render: (k: OrganizationSummaryView['kind']) => ORGANIZATION_KIND_LABELS[k],
        },
        {
          title: '状态',
          key: 'status',
          width: 200,
          render: (_, o) => (
            <Space size={4} wrap>
              <VerificationTag status={o.verification} />
              {o.pending && (
                <Tag color="orange">{VERIFICATION_REQUEST_KIND_LABELS[o.pending.kind]}待审核</Tag>
              )}
              {o.licenceRequested && !o.licenceUploaded && <Tag>待上传执照</Tag>}
            </Space>
          ),
        },
        {
          title: '提交时间',
          key: 'at',
          width: 170,
          render: (_, o) => beijingTime(o.pending?.requestedAt ?? o.createdAt),
        },
      ]}
    />
  );
}

function ClaimTable({ claims }: { claims: ClaimView[] }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [declining, setDeclining] = useState<ClaimView>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ORGANIZATIONS_KEY });
  const grant = useMutation({
    mutationFn: (id: string) => organizationsApi.grantClaim(id),
    onSuccess: () => {
      void message.success('已同意，邀请链接已发送到申请人的电子邮箱');
      return refresh();
    },
    onError: (e) => void message.error(describeError(e)),
  });
  const decline = useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => organizationsApi.declineClaim(id, reason),
    onSuccess: () => {
      void message.success('已拒绝，理由已发送到申请人的电子邮箱');
      setDeclining(undefined);
      return refresh();
    },
  });
  return (
    <>
      <Table<ClaimView>
        rowKey="id"
        size="small"
        dataSource={claims}
        scroll={{ x: 800 }}
        pagination={{ hideOnSinglePage: true, pageSize: 20 }}
        locale={{ emptyText: '没有认领申请' }}
        columns={[
          {
            title: '单位',
            key: 'organization',
            render: (_, c) => (
              <Link to={`/review/organizations/${c.organization.id}`}>{c.organization.name}</Link>
            ),
          },
          {
            title: '申请人',
            key: 'who',
            render: (_, c) => (
              <span>
                {c.name}
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {c.mobile} · {c.email}
                </Typography.Text>
              </span>
            ),
          },
          { title: '说明', dataIndex: 'note' },
          { title: '提交时间', dataIndex: 'createdAt', width: 170, render: (at: string) => beijingTime(at) },
          {
            title: '处理',
            key: 'actions',
            width: 180,
            render: (_, c) =>
              c.status === 'pending' ? (
                <Space>
                  <Button
                    size="small"
                    type="primary"
                    loading={grant.isPending}
                    onClick={() => grant.mutate(c.id)}
                  >
                    同意
                  </Button>
                  <Button size="small" danger onClick={() => setDeclining(c)}>
                    拒绝
                  </Button>
                </Space>
              ) : (
                <span>
                  <Tag>{CLAIM_STATUS_LABELS[c.status]}</Tag>
                  {c.reason && (
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {c.reason}
                    </Typography.Text>
                  )}
                </span>
              ),
          },
        ]}
      />
      {declining && (
        <ReasonDialog
          title={`拒绝${declining.name}认领${declining.organization.name}`}
          label="拒绝的理由"
          okText="拒绝"
          pending={decline.isPending}
          error={decline.error}
          onSubmit={(reason) => decline.mutate({ id: declining.id, reason })}
          onClose={() => setDeclining(undefined)}
        />
      )}
    </>
  );
}

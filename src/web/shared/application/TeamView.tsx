import { Descriptions, Table, Typography } from 'antd';
import type { ReviewerTeam } from '../../../contract/reviewer-content.js';
import { GENDER_LABELS } from '../../../core/labels.js';
import { regionName } from '../countries.js';

type Member = NonNullable<ReviewerTeam['members']>[number];
type ForeignPerson = NonNullable<ReviewerTeam['foreignMembers']>[number];

const named = (people: readonly { name?: string }[]) => people.some((p) => p.name);

/** 项目组: what the reviewer may read of each person (the server leaves out the rest). */
export function TeamView({ team, piName }: { team: ReviewerTeam; piName?: string }) {
  const { pi, members = [], foreignPi, foreignMembers = [] } = team;
  const foreign = foreignPi ? [{ ...foreignPi, lead: true }, ...foreignMembers] : foreignMembers;
  return (
    <>
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} title="项目负责人">
        {piName && <Descriptions.Item label="姓名">{piName}</Descriptions.Item>}
        {pi?.gender && <Descriptions.Item label="性别">{GENDER_LABELS[pi.gender]}</Descriptions.Item>}
        {pi?.birthYear && <Descriptions.Item label="出生年份">{pi.birthYear}</Descriptions.Item>}
        <Descriptions.Item label="职称">{pi?.title || '—'}</Descriptions.Item>
        <Descriptions.Item label="学位">{pi?.degree || '—'}</Descriptions.Item>
        {pi?.mobile && <Descriptions.Item label="手机">{pi.mobile}</Descriptions.Item>}
        {pi?.email && <Descriptions.Item label="电子邮箱">{pi.email}</Descriptions.Item>}
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        境内项目组成员
      </Typography.Title>
      <Table<Member>
        size="small"
        bordered
        pagination={false}
        rowKey={(_, i) => String(i)}
        dataSource={members}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '无' }}
        columns={[
          ...(named(members) ? [{ title: '姓名', dataIndex: 'name', key: 'name' }] : []),
          { title: '工作单位', dataIndex: 'organization', key: 'organization' },
          { title: '职称', dataIndex: 'title', key: 'title', render: (v?: string) => v || '—' },
          { title: '项目分工', dataIndex: 'role', key: 'role' },
          { title: '每年投入（月）', dataIndex: 'monthsPerYear', key: 'months', align: 'right' },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        境外方负责人及成员
      </Typography.Title>
      <Table<ForeignPerson & { lead?: boolean }>
        size="small"
        bordered
        pagination={false}
        rowKey={(_, i) => String(i)}
        dataSource={foreign}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '无' }}
        columns={[
          { title: '身份', key: 'lead', render: (_, p) => (p.lead ? '境外方负责人' : '成员') },
          ...(named(foreign) ? [{ title: '姓名（原文）', dataIndex: 'name', key: 'name' }] : []),
          {
            title: '国籍（地区）',
            dataIndex: 'nationality',
            key: 'nationality',
            render: (v: string) => regionName(v),
          },
          { title: '在合作机构的职务', dataIndex: 'position', key: 'position' },
        ]}
      />
    </>
  );
}

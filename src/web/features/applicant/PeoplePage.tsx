import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { PersonView } from '../../../contract/people.js';
import { useUser } from '../../app/session.js';
import { PageState } from '../../shared/PageState.js';
import { PersonModal } from './PersonModal.js';
import { peopleQuery } from './queries.js';

export function PeoplePage() {
  const user = useUser();
  if (user.role === 'pi') {
    return <Alert type="info" showIcon title="项目负责人由单位管理员登记和维护。" />;
  }
  return <PeopleRegister editable={user.role === 'unit-admin'} />;
}

/** Contacts see the list (they name an application's PI from it); administrators also enter and change it. */
function PeopleRegister({ editable }: { editable: boolean }) {
  const { message } = App.useApp();
  const people = useQuery(peopleQuery);
  const [editing, setEditing] = useState<{ person?: PersonView } | null>(null);

  return (
    <Card
      title="项目负责人"
      extra={
        editable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
            登记项目负责人
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        项目负责人须为申报单位在职人员〔二、1〕。同一项目负责人同一年度只能申报一项省科技计划项目〔二、3〕。
      </Typography.Paragraph>
      <PageState
        query={people}
        isEmpty={(list) => list.length === 0}
        empty="尚未登记项目负责人，请先登记，再新建申报书"
      >
        {(list) => (
          <Table<PersonView>
            rowKey="id"
            dataSource={list}
            pagination={false}
            columns={[
              { title: '姓名', dataIndex: 'name' },
              { title: '证件号码', dataIndex: 'idNumber', render: (v: string | null) => v ?? '—' },
              { title: '在研省级项目', dataIndex: 'ongoingProvincialProjects', width: 120 },
              {
                title: '登录账号',
                dataIndex: 'login',
                render: (v: string | null) => (v ? <Tag color="blue">{v}</Tag> : <Tag>未开通</Tag>),
              },
              {
                title: '信用',
                dataIndex: 'dishonestyUntil',
                render: (v: string | null) =>
                  v ? <Tag color="red">惩戒执行期至 {v}</Tag> : <Tag color="green">良好</Tag>,
              },
              ...(editable
                ? [
                    {
                      title: '操作',
                      key: 'actions',
                      width: 100,
                      render: (_: unknown, person: PersonView) => (
                        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ person })}>
                          修改
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </PageState>
      {editing && (
        <PersonModal
          person={editing.person}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            message.success(`已保存：${saved.name}`);
          }}
        />
      )}
    </Card>
  );
}

import { Button, Card, DatePicker, Descriptions, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { beijingPickerValue, beijingTime, fromBeijingPicker } from '../../../shared/format.js';
import { useWrite } from '../useWrite.js';
import { EXPERTS_KEY, expertsApi, type ProvinceAssignmentView, type ReviewedDetail } from './api.js';
import { InvitationStatusTag } from './RoundsTab.js';

/** The experts assigned to the application: their due dates, scores (once submitted) and any override. */
export function AssignedExpertsCard({ detail }: { detail: ReviewedDetail }) {
  const { application, criteria } = detail;
  const write = useWrite(EXPERTS_KEY);
  return (
    <Card title="已分配的专家">
      <Table<ProvinceAssignmentView>
        data-testid="assignments"
        rowKey="id"
        pagination={false}
        dataSource={application.assignments}
        expandable={{
          rowExpandable: (a) => a.scores !== null,
          expandedRowRender: (a) => (
            <Descriptions size="small" column={1}>
              {criteria.map((c) => (
                <Descriptions.Item key={c.id} label={`${c.label}（权重 ${c.weight}）`}>
                  {a.scores?.[c.id] ?? '—'} / {c.max}
                </Descriptions.Item>
              ))}
              <Descriptions.Item label="评审意见">{a.comment}</Descriptions.Item>
            </Descriptions>
          ),
        }}
        columns={[
          {
            title: '专家',
            key: 'expert',
            render: (_, a) => `${a.expert.name}（${a.expert.organizationName}）`,
          },
          {
            title: '截止时间',
            key: 'dueAt',
            render: (_, a) =>
              a.submittedAt ? (
                beijingTime(a.dueAt)
              ) : (
                <DatePicker
                  showTime
                  allowClear={false}
                  format="YYYY-MM-DD HH:mm"
                  value={beijingPickerValue(a.dueAt)}
                  onChange={(d) => d && write.mutate(() => expertsApi.changeDue(a.id, fromBeijingPicker(d)))}
                />
              ),
          },
          {
            title: '状态',
            key: 'status',
            render: (_, a) =>
              a.submittedAt ? (
                <Tag color="success">已提交 {beijingTime(a.submittedAt)}</Tag>
              ) : (
                <Tag>评审中</Tag>
              ),
          },
          {
            title: '评审邀请',
            key: 'invitation',
            render: (_, a) =>
              a.invitationStatus ? <InvitationStatusTag status={a.invitationStatus} /> : '—',
          },
          { title: '加权总分', key: 'total', render: (_, a) => a.total ?? '—' },
          {
            title: '回避例外',
            key: 'override',
            render: (_, a) =>
              a.overrideReason && (
                <Space orientation="vertical" size={0}>
                  {a.conflicts.map((c) => (
                    <Typography.Text key={c.message} type="warning">
                      {c.message}
                    </Typography.Text>
                  ))}
                  <span>理由：{a.overrideReason}</span>
                </Space>
              ),
          },
          {
            title: '操作',
            key: 'actions',
            render: (_, a) =>
              !a.submittedAt && (
                <Popconfirm
                  title="撤回这项分配？专家的评分草稿将一并删除"
                  onConfirm={() => write.mutate(() => expertsApi.unassign(a.id))}
                >
                  <Button size="small" danger>
                    撤回
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Card>
  );
}

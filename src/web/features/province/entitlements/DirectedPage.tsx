import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Direction, TopicNumber } from '../../../../core/bundle/schema.js';
import type { InvitationDto, MarkedApplicationDto } from '../../../../contract/entitlements.js';
import { beijingTime, STATUS_LABELS } from '../../../shared/format.js';
import { PageState } from '../../../shared/PageState.js';
import { useDebouncedValue } from '../../../shared/useDebouncedValue.js';
import { CallSelect } from '../../department/CallSelect.js';
import { useReviewCall } from '../../department/useReviewCall.js';
import { useWrite } from '../useWrite.js';
import { entitlementKeys, entitlementQueries, entitlementsApi } from './api.js';
import { PDF_RULES, PdfPicker } from './PdfPicker.js';
import { useModalSave } from './useModalSave.js';

interface Stream {
  topic: TopicNumber;
  direction: Direction | null;
  label: string;
}

/** 定向组织: per call, the organizations invited to each directed stream, and the 专题二 applications marked 定向. */
export function DirectedPage() {
  const { query: calls, callId, select } = useReviewCall();
  const overview = useQuery(entitlementQueries.directed(callId));
  const [inviting, setInviting] = useState<Stream>();
  const [marking, setMarking] = useState<MarkedApplicationDto>();
  const write = useWrite(entitlementKeys.directed(callId));
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        定向组织
      </Typography.Title>
      <Card>
        <CallSelect calls={calls.data} value={callId} onChange={select} />
      </Card>
      <PageState query={calls}>
        {() => (
          <PageState query={overview}>
            {({ streams, invitations, marked }) => (
              <>
                {streams.map((stream) => (
                  <Card
                    key={`${stream.topic}-${stream.direction}`}
                    title={stream.label}
                    extra={
                      <Button icon={<PlusOutlined />} onClick={() => setInviting(stream)}>
                        邀请单位
                      </Button>
                    }
                  >
                    <Typography.Paragraph type="secondary">
                      定向组织申报：只有受邀单位能选择这一方向；撤销邀请后，该单位在此方向的申报书不再视为定向组织。
                    </Typography.Paragraph>
                    <Table<InvitationDto>
                      rowKey="id"
                      size="small"
                      pagination={false}
                      scroll={{ x: 'max-content' }}
                      locale={{ emptyText: '尚未邀请单位' }}
                      dataSource={invitations.filter(
                        (i) => i.topic === stream.topic && i.direction === stream.direction,
                      )}
                      columns={[
                        { title: '受邀单位', render: (_, i) => i.organization.name },
                        { title: '项目主管部门', render: (_, i) => i.organization.departmentName ?? '—' },
                        { title: '说明', render: (_, i) => i.note || '—' },
                        { title: '邀请时间', render: (_, i) => beijingTime(i.createdAt) },
                        {
                          title: '操作',
                          render: (_, i) => (
                            <Popconfirm
                              title={`撤销对“${i.organization.name}”的邀请？`}
                              okText="撤销"
                              cancelText="取消"
                              onConfirm={() => write.mutate(() => entitlementsApi.revoke(i.id))}
                            >
                              <Button danger size="small">
                                撤销
                              </Button>
                            </Popconfirm>
                          ),
                        },
                      ]}
                    />
                  </Card>
                ))}
                <Card title="专题二：科技部 2026 年批复建设的联合实验室（定向组织）">
                  <Typography.Paragraph type="secondary">
                    专题二对所有单位开放；科技部 2026
                    年批复建设的“一带一路”联合实验室的申报书，可附证明文件标记为定向组织。
                  </Typography.Paragraph>
                  <Table<MarkedApplicationDto>
                    data-testid="marked-table"
                    rowKey="id"
                    size="small"
                    pagination={{ pageSize: 20 }}
                    scroll={{ x: 'max-content' }}
                    locale={{ emptyText: '本计划暂无专题二申报书' }}
                    dataSource={marked.applications}
                    columns={[
                      { title: '项目名称', render: (_, a) => a.title || '（未填写名称）' },
                      { title: '申报单位', render: (_, a) => a.organizationName },
                      { title: '负责人', render: (_, a) => a.piName },
                      {
                        title: '状态',
                        render: (_, a) => (
                          <Tag color={STATUS_LABELS[a.status].color}>{STATUS_LABELS[a.status].label}</Tag>
                        ),
                      },
                      {
                        title: '定向组织',
                        render: (_, a) =>
                          a.mark ? (
                            <Space orientation="vertical" size={0}>
                              <Tag color="blue">定向</Tag>
                              <span>{a.mark.note}</span>
                              <a href={entitlementsApi.markFileUrl(a.id)} download={a.mark.evidenceName}>
                                <DownloadOutlined /> {a.mark.evidenceName}
                              </a>
                            </Space>
                          ) : (
                            <Tag>否</Tag>
                          ),
                      },
                      {
                        title: '操作',
                        render: (_, a) =>
                          a.mark ? (
                            <Popconfirm
                              title="取消定向组织标记？"
                              okText="取消标记"
                              cancelText="返回"
                              onConfirm={() => write.mutate(() => entitlementsApi.unmark(a.id))}
                            >
                              <Button size="small">取消标记</Button>
                            </Popconfirm>
                          ) : (
                            <Button size="small" onClick={() => setMarking(a)}>
                              标记为定向
                            </Button>
                          ),
                      },
                    ]}
                  />
                </Card>
              </>
            )}
          </PageState>
        )}
      </PageState>
      {inviting && callId && (
        <InviteModal callId={callId} stream={inviting} onClose={() => setInviting(undefined)} />
      )}
      {marking && callId && (
        <MarkModal callId={callId} application={marking} onClose={() => setMarking(undefined)} />
      )}
    </Space>
  );
}

function InviteModal({ callId, stream, onClose }: { callId: string; stream: Stream; onClose(): void }) {
  const [form] = Form.useForm<{ organizationId: string; note?: string }>();
  const [term, setTerm] = useState('');
  const q = useDebouncedValue(term.trim(), 300);
  const found = useQuery({ ...entitlementQueries.organizations(q), enabled: q.length > 0 });
  const inviting = useModalSave(form, {
    save: (v: { organizationId: string; note?: string }) =>
      entitlementsApi.invite(callId, { ...stream, organizationId: v.organizationId, note: v.note ?? '' }),
    queryKey: entitlementKeys.directed(callId),
    onClose,
    failure: '未能邀请',
    isFormField: (path) => path === 'organizationId' || path === 'note',
  });
  return (
    <Modal
      title={`邀请单位：${stream.label}`}
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="邀请"
      confirmLoading={inviting.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => inviting.mutate(v)}>
        <Form.Item
          name="organizationId"
          label="受邀单位"
          rules={[{ required: true, message: '请选择受邀单位' }]}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: setTerm }}
            placeholder="输入单位名称或统一社会信用代码查找"
            loading={found.isFetching}
            notFoundContent={q ? '没有找到' : '请输入查找'}
            options={(found.data ?? []).map((o) => ({
              value: o.id,
              label: `${o.name}（${o.departmentName ?? '—'}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="note" label="说明" extra="如论证意见、邀请依据">
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function MarkModal({
  callId,
  application,
  onClose,
}: {
  callId: string;
  application: MarkedApplicationDto;
  onClose(): void;
}) {
  const [form] = Form.useForm<{ note: string; file: File }>();
  const marking = useModalSave(form, {
    save: (v: { note: string; file: File }) => entitlementsApi.mark(application.id, v.note, v.file),
    queryKey: entitlementKeys.directed(callId),
    onClose,
    failure: '未能标记',
  });
  return (
    <Modal
      title="标记为定向组织"
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="标记"
      confirmLoading={marking.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {application.organizationName}：{application.title || '（未填写名称）'}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => marking.mutate(v)}>
        <Form.Item
          name="note"
          label="定向依据"
          rules={[{ required: true, message: '请填写定向依据说明' }]}
          extra="如科技部批复建设联合实验室的文号"
        >
          <Input.TextArea maxLength={500} rows={3} />
        </Form.Item>
        <Form.Item name="file" label="证明文件" rules={PDF_RULES}>
          <PdfPicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

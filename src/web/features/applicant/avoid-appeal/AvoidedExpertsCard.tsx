import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, List, Modal, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import type { AvoidedExpertBody } from '../../../../contract/avoided-experts.js';
import { ApiError, describeError } from '../../../shared/api.js';
import { addAvoidedExpert, avoidAppealKeys, avoidedExpertsQuery, removeAvoidedExpert } from './api.js';

/**
 * 回避专家: the experts the applicant asks not to be judged by, up to the call's maximum, each with a reason.
 * The applicant edits them while the application is editable; the department and the province read them.
 * Experts never see them.
 */
export function AvoidedExpertsCard({
  applicationId,
  title = '回避专家',
}: {
  applicationId: string;
  title?: string;
}) {
  const queryClient = useQueryClient();
  const query = useQuery(avoidedExpertsQuery(applicationId));
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<AvoidedExpertBody>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: avoidAppealKeys.avoided(applicationId) });
  const add = useMutation({
    mutationFn: (body: AvoidedExpertBody) => addAvoidedExpert(applicationId, body),
    onSuccess: async () => {
      setAdding(false);
      form.resetFields();
      await refresh();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.fields.length > 0) {
        form.setFields(
          error.fields.map((f) => ({ name: f.path as keyof AvoidedExpertBody, errors: [f.message] })),
        );
      } else Modal.error({ title: '未能添加', content: describeError(error) });
    },
  });
  const remove = useMutation({
    mutationFn: (avoidedId: string) => removeAvoidedExpert(applicationId, avoidedId),
    onSuccess: refresh,
    onError: (error) => Modal.error({ title: '未能删除', content: describeError(error) }),
  });

  if (!query.data) return null;
  const { avoidedExperts, max, editable } = query.data;
  const full = avoidedExperts.length >= max;
  return (
    <Card
      title={title}
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="avoided-experts"
      extra={
        editable && (
          <Button size="small" icon={<PlusOutlined />} disabled={full} onClick={() => setAdding(true)}>
            添加
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        可列出不超过 {max} 位希望回避的评审专家，并说明理由；分配评审专家时将予回避。此名单不向评审专家公开。
        {editable && full && ' 已达上限。'}
      </Typography.Paragraph>
      {avoidedExperts.length === 0 ? (
        <Typography.Text type="secondary">未列出回避专家</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={avoidedExperts}
          renderItem={(a) => (
            <List.Item
              actions={
                editable
                  ? [
                      <Popconfirm
                        key="remove"
                        title={`删除回避专家“${a.name}”？`}
                        onConfirm={() => remove.mutate(a.id)}
                      >
                        <Button
                          size="small"
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={`删除${a.name}`}
                        />
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={`${a.name}（${a.organization}）`}
                description={<span style={{ overflowWrap: 'anywhere' }}>理由：{a.reason}</span>}
              />
            </List.Item>
          )}
        />
      )}
      <Modal
        title="添加回避专家"
        open={adding}
        okText="添加"
        cancelText="取消"
        confirmLoading={add.isPending}
        onOk={() => form.submit()}
        onCancel={() => setAdding(false)}
        destroyOnHidden
      >
        {full && <Alert type="warning" showIcon title={`最多 ${max} 位`} />}
        <Form form={form} layout="vertical" onFinish={(values) => add.mutate(values)}>
          <Form.Item
            name="name"
            label="专家姓名"
            rules={[{ required: true, whitespace: true, message: '请填写专家姓名' }]}
          >
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item
            name="organization"
            label="所在单位"
            rules={[{ required: true, whitespace: true, message: '请填写专家所在单位' }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="reason"
            label="回避理由"
            rules={[{ required: true, whitespace: true, message: '请填写回避理由' }]}
          >
            <Input.TextArea maxLength={500} rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { fieldLabel, RETURNABLE_FIELDS } from '../../../core/application/field-labels.js';
import type { ReturnBody } from '../../../contract/review.js';
import { describeError } from '../../shared/api.js';
import { beijingTime } from '../../shared/format.js';
import { REVIEW_KEY, reviewApi, type ReviewDetail } from './api.js';

/** 退回修改: one reason or more, each optionally naming the field to change. */
export function ReturnDialog({ detail, onClose }: { detail: ReviewDetail; onClose(): void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ReturnBody>();
  const returning = useMutation({
    mutationFn: (body: ReturnBody) =>
      reviewApi.returnForRevision(detail.item.application.id, {
        reasons: body.reasons.map((r) => (r.field?.trim() ? r : { message: r.message })),
      }),
    onSuccess: () => {
      void message.success('已退回修改，申报单位可在审核推荐截止前修改后重新提交');
      onClose();
      return queryClient.invalidateQueries({ queryKey: REVIEW_KEY });
    },
  });
  const fieldOptions = [
    ...new Set([...RETURNABLE_FIELDS, ...detail.item.findings.flatMap((f) => (f.field ? [f.field] : []))]),
  ].map((value) => ({ value, label: fieldLabel(value) }));

  return (
    <Modal
      open
      title="退回修改"
      width={720}
      okText="退回"
      okButtonProps={{ danger: true, loading: returning.isPending, 'data-testid': 'return-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        逐条写明须修改之处；可注明所涉字段。申报单位可在 {beijingTime(detail.reviewClosesAt)}
        （北京时间）前修改后重新提交。
      </Typography.Paragraph>
      {returning.error && (
        <Alert type="error" showIcon title={describeError(returning.error)} style={{ marginBottom: 12 }} />
      )}
      <Form
        form={form}
        name="return"
        layout="vertical"
        initialValues={{ reasons: [{}] }}
        onFinish={(body) => returning.mutate(body)}
      >
        <Form.List name="reasons">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} align="start" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'field']} label={index === 0 ? '字段（可选）' : undefined}>
                    <Select
                      allowClear
                      showSearch={{ optionFilterProp: 'label' }}
                      options={fieldOptions}
                      style={{ width: 200 }}
                      placeholder="如 申请省资助经费"
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'message']}
                    label={index === 0 ? '退回理由' : undefined}
                    rules={[{ required: true, whitespace: true, message: '请填写退回理由' }]}
                    style={{ width: 400 }}
                  >
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button
                      type="text"
                      aria-label="删除此条"
                      icon={<MinusCircleOutlined />}
                      onClick={() => remove(field.name)}
                      style={{ marginTop: index === 0 ? 30 : 0 }}
                    />
                  )}
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                再加一条理由
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Radio, Space } from 'antd';
import type { FormalReviewBody } from '../../../../contract/formal-review.js';
import { SaveModal } from '../../../shared/SaveModal.js';
import { DECISIONS_KEY, decisionsApi, type FormalReviewItemView } from './api.js';

/** 受理 or 不予受理 with the reasons the applicant will read, pre-filled from the rules that fail. */
export function FormalReviewModal({ item, onClose }: { item: FormalReviewItemView; onClose(): void }) {
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormalReviewBody>();
  // Pre-filled from the rules that fail, when there is no earlier result to change.
  const initial: FormalReviewBody = item.review
    ? { result: item.review.result, reasons: item.review.reasons }
    : item.suggestedReasons.length > 0
      ? { result: 'rejected', reasons: item.suggestedReasons }
      : { result: 'accepted', reasons: [] };

  const save = async () => {
    await form.validateFields();
    // All values, with what the form does not show of a reason (its rule id and clause).
    const values = form.getFieldsValue(true) as FormalReviewBody;
    await decisionsApi.saveFormalReview(item.application.id, {
      result: values.result,
      reasons: values.reasons ?? [],
    });
    await queryClient.invalidateQueries({ queryKey: DECISIONS_KEY });
  };

  return (
    <SaveModal
      title={`形式审查：${item.application.acceptanceNo ?? ''} ${item.application.title}`}
      width={720}
      save={save}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item name="result" label="审查结果">
          <Radio.Group
            options={[
              { value: 'accepted', label: '受理' },
              { value: 'rejected', label: '不予受理' },
            ]}
          />
        </Form.Item>
        <Form.List name="reasons">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Space key={field.key} align="start" style={{ display: 'flex' }}>
                  <Form.Item
                    name={[field.name, 'message']}
                    label={i === 0 ? '理由（申报单位可见）' : undefined}
                    rules={[{ required: true, whitespace: true, message: '请填写理由' }]}
                    style={{ width: 600 }}
                  >
                    <Input.TextArea autoSize />
                  </Form.Item>
                  <Button onClick={() => remove(field.name)} style={{ marginTop: i === 0 ? 30 : 0 }}>
                    删除
                  </Button>
                </Space>
              ))}
              <Button onClick={() => add({ message: '' })}>添加理由</Button>
            </>
          )}
        </Form.List>
      </Form>
    </SaveModal>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Checkbox, Form, Input, Modal } from 'antd';
import type { DecisionBody } from '../../../contract/review.js';
import { ApiError, describeError } from '../../shared/api.js';
import { REVIEW_KEY, reviewApi, type ReviewDetail } from './api.js';

type Finding = ReviewDetail['item']['findings'][number];

interface DecisionValues {
  reason: string;
  separateSlot?: boolean;
}

/** The findings a refused recommendation carries (422: the application has errors). */
function refusalFindings(error: unknown): Finding[] {
  if (!(error instanceof ApiError)) return [];
  return (error.body as { findings?: Finding[] } | undefined)?.findings ?? [];
}

/** 推荐 or 不推荐, with the opinion or reason it needs; a refusal is shown with the findings behind it. */
export function DecisionDialog({
  detail,
  decision,
  separateSlotOffered,
  onClose,
}: {
  detail: ReviewDetail;
  decision: DecisionBody['decision'];
  separateSlotOffered: boolean;
  onClose(): void;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DecisionValues>();
  const recommend = decision === 'recommended';
  const deciding = useMutation({
    mutationFn: (values: DecisionValues) =>
      reviewApi.decide(detail.item.application.id, {
        decision,
        reason: values.reason,
        separateSlot: recommend && values.separateSlot === true,
      }),
    onSuccess: () => {
      void message.success(recommend ? '已推荐' : '已作出不推荐决定');
      onClose();
      return queryClient.invalidateQueries({ queryKey: REVIEW_KEY });
    },
  });
  const findings = refusalFindings(deciding.error);

  return (
    <Modal
      open
      title={recommend ? '推荐' : '不推荐'}
      okText={recommend ? '推荐' : '不推荐'}
      okButtonProps={{ danger: !recommend, loading: deciding.isPending, 'data-testid': 'decision-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {deciding.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="decision-error"
          title={describeError(deciding.error)}
          description={
            findings.length > 0 && (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {findings.map((f, i) => (
                  <li key={i}>
                    〔{f.clause}〕{f.message}
                  </li>
                ))}
              </ul>
            )
          }
        />
      )}
      <Form form={form} name="decision" layout="vertical" onFinish={(v) => deciding.mutate(v)}>
        <Form.Item
          name="reason"
          label={recommend ? '推荐意见' : '不推荐理由'}
          rules={[
            { required: true, whitespace: true, message: recommend ? '请填写推荐意见' : '请填写不推荐理由' },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={2000} />
        </Form.Item>
        {recommend && separateSlotOffered && (
          <Form.Item
            name="separateSlot"
            valuePropName="checked"
            extra="依托平台或省重点培育的领军企业，不占本部门推荐限额（二、3）"
          >
            <Checkbox>使用单独推荐名额</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

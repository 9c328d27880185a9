import {
  CheckOutlined,
  CloseOutlined,
  MinusCircleOutlined,
  PlusOutlined,
  RollbackOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Modal,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { DecisionBody, ReturnBody } from '../../../contract/review.js';
import { ApiError, describeError } from '../../shared/api.js';
import { beijingTime } from '../../shared/format.js';
import { reviewApi, type ReviewDetail } from './api.js';

type Finding = ReviewDetail['item']['findings'][number];

/** The findings a refused recommendation carries (422: the application has errors). */
function refusalFindings(error: unknown): Finding[] {
  if (!(error instanceof ApiError)) return [];
  return (error.body as { findings?: Finding[] } | undefined)?.findings ?? [];
}

function ReturnDialog({
  detail,
  onClose,
  onDone,
}: {
  detail: ReviewDetail;
  onClose(): void;
  onDone(): void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ReturnBody>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const fieldOptions = [
    ...new Set([
      'title',
      'summary',
      'partner',
      'budget',
      'documents',
      ...detail.item.findings.flatMap((f) => (f.field ? [f.field] : [])),
    ]),
  ].map((value) => ({ value }));

  const submit = async (body: ReturnBody) => {
    setBusy(true);
    setError(undefined);
    try {
      const reasons = body.reasons.map((r) => (r.field?.trim() ? r : { message: r.message }));
      await reviewApi.returnForRevision(detail.item.application.id, { reasons });
      void message.success('已退回修改，申报单位可在审核推荐截止前修改后重新提交');
      onDone();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title="退回修改"
      width={720}
      okText="退回"
      okButtonProps={{ danger: true, loading: busy, 'data-testid': 'return-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        逐条写明须修改之处；可注明所涉字段。申报单位可在 {beijingTime(detail.reviewClosesAt)}
        （北京时间）前修改后重新提交。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        name="return"
        layout="vertical"
        initialValues={{ reasons: [{}] }}
        onFinish={(v) => void submit(v)}
      >
        <Form.List name="reasons">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} align="start" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'field']} label={index === 0 ? '字段（可选）' : undefined}>
                    <AutoComplete options={fieldOptions} style={{ width: 200 }} placeholder="如 budget" />
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

function DecisionDialog({
  detail,
  decision,
  separateSlotOffered,
  onClose,
  onDone,
}: {
  detail: ReviewDetail;
  decision: DecisionBody['decision'];
  separateSlotOffered: boolean;
  onClose(): void;
  onDone(): void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string; separateSlot?: boolean }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; findings: Finding[] }>();
  const recommend = decision === 'recommended';

  const submit = async (values: { reason: string; separateSlot?: boolean }) => {
    setBusy(true);
    setError(undefined);
    try {
      await reviewApi.decide(detail.item.application.id, {
        decision,
        reason: values.reason,
        separateSlot: recommend && values.separateSlot === true,
      });
      void message.success(recommend ? '已推荐' : '已作出不推荐决定');
      onDone();
    } catch (e) {
      setError({ text: describeError(e), findings: refusalFindings(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={recommend ? '推荐' : '不推荐'}
      okText={recommend ? '推荐' : '不推荐'}
      okButtonProps={{ danger: !recommend, loading: busy, 'data-testid': 'decision-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="decision-error"
          title={error.text}
          description={
            error.findings.length > 0 && (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {error.findings.map((f, i) => (
                  <li key={i}>
                    〔{f.clause}〕{f.message}
                  </li>
                ))}
              </ul>
            )
          }
        />
      )}
      <Form form={form} name="decision" layout="vertical" onFinish={(v) => void submit(v)}>
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

/** 退回修改 / 推荐 / 不推荐 / 撤销决定 — whichever the application's state allows. */
export function ReviewActions({
  detail,
  separateSlotOffered,
  onChanged,
}: {
  detail: ReviewDetail;
  separateSlotOffered: boolean;
  onChanged(): void;
}) {
  const { message, modal } = App.useApp();
  const [dialog, setDialog] = useState<'return' | DecisionBody['decision']>();
  const { item, confirmed } = detail;
  const { status } = item.application;
  const done = () => {
    setDialog(undefined);
    onChanged();
  };

  const undo = () =>
    modal.confirm({
      title: '撤销推荐决定？',
      content: '申报书回到“已提交”，可重新推荐、不推荐或退回。',
      okText: '撤销决定',
      onOk: async () => {
        try {
          await reviewApi.undo(item.application.id);
          void message.success('已撤销决定');
          onChanged();
        } catch (e) {
          void message.error(describeError(e));
        }
      },
    });

  let body;
  if (item.readOnly) {
    body = (
      <Alert
        type="info"
        showIcon
        title={`本申报书由${item.application.department.name}审核推荐，本部门只读。`}
      />
    );
  } else if (confirmed) {
    body = <Alert type="success" showIcon title="推荐名单已确认提交，不能再退回、推荐或撤销。" />;
  } else if (status === 'submitted') {
    body = (
      <Space wrap>
        <Button icon={<RollbackOutlined />} onClick={() => setDialog('return')}>
          退回修改
        </Button>
        <Button type="primary" icon={<CheckOutlined />} onClick={() => setDialog('recommended')}>
          推荐
        </Button>
        <Button danger icon={<CloseOutlined />} onClick={() => setDialog('not-recommended')}>
          不推荐
        </Button>
      </Space>
    );
  } else if (status === 'recommended' || status === 'not-recommended') {
    body = (
      <Button icon={<UndoOutlined />} onClick={undo}>
        撤销决定
      </Button>
    );
  } else {
    body = <Typography.Text type="secondary">已退回申报单位修改，重新提交后可继续审核。</Typography.Text>;
  }

  return (
    <Card size="small" title="审核推荐" data-testid="review-actions">
      {body}
      {dialog === 'return' && (
        <ReturnDialog detail={detail} onClose={() => setDialog(undefined)} onDone={done} />
      )}
      {(dialog === 'recommended' || dialog === 'not-recommended') && (
        <DecisionDialog
          detail={detail}
          decision={dialog}
          separateSlotOffered={separateSlotOffered}
          onClose={() => setDialog(undefined)}
          onDone={done}
        />
      )}
    </Card>
  );
}

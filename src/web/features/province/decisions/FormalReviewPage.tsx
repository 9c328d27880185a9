import { Alert, Button, Card, Form, Input, Radio, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { FormalReviewBody } from '../../../../contract/formal-review.js';
import { describeError } from '../../../shared/api.js';
import { beijingTime } from '../../../shared/format.js';
import { CallSelect } from '../../department/CallSelect.js';
import { useReviewCall } from '../../department/useReviewCall.js';
import { decisionsApi, type FormalReviewItemView } from './api.js';
import { applicationColumns, SaveModal } from './common.js';

type Filter = 'all' | 'pending' | 'accepted' | 'rejected';

const RESULT_TAGS = {
  accepted: <Tag color="success">受理</Tag>,
  rejected: <Tag color="error">不予受理</Tag>,
};

/** 形式审查（信用审查）: per application a department recommended and can no longer take back. */
export function FormalReviewPage() {
  const { calls, callId, error: callError, select } = useReviewCall();
  const [filter, setFilter] = useState<Filter>('all');
  const [items, setItems] = useState<FormalReviewItemView[]>();
  const [error, setError] = useState<string>();
  const [editing, setEditing] = useState<FormalReviewItemView>();

  const load = useCallback(() => {
    if (!callId) return;
    setItems(undefined);
    decisionsApi
      .formalReviews({ callId, result: filter === 'all' ? undefined : filter })
      .then(setItems, (e: unknown) => setError(describeError(e)));
  }, [callId, filter]);
  useEffect(load, [load]);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        形式审查（信用审查）
      </Typography.Title>
      {(callError ?? error) && <Alert type="error" showIcon title={callError ?? error} />}
      <Card>
        <Space wrap>
          <CallSelect calls={calls} value={callId} onChange={select} />
          <Segmented<Filter>
            value={filter}
            onChange={setFilter}
            options={[
              { value: 'all', label: '全部' },
              { value: 'pending', label: '未审查' },
              { value: 'accepted', label: '受理' },
              { value: 'rejected', label: '不予受理名单' },
            ]}
          />
        </Space>
      </Card>
      <Table<FormalReviewItemView>
        data-testid="formal-review-table"
        loading={!items && !error}
        rowKey={(r) => r.application.id}
        dataSource={items}
        pagination={{ pageSize: 50 }}
        columns={[
          ...applicationColumns<FormalReviewItemView>(),
          {
            title: '规则提示',
            render: (_, r) =>
              r.suggestedReasons.length === 0 ? (
                <Typography.Text type="secondary">无错误</Typography.Text>
              ) : (
                <Space orientation="vertical" size={0}>
                  {r.suggestedReasons.map((reason, i) => (
                    <Typography.Text key={i} type="danger">
                      {reason.clause} {reason.message}
                    </Typography.Text>
                  ))}
                </Space>
              ),
          },
          {
            title: '审查结果与理由',
            width: 280,
            render: (_, r) =>
              r.review ? (
                <Space orientation="vertical" size={0}>
                  <span>
                    {RESULT_TAGS[r.review.result]}
                    <Typography.Text type="secondary">
                      {r.review.reviewerName} {beijingTime(r.review.reviewedAt)}
                    </Typography.Text>
                  </span>
                  {r.review.reasons.map((reason, i) => (
                    <span key={i}>
                      {i + 1}. {reason.message}
                    </span>
                  ))}
                </Space>
              ) : (
                <Tag>未审查</Tag>
              ),
          },
          {
            title: '操作',
            width: 100,
            render: (_, r) => (
              <Button
                size="small"
                disabled={r.decided}
                title={r.decided ? '已作出立项决定，须先撤销决定' : undefined}
                onClick={() => setEditing(r)}
              >
                {r.review ? '修改' : '审查'}
              </Button>
            ),
          },
        ]}
      />
      {editing && (
        <ReviewModal
          item={editing}
          onClose={(saved) => {
            setEditing(undefined);
            if (saved) load();
          }}
        />
      )}
    </Space>
  );
}

function ReviewModal({ item, onClose }: { item: FormalReviewItemView; onClose(saved: boolean): void }) {
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

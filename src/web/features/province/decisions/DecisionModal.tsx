import { useQueryClient } from '@tanstack/react-query';
import { Form, Input, InputNumber, Radio, Typography } from 'antd';
import { fundingOverLimit } from '../../../../core/decisions/funding-limit.js';
import { formatWan, formatWanDecimal, wanToYuan, yuanToWan } from '../../../../core/money.js';
import { SaveModal } from '../../../shared/SaveModal.js';
import { DECISIONS_KEY, decisionsApi, type DecisionItemView } from './api.js';
import { FeasibilityPanel } from './FeasibilityPanel.js';
import { PanelComparison } from './PanelComparison.js';

interface DecisionValues {
  outcome: 'approved' | 'rejected';
  fundingWan?: number;
  reason: string;
}

/** 立项 with the funding, within the topic's cap and what was asked; or 不予立项; with the reason. */
export function DecisionModal({ item, onClose }: { item: DecisionItemView; onClose(): void }) {
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DecisionValues>();
  const outcome = Form.useWatch('outcome', form);
  const requested = item.application.requestedFunding;
  const limit = item.limit ?? { amount: requested, reason: '申报单位申请的省资助经费' };

  const save = async () => {
    const values = await form.validateFields();
    await decisionsApi.decide(item.application.id, {
      outcome: values.outcome,
      reason: values.reason,
      ...(values.outcome === 'approved' ? { funding: wanToYuan(values.fundingWan ?? 0) } : {}),
    });
    await queryClient.invalidateQueries({ queryKey: DECISIONS_KEY });
  };

  return (
    <SaveModal
      title={`立项决定：${item.application.acceptanceNo ?? ''} ${item.application.title}`}
      save={save}
      onClose={onClose}
    >
      <Typography.Paragraph>
        申请省资助经费 {formatWan(requested)}；
        {item.cap
          ? `${item.cap.label}上限 ${formatWan(item.cap.amount)}（${item.cap.clause}）`
          : '无上限信息'}
      </Typography.Paragraph>
      <FeasibilityPanel feasibility={item.feasibility} prefilled={!item.decision} />
      <div style={{ marginBottom: 16 }}>
        <PanelComparison panel={item.panel} />
      </div>
      <Form<DecisionValues>
        form={form}
        layout="vertical"
        initialValues={{
          outcome: item.decision?.outcome ?? 'approved',
          fundingWan: yuanToWan(item.decision?.funding ?? item.feasibility?.medianAmount ?? limit.amount),
          reason: item.decision?.reason ?? '',
        }}
      >
        <Form.Item name="outcome" label="决定">
          <Radio.Group
            options={[
              { value: 'approved', label: '立项' },
              { value: 'rejected', label: '不予立项' },
            ]}
          />
        </Form.Item>
        {outcome !== 'rejected' && (
          <Form.Item
            name="fundingWan"
            label={`资助经费（不超过${limit.reason} ${formatWanDecimal(limit.amount)}）`}
            rules={[
              { required: true, message: '请填写资助经费' },
              {
                validator: async (_, wan?: number) => {
                  const refusal = wan === undefined ? undefined : fundingOverLimit(wanToYuan(wan), limit);
                  if (refusal) throw new Error(refusal);
                },
              },
            ]}
          >
            <InputNumber
              min={0.0001}
              style={{ width: 200 }}
              addonAfter="万元"
              data-testid="decision-funding"
            />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label="理由"
          rules={[{ required: true, whitespace: true, message: '请填写理由' }]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </SaveModal>
  );
}

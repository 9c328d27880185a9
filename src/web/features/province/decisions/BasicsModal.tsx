import { useQueryClient } from '@tanstack/react-query';
import { Col, Form, InputNumber, Row, Typography } from 'antd';
import { EXPENDITURE_KEYS, INDICATOR_KEYS, SOURCE_KEYS } from '../../../../core/application/content.js';
import { EXPENDITURE_LABELS, INDICATOR_LABELS, SOURCE_LABELS } from '../../../../core/labels.js';
import { wanToYuan, yuanToWan } from '../../../../core/money.js';
import type { ContractBasicsBody } from '../../../../contract/contracts.js';
import { SaveModal } from '../../../shared/SaveModal.js';
import { DECISIONS_KEY } from './api.js';
import { BasicsDifferences } from '../../../shared/contracts/BasicsDifferences.js';
import { contractsApi, type ContractView } from './contracts-api.js';

type Basics = ContractBasicsBody['basics'];
type Values = Record<string, number>;

const name = (group: string, key: string) => `${group}.${key}`;

function toValues(b: Basics): Values {
  const values: Values = {};
  for (const k of INDICATOR_KEYS)
    values[name('i', k)] = k === 'salesRevenue' ? yuanToWan(b.indicators[k]) : b.indicators[k];
  for (const k of SOURCE_KEYS) values[name('s', k)] = yuanToWan(b.budget.sources[k]);
  for (const k of EXPENDITURE_KEYS) values[name('e', k)] = yuanToWan(b.budget.expenditures[k]);
  return values;
}

function fromValues(v: Values): Basics {
  const n = (x: number | undefined) => x ?? 0;
  return {
    indicators: Object.fromEntries(
      INDICATOR_KEYS.map((k) => [
        k,
        k === 'salesRevenue' ? wanToYuan(n(v[name('i', k)])) : n(v[name('i', k)]),
      ]),
    ) as Basics['indicators'],
    budget: {
      sources: Object.fromEntries(
        SOURCE_KEYS.map((k) => [k, wanToYuan(n(v[name('s', k)]))]),
      ) as Basics['budget']['sources'],
      expenditures: Object.fromEntries(
        EXPENDITURE_KEYS.map((k) => [k, wanToYuan(n(v[name('e', k)]))]),
      ) as Basics['budget']['expenditures'],
    },
  };
}

/** 调整任务书: the indicators and 江苏方's budget in 万元, with the differences from the 申报书 as they stand. */
export function BasicsModal({ contract, onClose }: { contract: ContractView; onClose(): void }) {
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const save = async () => {
    const values = await form.validateFields();
    await contractsApi.adjust(contract.applicationId, {
      basics: fromValues(values),
      version: contract.basicsVersion!,
    });
    await queryClient.invalidateQueries({ queryKey: DECISIONS_KEY });
  };
  const field = (group: string, key: string, label: string, wan: boolean) => (
    <Col xs={24} sm={12} key={name(group, key)}>
      <Form.Item
        name={name(group, key)}
        label={label}
        rules={[{ required: true, message: `请填写${label}` }]}
      >
        <InputNumber
          min={0}
          precision={wan ? 2 : 0}
          style={{ width: '100%' }}
          aria-label={label}
          data-testid={`basics-${key}`}
        />
      </Form.Item>
    </Col>
  );
  return (
    <SaveModal title={`调整任务书：${contract.title}`} width={760} save={save} onClose={onClose}>
      <Typography.Paragraph type="secondary">
        省拨款须等于立项资助经费 {contract.fundingText}
        ，经费来源合计与支出合计相等。承担单位确认后再调整，须其重新确认。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={toValues(contract.basics!)}>
        <Typography.Title level={5}>考核指标</Typography.Title>
        <Row gutter={12}>
          {INDICATOR_KEYS.map((k) =>
            field(
              'i',
              k,
              `${INDICATOR_LABELS[k].label}（${INDICATOR_LABELS[k].unit}）`,
              k === 'salesRevenue',
            ),
          )}
        </Row>
        <Typography.Title level={5}>经费来源（万元）</Typography.Title>
        <Row gutter={12}>{SOURCE_KEYS.map((k) => field('s', k, SOURCE_LABELS[k], true))}</Row>
        <Typography.Title level={5}>经费支出（万元）</Typography.Title>
        <Row gutter={12}>{EXPENDITURE_KEYS.map((k) => field('e', k, EXPENDITURE_LABELS[k], true))}</Row>
      </Form>
      <Typography.Title level={5}>与申报书的差异（当前任务书）</Typography.Title>
      <BasicsDifferences lines={contract.lines ?? []} onlyChanged />
    </SaveModal>
  );
}

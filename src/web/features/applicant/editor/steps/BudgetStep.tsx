import { Alert, Col, Form, InputNumber, Row, Statistic, Typography } from 'antd';
import type { ApplicationForm } from '../../../../../core/application/form.js';
import { formatWan, wanToYuan, yuanToWan } from '../../../../../core/money.js';
import { fieldId } from '../fields.js';
import { nestedPatch, type StepProps } from './common.js';

type BudgetKey = keyof NonNullable<ApplicationForm['budget']>;

const FIELDS: { key: BudgetKey; label: string; extra: string }[] = [
  { key: 'total', label: '项目总预算', extra: '境内外各方投入的全部经费' },
  {
    key: 'jiangsuTotal',
    label: '江苏方总预算',
    extra: '申报单位及江苏境内合作单位的经费合计（含申请省资助）',
  },
  { key: 'provincialFunding', label: '申请省资助经费', extra: '向省财政申请的资助经费' },
];

const BASE_LABELS = { total: '项目总预算', jiangsuTotal: '江苏方总预算' } as const;

export function BudgetStep({ draft, update, stream }: StepProps) {
  const budget = draft.form.budget ?? {};
  const set = (key: BudgetKey, wan: number | null) =>
    update(nestedPatch('budget', { [key]: wan === null ? undefined : wanToYuan(wan) }));
  const share = stream?.fundingShare;
  const base = share ? budget[share.base] : undefined;
  const funding = budget.provincialFunding;
  const ratio = share && base && funding !== undefined ? (funding / base) * 100 : undefined;

  return (
    <div id={fieldId('budget')}>
      {stream && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 24 }}
          title={`${stream.label}：省资助经费每项原则上不超过 ${formatWan(stream.fundingCap)}${
            share ? `，且不超过${BASE_LABELS[share.base]}的 ${share.percent}%` : ''
          }`}
          description="金额以万元为单位填写，最多 4 位小数（精确到元）。"
        />
      )}
      <Row gutter={24}>
        {FIELDS.map(({ key, label, extra }) => (
          <Col xs={24} md={8} key={key}>
            <Form.Item
              htmlFor={fieldId(`budget.${key}`)}
              label={label}
              required
              extra={
                <span>
                  {extra}
                  {budget[key] !== undefined && (
                    <Typography.Text type="secondary" style={{ display: 'block' }}>
                      = {budget[key]!.toLocaleString('zh-CN')} 元
                    </Typography.Text>
                  )}
                </span>
              }
            >
              <InputNumber<number>
                id={fieldId(`budget.${key}`)}
                value={budget[key] === undefined ? null : yuanToWan(budget[key]!)}
                min={0}
                max={10_000_000}
                step={1}
                suffix="万元"
                style={{ width: '100%' }}
                onChange={(value) =>
                  set(key, typeof value === 'number' && Number.isFinite(value) ? value : null)
                }
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
      {stream && funding !== undefined && (
        <Row gutter={24}>
          <Col xs={12} md={8}>
            <Statistic
              title="省资助上限"
              value={yuanToWan(stream.fundingCap)}
              suffix="万元"
              styles={{ content: { color: funding > stream.fundingCap ? '#cf1322' : undefined } }}
            />
          </Col>
          {share && ratio !== undefined && (
            <Col xs={12} md={8}>
              <Statistic
                title={`省资助占${BASE_LABELS[share.base]}`}
                value={ratio}
                precision={1}
                suffix={`%（上限 ${share.percent}%）`}
                styles={{ content: { color: ratio > share.percent ? '#cf1322' : undefined } }}
              />
            </Col>
          )}
        </Row>
      )}
    </div>
  );
}

import { Card, Descriptions, Empty, Tag, Typography } from 'antd';
import type { ApplicationForm } from '../../../core/application/form.js';
import { formatWan } from '../../../core/money.js';
import {
  DIRECTION_LABELS,
  ETHICS_LABELS,
  ORGANIZATION_KIND_LABELS,
  TOPIC_LABELS,
} from '../../../core/labels.js';
import type { ApplicationDto } from '../../shared/api.js';
import { regionName } from '../../shared/countries.js';

const PARTNER_ANSWERS: { key: keyof NonNullable<ApplicationForm['partner']>; label: string }[] = [
  { key: 'independentLegalEntity', label: '独立法人' },
  { key: 'ownedByApplicant', label: '申报单位在境外设立' },
  { key: 'foreignInvestedInChina', label: '外资在境内设立' },
  { key: 'taxHavenShell', label: '避税地壳公司' },
  { key: 'sameGroup', label: '同一集团境内外分支机构' },
  { key: 'piAffiliated', label: '境外方负责人在该机构任职' },
];

const yesNo = (value: boolean | undefined) => (value === undefined ? '未填' : value ? '是' : '否');
const wan = (yuan: number | undefined) => (yuan === undefined ? '未填' : formatWan(yuan));

/** The application's form as the department reads it: every answer, nothing editable. */
export function FormContent({ application }: { application: ApplicationDto }) {
  const { form } = application;
  const ethics = Object.entries(ETHICS_LABELS).filter(
    ([key]) => form.ethics?.[key as keyof typeof ETHICS_LABELS] === true,
  );
  return (
    <Card size="small" title="申报书内容" id="form-content" data-testid="form-content">
      <Descriptions size="small" bordered column={2} styles={{ label: { width: 150 } }}>
        <Descriptions.Item label="项目名称" span={2}>
          <Typography.Text strong data-testid="form-title">
            {form.title || '（未填写）'}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="专题">
          {TOPIC_LABELS[application.topic]}
          {application.direction && ` · ${DIRECTION_LABELS[application.direction]}`}
        </Descriptions.Item>
        <Descriptions.Item label="技术领域">{form.field || '未填'}</Descriptions.Item>
        <Descriptions.Item label="申报单位">{application.organization.name}</Descriptions.Item>
        <Descriptions.Item label="项目负责人">{application.pi.name}</Descriptions.Item>
        <Descriptions.Item label="主要研究内容" span={2}>
          <div style={{ whiteSpace: 'pre-wrap' }} data-testid="form-summary">
            {form.summary || '未填'}
          </div>
        </Descriptions.Item>
        <Descriptions.Item label="境外合作机构" span={2}>
          {form.partner?.name ? (
            <>
              <div>
                {form.partner.name}
                {form.partner.country && `（${regionName(form.partner.country)}）`}
              </div>
              <div style={{ marginTop: 4 }}>
                {PARTNER_ANSWERS.map((a) => (
                  <Tag key={a.key} style={{ marginBottom: 4 }}>
                    {a.label}：{yesNo(form.partner?.[a.key] as boolean | undefined)}
                  </Tag>
                ))}
              </div>
            </>
          ) : (
            '无'
          )}
        </Descriptions.Item>
        <Descriptions.Item label="境内合作单位" span={2}>
          {form.domesticPartners?.length
            ? form.domesticPartners.map((p) => (
                <div key={p.creditCode}>
                  {p.name}（{ORGANIZATION_KIND_LABELS[p.kind]}，{p.creditCode}
                  {p.inJiangsu ? '，江苏' : '，省外'}）
                </div>
              ))
            : '无'}
        </Descriptions.Item>
        <Descriptions.Item label="项目总经费">{wan(form.budget?.total)}</Descriptions.Item>
        <Descriptions.Item label="江苏境内投入">{wan(form.budget?.jiangsuTotal)}</Descriptions.Item>
        <Descriptions.Item label="申请省资助" span={2}>
          <span data-testid="form-funding">{wan(form.budget?.provincialFunding)}</span>
        </Descriptions.Item>
        <Descriptions.Item label="科技伦理" span={2}>
          {ethics.length ? ethics.map(([key, label]) => <Tag key={key}>{label}</Tag>) : '均不涉及'}
        </Descriptions.Item>
        <Descriptions.Item label="涉密">{yesNo(form.classified)}</Descriptions.Item>
        <Descriptions.Item label="购置大型仪器">
          {form.largeInstrumentPurchase
            ? `是（必要性论证：${yesNo(form.largeInstrumentPurchase.justified)}；共享承诺：${yesNo(form.largeInstrumentPurchase.sharingCommitment)}）`
            : '否'}
        </Descriptions.Item>
      </Descriptions>
      {Object.keys(form).length === 0 && <Empty description="申报书为空" />}
    </Card>
  );
}

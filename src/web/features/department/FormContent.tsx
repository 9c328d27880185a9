import { Card, Empty, Tag, Typography } from 'antd';
import { budgetFromTable } from '../../../core/application/content.js';
import type { ApplicationForm } from '../../../core/application/form.js';
import { formatWan } from '../../../core/money.js';
import {
  DIRECTION_LABELS,
  ETHICS_LABELS,
  ORGANIZATION_KIND_LABELS,
  TOPIC_LABELS,
} from '../../../core/labels.js';
import { ApplicationDocument, type BasicItem } from '../../shared/application/ApplicationDocument.js';
import { regionName } from '../../shared/countries.js';
import type { ReviewItem } from './api.js';

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

/** The application's 申报书 as the department reads it: every part and answer, nothing editable. */
export function FormContent({ application }: { application: ReviewItem['application'] }) {
  const { form } = application;
  const budget = form.budgetTable ? budgetFromTable(form.budgetTable) : form.budget;
  const ethics = Object.entries(ETHICS_LABELS).filter(
    ([key]) => form.ethics?.[key as keyof typeof ETHICS_LABELS] === true,
  );
  const basics: BasicItem[] = [
    {
      label: '项目名称',
      wide: true,
      value: (
        <Typography.Text strong data-testid="form-title">
          {form.title || '（未填写）'}
        </Typography.Text>
      ),
    },
    {
      label: '专题',
      value: `${TOPIC_LABELS[application.topic]}${application.direction ? ` · ${DIRECTION_LABELS[application.direction]}` : ''}`,
    },
    { label: '技术领域', value: form.field || '未填' },
    { label: '申报单位', value: application.organization.name },
    { label: '项目负责人', value: application.pi.name },
    ...(form.summary
      ? [
          {
            label: '主要研究内容',
            wide: true,
            value: (
              <div style={{ whiteSpace: 'pre-wrap' }} data-testid="form-summary">
                {form.summary}
              </div>
            ),
          },
        ]
      : []),
    {
      label: '境外合作机构',
      wide: true,
      value: form.partner?.name ? (
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
      ),
    },
    {
      label: '境内合作单位',
      wide: true,
      value: form.domesticPartners?.length
        ? form.domesticPartners.map((p) => (
            <div key={p.creditCode}>
              {p.name}（{ORGANIZATION_KIND_LABELS[p.kind]}，{p.creditCode}
              {p.inJiangsu ? '，江苏' : '，省外'}）
            </div>
          ))
        : '无',
    },
    { label: '项目总经费', value: wan(budget?.total) },
    { label: '江苏境内投入', value: wan(budget?.jiangsuTotal) },
    {
      label: '申请省资助',
      wide: true,
      value: <span data-testid="form-funding">{wan(budget?.provincialFunding)}</span>,
    },
    {
      label: '科技伦理',
      wide: true,
      value: ethics.length ? ethics.map(([key, label]) => <Tag key={key}>{label}</Tag>) : '均不涉及',
    },
    { label: '涉密', value: yesNo(form.classified) },
    {
      label: '购置大型仪器',
      value: form.largeInstrumentPurchase
        ? `是（必要性论证：${yesNo(form.largeInstrumentPurchase.justified)}；共享承诺：${yesNo(form.largeInstrumentPurchase.sharingCommitment)}）`
        : '否',
    },
  ];
  return (
    <Card size="small" title="申报书内容" id="form-content" data-testid="form-content">
      {Object.keys(form).length === 0 ? (
        <Empty description="申报书为空" />
      ) : (
        <ApplicationDocument
          content={form}
          basics={basics}
          partner={form.partner?.name ? { name: form.partner.name, country: form.partner.country } : null}
          piName={application.pi.name}
        />
      )}
    </Card>
  );
}

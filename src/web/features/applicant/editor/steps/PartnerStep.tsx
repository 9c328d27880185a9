import { Alert, Col, Form, Input, Radio, Row, Select, Typography } from 'antd';
import type { PartnerForm } from '../../../../../core/application/form.js';
import { ORGANIZATION_KINDS, type OrganizationKind } from '../../../../../core/bundle/schema.js';
import { ORGANIZATION_KIND_LABELS, listZh } from '../../../../../core/labels.js';
import { TAX_HAVEN_JURISDICTIONS } from '../../../../../core/reference/countries.js';
import { countryChoices, regionName } from '../../../../shared/countries.js';
import { fieldId } from '../fields.js';
import { PartnerConfirmationCard } from '../../../../shared/application/PartnerConfirmationCard.js';
import { nestedPatch, textOrUndefined, YES_NO, type StepProps } from './common.js';

type InstitutionKey = 'nameZh' | 'address' | 'legalRepresentative' | 'website';
const INSTITUTION_FIELDS: {
  key: InstitutionKey;
  label: string;
  max: number;
  md: number;
  placeholder?: string;
}[] = [
  { key: 'nameZh', label: '机构中文名称', max: 200, md: 12 },
  { key: 'legalRepresentative', label: '法定代表人', max: 100, md: 12 },
  { key: 'address', label: '地址', max: 300, md: 12 },
  { key: 'website', label: '网址', max: 300, md: 12, placeholder: 'https://' },
];

type Question = Exclude<keyof PartnerForm, 'name' | 'country' | 'kind'>;

// 二、1: the six facts about the main foreign partner that the notice's bars turn on. No default and no hint
// of the expected answer: the applicant answers, the rules judge.
const QUESTIONS: { key: Question; label: string; help?: string }[] = [
  { key: 'independentLegalEntity', label: '境外合作机构是否为独立法人？' },
  { key: 'ownedByApplicant', label: '境外合作机构是否为本申报单位在境外设立的企业或研发机构？' },
  { key: 'foreignInvestedInChina', label: '境外合作机构是否为外资在境内设立的企业或研发机构？' },
  { key: 'taxHavenShell', label: '境外合作机构是否为在境外避税地设立的壳公司？' },
  { key: 'sameGroup', label: '本项目是否为同一企业集团境内外分支机构之间的合作？' },
  {
    key: 'piAffiliated',
    label: '境外方负责人是否在该境外合作机构任职，并依托该机构与申报单位开展合作？',
  },
];

export function PartnerStep({ draft, update, stream, application, readOnly }: StepProps) {
  const partner = draft.form.partner ?? {};
  const set = (patch: Partial<PartnerForm>) => update(nestedPatch('partner', patch));
  const institution = draft.form.partnerInstitution ?? {};

  if (stream && !stream.partnerRequired && !stream.countries) {
    return (
      <Alert
        type="info"
        showIcon
        title={`${stream.label}无需填写主要境外合作机构`}
        description="如有境外合作方，请在主要研究内容和附件材料中说明。"
      />
    );
  }

  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Form.Item
            htmlFor={fieldId('partner.name')}
            label="主要境外合作机构名称（原文）"
            required
            extra="与合作协议中的机构名称一致（外文全称）"
          >
            <Input
              id={fieldId('partner.name')}
              value={partner.name ?? ''}
              maxLength={200}
              onChange={(e) => set({ name: e.target.value })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item
            htmlFor={fieldId('partner.country')}
            label="国别（地区）"
            required
            extra={stream?.countries?.quote}
          >
            <Select
              id={fieldId('partner.country')}
              value={partner.country}
              placeholder="请选择，可输入名称搜索"
              options={countryChoices(stream?.countries ?? null)}
              showSearch={{ optionFilterProp: 'label' }}
              onChange={(country: string) => set({ country })}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        htmlFor={fieldId('partner.kind')}
        label="境外合作机构类型"
        required={!!stream?.partnerKinds}
        extra={
          stream?.partnerKinds &&
          `须为${listZh(stream.partnerKinds.kinds.map((k) => ORGANIZATION_KIND_LABELS[k]))}〔${stream.partnerKinds.clause}：${stream.partnerKinds.quote}〕`
        }
      >
        <Radio.Group
          id={fieldId('partner.kind')}
          value={partner.kind}
          options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: ORGANIZATION_KIND_LABELS[k] }))}
          onChange={(e) => set({ kind: e.target.value as OrganizationKind })}
        />
      </Form.Item>
      {partner.country && TAX_HAVEN_JURISDICTIONS.includes(partner.country) && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${regionName(partner.country)}常被列为境外避税地，请如实回答下面关于壳公司的问题〔二、1〕。`}
        />
      )}
      <Row gutter={16}>
        {INSTITUTION_FIELDS.map(({ key, label, max, md, placeholder }) => (
          <Col xs={24} md={md} key={key}>
            <Form.Item htmlFor={fieldId(`partnerInstitution.${key}`)} label={label}>
              <Input
                id={fieldId(`partnerInstitution.${key}`)}
                value={institution[key] ?? ''}
                maxLength={max}
                placeholder={placeholder}
                onChange={(e) =>
                  update(nestedPatch('partnerInstitution', { [key]: textOrUndefined(e.target.value) }))
                }
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Form.Item
        htmlFor={fieldId('partnerInstitution.history')}
        label="双方合作历史"
        extra="以往的人员往来、联合研究、共同成果等"
      >
        <Input.TextArea
          id={fieldId('partnerInstitution.history')}
          value={institution.history ?? ''}
          maxLength={5000}
          showCount
          autoSize={{ minRows: 3, maxRows: 10 }}
          onChange={(e) =>
            update(nestedPatch('partnerInstitution', { history: textOrUndefined(e.target.value) }))
          }
        />
      </Form.Item>
      <Typography.Paragraph strong>主要境外合作机构情况〔二、1〕（每项必答）</Typography.Paragraph>
      {QUESTIONS.map((q) => (
        <Form.Item key={q.key} label={q.label} required>
          <Radio.Group
            id={fieldId(`partner.${q.key}`)}
            value={partner[q.key]}
            options={YES_NO}
            onChange={(e) => set({ [q.key]: e.target.value as boolean })}
          />
        </Form.Item>
      ))}
      <PartnerConfirmationCard applicationId={application.id} canSend={!readOnly} />
    </>
  );
}

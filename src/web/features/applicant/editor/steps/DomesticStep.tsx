import { Card, Col, Empty, Form, Input, Radio, Row, Select, Typography } from 'antd';
import { ORGANIZATION_KINDS, type OrganizationKind } from '../../../../../core/bundle/schema.js';
import { normalizeCreditCode, validateCreditCode } from '../../../../../core/credit-code.js';
import { ORGANIZATION_KIND_LABELS } from '../../../../../core/labels.js';
import type { DomesticPartnerDraft } from '../draft.js';
import { fieldId } from '../fields.js';
import { formPatch, YES_NO, type StepProps } from './common.js';
import { AddRowButton, HeldBack, RemoveButton } from './RowControls.js';

const MAX_PARTNERS = 20;

function creditCodeStatus(code: string | undefined): { status?: 'error' | 'success'; help?: string } {
  if (!code) return {};
  const verdict = validateCreditCode(normalizeCreditCode(code));
  return verdict.ok ? { status: 'success', help: '校验通过' } : { status: 'error', help: verdict.reason };
}

export function DomesticStep({ draft, update, readOnly, heldBack }: StepProps & { heldBack: number[] }) {
  const partners = draft.form.domesticPartners ?? [];
  const setPartners = (next: DomesticPartnerDraft[]) => update(formPatch({ domesticPartners: next }));
  const setPartner = (index: number, patch: DomesticPartnerDraft) =>
    setPartners(partners.map((p, i) => (i === index ? { ...p, ...patch } : p)));

  return (
    <>
      <Typography.Paragraph type="secondary">
        牵头申报单位为高校、科研机构的，必须联合至少 1
        家江苏企业参与（专题二、四、五）。有境内合作单位的，申报单位须与每家境内合作单位签署合作协议或合作意向书〔二、2〕，请在“附件材料”中上传。
      </Typography.Paragraph>
      {partners.length === 0 && (
        <Empty
          description="暂无境内合作单位"
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          style={{ margin: '24px 0' }}
        />
      )}
      {partners.map((partner, i) => {
        const code = creditCodeStatus(partner.creditCode);
        return (
          <Card
            key={i}
            id={fieldId(`domesticPartners[${i}]`)}
            size="small"
            title={`境内合作单位 ${i + 1}`}
            style={{ marginBottom: 16 }}
            extra={
              <RemoveButton
                readOnly={readOnly}
                onClick={() => setPartners(partners.filter((_, j) => j !== i))}
              />
            }
          >
            <HeldBack
              shown={heldBack.includes(i)}
              title="本单位信息尚不完整或有误，已暂存在本机，填写完整后自动保存到服务器"
            />
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item htmlFor={fieldId(`domesticPartners[${i}].name`)} label="单位名称" required>
                  <Input
                    id={fieldId(`domesticPartners[${i}].name`)}
                    value={partner.name ?? ''}
                    maxLength={200}
                    onChange={(e) => setPartner(i, { name: e.target.value })}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  htmlFor={fieldId(`domesticPartners[${i}].creditCode`)}
                  label="统一社会信用代码"
                  required
                  validateStatus={code.status}
                  help={code.help}
                  hasFeedback
                >
                  <Input
                    id={fieldId(`domesticPartners[${i}].creditCode`)}
                    className="mono"
                    value={partner.creditCode ?? ''}
                    maxLength={24}
                    onChange={(e) => setPartner(i, { creditCode: normalizeCreditCode(e.target.value) })}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item htmlFor={fieldId(`domesticPartners[${i}].kind`)} label="单位类型" required>
                  <Select<OrganizationKind>
                    id={fieldId(`domesticPartners[${i}].kind`)}
                    value={partner.kind}
                    placeholder="请选择"
                    options={ORGANIZATION_KINDS.map((k) => ({
                      value: k,
                      label: ORGANIZATION_KIND_LABELS[k],
                    }))}
                    onChange={(kind) => setPartner(i, { kind })}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item label="是否在江苏省注册" required>
                  <Radio.Group
                    id={fieldId(`domesticPartners[${i}].inJiangsu`)}
                    value={partner.inJiangsu}
                    options={YES_NO}
                    onChange={(e) => setPartner(i, { inJiangsu: e.target.value as boolean })}
                  />
                </Form.Item>
              </Col>
            </Row>
          </Card>
        );
      })}
      {!readOnly && (
        <AddRowButton
          field="domesticPartners"
          full={partners.length >= MAX_PARTNERS}
          onAdd={() => setPartners([...partners, {}])}
        >
          添加境内合作单位
        </AddRowButton>
      )}
    </>
  );
}

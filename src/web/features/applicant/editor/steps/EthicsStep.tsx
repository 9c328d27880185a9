import {
  Alert,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ApplicationForm } from '../../../../../core/application/form.js';
import { DOCUMENT_KIND_LABELS, ETHICS_LABELS } from '../../../../../core/labels.js';
import { formatWan, wanToYuan, yuanToWan } from '../../../../../core/money.js';
import type { FormDraft, InstrumentDraft } from '../draft.js';
import { fieldId } from '../fields.js';
import { formPatch, nestedPatch, patchAt, textOrUndefined, YES_NO, type StepProps } from './common.js';
import { AddRowButton, HeldBack, RemoveButton } from './RowControls.js';

type EthicsKey = Exclude<keyof NonNullable<ApplicationForm['ethics']>, 'reviewApproved'>;

const INVOLVEMENT: EthicsKey[] = ['humanSubjects', 'labAnimals', 'ai', 'humanGeneticResources', 'germplasm'];
/** 《科技伦理审查办法（试行）》第二条 covers these; the notice asks for an ethics review of them (二、4). */
const NEEDS_REVIEW: EthicsKey[] = ['humanSubjects', 'labAnimals', 'ai'];
const NEEDS_PERMIT: EthicsKey[] = ['humanGeneticResources', 'germplasm'];
const MAX_INSTRUMENTS = 100;
const DECLASSIFIED_STATEMENT = '本人承诺申报材料不含涉密内容，或已按规定作脱密处理';

const uploadHint = (kind: 'ethics-approval' | 'genetic-resources-permit') =>
  `请在“附件材料”步骤以“${DOCUMENT_KIND_LABELS[kind]}”类型上传扫描件。`;

type Instruments = NonNullable<FormDraft['instruments']>;

/** 二、4 ethics, 二、5 secrecy and 二、7 large instruments. */
export function EthicsStep({ draft, update, readOnly, call, heldBackFields }: StepProps) {
  const ethics = draft.form.ethics ?? {};
  const approval = draft.form.ethicsApproval ?? {};
  const needsReview = NEEDS_REVIEW.some((k) => ethics[k]);
  const needsPermit = NEEDS_PERMIT.some((k) => ethics[k]);
  const instruments: Instruments = draft.form.instruments ?? { items: [] };
  const threshold = call?.content.instrumentThreshold;
  // The list replaces the old yes/no answers: the bundle's flags are derived from it.
  const setInstruments = (patch: Partial<Instruments>) =>
    update((d) =>
      formPatch({
        instruments: { items: [], ...d.form.instruments, ...patch },
        largeInstrumentPurchase: undefined,
      })(d),
    );
  const items = instruments.items;
  const large = threshold === undefined ? [] : items.filter((i) => (i.unitPrice ?? 0) >= threshold);

  return (
    <>
      <Typography.Title level={5}>科技伦理〔二、4〕</Typography.Title>
      <Form.Item
        label="本项目研究是否涉及以下内容（可多选，均不涉及则不勾选）"
        extra="研究涉及人体、实验动物、人工智能等须进行科技伦理审查的科技活动的，应按要求进行科技伦理审查；涉及人类遗传资源、种质资源的，主管部门将在推荐汇总表中注明。"
      >
        <div id={fieldId('ethics')}>
          <Space orientation="vertical">
            {INVOLVEMENT.map((key) => (
              <Checkbox
                key={key}
                id={fieldId(`ethics.${key}`)}
                checked={!!ethics[key]}
                onChange={(e) =>
                  update((d) => {
                    const { reviewApproved: _derived, ...rest } = d.form.ethics ?? {};
                    return formPatch({ ethics: { ...rest, [key]: e.target.checked } })(d);
                  })
                }
              >
                {ETHICS_LABELS[key]}
              </Checkbox>
            ))}
          </Space>
        </div>
      </Form.Item>
      {needsReview && (
        <Card size="small" title="伦理审查批件" style={{ marginBottom: 16 }} id={fieldId('ethicsApproval')}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item htmlFor={fieldId('ethicsApproval.number')} label="批件编号" required>
                <Input
                  id={fieldId('ethicsApproval.number')}
                  value={approval.number ?? ''}
                  maxLength={100}
                  onChange={(e) =>
                    update(nestedPatch('ethicsApproval', { number: textOrUndefined(e.target.value) }))
                  }
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item htmlFor={fieldId('ethicsApproval.date')} label="批准日期" required>
                <DatePicker
                  id={fieldId('ethicsApproval.date')}
                  style={{ width: '100%' }}
                  value={approval.date ? dayjs(approval.date) : null}
                  onChange={(value: Dayjs | null) =>
                    update(
                      nestedPatch('ethicsApproval', { date: value ? value.format('YYYY-MM-DD') : undefined }),
                    )
                  }
                />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Text type="secondary">{uploadHint('ethics-approval')}</Typography.Text>
        </Card>
      )}
      {needsPermit && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="涉及人类遗传资源或种质资源"
          description={`须取得相应的行政许可或备案。${uploadHint('genetic-resources-permit')}未上传的，形式审查给出提示。`}
        />
      )}

      <Typography.Title level={5}>保密〔二、5〕</Typography.Title>
      <Form.Item
        label="申报材料是否含有涉密内容"
        required
        extra="本计划不受理涉密项目；有涉密内容的须作脱密处理后再申报。"
      >
        <Radio.Group
          id={fieldId('classified')}
          value={draft.form.classified}
          options={YES_NO}
          onChange={(e) => update(formPatch({ classified: e.target.value as boolean }))}
        />
      </Form.Item>
      {draft.form.classified && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title="涉密项目不能申报，请脱密处理后再申报"
        />
      )}
      <Form.Item>
        <Checkbox
          id={fieldId('declassified')}
          checked={!!draft.form.declassified}
          onChange={(e) => update(formPatch({ declassified: e.target.checked }))}
        >
          {DECLASSIFIED_STATEMENT}
        </Checkbox>
      </Form.Item>

      <Typography.Title level={5}>大型科学仪器〔二、7〕</Typography.Title>
      <Typography.Paragraph type="secondary" id={fieldId('largeInstrumentPurchase')}>
        列出拟用财政资金或国有资本购置的仪器设备。
        {threshold !== undefined &&
          `单价 ${formatWan(threshold)}及以上的为大型科学仪器（${call!.content.clause}），须说明用途和不能租赁、共享的理由，并承诺遵守查重评议、开放共享等规定。`}
        鼓励采用租赁或共享专用仪器设备。
      </Typography.Paragraph>
      {items.map((item, i) => {
        const path = `instruments.items[${i}]`;
        const set = (patch: InstrumentDraft) => setInstruments({ items: patchAt(items, i, patch) });
        const isLarge = threshold !== undefined && (item.unitPrice ?? 0) >= threshold;
        return (
          <Card
            key={i}
            id={fieldId(path)}
            size="small"
            title={
              <Space>
                {`仪器 ${i + 1}`}
                {isLarge && <Tag color="orange">大型科学仪器</Tag>}
              </Space>
            }
            style={{ marginBottom: 16 }}
            extra={
              <RemoveButton
                readOnly={readOnly}
                onClick={() => setInstruments({ items: items.filter((_, j) => j !== i) })}
              />
            }
          >
            <HeldBack shown={heldBackFields.includes(path)} />
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item htmlFor={fieldId(`${path}.name`)} label="仪器名称" required>
                  <Input
                    id={fieldId(`${path}.name`)}
                    value={item.name ?? ''}
                    maxLength={200}
                    onChange={(e) => set({ name: textOrUndefined(e.target.value) })}
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item htmlFor={fieldId(`${path}.unitPrice`)} label="单价" required>
                  <InputNumber<number>
                    id={fieldId(`${path}.unitPrice`)}
                    value={item.unitPrice === undefined ? null : yuanToWan(item.unitPrice)}
                    min={0}
                    max={10_000_000}
                    precision={2}
                    suffix="万元"
                    style={{ width: '100%' }}
                    onChange={(v) =>
                      set({
                        unitPrice: typeof v === 'number' ? wanToYuan(Math.round(v * 100) / 100) : undefined,
                      })
                    }
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item htmlFor={fieldId(`${path}.quantity`)} label="数量（台/套）" required>
                  <InputNumber<number>
                    id={fieldId(`${path}.quantity`)}
                    value={item.quantity ?? null}
                    min={1}
                    max={1000}
                    precision={0}
                    style={{ width: '100%' }}
                    onChange={(v) => set({ quantity: typeof v === 'number' ? v : undefined })}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item htmlFor={fieldId(`${path}.purpose`)} label="用途" required={isLarge}>
                  <Input.TextArea
                    id={fieldId(`${path}.purpose`)}
                    value={item.purpose ?? ''}
                    maxLength={1000}
                    autoSize={{ minRows: 2, maxRows: 6 }}
                    onChange={(e) => set({ purpose: textOrUndefined(e.target.value) })}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  htmlFor={fieldId(`${path}.whyNotShared`)}
                  label="不能租赁或共享的理由"
                  required={isLarge}
                >
                  <Input.TextArea
                    id={fieldId(`${path}.whyNotShared`)}
                    value={item.whyNotShared ?? ''}
                    maxLength={1000}
                    autoSize={{ minRows: 2, maxRows: 6 }}
                    onChange={(e) => set({ whyNotShared: textOrUndefined(e.target.value) })}
                  />
                </Form.Item>
              </Col>
            </Row>
          </Card>
        );
      })}
      {!readOnly && (
        <AddRowButton
          field="instruments.items"
          full={items.length >= MAX_INSTRUMENTS}
          marginBottom={16}
          onAdd={() => setInstruments({ items: [...items, { quantity: 1 }] })}
        >
          添加仪器设备
        </AddRowButton>
      )}
      {(large.length > 0 || instruments.sharingCommitment) && (
        <Form.Item required={large.length > 0}>
          <Checkbox
            id={fieldId('instruments.sharingCommitment')}
            checked={!!instruments.sharingCommitment}
            onChange={(e) => setInstruments({ sharingCommitment: e.target.checked })}
          >
            承诺遵守查重评议、开放共享等有关规定要求
          </Checkbox>
        </Form.Item>
      )}
    </>
  );
}

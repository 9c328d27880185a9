import { Alert, Checkbox, Form, Radio, Space, Typography } from 'antd';
import type { ApplicationForm } from '../../../../../core/application/form.js';
import { ETHICS_LABELS } from '../../../../../core/labels.js';
import { fieldId } from '../fields.js';
import { formPatch, nestedPatch, YES_NO, type StepProps } from './common.js';

type EthicsKey = keyof NonNullable<ApplicationForm['ethics']>;

const INVOLVEMENT: EthicsKey[] = ['humanSubjects', 'labAnimals', 'ai', 'humanGeneticResources', 'germplasm'];
/** 《科技伦理审查办法（试行）》第二条 covers these; the notice asks for an ethics review of them (二、4). */
const NEEDS_REVIEW: EthicsKey[] = ['humanSubjects', 'labAnimals', 'ai'];

export function EthicsStep({ draft, update }: StepProps) {
  const ethics = draft.form.ethics ?? {};
  const instrument = draft.form.largeInstrumentPurchase;
  const needsReview = NEEDS_REVIEW.some((k) => ethics[k]);

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
                onChange={(e) => update(nestedPatch('ethics', { [key]: e.target.checked }))}
              >
                {ETHICS_LABELS[key]}
              </Checkbox>
            ))}
          </Space>
        </div>
      </Form.Item>
      {needsReview && (
        <Form.Item>
          <Checkbox
            id={fieldId('ethics.reviewApproved')}
            checked={!!ethics.reviewApproved}
            onChange={(e) => update(nestedPatch('ethics', { reviewApproved: e.target.checked }))}
          >
            {ETHICS_LABELS.reviewApproved}
          </Checkbox>
        </Form.Item>
      )}

      <Typography.Title level={5}>保密〔二、5〕</Typography.Title>
      <Form.Item
        label="申报材料是否含有涉密内容"
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

      <Typography.Title level={5}>大型科学仪器〔二、7〕</Typography.Title>
      <Form.Item
        label="是否利用财政资金或国有资本购置大型科学仪器"
        extra="鼓励采用租赁或共享专用仪器设备。确有需要购置的，应说明必要性并承诺遵守查重评议、开放共享等有关规定。"
      >
        <Radio.Group
          id={fieldId('largeInstrumentPurchase')}
          value={instrument === undefined ? undefined : instrument !== null}
          options={YES_NO}
          onChange={(e) =>
            update(
              formPatch({
                largeInstrumentPurchase: e.target.value
                  ? (instrument ?? { justified: false, sharingCommitment: false })
                  : null,
              }),
            )
          }
        />
      </Form.Item>
      {instrument && (
        <Form.Item label="购置大型科学仪器的说明与承诺" required>
          <Space orientation="vertical">
            <Checkbox
              id={fieldId('largeInstrumentPurchase.justified')}
              checked={instrument.justified}
              onChange={(e) =>
                update(formPatch({ largeInstrumentPurchase: { ...instrument, justified: e.target.checked } }))
              }
            >
              已在申报书中说明所购置大型科学仪器的必要性
            </Checkbox>
            <Checkbox
              id={fieldId('largeInstrumentPurchase.sharingCommitment')}
              checked={instrument.sharingCommitment}
              onChange={(e) =>
                update(
                  formPatch({
                    largeInstrumentPurchase: { ...instrument, sharingCommitment: e.target.checked },
                  }),
                )
              }
            >
              承诺遵守查重评议、开放共享等有关规定要求
            </Checkbox>
          </Space>
        </Form.Item>
      )}
    </>
  );
}

import { Card, Col, DatePicker, Form, Input, InputNumber, Row, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { INDICATOR_KEYS } from '../../../../../core/application/content.js';
import { INDICATOR_LABELS } from '../../../../../core/labels.js';
import { wanToYuan, yuanToWan } from '../../../../../core/money.js';
import type { MilestoneDraft } from '../draft.js';
import { fieldId } from '../fields.js';
import { formPatch, nestedPatch, patchAt, textOrUndefined, type StepProps } from './common.js';
import { AddRowButton, HeldBack, RemoveButton } from './RowControls.js';

const MAX_MILESTONES = 20;
const monthValue = (month: string | undefined) => (month ? dayjs(`${month}-01`) : null);

/** 考核指标 (a figure each) and the 年度计划 of milestones. */
export function IndicatorsStep({ draft, update, readOnly, heldBackFields }: StepProps) {
  const indicators = draft.form.indicators ?? {};
  const milestones = draft.form.milestones ?? [];
  const setMilestones = (next: MilestoneDraft[]) => update(formPatch({ milestones: next }));

  return (
    <>
      <Typography.Title level={5}>考核指标</Typography.Title>
      <Typography.Paragraph type="secondary">项目完成时应达到的指标，没有的填 0。</Typography.Paragraph>
      <Row gutter={16}>
        {INDICATOR_KEYS.map((key) => {
          const { label, unit } = INDICATOR_LABELS[key];
          const money = key === 'salesRevenue';
          const stored = indicators[key];
          return (
            <Col xs={12} md={6} key={key}>
              <Form.Item htmlFor={fieldId(`indicators.${key}`)} label={label}>
                <InputNumber<number>
                  id={fieldId(`indicators.${key}`)}
                  value={stored === undefined ? null : money ? yuanToWan(stored) : stored}
                  min={0}
                  max={money ? 10_000_000 : 1_000_000}
                  precision={money ? 2 : 0}
                  suffix={unit}
                  style={{ width: '100%' }}
                  onChange={(v) =>
                    update(
                      nestedPatch('indicators', {
                        [key]:
                          typeof v === 'number'
                            ? money
                              ? wanToYuan(Math.round(v * 100) / 100)
                              : v
                            : undefined,
                      }),
                    )
                  }
                />
              </Form.Item>
            </Col>
          );
        })}
      </Row>

      <Typography.Title level={5}>年度计划</Typography.Title>
      {milestones.map((m, i) => {
        const path = `milestones[${i}]`;
        const set = (patch: MilestoneDraft) => setMilestones(patchAt(milestones, i, patch));
        return (
          <Card
            key={i}
            id={fieldId(path)}
            size="small"
            title={`阶段 ${i + 1}`}
            style={{ marginBottom: 16 }}
            extra={
              <RemoveButton
                readOnly={readOnly}
                onClick={() => setMilestones(milestones.filter((_, j) => j !== i))}
              />
            }
          >
            <HeldBack
              shown={heldBackFields.includes(path)}
              title="本阶段尚不完整，已暂存在本机，填写完整后自动保存到服务器"
            />
            <Row gutter={16}>
              {(['from', 'to'] as const).map((end) => (
                <Col xs={12} md={6} key={end}>
                  <Form.Item
                    htmlFor={fieldId(`${path}.${end}`)}
                    label={end === 'from' ? '起始年月' : '结束年月'}
                    required
                  >
                    <DatePicker
                      id={fieldId(`${path}.${end}`)}
                      picker="month"
                      format="YYYY-MM"
                      style={{ width: '100%' }}
                      value={monthValue(m[end])}
                      onChange={(value: Dayjs | null) =>
                        set({ [end]: value ? value.format('YYYY-MM') : undefined })
                      }
                    />
                  </Form.Item>
                </Col>
              ))}
              <Col xs={24} md={12}>
                <Form.Item htmlFor={fieldId(`${path}.goal`)} label="阶段目标与考核内容" required>
                  <Input.TextArea
                    id={fieldId(`${path}.goal`)}
                    value={m.goal ?? ''}
                    maxLength={1000}
                    autoSize={{ minRows: 1, maxRows: 6 }}
                    onChange={(e) => set({ goal: textOrUndefined(e.target.value) })}
                  />
                </Form.Item>
              </Col>
            </Row>
          </Card>
        );
      })}
      {!readOnly && (
        <AddRowButton
          field="milestones"
          full={milestones.length >= MAX_MILESTONES}
          onAdd={() => {
            const previous = milestones[milestones.length - 1]?.to ?? draft.form.period?.start;
            const from = previous
              ? dayjs(`${previous}-01`).add(milestones.length > 0 ? 1 : 0, 'month')
              : undefined;
            setMilestones([...milestones, from ? { from: from.format('YYYY-MM') } : {}]);
          }}
        >
          添加阶段
        </AddRowButton>
      )}
    </>
  );
}

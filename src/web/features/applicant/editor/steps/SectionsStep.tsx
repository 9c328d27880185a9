import { Alert, Card, Form, Input, Switch, Typography } from 'antd';
import { useState } from 'react';
import { SECTION_KEYS, type SectionKey } from '../../../../../core/application/content.js';
import { SECTION_LABELS } from '../../../../../core/application/form.js';
import { MarkupText } from '../../../../shared/application/MarkupText.js';
import { fieldId } from '../fields.js';
import { nestedPatch, type StepProps } from './common.js';

const SECTION_HINTS: Record<SectionKey, string> = {
  rationale: '国内外研究现状与发展趋势，本项目开展国际合作的必要性',
  cooperationBasis: '中外双方的研究基础与优势，已有的合作情况',
  researchPlan: '研究目标、主要研究内容、技术路线与实施方案',
  innovations: '本项目的主要创新之处',
  division: '合作方式，中外双方及境内合作单位的任务分工',
  ipOwnership: '合作产生的知识产权的归属与分享安排',
  risks: '技术、合作、市场等方面的风险及应对措施',
};

/** 申报书正文: one text per section, each within the call's limit, written in the simple markup. */
export function SectionsStep({ draft, update, call }: StepProps) {
  const [preview, setPreview] = useState(false);
  const sections = draft.form.sections ?? {};
  const limits = call?.content.sectionLimits;

  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="格式说明"
        description={
          <span>
            空一行另起一段；用 **两个星号** 括起的文字加粗；以“- ”开头的行为项目列表，以“1.
            ”开头的行为编号列表。
            {call && `各部分字数上限为${call.content.clause}（${call.content.quote}）`}
          </span>
        }
      />
      <Form.Item label="显示排版预览" htmlFor={fieldId('sections.preview')}>
        <Switch id={fieldId('sections.preview')} checked={preview} onChange={setPreview} />
      </Form.Item>
      {SECTION_KEYS.map((key, i) => {
        const text = sections[key] ?? '';
        return (
          <div key={key}>
            <Form.Item
              htmlFor={fieldId(`sections.${key}`)}
              label={`${i + 1}. ${SECTION_LABELS[key]}`}
              required
              extra={SECTION_HINTS[key]}
            >
              <Input.TextArea
                id={fieldId(`sections.${key}`)}
                value={text}
                maxLength={limits?.[key]}
                showCount
                autoSize={{ minRows: 5, maxRows: 24 }}
                onChange={(e) => update(nestedPatch('sections', { [key]: e.target.value || undefined }))}
              />
            </Form.Item>
            {preview && text.trim() !== '' && (
              <Card size="small" title={`预览：${SECTION_LABELS[key]}`} style={{ marginBottom: 24 }}>
                <MarkupText text={text} />
              </Card>
            )}
          </div>
        );
      })}
      {!limits && <Typography.Text type="secondary">正在读取各部分字数上限……</Typography.Text>}
    </>
  );
}

import { AutoComplete, Col, DatePicker, Descriptions, Form, Input, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import type { Direction, TopicNumber } from '../../../../../core/bundle/schema.js';
import { TOPIC_LABELS } from '../../../../../core/labels.js';
import { durationMonths } from '../../../../../core/application/content.js';
import type { PersonView } from '../../../../../contract/people.js';
import { DirectedNotice } from '../../directed.js';
import { directionOptions, mayChoose, withheldStreams } from '../../directed-streams.js';
import { entitlementsQuery } from '../../queries.js';
import { fieldId } from '../fields.js';
import { formPatch, nestedPatch, type StepProps } from './common.js';

const monthValue = (month: string | undefined) => (month ? dayjs(`${month}-01`) : null);
const monthText = (value: Dayjs | null) => (value ? value.format('YYYY-MM') : undefined);

export function BasicStep({
  draft,
  update,
  readOnly,
  application,
  call,
  stream,
  people,
}: StepProps & { people: PersonView[] | undefined }) {
  const keyFields = stream?.keyFields ?? [];
  const content = call?.content;
  const period = draft.form.period ?? {};
  const months = period.start && period.end ? durationMonths(period.start, period.end) : undefined;
  const { data: mine } = useQuery(entitlementsQuery);
  const piOptions = people
    ? people.map((p) => ({ value: p.id, label: p.name }))
    : [{ value: application.pi.id, label: application.pi.name }];

  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        bordered
        style={{ marginBottom: 24 }}
        items={[
          {
            key: 'applicant',
            label: '申报单位',
            children: <span id={fieldId('applicant')}>{application.organization.name}</span>,
          },
          {
            key: 'department',
            label: '项目主管部门',
            children: <span id={fieldId('department')}>{application.department.name}</span>,
          },
          { key: 'call', label: '申报计划', span: 2, children: application.callName },
        ]}
      />
      {call && !readOnly && (
        <DirectedNotice call={call} withheld={withheldStreams(call, mine, draft.topic)} />
      )}
      <Row gutter={16}>
        <Col xs={24} md={draft.topic === 1 ? 8 : 12}>
          <Form.Item htmlFor={fieldId('topic')} label="专题" required>
            <Select<TopicNumber>
              id={fieldId('topic')}
              value={draft.topic}
              onChange={(topic) =>
                update((d) => ({ ...d, topic, direction: topic === 1 ? d.direction : null }))
              }
              options={(call?.topics ?? []).map((t) => ({
                value: t.number,
                label: `${TOPIC_LABELS[t.number]} ${t.name}`,
                disabled:
                  t.number !== application.topic &&
                  (!t.open || !t.streams.some((s) => mayChoose(call!, mine, t.number, s))),
              }))}
            />
          </Form.Item>
        </Col>
        {draft.topic === 1 && (
          <Col xs={24} md={8}>
            <Form.Item htmlFor={fieldId('direction')} label="方向" required>
              <Select<Direction>
                id={fieldId('direction')}
                value={draft.direction ?? undefined}
                placeholder="请选择方向"
                onChange={(direction) => update((d) => ({ ...d, direction }))}
                options={directionOptions(call, mine, application.direction)}
              />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={draft.topic === 1 ? 8 : 12}>
          <Form.Item
            htmlFor={fieldId('pi')}
            label="项目负责人"
            required
            extra="须为申报单位在职人员〔二、1〕"
          >
            <Select
              id={fieldId('pi')}
              value={draft.piId}
              disabled={readOnly || !people}
              onChange={(piId: string) => update((d) => ({ ...d, piId }))}
              options={piOptions}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item htmlFor={fieldId('title')} label="项目名称" required>
        <Input
          id={fieldId('title')}
          value={draft.form.title ?? ''}
          maxLength={200}
          showCount
          placeholder="简明反映合作研究内容"
          onChange={(e) => update(formPatch({ title: e.target.value }))}
        />
      </Form.Item>
      <Form.Item
        htmlFor={fieldId('field')}
        label="技术领域"
        required
        extra={
          keyFields.length > 0 ? (
            <span>
              重点支持：{keyFields.join('、')}
              。可从中选择，也可自行填写（不在重点领域内的，请在申报书中说明关联）。
            </span>
          ) : undefined
        }
      >
        <AutoComplete
          id={fieldId('field')}
          value={draft.form.field ?? ''}
          options={keyFields.map((f) => ({ value: f }))}
          maxLength={50}
          placeholder={keyFields.length > 0 ? `例如：${keyFields[0]}` : '请填写技术领域'}
          onChange={(field: string) => update(formPatch({ field }))}
          showSearch={{ filterOption: (input, option) => !!option?.value?.includes(input) }}
        />
      </Form.Item>
      <Row gutter={16}>
        {(['start', 'end'] as const).map((end) => (
          <Col xs={12} md={8} key={end}>
            <Form.Item
              htmlFor={fieldId(`period.${end}`)}
              label={end === 'start' ? '项目开始年月' : '项目结束年月'}
              required
            >
              <DatePicker
                id={fieldId(`period.${end}`)}
                picker="month"
                format="YYYY-MM"
                style={{ width: '100%' }}
                value={monthValue(period[end])}
                disabledDate={(d) =>
                  (end === 'start' &&
                    !!content &&
                    d.isBefore(dayjs(`${content.earliestStart}-01`), 'month')) ||
                  (end === 'end' && !!period.start && d.isBefore(dayjs(`${period.start}-01`), 'month'))
                }
                onChange={(value: Dayjs | null) => update(nestedPatch('period', { [end]: monthText(value) }))}
              />
            </Form.Item>
          </Col>
        ))}
        <Col xs={24} md={8}>
          <Form.Item label="执行期">
            <Typography.Text
              data-testid="period-months"
              type={
                content && months !== undefined && months > content.maxDurationMonths ? 'danger' : undefined
              }
            >
              {months === undefined ? '—' : `${months} 个月`}
              {content &&
                `（不超过 ${content.maxDurationMonths} 个月，不早于 ${content.earliestStart} 开始）`}
            </Typography.Text>
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        htmlFor={fieldId('keywords')}
        label="关键词"
        required
        extra={
          content
            ? `${content.keywords.min}–${content.keywords.max} 个，每个不超过 20 字；输入后按回车确认`
            : '输入后按回车确认'
        }
      >
        {readOnly ? (
          // A disabled tags select (and a disabled tag) greys below a readable contrast: plain text instead.
          <span id={fieldId('keywords')}>{(draft.form.keywords ?? []).join('；') || '—'}</span>
        ) : (
          <Select
            id={fieldId('keywords')}
            mode="tags"
            value={draft.form.keywords ?? []}
            maxCount={content?.keywords.max}
            tokenSeparators={[',', '，', '、', ';', '；']}
            placeholder="例如：固态电解质"
            onChange={(keywords: string[]) =>
              update(
                formPatch({
                  keywords: keywords.map((k) => k.trim().slice(0, 20)).filter((k) => k !== ''),
                }),
              )
            }
          />
        )}
      </Form.Item>
      <Form.Item
        htmlFor={fieldId('abstract')}
        label="项目摘要"
        required
        extra={content && `不超过 ${content.abstractMax} 字〔${content.clause}〕`}
      >
        <Input.TextArea
          id={fieldId('abstract')}
          value={draft.form.abstract ?? ''}
          maxLength={content?.abstractMax ?? 2000}
          showCount
          autoSize={{ minRows: 4, maxRows: 10 }}
          placeholder="合作研究的目标、主要内容和预期成果"
          onChange={(e) => update(formPatch({ abstract: e.target.value }))}
        />
      </Form.Item>
      <Form.Item
        htmlFor={fieldId('titleEn')}
        label="英文项目名称"
        extra="境外合作方确认时阅读英文名称和英文摘要"
      >
        <Input
          id={fieldId('titleEn')}
          value={draft.form.titleEn ?? ''}
          maxLength={300}
          onChange={(e) => update(formPatch({ titleEn: e.target.value || undefined }))}
        />
      </Form.Item>
      <Form.Item htmlFor={fieldId('abstractEn')} label="英文摘要">
        <Input.TextArea
          id={fieldId('abstractEn')}
          value={draft.form.abstractEn ?? ''}
          maxLength={5000}
          showCount
          autoSize={{ minRows: 3, maxRows: 10 }}
          onChange={(e) => update(formPatch({ abstractEn: e.target.value || undefined }))}
        />
      </Form.Item>
      {draft.form.summary !== undefined && draft.form.summary !== '' && (
        <Form.Item
          htmlFor={fieldId('summary')}
          label="主要研究内容（旧版表单所填）"
          extra="新版申报书的研究内容请填写在“申报书正文”中；清空本栏即可。"
        >
          <Input.TextArea
            id={fieldId('summary')}
            value={draft.form.summary}
            maxLength={5000}
            showCount
            autoSize={{ minRows: 3, maxRows: 10 }}
            onChange={(e) => update(formPatch({ summary: e.target.value || undefined }))}
          />
        </Form.Item>
      )}
      {readOnly && <Typography.Text type="secondary">申报书已提交，内容不能修改。</Typography.Text>}
    </>
  );
}

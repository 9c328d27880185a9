import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  List,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import {
  DOCUMENT_PART_LABELS,
  DOCUMENT_PARTS,
  formProblems,
  type ScoreProblem,
} from '../../../../core/experts/scoring-forms.js';
import { ApiError, describeError } from '../../../shared/api.js';
import { beijingTime } from '../../../shared/format.js';
import { PageState } from '../../../shared/PageState.js';
import { SCORING_FORMS_KEY, type ScoringFormBody, scoringFormsApi, scoringFormsQueries } from './api.js';

const PART_OPTIONS = DOCUMENT_PARTS.map((p) => ({ value: p, label: DOCUMENT_PART_LABELS[p] }));

/** One round's form for one topic: its criteria and anchors edited and saved as a new version; its history. */
export function ScoringFormEditor({ roundId, topic }: { roundId: string; topic: number }) {
  const query = useQuery(scoringFormsQueries.form(roundId, topic));
  return (
    <PageState query={query}>
      {(form) => (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Editor key={form.version ?? 0} roundId={roundId} topic={topic} form={form} />
          <Card title="版本历史" size="small">
            {form.versions.length === 0 ? (
              <Typography.Text type="secondary">尚无保存的版本，使用默认评分表（中心配置）</Typography.Text>
            ) : (
              <List
                dataSource={form.versions}
                data-testid="versions"
                renderItem={(v) => (
                  <List.Item>
                    <Space orientation="vertical" size={0}>
                      <Typography.Text strong>
                        第 {v.version} 版 · {beijingTime(v.createdAt)} · {v.createdBy ?? '系统（首次评分时）'}
                        {v.scored > 0 && ` · ${v.scored} 份评分按此版本计算`}
                      </Typography.Text>
                      {v.changes.map((c) => (
                        <Typography.Text key={c} type="secondary">
                          {c}
                        </Typography.Text>
                      ))}
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Space>
      )}
    </PageState>
  );
}

type Form = Awaited<ReturnType<typeof scoringFormsApi.form>>;

function Editor({ roundId, topic, form: current }: { roundId: string; topic: number; form: Form }) {
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ScoringFormBody>();
  const weights = Form.useWatch('criteria', form) ?? current.criteria;
  const sum = weights.reduce((s, c) => s + (Number(c?.weight) || 0), 0);
  const [problems, setProblems] = useState<ScoreProblem[]>([]);
  const saving = useMutation({
    mutationFn: (body: ScoringFormBody) => scoringFormsApi.save(roundId, topic, body),
    onSuccess: () => {
      setProblems([]);
      return queryClient.invalidateQueries({ queryKey: SCORING_FORMS_KEY });
    },
    onError: (e) =>
      setProblems(
        e instanceof ApiError && e.fields.length > 0 ? e.fields : [{ path: '', message: describeError(e) }],
      ),
  });
  const save = () => {
    const body = form.getFieldsValue(true) as ScoringFormBody;
    const normalized: ScoringFormBody = {
      guidance: body.guidance ?? '',
      minCommentLength: body.minCommentLength ?? 0,
      criteria: (body.criteria ?? []).map((c) => ({
        ...c,
        guidance: c.guidance ?? '',
        anchors: c.anchors ?? [],
        section: c.section ?? undefined,
      })),
    };
    const found = formProblems(normalized);
    setProblems(found);
    if (found.length === 0) saving.mutate(normalized);
  };
  const locked = current.locked;

  return (
    <Card
      title={
        <Space wrap>
          {current.round.name} · {current.topicLabel}
          {current.version === null ? (
            <Tag color="blue">默认评分表 · {current.clause}</Tag>
          ) : (
            <Tag>第 {current.version} 版</Tag>
          )}
        </Space>
      }
    >
      {locked && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="form-locked"
          title="本轮该专题已有专家保存评分，评分表已锁定，不能再修改"
        />
      )}
      {current.version === null && (
        <Typography.Paragraph type="secondary">
          通知未规定评审指标。此为默认评分表，出处：{current.clause}
          （省科技项目管理中心的配置），保存后成为第 1 版。
        </Typography.Paragraph>
      )}
      {current.recommendsFunding && (
        <Typography.Paragraph type="secondary">
          专家论证：专家还须填写建议资助经费（万元）。
        </Typography.Paragraph>
      )}
      <Form
        form={form}
        layout="vertical"
        disabled={locked}
        initialValues={{
          criteria: current.criteria,
          guidance: current.guidance,
          minCommentLength: current.minCommentLength,
        }}
      >
        <Form.Item name="guidance" label="评审说明（显示在评分表上方）">
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} />
        </Form.Item>
        <Form.Item name="minCommentLength" label="评审意见最少字数">
          <InputNumber min={0} max={3000} data-testid="min-comment-length" />
        </Form.Item>
        <Typography.Paragraph>
          权重合计：
          <Typography.Text type={sum === 100 ? 'success' : 'danger'} data-testid="weight-sum">
            {sum}
          </Typography.Text>
          （应为 100）
        </Typography.Paragraph>
        <Form.List name="criteria">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  data-testid={`criterion-${index}`}
                  title={`评分项 ${index + 1}`}
                  extra={
                    !locked && (
                      <Button type="link" danger onClick={() => remove(field.name)}>
                        删除
                      </Button>
                    )
                  }
                >
                  <Row gutter={12}>
                    <Col xs={24} md={8}>
                      <Form.Item name={[field.name, 'label']} label="名称">
                        <Input maxLength={50} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      <Form.Item name={[field.name, 'id']} label="编号">
                        <Input maxLength={40} />
                      </Form.Item>
                    </Col>
                    <Col xs={6} md={3}>
                      <Form.Item name={[field.name, 'weight']} label="权重">
                        <InputNumber min={1} max={100} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={6} md={3}>
                      <Form.Item name={[field.name, 'max']} label="满分">
                        <InputNumber min={1} max={100} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={6}>
                      <Form.Item name={[field.name, 'section']} label="对应申报书部分">
                        <Select allowClear options={PART_OPTIONS} placeholder="不指定" />
                      </Form.Item>
                    </Col>
                    <Col span={24}>
                      <Form.Item name={[field.name, 'guidance']} label="评分指引">
                        <Input.TextArea autoSize={{ minRows: 1 }} maxLength={500} />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Typography.Text strong>各档说明</Typography.Text>
                  <Form.List name={[field.name, 'anchors']}>
                    {(bands, bandOps) => (
                      <>
                        {bands.map((band, b) => (
                          <Row key={band.key} gutter={8} align="top" wrap>
                            <Col xs={6} md={2}>
                              <Form.Item name={[band.name, 'from']} aria-label="起">
                                <InputNumber
                                  min={0}
                                  style={{ width: '100%' }}
                                  aria-label={`第 ${b + 1} 档起`}
                                />
                              </Form.Item>
                            </Col>
                            <Col xs={6} md={2}>
                              <Form.Item name={[band.name, 'to']}>
                                <InputNumber
                                  min={0}
                                  style={{ width: '100%' }}
                                  aria-label={`第 ${b + 1} 档止`}
                                />
                              </Form.Item>
                            </Col>
                            <Col xs={10} md={18}>
                              <Form.Item name={[band.name, 'text']}>
                                <Input
                                  maxLength={200}
                                  aria-label={`第 ${b + 1} 档说明`}
                                  data-testid={`anchor-${index}-${b}`}
                                />
                              </Form.Item>
                            </Col>
                            <Col xs={2} md={2}>
                              {!locked && (
                                <Button
                                  type="text"
                                  aria-label={`删除第 ${b + 1} 档`}
                                  icon={<MinusCircleOutlined />}
                                  onClick={() => bandOps.remove(band.name)}
                                />
                              )}
                            </Col>
                          </Row>
                        ))}
                        {!locked && (
                          <Button
                            type="dashed"
                            icon={<PlusOutlined />}
                            onClick={() => bandOps.add({ from: 0, to: 0, text: '' })}
                          >
                            添加一档
                          </Button>
                        )}
                      </>
                    )}
                  </Form.List>
                </Card>
              ))}
              {!locked && (
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() =>
                    add({
                      id: '',
                      label: '',
                      weight: 0,
                      max: 10,
                      guidance: '',
                      anchors: [{ from: 0, to: 10, text: '' }],
                    })
                  }
                >
                  添加评分项
                </Button>
              )}
            </Space>
          )}
        </Form.List>
      </Form>
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 16 }}
          data-testid="form-problems"
          title="评分表有误，未保存"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {problems.map((p) => (
                <li key={`${p.path}${p.message}`}>{p.message}</li>
              ))}
            </ul>
          }
        />
      )}
      {!locked && (
        <Button
          type="primary"
          style={{ marginTop: 16 }}
          loading={saving.isPending}
          onClick={save}
          data-testid="save-form"
        >
          保存为新版本
        </Button>
      )}
    </Card>
  );
}

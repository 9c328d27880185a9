import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Radio,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { formatWan, wanToYuan } from '../../../../core/money.js';
import { PUBLISHED_HOLIDAY_YEARS } from '../../../../core/reference/working-days.js';
import { describeError } from '../../../shared/api.js';
import { beijingTime } from '../../../shared/format.js';
import { CallSelect } from '../../department/CallSelect.js';
import { useReviewCall } from '../../department/useReviewCall.js';
import { type AnnouncementView, type ContractItemView, decisionsApi, type DecisionItemView } from './api.js';
import { expertsApi, type ReviewedApplicationView } from '../experts/api.js';
import { applicationColumns, SaveModal } from './common.js';

/** 立项决定与公示: decisions with funding against the cap, the 公示 drafts and publications, contract signing. */
export function DecisionsPage() {
  const { calls, callId, error, select } = useReviewCall();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        立项决定与公示
      </Typography.Title>
      {error && <Alert type="error" showIcon title={error} />}
      <Card>
        <CallSelect calls={calls} value={callId} onChange={select} />
      </Card>
      {callId && (
        <Tabs
          items={[
            { key: 'decisions', label: '立项决定', children: <DecisionTable callId={callId} /> },
            { key: 'announcements', label: '拟立项项目公示', children: <Announcements callId={callId} /> },
            { key: 'contracts', label: '合同签订', children: <Contracts callId={callId} /> },
          ]}
        />
      )}
    </Space>
  );
}

function useList<T>(fetch: () => Promise<T[]>) {
  const [items, setItems] = useState<T[]>();
  const [error, setError] = useState<string>();
  const load = useCallback(() => {
    setItems(undefined);
    setError(undefined);
    fetch().then(setItems, (e: unknown) => setError(describeError(e)));
  }, [fetch]);
  useEffect(load, [load]);
  /** Runs an action, then reloads; a refusal is shown with the server's message. */
  const act = (action: Promise<unknown>) =>
    action.then(load, (e: unknown) => Modal.error({ title: '操作未完成', content: describeError(e) }));
  return { items, error, load, act };
}

/** The experts' submitted scores per application, to decide with them in view. */
function useExpertScores(callId: string) {
  const [scores, setScores] = useState<Map<string, ReviewedApplicationView['aggregate']>>();
  useEffect(() => {
    expertsApi.applications(callId).then(
      ({ applications }) => setScores(new Map(applications.map((a) => [a.id, a.aggregate]))),
      () => setScores(new Map()),
    );
  }, [callId]);
  return scores;
}

function DecisionTable({ callId }: { callId: string }) {
  const fetch = useCallback(() => decisionsApi.decisions(callId), [callId]);
  const { items, error, load, act } = useList(fetch);
  const [deciding, setDeciding] = useState<DecisionItemView>();
  const scores = useExpertScores(callId);
  return (
    <>
      {error && <Alert type="error" showIcon title={error} />}
      <Typography.Paragraph type="secondary">
        只列形式审查“受理”的项目。立项资助经费不超过本专题上限（申报计划参数）和申请的省资助经费；公示发布后决定锁定。
      </Typography.Paragraph>
      <Table<DecisionItemView>
        data-testid="decisions-table"
        loading={!items && !error}
        rowKey={(r) => r.application.id}
        dataSource={items}
        pagination={{ pageSize: 50 }}
        columns={[
          ...applicationColumns<DecisionItemView>(),
          {
            title: '专家评分',
            width: 130,
            render: (_, r) => {
              const aggregate = scores?.get(r.application.id);
              if (!aggregate || aggregate.count === 0)
                return <Typography.Text type="secondary">尚无</Typography.Text>;
              return (
                <Space orientation="vertical" size={0} data-testid="expert-score">
                  <span>
                    平均 {aggregate.mean?.toFixed(2)}
                    {aggregate.wideSpread && (
                      <Tag color="warning" style={{ marginInlineStart: 4 }}>
                        分差大
                      </Tag>
                    )}
                  </span>
                  <Typography.Text type="secondary">
                    中位 {aggregate.median?.toFixed(2)} · {aggregate.count} 位专家
                  </Typography.Text>
                </Space>
              );
            },
          },
          {
            title: '本专题上限',
            width: 120,
            render: (_, r) => (r.cap ? `${formatWan(r.cap.amount)}（${r.cap.clause}）` : '—'),
          },
          {
            title: '决定',
            width: 220,
            render: (_, r) =>
              r.decision ? (
                <Space orientation="vertical" size={0}>
                  <span>
                    {r.decision.outcome === 'approved' ? (
                      <Tag color="success">立项 {formatWan(r.decision.funding ?? 0)}</Tag>
                    ) : (
                      <Tag color="error">不予立项</Tag>
                    )}
                    {r.decision.locked && <Tag>已公示锁定</Tag>}
                  </span>
                  <Typography.Text type="secondary">{r.decision.reason}</Typography.Text>
                </Space>
              ) : (
                <Tag>未决定</Tag>
              ),
          },
          {
            title: '操作',
            width: 140,
            render: (_, r) =>
              r.decision?.locked ? null : (
                <Space>
                  <Button size="small" onClick={() => setDeciding(r)}>
                    {r.decision ? '修改' : '决定'}
                  </Button>
                  {r.decision && (
                    <Button size="small" onClick={() => void act(decisionsApi.undo(r.application.id))}>
                      撤销
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      {deciding && (
        <DecisionModal
          item={deciding}
          onClose={(saved) => {
            setDeciding(undefined);
            if (saved) load();
          }}
        />
      )}
    </>
  );
}

interface DecisionValues {
  outcome: 'approved' | 'rejected';
  fundingWan?: number;
  reason: string;
}

function DecisionModal({ item, onClose }: { item: DecisionItemView; onClose(saved: boolean): void }) {
  const [form] = Form.useForm<DecisionValues>();
  const outcome = Form.useWatch('outcome', form);
  const requested = item.application.requestedFunding;
  const max = Math.min(item.cap?.amount ?? requested, requested);

  const save = async () => {
    const values = await form.validateFields();
    await decisionsApi.decide(item.application.id, {
      outcome: values.outcome,
      reason: values.reason,
      ...(values.outcome === 'approved' ? { funding: wanToYuan(values.fundingWan ?? 0) } : {}),
    });
  };

  return (
    <SaveModal
      title={`立项决定：${item.application.acceptanceNo ?? ''} ${item.application.title}`}
      save={save}
      onClose={onClose}
    >
      <Typography.Paragraph>
        申请省资助经费 {formatWan(requested)}；
        {item.cap
          ? `${item.cap.label}上限 ${formatWan(item.cap.amount)}（${item.cap.clause}）`
          : '无上限信息'}
      </Typography.Paragraph>
      <Form<DecisionValues>
        form={form}
        layout="vertical"
        initialValues={{
          outcome: item.decision?.outcome ?? 'approved',
          fundingWan: (item.decision?.funding ?? max) / 10_000,
          reason: item.decision?.reason ?? '',
        }}
      >
        <Form.Item name="outcome" label="决定">
          <Radio.Group
            options={[
              { value: 'approved', label: '立项' },
              { value: 'rejected', label: '不予立项' },
            ]}
          />
        </Form.Item>
        {outcome !== 'rejected' && (
          <Form.Item
            name="fundingWan"
            label={`资助经费（万元，不超过 ${formatWan(max)}）`}
            rules={[{ required: true, message: '请填写资助经费' }]}
          >
            <InputNumber min={0.0001} precision={4} style={{ width: 200 }} addonAfter="万元" />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label="理由"
          rules={[{ required: true, whitespace: true, message: '请填写理由' }]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </SaveModal>
  );
}

function Announcements({ callId }: { callId: string }) {
  const fetch = useCallback(() => decisionsApi.announcements(callId), [callId]);
  const { items, error, act } = useList<AnnouncementView>(fetch);
  const [creating, setCreating] = useState(false);
  const [title, setTitle] = useState('');
  const [period, setPeriod] = useState<[Dayjs | null, Dayjs | null] | null>(null);

  const create = () => {
    const [start, end] = period ?? [null, null];
    void act(
      decisionsApi.createAnnouncement({
        callId,
        ...(title.trim() ? { title: title.trim() } : {}),
        ...(start && end ? { startsOn: start.format('YYYY-MM-DD'), endsOn: end.format('YYYY-MM-DD') } : {}),
      }),
    ).then(() => setCreating(false));
  };

  return (
    <>
      {error && <Alert type="error" showIcon title={error} />}
      <Space style={{ marginBottom: 12 }} wrap>
        <Button type="primary" onClick={() => setCreating(true)}>
          新建公示草稿
        </Button>
        <Link to="/public/announcements" target="_blank">
          查看公开页面
        </Link>
      </Space>
      <Modal
        open={creating}
        title="新建拟立项项目公示"
        okText="创建草稿"
        onOk={create}
        onCancel={() => setCreating(false)}
      >
        <Typography.Paragraph type="secondary">
          草稿列出已立项、尚未公示的项目。公示期不填则自发布之日起 5
          个工作日：扣除法定节假日、计入调休上班日（已录入 {PUBLISHED_HOLIDAY_YEARS.join('、')}{' '}
          年放假安排；其他年份只扣除元旦、劳动节、国庆节的固定日期，请核对或自行选择日期）。
        </Typography.Paragraph>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Input
            placeholder="公示标题（默认：申报计划名称 + 拟立项项目公示）"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
          <DatePicker.RangePicker
            value={period}
            onChange={(v) => setPeriod(v)}
            placeholder={['公示开始日期', '结束日期']}
          />
        </Space>
      </Modal>
      <Table<AnnouncementView>
        data-testid="announcements-table"
        loading={!items && !error}
        rowKey="id"
        dataSource={items}
        pagination={false}
        columns={[
          { title: '标题', dataIndex: 'title' },
          { title: '项目数', dataIndex: 'entryCount', width: 80 },
          {
            title: '公示期',
            width: 240,
            render: (_, a) => (a.startsOn ? `${a.startsOn} 至 ${a.endsOn}` : '发布之日起 5 个工作日'),
          },
          {
            title: '状态',
            width: 200,
            render: (_, a) =>
              a.publishedAt ? (
                <Link to={`/public/announcements/${a.id}`} target="_blank">
                  <Tag color="success">已发布 {beijingTime(a.publishedAt)}</Tag>
                </Link>
              ) : (
                <Tag>草稿</Tag>
              ),
          },
          {
            title: '操作',
            width: 180,
            render: (_, a) =>
              a.publishedAt ? null : (
                <Space>
                  <Popconfirm
                    title="发布后名单和公示期固定，本计划已作出的立项决定全部锁定。确定发布？"
                    onConfirm={() => void act(decisionsApi.publish(a.id))}
                  >
                    <Button size="small" type="primary" disabled={a.entryCount === 0}>
                      发布
                    </Button>
                  </Popconfirm>
                  <Button size="small" danger onClick={() => void act(decisionsApi.removeAnnouncement(a.id))}>
                    删除
                  </Button>
                </Space>
              ),
          },
        ]}
      />
    </>
  );
}

function Contracts({ callId }: { callId: string }) {
  const fetch = useCallback(() => decisionsApi.contracts(callId), [callId]);
  const { items, error, act } = useList<ContractItemView>(fetch);
  return (
    <>
      {error && <Alert type="error" showIcon title={error} />}
      <Typography.Paragraph type="secondary">
        申报时仅有合作意向书的项目，获得立项后须在签订项目合同时提供正式的合作协议文本（二、2）：上传前不能进入合同签订。
      </Typography.Paragraph>
      <Table<ContractItemView>
        data-testid="contracts-table"
        loading={!items && !error}
        rowKey={(r) => r.application.id}
        dataSource={items}
        pagination={{ pageSize: 50 }}
        columns={[
          ...applicationColumns<ContractItemView>(),
          { title: '资助经费', width: 110, render: (_, r) => formatWan(r.funding) },
          {
            title: '公示期',
            width: 200,
            render: (_, r) => `${r.announcement.startsOn} 至 ${r.announcement.endsOn}`,
          },
          {
            title: '正式合作协议',
            render: (_, r) =>
              r.formalAgreementMissing.length > 0 ? (
                <Space orientation="vertical" size={0}>
                  <Tag color="warning" data-testid="formal-agreement-missing">
                    尚未上传
                  </Tag>
                  {r.formalAgreementMissing.map((m, i) => (
                    <Typography.Text key={i} type="secondary">
                      {m}
                    </Typography.Text>
                  ))}
                </Space>
              ) : (
                <Tag color="success">齐全</Tag>
              ),
          },
          {
            title: '合同签订',
            width: 160,
            render: (_, r) =>
              r.contractStageAt ? (
                <Tag color="success">已进入 {beijingTime(r.contractStageAt)}</Tag>
              ) : (
                <Button
                  size="small"
                  disabled={r.formalAgreementMissing.length > 0}
                  onClick={() => void act(decisionsApi.enterContractStage(r.application.id))}
                >
                  进入合同签订
                </Button>
              ),
          },
        ]}
      />
    </>
  );
}

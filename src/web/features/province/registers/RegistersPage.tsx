import { CloudUploadOutlined, DownloadOutlined, FileSearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Radio, Space, Table, Tag, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import {
  CALL_SCOPED,
  REGISTER_KINDS,
  REGISTER_LABELS,
  registerColumns,
  registerFields,
  type RegisterKind,
} from '../../../../core/registers/kinds.js';
import { describeError } from '../../../shared/api.js';
import { beijingTime } from '../../../shared/format.js';
import { CallSelect } from '../../department/CallSelect.js';
import { useReviewCall } from '../../department/useReviewCall.js';
import { registersApi, type RegisterBatchView, type RegisterOutcomeView } from './api.js';

// 登记库导入: choose a register and a file, see every row with its problems and what the import would do to
// the verdicts, then import; the past imports below.

const STATUS: Record<RegisterOutcomeView['rows'][number]['status'], { label: string; color: string }> = {
  created: { label: '新增', color: 'green' },
  updated: { label: '更新', color: 'blue' },
  unchanged: { label: '不变', color: 'default' },
  invalid: { label: '有错误', color: 'red' },
};

type Row = RegisterOutcomeView['rows'][number];
type Effect = RegisterOutcomeView['effect'][number];

function RowsTable({ kind, outcome }: { kind: RegisterKind; outcome: RegisterOutcomeView }) {
  const headers = registerColumns(kind).map((c) => c.header);
  const fields = registerFields(kind);
  return (
    <Table<Row>
      data-testid="register-rows"
      size="small"
      rowKey="row"
      scroll={{ x: true }}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      dataSource={outcome.rows}
      onRow={(r) => (r.status === 'invalid' ? { style: { background: '#fff1f0' } } : {})}
      columns={[
        { title: '行', dataIndex: 'row', width: 60, fixed: 'left' },
        {
          title: '结果',
          dataIndex: 'status',
          width: 80,
          render: (status: Row['status']) => <Tag color={STATUS[status].color}>{STATUS[status].label}</Tag>,
        },
        {
          title: '问题',
          key: 'problems',
          width: 320,
          render: (_: unknown, r: Row) =>
            r.problems.map((p) => (
              <Typography.Text key={`${p.column}:${p.message}`} type="danger" style={{ display: 'block' }}>
                {p.message}
              </Typography.Text>
            )),
        },
        ...fields.map((field, i) => ({
          title: headers[i],
          key: field,
          render: (_: unknown, r: Row) => r.cells[field] ?? '',
        })),
      ]}
    />
  );
}

function EffectTable({ effect }: { effect: Effect[] }) {
  const findings = (list: Effect['added'], color: string) =>
    list.map((f) => (
      <div key={`${f.rule}:${f.message}`}>
        <Tag color={f.severity === 'error' ? color : 'gold'}>{f.severity === 'error' ? '错误' : '提醒'}</Tag>
        {f.message}
      </div>
    ));
  return (
    <Table<Effect>
      data-testid="register-effect"
      size="small"
      rowKey="application"
      pagination={false}
      dataSource={effect}
      columns={[
        { title: '项目名称', dataIndex: 'title' },
        { title: '申报单位', dataIndex: 'applicant', width: 200 },
        {
          title: '结论',
          key: 'eligible',
          width: 150,
          render: (_: unknown, e: Effect) =>
            `${e.eligibleBefore ? '符合' : '不符合'} → ${e.eligibleAfter ? '符合' : '不符合'}`,
        },
        { title: '新增问题', key: 'added', render: (_: unknown, e: Effect) => findings(e.added, 'red') },
        {
          title: '消除的问题',
          key: 'removed',
          render: (_: unknown, e: Effect) => findings(e.removed, 'default'),
        },
      ]}
    />
  );
}

function BatchesTable({ batches }: { batches: RegisterBatchView[] | undefined }) {
  return (
    <Table<RegisterBatchView>
      data-testid="register-batches"
      size="small"
      rowKey="id"
      loading={!batches}
      dataSource={batches}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { title: '导入时间', dataIndex: 'importedAt', width: 170, render: (at: string) => beijingTime(at) },
        { title: '登记库', dataIndex: 'kind', width: 150, render: (k: RegisterKind) => REGISTER_LABELS[k] },
        { title: '计划', dataIndex: 'callId', width: 160, render: (c: string | null) => c ?? '—' },
        { title: '文件', dataIndex: 'fileName' },
        {
          title: 'SHA-256',
          dataIndex: 'sha256',
          width: 130,
          render: (s: string) => <code title={s}>{s.slice(0, 12)}</code>,
        },
        { title: '导入人', dataIndex: 'importedBy', width: 120 },
        {
          title: '新增 / 更新 / 不变',
          key: 'counts',
          width: 150,
          render: (_: unknown, b: RegisterBatchView) => `${b.created} / ${b.updated} / ${b.unchanged}`,
        },
      ]}
    />
  );
}

export function RegistersPage() {
  const { calls, callId, error: callError, select } = useReviewCall();
  const [kind, setKind] = useState<RegisterKind>('ongoing-projects');
  const [file, setFile] = useState<File>();
  const [outcome, setOutcome] = useState<RegisterOutcomeView>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [batches, setBatches] = useState<RegisterBatchView[]>();
  const scopedCall = CALL_SCOPED.has(kind) ? callId : undefined;

  const loadBatches = useCallback(() => {
    registersApi.batches().then(setBatches, (e: unknown) => setError(describeError(e)));
  }, []);
  useEffect(loadBatches, [loadBatches]);

  const reset = () => {
    setFile(undefined);
    setOutcome(undefined);
    setError(undefined);
  };

  const run = async (step: () => Promise<RegisterOutcomeView>) => {
    setBusy(true);
    setError(undefined);
    try {
      setOutcome(await step());
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const preview = (chosen: File) => {
    setFile(chosen);
    setOutcome(undefined);
    void run(() => registersApi.preview(kind, chosen, scopedCall));
  };

  const commit = () => {
    if (!file) return;
    void run(() => registersApi.commit(kind, file, scopedCall)).then(loadBatches);
  };

  const invalid = outcome ? outcome.counts.invalid + outcome.fileProblems.length > 0 : false;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        登记库导入
      </Typography.Title>
      {callError && <Alert type="error" showIcon title={callError} />}
      <Card>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Radio.Group
            data-testid="register-kind"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as RegisterKind);
              reset();
            }}
            options={REGISTER_KINDS.map((k) => ({ value: k, label: REGISTER_LABELS[k] }))}
            optionType="button"
          />
          <Space wrap>
            {CALL_SCOPED.has(kind) && (
              <>
                <span>所属计划</span>
                <CallSelect calls={calls} value={callId} onChange={select} />
              </>
            )}
            <Button
              icon={<DownloadOutlined />}
              href={registersApi.templateUrl(kind)}
              data-testid="register-template"
            >
              下载模板（.xlsx）
            </Button>
            <Upload
              accept=".xlsx,.csv"
              showUploadList={false}
              beforeUpload={(chosen) => {
                preview(chosen);
                return false;
              }}
            >
              <Button icon={<FileSearchOutlined />} loading={busy && !outcome}>
                选择 .xlsx 或 .csv 并预览
              </Button>
            </Upload>
            {file && <Typography.Text type="secondary">{file.name}</Typography.Text>}
          </Space>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            单位按统一社会信用代码识别；人员有身份证号码时按号码识别，否则按姓名和所在单位的统一社会信用代码识别。
            同一记录再次导入只更新有变化的内容，重复导入同一文件不产生变化；有任何错误行时整个文件都不写入。
          </Typography.Paragraph>
        </Space>
      </Card>
      {error && <Alert type="error" showIcon title={error} data-testid="register-error" />}
      {outcome && (
        <Card
          title={
            outcome.batchId
              ? `已导入：新增 ${outcome.counts.created}，更新 ${outcome.counts.updated}，不变 ${outcome.counts.unchanged}`
              : `预览：新增 ${outcome.counts.created}，更新 ${outcome.counts.updated}，不变 ${outcome.counts.unchanged}，有错误 ${outcome.counts.invalid}`
          }
          extra={
            !outcome.batchId && (
              <Button
                type="primary"
                icon={<CloudUploadOutlined />}
                loading={busy}
                disabled={invalid || (CALL_SCOPED.has(kind) && !callId)}
                onClick={commit}
                data-testid="register-commit"
              >
                导入
              </Button>
            )
          }
        >
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {outcome.fileProblems.map((p) => (
              <Alert key={p.message} type="error" showIcon title={p.message} />
            ))}
            {invalid ? (
              <Alert
                type="warning"
                showIcon
                title="请按标红的问题修改文件后重新选择；对检查结论的影响在文件无误后显示"
              />
            ) : (
              <Card type="inner" title={`对检查结论的影响：${outcome.effect.length} 项申报书`}>
                {outcome.effect.length === 0 ? (
                  <Typography.Text type="secondary">没有申报书的检查结论因此改变</Typography.Text>
                ) : (
                  <EffectTable effect={outcome.effect} />
                )}
              </Card>
            )}
            <RowsTable kind={kind} outcome={outcome} />
          </Space>
        </Card>
      )}
      <Card title="历次导入">
        <BatchesTable batches={batches} />
      </Card>
    </Space>
  );
}

import { CloudUploadOutlined, FileSearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { TopicNumber } from '../../../core/bundle/schema.js';
import { TOPIC_LABELS } from '../../../core/labels.js';
import type { ImportPreview, ImportResult } from '../../../contract/review.js';
import { api, ApiError, describeError, type FieldErrorView } from '../../shared/api.js';
import { CallSelect, useReviewCall } from './useReviewCall.js';

// 批量导入 shenbao.bundle/1: read the file, preview every problem and verdict, then import it in one go.

function ProblemTable({ problems, testId }: { problems: FieldErrorView[]; testId: string }) {
  return (
    <Table
      data-testid={testId}
      size="small"
      rowKey={(p) => `${p.path}:${p.message}`}
      pagination={false}
      dataSource={problems}
      columns={[
        { title: '位置', dataIndex: 'path', width: 280, render: (path: string) => <code>{path}</code> },
        { title: '问题', dataIndex: 'message' },
      ]}
    />
  );
}

function ResultCounts({ result }: { result: ImportResult }) {
  const line = (counts: ImportResult['created']) =>
    `单位 ${counts.organizations}，项目负责人 ${counts.people}，申报书 ${counts.applications}`;
  return (
    <Descriptions data-testid="import-result" bordered size="small" column={1}>
      <Descriptions.Item label="新建">{line(result.created)}</Descriptions.Item>
      <Descriptions.Item label="更新">{line(result.updated)}</Descriptions.Item>
      <Descriptions.Item label="未变">{line(result.unchanged)}</Descriptions.Item>
    </Descriptions>
  );
}

export function ImportPage() {
  const { calls, callId, error, select } = useReviewCall();
  const [file, setFile] = useState<{ name: string; bundle: unknown }>();
  const [preview, setPreview] = useState<ImportPreview>();
  const [result, setResult] = useState<ImportResult>();
  const [refusal, setRefusal] = useState<{ message: string; problems: FieldErrorView[] }>();
  const [busy, setBusy] = useState(false);

  const read = async (chosen: File) => {
    setPreview(undefined);
    setResult(undefined);
    setRefusal(undefined);
    let bundle: unknown;
    try {
      bundle = JSON.parse(await chosen.text());
    } catch {
      setRefusal({ message: `${chosen.name} 不是有效的 JSON 文件`, problems: [] });
      return;
    }
    setFile({ name: chosen.name, bundle });
    setBusy(true);
    try {
      setPreview(await api<ImportPreview>('/review/import/preview', { method: 'POST', body: bundle }));
    } catch (e) {
      setRefusal({ message: describeError(e), problems: [] });
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!file || !callId) return;
    setBusy(true);
    setRefusal(undefined);
    try {
      setResult(
        await api<ImportResult>(`/review/import?callId=${encodeURIComponent(callId)}`, {
          method: 'POST',
          body: file.bundle,
        }),
      );
    } catch (e) {
      setRefusal({
        message: describeError(e),
        problems: e instanceof ApiError ? e.fields : [],
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        批量导入申报书
      </Typography.Title>
      {error && <Alert type="error" showIcon title={error} />}
      <Card>
        <Space wrap>
          <span>导入到</span>
          <CallSelect calls={calls} value={callId} onChange={select} />
          <Upload
            accept=".json,application/json"
            showUploadList={false}
            beforeUpload={(chosen) => {
              void read(chosen);
              return false;
            }}
          >
            <Button icon={<FileSearchOutlined />} loading={busy && !preview}>
              选择 shenbao.bundle/1 文件并预览
            </Button>
          </Upload>
          {file && <Typography.Text type="secondary">{file.name}</Typography.Text>}
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          单位按统一社会信用代码匹配（已登记的单位信息以本系统为准），项目负责人在单位内按证件号码或姓名匹配。
          再次导入同一文件不会重复写入；修改过的文件只更新有变化的部分，已提交申报书的内容不能通过导入修改。
          有任何问题时整个文件都不写入。
        </Typography.Paragraph>
      </Card>
      {preview && !preview.ok && (
        <Card title="格式问题（不能导入）">
          <ProblemTable problems={preview.problems} testId="preview-problems" />
        </Card>
      )}
      {preview?.ok && (
        <Card
          title={`预览：${preview.applications.length} 项申报书`}
          extra={
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              loading={busy}
              disabled={!callId || result !== undefined}
              onClick={() => void commit()}
              data-testid="import-commit"
            >
              导入
            </Button>
          }
        >
          <Table
            data-testid="preview-applications"
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={preview.applications}
            columns={[
              { title: '编号', dataIndex: 'id', width: 160 },
              { title: '项目名称', dataIndex: 'title' },
              {
                title: '专题',
                dataIndex: 'topic',
                width: 80,
                render: (topic: TopicNumber) => TOPIC_LABELS[topic],
              },
              {
                title: '规则检查',
                width: 320,
                render: (_: unknown, a: ImportPreview['applications'][number]) =>
                  a.eligible ? (
                    <Tag color="green">符合要求</Tag>
                  ) : (
                    <Space orientation="vertical" size={0}>
                      {a.findings
                        .filter((f) => f.severity === 'error')
                        .map((f) => (
                          <Typography.Text key={f.rule + f.message} type="danger">
                            {f.message}
                          </Typography.Text>
                        ))}
                    </Space>
                  ),
              },
            ]}
          />
        </Card>
      )}
      {refusal && (
        <Alert
          type="error"
          showIcon
          title={refusal.message}
          description={
            refusal.problems.length > 0 && (
              <ProblemTable problems={refusal.problems} testId="import-problems" />
            )
          }
        />
      )}
      {result && (
        <Card title="导入完成">
          <Space orientation="vertical" style={{ width: '100%' }}>
            <ResultCounts result={result} />
            {result.notes.length > 0 && <ProblemTable problems={result.notes} testId="import-notes" />}
          </Space>
        </Card>
      )}
    </Space>
  );
}

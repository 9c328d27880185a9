import { CloudUploadOutlined, FileSearchOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Typography, Upload } from 'antd';
import { ApiError, describeError } from '../../shared/api.js';
import { PageState } from '../../shared/PageState.js';
import { REVIEW_KEY, reviewApi } from './api.js';
import { CallSelect } from './CallSelect.js';
import { ImportCounts } from './ImportCounts.js';
import { ImportPreviewTable } from './ImportPreviewTable.js';
import { ProblemTable } from './ProblemTable.js';
import { useReviewCall } from './useReviewCall.js';

// 批量导入 shenbao.bundle/1: read the file, preview every problem and verdict, then import it in one go.

async function readBundle(file: File): Promise<unknown> {
  try {
    return JSON.parse(await file.text());
  } catch {
    throw new Error(`${file.name} 不是有效的 JSON 文件`);
  }
}

export function ImportPage() {
  const { query: calls, callId, select } = useReviewCall();
  const queryClient = useQueryClient();
  const previewing = useMutation({
    mutationFn: async (file: File) => {
      const bundle = await readBundle(file);
      return { bundle, preview: await reviewApi.previewImport(bundle) };
    },
  });
  const importing = useMutation({
    mutationFn: ({ callId, bundle }: { callId: string; bundle: unknown }) =>
      reviewApi.importBundle(callId, bundle),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: REVIEW_KEY }),
  });
  const preview = previewing.data?.preview;
  const result = importing.data;
  const refusal = importing.error ?? previewing.error;

  const read = (file: File) => {
    importing.reset();
    previewing.mutate(file);
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        批量导入申报书
      </Typography.Title>
      <PageState query={calls}>
        {() => (
          <Card>
            <Space wrap>
              <span>导入到</span>
              <CallSelect calls={calls.data} value={callId} onChange={select} />
              <Upload
                accept=".json,application/json"
                showUploadList={false}
                beforeUpload={(chosen) => {
                  read(chosen);
                  return false;
                }}
              >
                <Button icon={<FileSearchOutlined />} loading={previewing.isPending}>
                  选择 shenbao.bundle/1 文件并预览
                </Button>
              </Upload>
              {previewing.variables && (
                <Typography.Text type="secondary">{previewing.variables.name}</Typography.Text>
              )}
            </Space>
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              单位按统一社会信用代码匹配（已登记的单位信息以本系统为准），项目负责人在单位内按证件号码或姓名匹配。
              再次导入同一文件不会重复写入；修改过的文件只更新有变化的部分，已提交申报书的内容不能通过导入修改。
              有任何问题时整个文件都不写入。
            </Typography.Paragraph>
          </Card>
        )}
      </PageState>
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
              loading={importing.isPending}
              disabled={!callId || result !== undefined}
              onClick={() => callId && importing.mutate({ callId, bundle: previewing.data?.bundle })}
              data-testid="import-commit"
            >
              导入
            </Button>
          }
        >
          <ImportPreviewTable applications={preview.applications} />
        </Card>
      )}
      {refusal && (
        <Alert
          type="error"
          showIcon
          title={describeError(refusal)}
          description={
            importing.error instanceof ApiError &&
            importing.error.fields.length > 0 && (
              <ProblemTable problems={importing.error.fields} testId="import-problems" />
            )
          }
        />
      )}
      {result && (
        <Card title="导入完成">
          <Space orientation="vertical" style={{ width: '100%' }}>
            <ImportCounts result={result} />
            {result.notes.length > 0 && <ProblemTable problems={result.notes} testId="import-notes" />}
          </Space>
        </Card>
      )}
    </Space>
  );
}

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

// 批量导入 shenbao.bundle/1: read the file, preview every problem and verdict under the chosen call (again when
// the call changes), then import it into that call in one go; a preview with any problem cannot be imported.

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
    mutationFn: async ({ file, callId }: { file: File; callId: string }) => {
      const bundle = await readBundle(file);
      return { bundle, callId, preview: await reviewApi.previewImport(callId, bundle) };
    },
  });
  const importing = useMutation({
    mutationFn: ({ callId, bundle }: { callId: string; bundle: unknown }) =>
      reviewApi.importBundle(callId, bundle),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: REVIEW_KEY }),
  });
  const preview = previewing.data?.preview;
  const refusals = preview?.importProblems ?? [];
  const result = importing.data;
  const refusal = importing.error ?? previewing.error;
  const file = previewing.variables?.file;

  const read = (chosen: File, target: string | undefined) => {
    importing.reset();
    if (target) previewing.mutate({ file: chosen, callId: target });
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
              <CallSelect
                calls={calls.data}
                value={callId}
                onChange={(id) => {
                  select(id);
                  if (file) read(file, id);
                }}
              />
              <Upload
                accept=".json,application/json"
                showUploadList={false}
                beforeUpload={(chosen) => {
                  read(chosen, callId);
                  return false;
                }}
              >
                <Button icon={<FileSearchOutlined />} loading={previewing.isPending} disabled={!callId}>
                  选择 shenbao.bundle/1 文件并预览
                </Button>
              </Upload>
              {file && <Typography.Text type="secondary">{file.name}</Typography.Text>}
            </Space>
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              按所选计划检查，与审核申报书时的检查相同；附件须由申报单位在本系统上传，未上传附件的申报书不能以推荐导入。
              只导入已提交的申报书（须有提交时间）。单位按统一社会信用代码匹配（已登记的单位信息以本系统为准），项目负责人在单位内按证件号码匹配。
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
              disabled={refusals.length > 0 || result !== undefined}
              onClick={() =>
                previewing.data &&
                importing.mutate({ callId: previewing.data.callId, bundle: previewing.data.bundle })
              }
              data-testid="import-commit"
            >
              导入
            </Button>
          }
        >
          <Space orientation="vertical" style={{ width: '100%' }}>
            {refusals.length > 0 && (
              <Alert
                type="warning"
                showIcon
                title={`有 ${refusals.length} 处问题，整个文件不能导入；请按所列问题修改后重新选择文件`}
                description={<ProblemTable problems={refusals} testId="preview-refusals" />}
              />
            )}
            <ImportPreviewTable applications={preview.applications} />
          </Space>
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

import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Space, Table, Upload } from 'antd';
import { FILE_FIELD, PDF_MIME, UPLOAD_MAX_BYTES } from '../../../contract/documents.js';
import type { CommitmentView } from '../../../contract/review.js';
import { describeError } from '../../shared/api.js';
import { beijingTime } from '../../shared/format.js';
import { formatMb } from '../../../core/file-size.js';
import { commitmentFileUrl, type Commitments, reviewApi, reviewQueries } from './api.js';

/** The signed scan of the department's 科研诚信承诺书, current and earlier uploads. */
export function CommitmentUpload({
  callId,
  commitments,
  disabled,
}: {
  callId: string;
  commitments: Commitments;
  disabled: boolean;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const uploading = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.set('callId', callId);
      form.set(FILE_FIELD, file, file.name);
      return reviewApi.uploadCommitment(callId, form);
    },
    onSuccess: () => {
      void message.success('承诺书扫描件已上传');
      return queryClient.invalidateQueries({ queryKey: reviewQueries.commitments(callId).queryKey });
    },
    onError: (e) => void message.error(describeError(e)),
  });
  const busy = uploading.isPending;

  const upload = (file: File) => {
    if (file.size > UPLOAD_MAX_BYTES) {
      void message.error(`文件 ${formatMb(file.size)}，超过 ${formatMb(UPLOAD_MAX_BYTES)}的上限`);
      return;
    }
    uploading.mutate(file);
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {commitments.current ? (
        <Alert
          type="success"
          showIcon
          data-testid="commitment-current"
          title={`已上传：${commitments.current.fileName}（${formatMb(commitments.current.size)}）`}
          description={
            <span>
              {commitments.current.uploadedBy} 于 {beijingTime(commitments.current.uploadedAt)} 上传；SHA-256{' '}
              <span className="mono">{commitments.current.sha256}</span>{' '}
              <a href={commitmentFileUrl(commitments.current.id)}>下载</a>
            </span>
          }
        />
      ) : (
        <Alert type="warning" showIcon title="尚未上传签字盖章的承诺书扫描件，确认提交前须上传。" />
      )}
      <Upload
        accept={PDF_MIME}
        showUploadList={false}
        disabled={disabled || busy}
        beforeUpload={(file) => {
          upload(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy} disabled={disabled} data-testid="commitment-upload">
          {commitments.current ? '重新上传扫描件' : '上传扫描件（PDF）'}
        </Button>
      </Upload>
      {commitments.history.length > 1 && (
        <Table<CommitmentView>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={commitments.history}
          columns={[
            { title: '文件', dataIndex: 'fileName' },
            { title: '上传', key: 'at', render: (_, c) => `${c.uploadedBy} ${beijingTime(c.uploadedAt)}` },
            { title: '', key: 'state', render: (_, c) => (c.supersededAt ? '已替换' : '当前') },
          ]}
        />
      )}
    </Space>
  );
}

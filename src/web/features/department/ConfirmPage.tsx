import { CheckCircleOutlined, PrinterOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Table, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { FILE_FIELD, PDF_MIME, UPLOAD_MAX_BYTES } from '../../../contract/documents.js';
import type { CommitmentView } from '../../../contract/review.js';
import { api, ApiError, describeError } from '../../shared/api.js';
import { beijingTime, fileSize } from '../../shared/format.js';
import { commitmentFileUrl, reviewApi } from './api.js';
import { QuotaMeter } from './QuotaMeter.js';
import { useConfirmed } from './useConfirmed.js';
import { CallSelect, useReviewCall } from './useReviewCall.js';

interface Commitments {
  current: CommitmentView | null;
  history: CommitmentView[];
}

/** The signed scan of the department's 科研诚信承诺书, current and earlier uploads. */
function CommitmentUpload({
  callId,
  commitments,
  disabled,
  onUploaded,
}: {
  callId: string;
  commitments: Commitments;
  disabled: boolean;
  onUploaded(): void;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const upload = async (file: File) => {
    if (file.size > UPLOAD_MAX_BYTES) {
      void message.error(`文件 ${fileSize(file.size)}，超过 ${fileSize(UPLOAD_MAX_BYTES)} 的上限`);
      return;
    }
    const form = new FormData();
    form.set('callId', callId);
    form.set(FILE_FIELD, file, file.name);
    setBusy(true);
    try {
      // The server reads the call from the address before it reads the file, and again from the form.
      await api(`/review/commitment?callId=${encodeURIComponent(callId)}`, { method: 'POST', form });
      void message.success('承诺书扫描件已上传');
      onUploaded();
    } catch (e) {
      void message.error(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {commitments.current ? (
        <Alert
          type="success"
          showIcon
          data-testid="commitment-current"
          title={`已上传：${commitments.current.fileName}（${fileSize(commitments.current.size)}）`}
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
          void upload(file);
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

export function ConfirmPage() {
  const { modal, message } = App.useApp();
  const { calls, call, callId, error, select } = useReviewCall();
  const [refresh, setRefresh] = useState(0);
  const confirmed = useConfirmed(callId, refresh);
  const [commitments, setCommitments] = useState<Commitments | null>();

  useEffect(() => {
    if (!callId) return;
    setCommitments(undefined);
    api<Commitments>(`/review/commitment?callId=${encodeURIComponent(callId)}`).then(
      setCommitments,
      (e: unknown) => {
        // An older server keeps no commitments: the step is left out.
        if (!(e instanceof ApiError && e.status === 404)) void message.error(describeError(e));
        setCommitments(null);
      },
    );
  }, [callId, refresh, message]);

  if (error) return <Alert type="error" showIcon title={error} />;
  const query = `?callId=${encodeURIComponent(callId ?? '')}`;

  const confirm = () =>
    modal.confirm({
      title: '确认提交推荐名单？',
      width: 520,
      content: (
        <Space orientation="vertical">
          <Typography.Text>
            确认提交后，本部门对{call?.name}的推荐名单即为最终名单：
            <Typography.Text strong type="danger">
              不能再推荐、不推荐或撤销决定，所报材料一律不予退回（通知三、2）。
            </Typography.Text>
          </Typography.Text>
          <Typography.Text type="secondary">尚未作出决定的申报书须先推荐、不推荐或退回。</Typography.Text>
        </Space>
      ),
      okText: '确认提交',
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await reviewApi.confirm(callId!);
          void message.success('推荐名单已确认提交');
        } catch (e) {
          void message.error(describeError(e));
        } finally {
          setRefresh((n) => n + 1);
        }
      },
    });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          确认提交推荐名单
        </Typography.Title>
        <CallSelect calls={calls} value={callId} onChange={select} />
      </Space>
      {call && <QuotaMeter call={call} confirmed={confirmed} refresh={refresh} />}
      <Card size="small" title="一、打印并签署项目主管部门科研诚信承诺书">
        <Space orientation="vertical">
          <Typography.Text>
            承诺书按本部门和申报计划预先填好，打印后由负责人签字、加盖部门公章（通知二、4）。
          </Typography.Text>
          <Link to={`/review/commitment${query}`} target="_blank">
            <Button icon={<PrinterOutlined />}>打开承诺书打印页</Button>
          </Link>
        </Space>
      </Card>
      {commitments && callId && (
        <Card size="small" title="二、上传签字盖章的承诺书扫描件">
          <CommitmentUpload
            callId={callId}
            commitments={commitments}
            disabled={confirmed === true}
            onUploaded={() => setRefresh((n) => n + 1)}
          />
        </Card>
      )}
      <Card size="small" title={commitments ? '三、网上确认提交' : '二、网上确认提交'}>
        {confirmed ? (
          <Alert
            type="success"
            showIcon
            icon={<CheckCircleOutlined />}
            data-testid="confirmed"
            title="推荐名单已确认提交"
            description={
              <span>
                可以打印或下载<Link to={`/review/summary${query}`}>推荐项目汇总表</Link>，盖章后报送。
              </span>
            }
          />
        ) : (
          <Space orientation="vertical">
            <Alert
              type="warning"
              showIcon
              title="确认提交后一律不予退回（通知三、2）"
              description="请先核对推荐名单、推荐限额和形式审查意见；确认后不能再推荐、不推荐、撤销或退回。"
            />
            <Button
              type="primary"
              danger
              onClick={confirm}
              disabled={!callId || commitments?.current === null}
              data-testid="confirm-list"
            >
              确认提交推荐名单
            </Button>
          </Space>
        )}
      </Card>
    </Space>
  );
}

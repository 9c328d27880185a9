import { CheckCircleOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { type CallDto, describeError, query } from '../../shared/api.js';
import { PageState } from '../../shared/PageState.js';
import { REVIEW_KEY, reviewApi, reviewQueries } from './api.js';
import { CommitmentUpload } from './CommitmentUpload.js';
import { confirmProblems, ConfirmProblems } from './ConfirmProblems.js';
import { QuotaMeter } from './QuotaMeter.js';
import { useConfirmed } from './useConfirmed.js';

/** The quota, then the three steps: print the commitment, upload it signed, confirm the list. */
export function ConfirmSteps({ call }: { call: CallDto }) {
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const confirmed = useConfirmed(call.id);
  const commitments = useQuery(reviewQueries.commitments(call.id));
  const problems = useQuery({ ...reviewQueries.list({ callId: call.id }), select: confirmProblems });
  const confirming = useMutation({
    mutationFn: () => reviewApi.confirm(call.id),
    onSuccess: () => void message.success('推荐名单已确认提交'),
    onError: (e) => void message.error(describeError(e)),
    // A refusal may come from a change made elsewhere (a decision still missing): everything is read again.
    onSettled: () => queryClient.invalidateQueries({ queryKey: REVIEW_KEY }),
  });
  const callQuery = query({ callId: call.id });

  const confirm = () =>
    modal.confirm({
      title: '确认提交推荐名单？',
      width: 520,
      content: (
        <Space orientation="vertical">
          <Typography.Text>
            确认提交后，本部门对{call.name}的推荐名单即为最终名单：
            <Typography.Text strong type="danger">
              不能再推荐、不推荐或撤销决定，所报材料一律不予退回（通知三、2）。
            </Typography.Text>
          </Typography.Text>
          <Typography.Text type="secondary">尚未作出决定的申报书须先推荐、不推荐或退回。</Typography.Text>
        </Space>
      ),
      okText: '确认提交',
      okButtonProps: { danger: true },
      // The refusal is shown as a message; the dialog closes either way.
      onOk: () => confirming.mutateAsync().catch(() => undefined),
    });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <QuotaMeter call={call} />
      <Card size="small" title="一、打印并签署项目主管部门科研诚信承诺书">
        <Space orientation="vertical">
          <Typography.Text>
            承诺书按本部门和申报计划预先填好，打印后由负责人签字、加盖部门公章（通知二、4）。
          </Typography.Text>
          <Link to={`/review/commitment${callQuery}`} target="_blank">
            <Button icon={<PrinterOutlined />}>打开承诺书打印页</Button>
          </Link>
        </Space>
      </Card>
      <Card size="small" title="二、上传签字盖章的承诺书扫描件">
        <PageState query={commitments}>
          {(current) => (
            <CommitmentUpload callId={call.id} commitments={current} disabled={confirmed === true} />
          )}
        </PageState>
      </Card>
      <Card size="small" title="三、网上确认提交">
        {confirmed ? (
          <Alert
            type="success"
            showIcon
            icon={<CheckCircleOutlined />}
            data-testid="confirmed"
            title="推荐名单已确认提交"
            description={
              <span>
                可以打印或下载<Link to={`/review/summary${callQuery}`}>推荐项目汇总表</Link>，盖章后报送。
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
            <PageState query={problems}>{(list) => <ConfirmProblems problems={list} />}</PageState>
            <Button
              type="primary"
              danger
              onClick={confirm}
              disabled={!commitments.data?.current || (problems.data?.length ?? 0) > 0}
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

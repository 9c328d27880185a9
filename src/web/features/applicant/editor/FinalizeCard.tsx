import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import { api, ApiError, describeError } from '../../../shared/api.js';
import { beijingTime } from '../../../shared/format.js';
import type { FinalizationView } from '../../../../contract/finalization.js';
import { PrintButtons, printUrl } from '../../../shared/printing.js';
import { applicationKeys } from '../queries.js';

interface Props {
  applicationId: string;
  finalization: FinalizationView;
  editable: boolean;
  /** Changes not yet saved: 定稿 fixes what the server holds, so it waits for them. */
  unsaved: boolean;
}

/** 定稿与打印: fix the form, print the documents to sign from it, or preview a 草稿 at any time. */
export function FinalizeCard({ applicationId, finalization, editable, unsaved }: Props) {
  const queryClient = useQueryClient();
  const finalize = useMutation({
    mutationFn: () => api(`/applications/${applicationId}/finalize`, { method: 'POST' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: applicationKeys.one(applicationId) }),
  });
  const { current } = finalization;
  const reopened = current === null && finalization.snapshots.length > 0;
  const refused = finalize.error;

  return (
    <Card title="定稿与打印" size="small" style={{ marginTop: 16 }} data-testid="finalize-card">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {current ? (
          <Descriptions column={1} size="small">
            <Descriptions.Item label="定稿时间">{beijingTime(current.createdAt)}</Descriptions.Item>
            <Descriptions.Item label="定稿指纹">
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="fingerprint">
                {current.sha256}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        ) : reopened ? (
          <Alert
            type="warning"
            showIcon
            title="定稿后内容已修改，定稿已重新打开"
            description="请重新定稿，再打印签字盖章；此前打印的材料不能再用。"
          />
        ) : (
          <Typography.Text type="secondary">
            填写完整后定稿，再下载项目信息表、项目申报书等打印签字盖章，扫描后在“附件”中上传。
          </Typography.Text>
        )}
        {refused && (
          <Alert
            type="error"
            showIcon
            title={refused instanceof ApiError ? refused.message : describeError(refused)}
            description={
              refused instanceof ApiError && refused.fields.length > 0 ? (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {refused.fields.map((f) => (
                    <li key={f.path}>{f.message}</li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}
        <Space wrap>
          {editable && (
            <Button
              type="primary"
              loading={finalize.isPending}
              disabled={unsaved}
              onClick={() => finalize.mutate()}
            >
              {current ? '重新定稿' : '定稿'}
            </Button>
          )}
          <Button href={printUrl(applicationId, 'forms', true)} download>
            打印预览（草稿）
          </Button>
        </Space>
        {current && <PrintButtons applicationId={applicationId} finalization={finalization} />}
      </Space>
    </Card>
  );
}

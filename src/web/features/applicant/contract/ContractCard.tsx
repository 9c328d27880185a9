import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useUser } from '../../../app/session.js';
import { describeError } from '../../../shared/api.js';
import { beijingTime } from '../../../shared/format.js';
import { BasicsDifferences } from '../../../shared/contracts/BasicsDifferences.js';
import { applicantContractQuery, awardNoticeUrl, contractApi } from '../../../shared/contracts/api.js';

/**
 * The approved project after its 公示, as its unit reads it: the 立项通知书, and in the contract stage the 任务书
 * with its differences from the 申报书, which the unit administrator confirms (again after any change).
 */
export function ContractCard({ applicationId }: { applicationId: string }) {
  const user = useUser();
  const queryClient = useQueryClient();
  const contractQuery = applicantContractQuery(applicationId);
  // Not approved, or not yet published: nothing to show (三、2 未立项项目不再另行通知).
  const contract = useQuery(contractQuery).data;
  const confirm = useMutation({
    mutationFn: () => contractApi.confirm(applicationId, contract!.basicsVersion!),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['applications', applicationId] }),
  });
  if (!contract) return null;
  const basicsStep = contract.steps?.find((s) => s.step === 'basics');
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="contract-card"
      title="立项与合同签订"
      extra={
        <Tag color={contract.status === 'signed' ? 'success' : 'processing'}>{contract.statusLabel}</Tag>
      }
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label="项目编号">
          {contract.projectNo ?? '（下载立项通知书时分配）'}
        </Descriptions.Item>
        <Descriptions.Item label="资助经费">{contract.fundingText}</Descriptions.Item>
        <Descriptions.Item label="执行期">{contract.period}</Descriptions.Item>
        {contract.startsOn && <Descriptions.Item label="项目开始日期">{contract.startsOn}</Descriptions.Item>}
      </Descriptions>
      <Space wrap style={{ margin: '8px 0' }}>
        <Button icon={<DownloadOutlined />} href={awardNoticeUrl(applicationId)} data-testid="award-notice">
          下载立项通知书
        </Button>
      </Space>
      {contract.lines && (
        <>
          <Typography.Title level={5}>任务书：考核指标与经费预算（与申报书的差异）</Typography.Title>
          <BasicsDifferences lines={contract.lines} onlyChanged />
          {contract.status !== 'signed' && (
            <div style={{ marginTop: 12 }}>
              {contract.confirmed ? (
                <Alert
                  type="success"
                  showIcon
                  title={`已确认任务书（第 ${contract.confirmedVersion} 版）${contract.confirmedAt ? `，${beijingTime(contract.confirmedAt)}` : ''}`}
                />
              ) : user.role === 'unit-admin' ? (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {contract.confirmedVersion !== null && (
                    <Alert type="warning" showIcon title="任务书在您确认后又经调整，请查看差异后重新确认" />
                  )}
                  <Button
                    type="primary"
                    loading={confirm.isPending}
                    onClick={() => confirm.mutate()}
                    data-testid="confirm-basics"
                  >
                    确认任务书
                  </Button>
                  {confirm.error && <Alert type="error" showIcon title={describeError(confirm.error)} />}
                </Space>
              ) : (
                <Typography.Text type="secondary">任务书由单位管理员确认。</Typography.Text>
              )}
            </div>
          )}
          {basicsStep && !basicsStep.done && contract.confirmed && (
            <Typography.Paragraph type="secondary">{basicsStep.missing.join('；')}</Typography.Paragraph>
          )}
          {contract.missing.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              签约前尚缺：{contract.missing.join('；')}
            </Typography.Paragraph>
          )}
        </>
      )}
    </Card>
  );
}

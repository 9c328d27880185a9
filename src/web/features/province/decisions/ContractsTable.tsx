import { DownloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useUser } from '../../../app/session.js';
import { beijingTime } from '../../../shared/format.js';
import { PageState } from '../../../shared/PageState.js';
import { ReceiptModal } from '../paper/ReceiptModal.js';
import { paperRegisterQuery } from '../paper/api.js';
import { useWrite } from '../useWrite.js';
import { DECISIONS_KEY, decisionsApi } from './api.js';
import { BasicsDifferences } from '../../../shared/contracts/BasicsDifferences.js';
import { BasicsModal } from './BasicsModal.js';
import { awardNoticeUrl, type ContractView } from '../../../shared/contracts/api.js';
import { approvedListUrl, contractsQueries } from './contracts-api.js';
import { SignModal } from './SignModal.js';

const STATUS_COLORS: Record<ContractView['status'], string> = {
  'not-started': 'default',
  'in-progress': 'processing',
  ready: 'warning',
  signed: 'success',
};

type Dialog = { kind: 'basics' | 'sign' | 'paper'; contract: ContractView };

/**
 * 合同签订: each project of a published 公示 with its 项目编号 and 立项通知书; in the contract stage its steps and
 * what is missing (任务书确认, 正式合作协议, 纸质装订本), the 任务书 with its differences from the 申报书, and 签约.
 */
export function ContractsTable({ callId }: { callId: string }) {
  const contracts = useQuery(contractsQueries.list(callId));
  const funded = useQuery(paperRegisterQuery({ callId, kind: 'funded-copy' }));
  const write = useWrite(DECISIONS_KEY);
  const queryClient = useQueryClient();
  const user = useUser();
  const can = (duty: string) => user.duties.includes('admin') || user.duties.includes(duty as never);
  const [dialog, setDialog] = useState<Dialog>();
  const paperItem = (id: string) => funded.data?.items.find((i) => i.applicationId === id);
  const close = () => {
    setDialog(undefined);
    void queryClient.invalidateQueries({ queryKey: DECISIONS_KEY });
  };
  return (
    <>
      <Typography.Paragraph type="secondary">
        公示期满后进入合同签订：承担单位确认任务书（考核指标与经费预算，对外合作处可调整），申报时仅有合作意向书的项目上传正式合作协议（二、2），
        并报送纸质申报书装订本（三、2，在<Link to="/province/paper">纸质材料登记</Link>
        中登记收件），齐全后签约。签约的项目自动列入在研项目名录。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button icon={<DownloadOutlined />} href={approvedListUrl(callId)} data-testid="approved-list-xlsx">
          下载立项项目清单（财务，Excel）
        </Button>
      </Space>
      <PageState query={contracts}>
        {(items) =>
          items.length === 0 ? (
            <Empty description="本计划尚无已公示立项的项目" />
          ) : (
            <List
              data-testid="contracts-table"
              dataSource={items}
              rowKey={(c) => c.applicationId}
              renderItem={(c) => (
                <List.Item style={{ display: 'block', paddingInline: 0 }}>
                  <Card
                    size="small"
                    data-testid="contract-card"
                    title={
                      <Typography.Text style={{ whiteSpace: 'normal' }}>
                        {c.projectNo ? `${c.projectNo} ` : ''}
                        {c.title}
                      </Typography.Text>
                    }
                    extra={
                      <Tag color={STATUS_COLORS[c.status]} data-testid="contract-status">
                        {c.statusLabel}
                      </Tag>
                    }
                  >
                    <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
                      <Descriptions.Item label="承担单位">{c.organizationName}</Descriptions.Item>
                      <Descriptions.Item label="负责人">{c.piName}</Descriptions.Item>
                      <Descriptions.Item label="资助经费">{c.fundingText}</Descriptions.Item>
                      <Descriptions.Item label="执行期">{c.period}</Descriptions.Item>
                      <Descriptions.Item label="公示期">
                        {c.announcement.startsOn} 至 {c.announcement.endsOn}
                      </Descriptions.Item>
                      {c.startsOn && (
                        <Descriptions.Item label="签约开始日期">
                          {c.startsOn}（{c.signedAt && beijingTime(c.signedAt)} 签约）
                        </Descriptions.Item>
                      )}
                    </Descriptions>
                    {c.steps && (
                      <Space wrap style={{ margin: '8px 0' }}>
                        {c.steps.map((s) => (
                          <Tag key={s.step} color={s.done ? 'success' : 'default'}>
                            {s.done ? '✓' : '○'} {s.label}
                          </Tag>
                        ))}
                      </Space>
                    )}
                    {c.status === 'not-started' && c.agreementMissing.length > 0 && (
                      <Typography.Paragraph type="warning">
                        须先上传正式合作协议：{c.agreementMissing.join('；')}
                      </Typography.Paragraph>
                    )}
                    {c.missing.length > 0 && (
                      <ul data-testid="contract-missing" style={{ paddingInlineStart: 20, margin: '4px 0' }}>
                        {c.missing.map((m, i) => (
                          <li key={i}>
                            <Typography.Text type="secondary">{m}</Typography.Text>
                          </li>
                        ))}
                      </ul>
                    )}
                    {c.lines && (
                      <details style={{ margin: '8px 0' }}>
                        <summary>任务书与申报书的差异</summary>
                        <BasicsDifferences lines={c.lines} onlyChanged />
                      </details>
                    )}
                    <Space wrap>
                      <Button size="small" icon={<DownloadOutlined />} href={awardNoticeUrl(c.applicationId)}>
                        立项通知书
                      </Button>
                      {c.status === 'not-started' && (
                        <Button
                          size="small"
                          disabled={c.agreementMissing.length > 0 || !can('cooperation')}
                          onClick={() => write.mutate(() => decisionsApi.enterContractStage(c.applicationId))}
                        >
                          进入合同签订
                        </Button>
                      )}
                      {c.steps && c.status !== 'signed' && (
                        <>
                          <Button
                            size="small"
                            disabled={!can('cooperation')}
                            onClick={() => setDialog({ kind: 'basics', contract: c })}
                          >
                            调整任务书
                          </Button>
                          {c.paper.received < c.paper.copies && paperItem(c.applicationId) && (
                            <Button
                              size="small"
                              disabled={!can('center')}
                              onClick={() => setDialog({ kind: 'paper', contract: c })}
                            >
                              登记纸质装订本
                            </Button>
                          )}
                          <Button
                            size="small"
                            type="primary"
                            disabled={c.status !== 'ready' || !can('cooperation')}
                            onClick={() => setDialog({ kind: 'sign', contract: c })}
                          >
                            签约
                          </Button>
                        </>
                      )}
                      {c.contractStageAt && (
                        <Typography.Text type="secondary">
                          进入合同签订：{beijingTime(c.contractStageAt)}
                        </Typography.Text>
                      )}
                    </Space>
                  </Card>
                </List.Item>
              )}
            />
          )
        }
      </PageState>
      {dialog?.kind === 'basics' && <BasicsModal contract={dialog.contract} onClose={close} />}
      {dialog?.kind === 'sign' && <SignModal contract={dialog.contract} onClose={close} />}
      {dialog?.kind === 'paper' && paperItem(dialog.contract.applicationId) && (
        <ReceiptModal callId={callId} item={paperItem(dialog.contract.applicationId)!} onClose={close} />
      )}
    </>
  );
}

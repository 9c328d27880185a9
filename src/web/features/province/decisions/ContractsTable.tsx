import { useQuery } from '@tanstack/react-query';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { formatWan } from '../../../../core/money.js';
import { beijingTime } from '../../../shared/format.js';
import { PageState } from '../../../shared/PageState.js';
import { useWrite } from '../useWrite.js';
import { type ContractItemView, DECISIONS_KEY, decisionsApi, decisionsQueries } from './api.js';
import { applicationColumns } from './applicationColumns.js';

/** 合同签订: the announced projects, and whether their formal cooperation agreement is in. */
export function ContractsTable({ callId }: { callId: string }) {
  const contracts = useQuery(decisionsQueries.contracts(callId));
  const write = useWrite(DECISIONS_KEY);
  return (
    <>
      <Typography.Paragraph type="secondary">
        申报时仅有合作意向书的项目，获得立项后须在签订项目合同时提供正式的合作协议文本（二、2）：上传前不能进入合同签订。
      </Typography.Paragraph>
      <PageState query={contracts}>
        {(items) => (
          <Table<ContractItemView>
            data-testid="contracts-table"
            rowKey={(r) => r.application.id}
            dataSource={items}
            pagination={{ pageSize: 50 }}
            columns={[
              ...applicationColumns<ContractItemView>(),
              { title: '资助经费', width: 110, render: (_, r) => formatWan(r.funding) },
              {
                title: '公示期',
                width: 200,
                render: (_, r) => `${r.announcement.startsOn} 至 ${r.announcement.endsOn}`,
              },
              {
                title: '正式合作协议',
                render: (_, r) =>
                  r.formalAgreementMissing.length > 0 ? (
                    <Space orientation="vertical" size={0}>
                      <Tag color="warning" data-testid="formal-agreement-missing">
                        尚未上传
                      </Tag>
                      {r.formalAgreementMissing.map((m, i) => (
                        <Typography.Text key={i} type="secondary">
                          {m}
                        </Typography.Text>
                      ))}
                    </Space>
                  ) : (
                    <Tag color="success">齐全</Tag>
                  ),
              },
              {
                title: '合同签订',
                width: 160,
                render: (_, r) =>
                  r.contractStageAt ? (
                    <Tag color="success">已进入 {beijingTime(r.contractStageAt)}</Tag>
                  ) : (
                    <Button
                      size="small"
                      disabled={r.formalAgreementMissing.length > 0}
                      onClick={() => write.mutate(() => decisionsApi.enterContractStage(r.application.id))}
                    >
                      进入合同签订
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </PageState>
    </>
  );
}

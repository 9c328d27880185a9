import { useQuery } from '@tanstack/react-query';
import { Card, List, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { PlatformRecordDto } from '../../../contract/entitlements.js';
import { beijingDate } from '../../../core/time.js';
import { callsQuery } from '../../shared/calls.js';
import { PageState } from '../../shared/PageState.js';
import { allOf } from '../../shared/queries.js';
import { entitlementsQuery } from './queries.js';

/** 平台资质与定向组织: what the province recorded for the organization, read-only. */
export function EntitlementsPage() {
  const loaded = allOf([useQuery(entitlementsQuery), useQuery(callsQuery)]);
  const [today] = useState(() => beijingDate(Date.now()));
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        平台资质与定向组织
      </Typography.Title>
      <PageState query={loaded}>
        {([mine, { calls }]) => (
          <>
            <Card title="平台资质">
              <Typography.Paragraph type="secondary">
                由省科技厅根据证明文件登记，单位不能自行修改；核查单独推荐名额时，只计在计划网上填报截止日仍在有效期内的平台。如有遗漏或变化，请联系省科技厅。
              </Typography.Paragraph>
              <Table<PlatformRecordDto>
                data-testid="my-platforms"
                rowKey="id"
                size="small"
                pagination={false}
                scroll={{ x: 'max-content' }}
                locale={{ emptyText: '省科技厅尚未为本单位登记平台资质' }}
                dataSource={mine.platforms}
                columns={[
                  { title: '平台', render: (_, p) => p.label },
                  {
                    title: '有效期',
                    render: (_, p) => (
                      <Space size={4}>
                        {`${p.validFrom} 至 ${p.validTo}`}
                        {p.validTo < today && <Tag>已过期</Tag>}
                      </Space>
                    ),
                  },
                  { title: '说明', render: (_, p) => p.note || '—' },
                ]}
              />
            </Card>
            <Card title="受邀申报的定向组织方向">
              <List
                locale={{ emptyText: '本单位未受邀申报定向组织方向' }}
                dataSource={mine.invitations}
                renderItem={(i) => {
                  const call = calls.find((c) => c.id === i.callId);
                  const stream = call?.topics
                    .find((t) => t.number === i.topic)
                    ?.streams.find((s) => s.direction === i.direction);
                  return (
                    <List.Item>
                      {call?.name ?? '申报计划'}：{stream?.label ?? ''}
                    </List.Item>
                  );
                }}
              />
            </Card>
          </>
        )}
      </PageState>
    </Space>
  );
}

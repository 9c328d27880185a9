import { useQuery } from '@tanstack/react-query';
import { Card, List, Typography } from 'antd';
import type { OrganizationPlatformsDto } from '../../../contract/entitlements.js';
import { api } from '../../shared/api.js';

/** The applicant's qualifying platforms as the province recorded them (read-only), for the separate slots of 二、3. */
export function PlatformsCard({ organizationId }: { organizationId: string }) {
  const platforms = useQuery({
    queryKey: ['review', 'organizations', organizationId, 'platforms'],
    queryFn: ({ signal }) =>
      api<OrganizationPlatformsDto>(`/review/organizations/${organizationId}/platforms`, { signal }),
  });
  return (
    <Card size="small" title="申报单位平台资质（省科技厅登记）" data-testid="platforms-card">
      {platforms.error ? (
        <Typography.Text type="secondary">暂时无法读取</Typography.Text>
      ) : (
        <List
          size="small"
          loading={platforms.isPending}
          locale={{ emptyText: '未登记平台资质' }}
          dataSource={platforms.data?.platforms ?? []}
          renderItem={(p) => (
            <List.Item>
              {p.label}（{p.validFrom} 至 {p.validTo}）
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

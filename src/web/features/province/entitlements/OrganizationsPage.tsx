import { useQuery } from '@tanstack/react-query';
import { Card, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { ORGANIZATION_KIND_LABELS } from '../../../../core/labels.js';
import { PageState } from '../../../shared/PageState.js';
import { SearchBox } from '../../../shared/SearchBox.js';
import { useUrlParam } from '../../../shared/useUrlParam.js';
import { entitlementQueries, type OrganizationSummaryDto } from './api.js';

/** 申报单位: find an organization to record its qualifying platforms. */
export function OrganizationsPage() {
  const [q] = useUrlParam('q');
  const organizations = useQuery(entitlementQueries.organizations(q));
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        单位平台资质
      </Typography.Title>
      <Card>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <SearchBox placeholder="单位名称或统一社会信用代码" />
          <Typography.Text type="secondary">
            登记单位的国际科技合作基地、实验室、领军企业等平台资质（附证明文件和有效期），供单独推荐名额的核查使用。
          </Typography.Text>
        </Space>
      </Card>
      <PageState query={organizations}>
        {(rows) => (
          <Table<OrganizationSummaryDto>
            data-testid="organizations-table"
            rowKey="id"
            dataSource={rows}
            pagination={{ pageSize: 20 }}
            scroll={{ x: 'max-content' }}
            columns={[
              {
                title: '单位名称',
                render: (_, o) => <Link to={`/province/organizations/${o.id}`}>{o.name}</Link>,
              },
              { title: '类别', width: 100, render: (_, o) => ORGANIZATION_KIND_LABELS[o.kind] },
              { title: '项目主管部门', render: (_, o) => o.departmentName ?? '—' },
              { title: '统一社会信用代码', render: (_, o) => <span className="mono">{o.creditCode}</span> },
            ]}
          />
        )}
      </PageState>
    </Space>
  );
}

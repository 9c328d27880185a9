import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { PageState } from '../../../shared/PageState.js';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from '../../../../contract/audit.js';
import { auditQueries, type Filters } from './api.js';
import { AuditTable } from './AuditTable.js';
import { AuditVerdict } from './AuditVerdict.js';

/** 审计日志: the entries under the filters, each change before → after; and the walk of the whole hash chain. */
export function AuditPage() {
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const verification = useQuery(auditQueries.verify());

  const filterBy = (patch: Filters) => {
    form.setFieldsValue(patch);
    setFilters({ ...form.getFieldsValue(), ...patch });
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          审计日志
        </Typography.Title>
        <Button
          icon={<SafetyCertificateOutlined />}
          loading={verification.isFetching}
          onClick={() => void verification.refetch()}
        >
          校验哈希链
        </Button>
      </Space>
      {/* Nothing until the button asks. */}
      {!verification.isPending && (
        <PageState query={verification}>{(verdict) => <AuditVerdict verdict={verdict} />}</PageState>
      )}
      <Card>
        <Form form={form} layout="inline" onFinish={(values) => setFilters(values)} style={{ rowGap: 8 }}>
          <Form.Item name="action" label="操作">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 220 }}
              placeholder="如 提交申报书"
              options={Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item name="entityType" label="对象">
            <Select
              allowClear
              style={{ width: 130 }}
              options={Object.entries(AUDIT_ENTITY_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item name="entityId" label="对象编号">
            <Input allowClear style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="actor" label="操作人编号">
            <Input allowClear style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="range" label="日期（北京时间）">
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                筛选
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  setFilters({});
                }}
              >
                清除
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <AuditTable filters={filters} onFilter={filterBy} />
    </Space>
  );
}

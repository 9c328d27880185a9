import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PLATFORMS, type Platform } from '../../../../core/bundle/schema.js';
import { ORGANIZATION_KIND_LABELS, PLATFORM_LABELS } from '../../../../core/labels.js';
import type { PlatformRecordDto } from '../../../../contract/entitlements.js';
import { beijingTime } from '../../../shared/format.js';
import { PageState } from '../../../shared/PageState.js';
import { useWrite } from '../useWrite.js';
import { entitlementKeys, entitlementQueries, entitlementsApi } from './api.js';
import { PDF_RULES, PdfPicker } from './PdfPicker.js';
import { useModalSave } from './useModalSave.js';

/** One organization's qualifying platforms: each with its evidence and validity; the province adds and removes them. */
export function OrganizationPage() {
  const { id = '' } = useParams();
  const platforms = useQuery(entitlementQueries.platforms(id));
  const [adding, setAdding] = useState(false);
  const remove = useWrite(entitlementKeys.platforms(id), '未能删除');
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/province/organizations">← 单位平台资质</Link>
      <PageState query={platforms}>
        {({ organization, platforms: rows }) => (
          <>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {organization.name}
            </Typography.Title>
            <Descriptions
              size="small"
              bordered
              column={{ xs: 1, md: 3 }}
              items={[
                { key: 'kind', label: '类别', children: ORGANIZATION_KIND_LABELS[organization.kind] },
                { key: 'department', label: '项目主管部门', children: organization.departmentName ?? '—' },
                {
                  key: 'code',
                  label: '统一社会信用代码',
                  children: <span className="mono">{organization.creditCode}</span>,
                },
              ]}
            />
            <Card
              title="平台资质"
              extra={
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                  登记平台
                </Button>
              }
            >
              <Typography.Paragraph type="secondary">
                核查单独推荐名额时，只计在该计划网上填报截止日仍在有效期内的平台。
              </Typography.Paragraph>
              <Table<PlatformRecordDto>
                data-testid="platforms-table"
                rowKey="id"
                dataSource={rows}
                pagination={false}
                scroll={{ x: 'max-content' }}
                locale={{ emptyText: '尚未登记平台资质' }}
                columns={[
                  { title: '平台', render: (_, p) => p.label },
                  { title: '有效期', render: (_, p) => `${p.validFrom} 至 ${p.validTo}` },
                  { title: '说明', render: (_, p) => p.note || '—' },
                  {
                    title: '证明文件',
                    render: (_, p) => (
                      <a href={entitlementsApi.platformFileUrl(p.id)} download={p.evidenceName}>
                        <DownloadOutlined /> {p.evidenceName}
                      </a>
                    ),
                  },
                  { title: '登记时间', render: (_, p) => beijingTime(p.createdAt) },
                  {
                    title: '操作',
                    render: (_, p) => (
                      <Popconfirm
                        title={`删除“${p.label}”？`}
                        okText="删除"
                        cancelText="取消"
                        onConfirm={() => remove.mutate(() => entitlementsApi.removePlatform(p.id))}
                      >
                        <Button danger size="small" loading={remove.isPending}>
                          删除
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]}
              />
            </Card>
          </>
        )}
      </PageState>
      {adding && <AddPlatformModal organizationId={id} onClose={() => setAdding(false)} />}
    </Space>
  );
}

interface PlatformValues {
  platform: Platform;
  validity: [Dayjs, Dayjs];
  note?: string;
  file: File;
}

/** Server paths named as this form's fields. */
const FIELD_OF: Record<string, string> = { validFrom: 'validity', validTo: 'validity' };

function AddPlatformModal({ organizationId, onClose }: { organizationId: string; onClose(): void }) {
  const [form] = Form.useForm<PlatformValues>();
  const adding = useModalSave(form, {
    save: (v: PlatformValues) =>
      entitlementsApi.addPlatform(
        organizationId,
        {
          platform: v.platform,
          validFrom: v.validity[0].format('YYYY-MM-DD'),
          validTo: v.validity[1].format('YYYY-MM-DD'),
          note: v.note ?? '',
        },
        v.file,
      ),
    queryKey: entitlementKeys.platforms(organizationId),
    onClose,
    failure: '未能登记',
    rename: (p) => FIELD_OF[p] ?? p,
  });
  return (
    <Modal
      title="登记平台资质"
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="登记"
      confirmLoading={adding.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => adding.mutate(v)}>
        <Form.Item name="platform" label="平台类型" rules={[{ required: true, message: '请选择平台类型' }]}>
          <Select options={PLATFORMS.map((p) => ({ value: p, label: PLATFORM_LABELS[p] }))} />
        </Form.Item>
        <Form.Item name="validity" label="有效期" rules={[{ required: true, message: '请选择有效期' }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label="说明" extra="如批复文号">
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="file" label="证明文件" rules={PDF_RULES}>
          <PdfPicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

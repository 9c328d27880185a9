import { EditOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Space, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { formatMb } from '../../../core/file-size.js';
import { FILE_FIELD, PDF_MIME, UPLOAD_MAX_BYTES } from '../../../contract/documents.js';
import type { OrganizationProfileBody, OrganizationProfileView } from '../../../contract/organizations.js';
import { useUser } from '../../app/session.js';
import { api, ApiError, describeError } from '../../shared/api.js';
import { departmentOptionsQuery } from '../../shared/departments.js';
import { beijingTime } from '../../shared/format.js';
import { clearFieldErrors, showFieldErrors } from '../../shared/forms.js';
import {
  OrganizationFacts,
  PendingChange,
  VerificationHistory,
  VerificationTag,
} from '../../shared/OrganizationDossier.js';
import { OrganizationFields } from '../../shared/OrganizationFields.js';
import { allOf } from '../../shared/queries.js';
import { PageState } from '../../shared/PageState.js';
import { organizationProfileQuery } from './queries.js';
import { VerificationAlert } from './VerificationBanner.js';

type ProfileValues = Omit<OrganizationProfileBody, 'registeredOn'> & { registeredOn: Dayjs };

export function OrganizationPage() {
  const user = useUser();
  if (user.role !== 'unit-admin') {
    return <Alert type="info" showIcon title="单位信息由单位管理员维护。" />;
  }
  return <OrganizationProfile />;
}

function OrganizationProfile() {
  const profile = useQuery(organizationProfileQuery);
  const departments = useQuery(departmentOptionsQuery);
  const [editing, setEditing] = useState(false);
  return (
    <PageState query={allOf([profile, departments] as const)}>
      {([organization, departmentOptions]) => (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <VerificationAlert organization={organization} />
          {organization.pending && <PendingChange request={organization.pending} />}
          <LicenceCard organization={organization} />
          <Card
            title={
              <Space wrap>
                单位信息
                <VerificationTag status={organization.verification} />
              </Space>
            }
            extra={
              !editing && (
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                  修改
                </Button>
              )
            }
          >
            {editing ? (
              <ProfileForm
                organization={organization}
                departmentOptions={departmentOptions}
                onDone={() => setEditing(false)}
              />
            ) : (
              <OrganizationFacts organization={organization} />
            )}
          </Card>
          <Card title="审核记录">
            <VerificationHistory history={organization.history} />
          </Card>
        </Space>
      )}
    </PageState>
  );
}

function LicenceCard({ organization: o }: { organization: OrganizationProfileView }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const uploading = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.set(FILE_FIELD, file, file.name);
      return api<unknown>('/organization/licence', { method: 'POST', form });
    },
    onSuccess: () => {
      void message.success('营业执照已上传');
      return queryClient.invalidateQueries({ queryKey: organizationProfileQuery.queryKey });
    },
    onError: (e) => void message.error(describeError(e)),
  });
  if (!o.licence.requestedAt && !o.licence.file) return null;
  return (
    <Card title="营业执照（或法人证书）">
      {o.licence.requestedAt && (
        <Typography.Paragraph>
          {o.department?.name ?? '项目主管部门'}于 {beijingTime(o.licence.requestedAt)}{' '}
          要求上传营业执照（或事业单位法人证书）的 PDF 扫描件{o.licence.note ? `：${o.licence.note}` : '。'}
        </Typography.Paragraph>
      )}
      {o.licence.file && (
        <Typography.Paragraph>
          已上传：<a href="/api/organization/licence">{o.licence.file.fileName}</a>（
          {beijingTime(o.licence.file.uploadedAt)}）
        </Typography.Paragraph>
      )}
      <Upload
        accept={PDF_MIME}
        showUploadList={false}
        disabled={uploading.isPending}
        beforeUpload={(file) => {
          if (file.size > UPLOAD_MAX_BYTES) {
            void message.error(`文件 ${formatMb(file.size)}，超过 ${formatMb(UPLOAD_MAX_BYTES)}的上限`);
          } else {
            uploading.mutate(file);
          }
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={uploading.isPending}>
          {o.licence.file ? '重新上传（PDF）' : '上传（PDF）'}
        </Button>
      </Upload>
    </Card>
  );
}

function ProfileForm({
  organization: o,
  departmentOptions,
  onDone,
}: {
  organization: OrganizationProfileView;
  departmentOptions: Parameters<typeof OrganizationFields>[0]['departmentOptions'];
  onDone(): void;
}) {
  const [form] = Form.useForm<ProfileValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: OrganizationProfileBody) =>
      api<{ organization: OrganizationProfileView }>('/organization/profile', { method: 'PUT', body }),
    onSuccess: ({ organization }) => {
      queryClient.setQueryData(organizationProfileQuery.queryKey, organization);
      void message.success(
        organization.pending && organization.pending.requestedAt !== o.pending?.requestedAt
          ? `已保存，变更已提交${organization.pending.department.name}审核`
          : '已保存',
      );
      onDone();
    },
    onError: (e) => {
      if (e instanceof ApiError) showFieldErrors(form, e.fields);
    },
  });
  const approved = o.verification === 'approved';
  // Edited from the pending change, if any: saving it again replaces that change.
  const facts = o.pending?.facts ?? o;
  return (
    <Form<ProfileValues>
      form={form}
      layout="vertical"
      scrollToFirstError
      initialValues={{
        name: o.name,
        address: o.address ?? '',
        contactName: o.contactName ?? '',
        contactMobile: o.contactMobile ?? '',
        contactEmail: o.contactEmail ?? '',
        kind: facts.kind,
        registeredOn: dayjs(facts.registeredOn),
        inJiangsu: facts.inJiangsu,
        independentLegalEntity: facts.independentLegalEntity,
        ministryOrProvincialUniversity: facts.ministryOrProvincialUniversity,
        departmentId: facts.departmentId ?? undefined,
      }}
      onValuesChange={() => clearFieldErrors(form)}
      onFinish={(values) =>
        save.mutate({
          ...values,
          registeredOn: values.registeredOn.format('YYYY-MM-DD'),
          ministryOrProvincialUniversity:
            values.kind === 'university' && !!values.ministryOrProvincialUniversity,
        })
      }
    >
      {approved && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="单位类型、注册日期、是否在江苏省注册、是否独立法人、部省属本科高校和项目主管部门的变更须经主管部门审核"
          description="审核通过前，本单位仍按已审核的信息申报，可以照常提交；名称、地址和联系人保存后即生效。"
        />
      )}
      {save.error && !(save.error instanceof ApiError && save.error.fields.length > 0) && (
        <Alert type="error" showIcon title={describeError(save.error)} style={{ marginBottom: 16 }} />
      )}
      <OrganizationFields prefix={[]} departmentOptions={departmentOptions} />
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {approved ? '保存' : '保存并提交审核'}
        </Button>
        <Button onClick={onDone}>取消</Button>
      </Space>
    </Form>
  );
}

import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { OrganizationProfileView } from '../../../contract/organizations.js';
import { useUser } from '../../app/session.js';
import { describeError } from '../../shared/api.js';
import { beijingTime } from '../../shared/format.js';
import {
  OrganizationFacts,
  PendingChange,
  VerificationHistory,
  VerificationTag,
} from '../../shared/OrganizationDossier.js';
import { PageState } from '../../shared/PageState.js';
import {
  licenceFileUrl,
  ORGANIZATIONS_KEY,
  organizationQueries,
  organizationsApi,
} from './organizations-api.js';
import { ReasonDialog } from './ReasonDialog.js';

/** One organization: what it declared, its licence, the pending registration or change, and its history. */
export function OrganizationReviewPage() {
  const { id = '' } = useParams();
  const organization = useQuery(organizationQueries.one(id));
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link to="/review/organizations">
        <ArrowLeftOutlined /> 单位审核
      </Link>
      <PageState query={organization}>{(o) => <Dossier organization={o} />}</PageState>
    </Space>
  );
}

type Dialog = 'reject' | 'licence' | undefined;

function Dossier({ organization: o }: { organization: OrganizationProfileView }) {
  const departmentId = useUser().department?.id;
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>();
  const done = (text: string) => () => {
    void message.success(text);
    setDialog(undefined);
    return queryClient.invalidateQueries({ queryKey: ORGANIZATIONS_KEY });
  };
  const approve = useMutation({
    mutationFn: () => organizationsApi.approve(o.id),
    onSuccess: done('已审核通过，已通知该单位'),
  });
  const reject = useMutation({
    mutationFn: (reason: string) => organizationsApi.reject(o.id, reason),
    onSuccess: done('已不予通过，理由已通知该单位'),
  });
  const requestLicence = useMutation({
    mutationFn: (note: string) => organizationsApi.requestLicence(o.id, note || undefined),
    onSuccess: done('已通知该单位上传营业执照'),
  });
  const decides = o.pending !== null && o.pending.department.id === departmentId;

  return (
    <>
      <Card
        title={
          <Space wrap>
            {o.name}
            <VerificationTag status={o.verification} />
          </Space>
        }
      >
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {o.pending?.kind === 'registration' && (
            <Alert
              type="warning"
              showIcon
              title={`注册待审核（${beijingTime(o.pending.requestedAt)} 提交）`}
              description="请核实以下信息与其营业执照（或法人证书）一致，且本部门是其属地主管部门；通过前该单位不能提交申报书。"
            />
          )}
          {o.pending && <PendingChange request={o.pending} />}
          {o.pending && !decides && (
            <Alert type="info" showIcon title={`此项由${o.pending.department.name}审核`} />
          )}
          {approve.error && <Alert type="error" showIcon title={describeError(approve.error)} />}
          <OrganizationFacts organization={o} />
          <Typography.Paragraph style={{ margin: 0 }}>
            营业执照：
            {o.licence.file ? (
              <a href={licenceFileUrl(o.id)}>
                {o.licence.file.fileName}（{beijingTime(o.licence.file.uploadedAt)} 上传）
              </a>
            ) : o.licence.requestedAt ? (
              `已于 ${beijingTime(o.licence.requestedAt)} 要求上传，单位尚未上传`
            ) : (
              '未要求上传'
            )}
          </Typography.Paragraph>
          <Space wrap>
            {decides && (
              <>
                <Button type="primary" loading={approve.isPending} onClick={() => approve.mutate()}>
                  审核通过
                </Button>
                <Button danger onClick={() => setDialog('reject')}>
                  不予通过
                </Button>
              </>
            )}
            <Button onClick={() => setDialog('licence')}>要求上传营业执照</Button>
          </Space>
        </Space>
      </Card>
      <Card title="审核记录">
        <VerificationHistory history={o.history} />
      </Card>
      {dialog === 'reject' && (
        <ReasonDialog
          title={`不予通过：${o.name}`}
          label="不予通过的理由"
          okText="不予通过"
          pending={reject.isPending}
          error={reject.error}
          onSubmit={(reason) => reject.mutate(reason)}
          onClose={() => setDialog(undefined)}
        />
      )}
      {dialog === 'licence' && (
        <ReasonDialog
          title={`要求${o.name}上传营业执照（或法人证书）PDF`}
          label="说明（可选）"
          okText="发送要求"
          required={false}
          pending={requestLicence.isPending}
          error={requestLicence.error}
          onSubmit={(note) => requestLicence.mutate(note)}
          onClose={() => setDialog(undefined)}
        />
      )}
    </>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { Link } from 'react-router';
import type { OrganizationProfileView } from '../../../contract/organizations.js';
import { organizationProfileQuery } from './queries.js';

const licenceOwed = (o: OrganizationProfileView) => o.licence.requestedAt !== null && o.licence.file === null;

/** What the unit's standing means for submitting, said where the administrator works: empty once approved. */
export function VerificationAlert({
  organization: o,
  linked = false,
}: {
  organization: OrganizationProfileView;
  /** Links to the profile page, from pages other than it. */
  linked?: boolean;
}) {
  const department = o.department?.name ?? '项目主管部门';
  const link = linked && <Link to="/organization">查看单位信息</Link>;
  if (o.verification === 'pending') {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="verification-alert"
        title={`本单位注册待${department}审核`}
        description={
          <>
            审核通过前可以填写申报书草稿，但不能提交。
            {licenceOwed(o) && '主管部门要求上传营业执照（或法人证书），请在“单位信息”中上传。'}
            {link}
          </>
        }
      />
    );
  }
  if (o.verification === 'rejected') {
    return (
      <Alert
        type="error"
        showIcon
        data-testid="verification-alert"
        title={`本单位注册未通过${department}审核`}
        description={
          <>
            理由：{o.rejectionReason}。请在“单位信息”中按理由修改后重新提交审核；通过前不能提交申报书。{link}
          </>
        }
      />
    );
  }
  if (licenceOwed(o)) {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="verification-alert"
        title={`${department}要求上传营业执照（或法人证书）`}
        description={link}
      />
    );
  }
  return null;
}

/** The unit administrator's reminder on other pages; nothing once approved with nothing owed. */
export function VerificationBanner() {
  const profile = useQuery(organizationProfileQuery);
  if (!profile.data || (profile.data.verification === 'approved' && !licenceOwed(profile.data))) return null;
  return (
    <div style={{ marginBottom: 16 }}>
      <VerificationAlert organization={profile.data} linked />
    </div>
  );
}

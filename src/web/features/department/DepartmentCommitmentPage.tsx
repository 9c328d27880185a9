import { useQuery } from '@tanstack/react-query';
import { Result } from 'antd';
import type { CommitmentsDto } from '../../../contract/calls.js';
import { commitmentsQuery } from '../../shared/calls.js';
import { PageState } from '../../shared/PageState.js';
import { CommitmentPaper, CommitmentToolbar, useDocumentTitle } from '../applicant/CommitmentPaper.js';
import { useUser } from '../../app/session.js';
import { useReviewCall } from './useReviewCall.js';

// 项目主管部门科研诚信承诺书 (notice 二、4: “项目负责人、项目申报单位和项目主管部门均须签署科研诚信承诺书”),
// printed from the department's account, signed, sealed, scanned and uploaded before it confirms its list.

const TITLE = '项目主管部门科研诚信承诺书';

function pledgeText(department: string, call: CommitmentsDto) {
  return {
    opening: `本部门${department}作为${call.callName}（${call.notice.number}）的项目主管部门，根据《${call.notice.title}》全面实施科研诚信承诺制的要求，郑重承诺：`,
    pledges: call.pledges.department,
    closing: `如违反上述承诺，本部门愿按照${call.creditRules}接受相应处理，并承担相应责任。`,
  };
}

export function DepartmentCommitmentPage() {
  const user = useUser();
  const { callId, calls, error } = useReviewCall();
  const commitments = useQuery({ ...commitmentsQuery(callId ?? ''), enabled: callId !== undefined });
  useDocumentTitle(TITLE);

  const department = user.department;
  if (!department) return <Result status="403" title="只有项目主管部门的账号可以打印本承诺书" />;
  if (error) return <Result status="warning" title="承诺书生成失败" subTitle={error} />;
  if (calls && !callId) return <Result status="404" title="没有这个申报计划" />;

  return (
    <div data-testid="department-commitment">
      <CommitmentToolbar
        back={{ to: `/review/confirm?callId=${encodeURIComponent(callId ?? '')}`, label: '返回确认提交' }}
      />
      <PageState query={commitments}>
        {(call) => (
          <CommitmentPaper
            title={TITLE}
            text={pledgeText(department.name, call)}
            signatures={
              <>
                <p>负责人（签字）：</p>
                <p>项目主管部门（盖章）：</p>
                <p data-testid="commitment-department">{department.name}</p>
              </>
            }
            note={
              <>
                本承诺书由申报系统为{department.name}生成（{call.callName}）。签字、盖章后扫描为
                PDF，在“确认提交”页上传后再确认提交推荐名单。
              </>
            }
          />
        )}
      </PageState>
    </div>
  );
}

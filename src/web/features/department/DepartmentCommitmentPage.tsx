import { Result, Spin } from 'antd';
import { useEffect } from 'react';
import { CommitmentPaper, CREDIT_RULES, NOTICE } from '../applicant/CommitmentPage.js';
import { useUser } from '../../app/session.js';
import { useReviewCall } from './useReviewCall.js';

// 项目主管部门科研诚信承诺书 (notice 二、4: “项目负责人、项目申报单位和项目主管部门均须签署科研诚信承诺书”),
// printed from the department's account, signed, sealed, scanned and uploaded before it confirms its list.
// Its pledges restate the department's duties under 二、3 and 三、2.

const TITLE = '项目主管部门科研诚信承诺书';

function pledges(department: string, callName: string, noticeNumber: string) {
  return {
    opening: `本部门${department}作为${callName}（${noticeNumber}）的项目主管部门，根据${NOTICE}全面实施科研诚信承诺制的要求，郑重承诺：`,
    pledges: [
      '严格按照通知要求，对所推荐项目申报材料的真实性、完整性和合规性进行审核把关，不推荐不符合申报条件的项目。',
      '对项目申报单位运营状况及信用情况、项目负责人信用情况进行核实，不推荐在惩戒执行期内存在科研严重失信行为记录和其他社会领域严重失信行为记录的单位和个人。',
      '严格执行推荐限额，不超额推荐；单独推荐名额仅用于符合条件的平台和省重点培育的领军企业。',
      '在主管部门审核推荐截止前完成审核并网上确认提交推荐名单，确认提交后不再退回重报。',
      '严格落实廉政风险防控要求，审核推荐过程公开公正，不接受“打招呼”“走关系”等请托。',
    ],
    closing: `如违反上述承诺，本部门愿按照${CREDIT_RULES}接受相应处理，并承担相应责任。`,
  };
}

export function DepartmentCommitmentPage() {
  const user = useUser();
  const { call, callId, calls, error } = useReviewCall();

  useEffect(() => {
    const previous = document.title;
    document.title = TITLE;
    return () => {
      document.title = previous;
    };
  }, []);

  if (!user.department) return <Result status="403" title="只有项目主管部门的账号可以打印本承诺书" />;
  if (error) return <Result status="warning" title="承诺书生成失败" subTitle={error} />;
  if (!calls) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  if (!call) return <Result status="404" title="没有这个申报计划" />;
  const text = pledges(user.department.name, call.name, call.noticeNumber);

  return (
    <CommitmentPaper
      testId="department-commitment"
      back={{ to: `/review/confirm?callId=${encodeURIComponent(callId ?? '')}`, label: '返回确认提交' }}
      title={TITLE}
      text={text}
      signatures={
        <>
          <p>负责人（签字）：</p>
          <p>项目主管部门（盖章）：</p>
          <p data-testid="commitment-department">{user.department.name}</p>
        </>
      }
      note={
        <>
          本承诺书由申报系统为{user.department.name}生成（{call.name}）。签字、盖章后扫描为
          PDF，在“确认提交”页上传后再确认提交推荐名单。
        </>
      }
    />
  );
}

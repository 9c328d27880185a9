import { queryOptions, useQuery } from '@tanstack/react-query';
import { Result } from 'antd';
import { useParams } from 'react-router';
import { DOCUMENT_KIND_LABELS, TOPIC_LABELS } from '../../../core/labels.js';
import type { CommitmentsDto } from '../../../contract/calls.js';
import { api, type ApplicationDto, type Evaluation } from '../../shared/api.js';
import { commitmentsQuery } from '../../shared/calls.js';
import { PageState } from '../../shared/PageState.js';
import { useUser } from '../../app/session.js';
import {
  CommitmentPaper,
  CommitmentToolbar,
  IDEOGRAPHIC_SPACE,
  useDocumentTitle,
  type PledgeText,
} from './CommitmentPaper.js';

// The unit's and the PI's 科研诚信承诺书 (notice 二、4), generated from the application, printed, signed (and
// sealed), scanned and uploaded as `integrity-commitment-unit` / `integrity-commitment-pi`.

type Who = 'unit' | 'pi';

const TITLES: Record<Who, string> = {
  unit: DOCUMENT_KIND_LABELS['integrity-commitment-unit'],
  pi: DOCUMENT_KIND_LABELS['integrity-commitment-pi'],
};

const applicationQuery = (id: string) =>
  queryOptions({
    queryKey: ['applications', id],
    queryFn: ({ signal }) =>
      api<{ application: ApplicationDto; evaluation: Evaluation }>(`/applications/${id}`, { signal }),
  });

interface Facts {
  unitName: string;
  creditCode: string;
  title: string;
  piName: string;
  topic: string;
}

function blank(value: string, width = 12): string {
  return value.trim() || IDEOGRAPHIC_SPACE.repeat(width);
}

function pledgeText(who: Who, f: Facts, call: CommitmentsDto): PledgeText {
  const project = `申报${call.callName}（${call.notice.number}）${f.topic}项目“${blank(f.title)}”`;
  const basis = `根据《${call.notice.title}》全面实施科研诚信承诺制的要求`;
  if (who === 'unit') {
    return {
      opening: `本单位${f.unitName}（统一社会信用代码：${f.creditCode}）${project}，项目负责人为${f.piName}。${basis}，本单位郑重承诺：`,
      pledges: call.pledges.unit,
      closing: `如违反上述承诺，本单位愿按照${call.creditRules}接受相应处理，并承担由此产生的全部责任。`,
    };
  }
  return {
    opening: `本人${f.piName}，系${f.unitName}（统一社会信用代码：${f.creditCode}）在职人员，作为项目负责人${project}。${basis}，本人郑重承诺：`,
    pledges: call.pledges.pi,
    closing: `如违反上述承诺，本人愿按照${call.creditRules}接受相应处理，并承担相应责任。`,
  };
}

function Commitment({ who, application }: { who: Who; application: ApplicationDto }) {
  const user = useUser();
  const commitments = useQuery(commitmentsQuery(application.callId));
  const facts: Facts = {
    unitName: application.organization.name,
    creditCode:
      user.organization?.id === application.organization.id
        ? user.organization.creditCode
        : IDEOGRAPHIC_SPACE.repeat(9),
    title: application.form.title ?? '',
    piName: application.pi.name,
    topic: TOPIC_LABELS[application.topic],
  };
  return (
    <PageState query={commitments}>
      {(call) => (
        <CommitmentPaper
          title={TITLES[who]}
          text={pledgeText(who, facts, call)}
          signatures={
            who === 'unit' ? (
              <>
                <p>法定代表人（签字）：</p>
                <p>申报单位（盖章）：</p>
              </>
            ) : (
              <p>项目负责人（签字）：</p>
            )
          }
          note={
            <>
              本承诺书由申报系统按申报书生成（申报书编号 {application.id}）。签字
              {who === 'unit' ? '、盖章' : ''}
              后扫描为 PDF，在申报书“附件材料”中以“{TITLES[who]}”类型上传。
            </>
          }
        />
      )}
    </PageState>
  );
}

export function CommitmentPage() {
  const { id = '', who } = useParams();
  const application = useQuery(applicationQuery(id));
  useDocumentTitle(who === 'pi' ? TITLES.pi : TITLES.unit);

  if (who !== 'unit' && who !== 'pi') return <Result status="404" title="没有这种承诺书" />;
  return (
    <div data-testid={`commitment-${who}`}>
      <CommitmentToolbar back={{ to: `/applications/${id}`, label: '返回申报书' }} />
      <PageState query={application}>
        {({ application: loaded }) => <Commitment who={who} application={loaded} />}
      </PageState>
    </div>
  );
}

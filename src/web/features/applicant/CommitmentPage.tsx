import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Result, Spin } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { TOPIC_LABELS } from '../../../core/labels.js';
import {
  api,
  describeError,
  fetchCalls,
  type ApplicationDto,
  type CallDto,
  type Evaluation,
} from '../../shared/api.js';
import { useUser } from '../../app/session.js';

// 科研诚信承诺书 (notice 二、4): “项目负责人、项目申报单位和项目主管部门均须签署科研诚信承诺书。” The unit's
// and the PI's are generated here from the application, printed, signed (and sealed), scanned and uploaded
// as `integrity-commitment-unit` / `integrity-commitment-pi`. Their pledges restate 二、3–6 of the notice.

type Who = 'unit' | 'pi';

interface Facts {
  unitName: string;
  creditCode: string;
  title: string;
  piName: string;
  callName: string;
  noticeNumber: string;
  topic: string;
}

export const NOTICE = '《关于组织申报2026年度省国际科技合作/港澳台科技合作计划项目的通知》';
export const CREDIT_RULES = '《江苏省科技计划项目信用管理办法》';
const ETHICS =
  '项目合作内容和方式符合我国及各合作机构所在国家（地区、国际组织）有关法律法规和科技伦理相关规定；研究涉及人体、实验动物、人工智能等属于《科技伦理审查办法（试行）》（国科发监〔2023〕167号）第二条所列范围科技活动的，按要求进行科技伦理审查。';

const IDEOGRAPHIC_SPACE = '\u3000';

function blank(value: string, width = 12): string {
  return value.trim() || IDEOGRAPHIC_SPACE.repeat(width);
}

function unitPledges(f: Facts): { opening: string; pledges: string[]; closing: string } {
  return {
    opening: `本单位${f.unitName}（统一社会信用代码：${f.creditCode}）申报${f.callName}（${f.noticeNumber}）${f.topic}项目“${blank(f.title)}”，项目负责人为${f.piName}。根据${NOTICE}全面实施科研诚信承诺制的要求，本单位郑重承诺：`,
    pledges: [
      '本单位诚信状况良好，无在惩戒执行期内的科研失信行为记录和其他社会领域严重失信行为记录。',
      '本单位对申报材料的真实性和合法性负有法人主体责任，所提交的申报材料真实、准确、完整，不存在虚报项目、虚假出资、虚构事实及包装项目等弄虚作假行为。',
      '在项目申报和立项过程中，不存在抄袭剽窃、弄虚作假、侵犯他人知识产权等失信行为。',
      ETHICS,
      '不将同一项目（依托同一建设内容、同一关键技术等同一核心内容编制的不同项目）重复或同时申报省有关部门项目；申报材料不含涉密内容。',
      '严格落实廉政风险防控要求，不以“打招呼”“走关系”等请托行为谋取项目立项。',
    ],
    closing: `如违反上述承诺，本单位愿按照${CREDIT_RULES}接受相应处理，并承担由此产生的全部责任。`,
  };
}

function piPledges(f: Facts): { opening: string; pledges: string[]; closing: string } {
  return {
    opening: `本人${f.piName}，系${f.unitName}（统一社会信用代码：${f.creditCode}）在职人员，作为项目负责人申报${f.callName}（${f.noticeNumber}）${f.topic}项目“${blank(f.title)}”。根据${NOTICE}全面实施科研诚信承诺制的要求，本人郑重承诺：`,
    pledges: [
      '本人诚信状况良好，无在惩戒执行期内的科研失信行为记录和其他社会领域严重失信行为记录。',
      '本人提供的申报材料真实、准确、完整，不存在虚报项目、虚构事实及包装项目等弄虚作假行为；在项目申报和立项过程中，不存在抄袭剽窃、弄虚作假、侵犯他人知识产权等失信行为。',
      ETHICS,
      '本人同一年度只申报一项省科技计划项目，且无在研省科技计划项目（定向组织项目除外）；不将同一项目重复或同时申报省有关部门项目。',
      '严格落实廉政风险防控要求，不以“打招呼”“走关系”等请托行为谋取项目立项。',
    ],
    closing: `如违反上述承诺，本人愿按照${CREDIT_RULES}接受相应处理，并承担相应责任。`,
  };
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八'];

interface PledgeText {
  opening: string;
  pledges: string[];
  closing: string;
}

/**
 * An A4 commitment: the toolbar (back, print), the title, the pledges, the signature lines given as
 * `signatures` above the date line, and a note on what to do with the signed scan.
 */
export function CommitmentPaper({
  testId,
  back,
  title,
  text,
  signatures,
  note,
}: {
  testId: string;
  back: { to: string; label: string };
  title: string;
  text: PledgeText;
  signatures: ReactNode;
  note: ReactNode;
}) {
  return (
    <div data-testid={testId}>
      <div className="toolbar no-print">
        <Link to={back.to}>
          <Button icon={<ArrowLeftOutlined />}>{back.label}</Button>
        </Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印（A4）
        </Button>
      </div>
      <article className="paper">
        <h1>{title}</h1>
        <p>{text.opening}</p>
        {text.pledges.map((pledge, i) => (
          <p key={i}>
            {NUMERALS[i]}、{pledge}
          </p>
        ))}
        <p>{text.closing}</p>
        <div className="signature-block">
          {signatures}
          <p>
            日期：
            {`${IDEOGRAPHIC_SPACE.repeat(4)}年${IDEOGRAPHIC_SPACE.repeat(2)}月${IDEOGRAPHIC_SPACE.repeat(2)}日`}
          </p>
        </div>
        <p className="no-indent" style={{ marginTop: 48, fontSize: 11, color: '#666', lineHeight: 1.6 }}>
          {note}
        </p>
      </article>
    </div>
  );
}

export function CommitmentPage() {
  const { id, who } = useParams();
  const user = useUser();
  const [data, setData] = useState<{ application: ApplicationDto; call: CallDto | undefined }>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    Promise.all([
      api<{ application: ApplicationDto; evaluation: Evaluation }>(`/applications/${id}`),
      fetchCalls(),
    ]).then(
      ([{ application }, calls]) =>
        setData({ application, call: calls.find((c) => c.id === application.callId) }),
      (e: unknown) => setError(describeError(e)),
    );
  }, [id]);

  useEffect(() => {
    const previous = document.title;
    document.title = who === 'pi' ? '项目负责人科研诚信承诺书' : '项目申报单位科研诚信承诺书';
    return () => {
      document.title = previous;
    };
  }, [who]);

  if (who !== 'unit' && who !== 'pi') return <Result status="404" title="没有这种承诺书" />;
  if (error) return <Result status="warning" title="承诺书生成失败" subTitle={error} />;
  if (!data) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;

  const { application, call } = data;
  const facts: Facts = {
    unitName: application.organization.name,
    creditCode:
      user.organization?.id === application.organization.id
        ? user.organization.creditCode
        : IDEOGRAPHIC_SPACE.repeat(9),
    title: application.form.title ?? '',
    piName: application.pi.name,
    callName: application.callName,
    noticeNumber: call?.noticeNumber ?? '苏科资发〔2026〕26号',
    topic: TOPIC_LABELS[application.topic],
  };
  const kind: Who = who;
  const text = kind === 'unit' ? unitPledges(facts) : piPledges(facts);

  const title = kind === 'unit' ? '项目申报单位科研诚信承诺书' : '项目负责人科研诚信承诺书';
  return (
    <CommitmentPaper
      testId={`commitment-${kind}`}
      back={{ to: `/applications/${application.id}`, label: '返回申报书' }}
      title={title}
      text={text}
      signatures={
        kind === 'unit' ? (
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
          本承诺书由申报系统按申报书生成（申报书编号 {application.id}）。签字{kind === 'unit' ? '、盖章' : ''}
          后扫描为 PDF，在申报书“附件材料”中以“{title}”类型上传。
        </>
      }
    />
  );
}

import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router';

// A 科研诚信承诺书 (notice 二、4) on A4. Its pledges and the notice it cites come from the call
// (GET /api/calls/:id/commitments); each page says who signs and what they are.

export const IDEOGRAPHIC_SPACE = '\u3000';

export interface PledgeText {
  opening: string;
  pledges: readonly string[];
  closing: string;
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The browser tab's title while the commitment is open, so a printout's header names it. */
export function useDocumentTitle(title: string) {
  useEffect(() => {
    const previous = document.title;
    document.title = title;
    return () => {
      document.title = previous;
    };
  }, [title]);
}

/** The toolbar (back, print): above the page's state, so one can go back while it loads or fails. */
export function CommitmentToolbar({ back }: { back: { to: string; label: string } }) {
  return (
    <div className="toolbar no-print">
      <Link to={back.to}>
        <Button icon={<ArrowLeftOutlined />}>{back.label}</Button>
      </Link>
      <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
        打印（A4）
      </Button>
    </div>
  );
}

/**
 * An A4 commitment: the title, the pledges, the signature lines given as `signatures` above the date line, and
 * a note on what to do with the signed scan.
 */
export function CommitmentPaper({
  title,
  text,
  signatures,
  note,
}: {
  title: string;
  text: PledgeText;
  signatures: ReactNode;
  note: ReactNode;
}) {
  return (
    <article className="paper">
      <h1>{title}</h1>
      <p>{text.opening}</p>
      {text.pledges.map((pledge, i) => (
        <p key={i}>
          {NUMERALS[i] ?? i + 1}、{pledge}
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
  );
}

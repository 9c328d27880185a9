import { summaryRowCells } from '../../../core/summary/summary-table.js';
import type { SummaryView } from '../../../contract/review.js';

/** Shares of the table's width, in column order: room for the title and the reasons, little for 序号. */
const COLUMN_WIDTHS = [4, 9, 7, 13, 11, 6, 11, 9, 10, 9, 11];

/** 推荐项目汇总表 as the notice's attachment lays it out. */
export function SummaryPaper({ summary }: { summary: SummaryView }) {
  return (
    <article className="summary-paper" data-testid="summary-table">
      <div className="summary-attachment">{summary.texts.attachmentLabel}</div>
      <h1>{summary.texts.title}</h1>
      <div className="summary-header">
        <span>
          {summary.texts.departmentLabel}
          {summary.header.departmentName}
        </span>
        <span>{summary.header.date}</span>
      </div>
      <div className="summary-header">
        <span>
          {summary.texts.contactLabel}
          {summary.header.contact || '\u3000'.repeat(6)}
        </span>
        <span>
          {summary.texts.phoneLabel}
          {summary.header.phone || '\u3000'.repeat(8)}
        </span>
      </div>
      <table>
        <colgroup>
          {COLUMN_WIDTHS.map((width, i) => (
            <col key={i} style={{ width: `${width}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {summary.texts.headings.map((heading) => (
              <th key={heading}>{heading}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {summary.rows.length === 0 && (
            <tr>
              <td colSpan={summary.texts.headings.length} className="summary-empty">
                尚未推荐项目
              </td>
            </tr>
          )}
          {summary.rows.map((row) => (
            <tr key={row.applicationId} data-testid="summary-row">
              {summaryRowCells(row).map((cell, i) => (
                <td key={i} style={{ whiteSpace: 'pre-line' }}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="summary-notes">
        {summary.texts.notes.map((note) => (
          <p key={note}>{note}</p>
        ))}
      </div>
    </article>
  );
}

import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { summaryRowCells } from '../../../core/summary/summary-table.js';
import type { SummaryView } from '../../../contract/review.js';
import { api, describeError } from '../../shared/api.js';
import { bundleUrl, summaryXlsxUrl } from './api.js';
import { CallSelect, useReviewCall } from './useReviewCall.js';

/** Shares of the table's width, in column order: room for the title and the reasons, little for 序号. */
const COLUMN_WIDTHS = [4, 9, 7, 13, 11, 6, 11, 9, 10, 9, 11];

/** 推荐项目汇总表 as the notice's attachment lays it out, printed A4 landscape from the browser. */
export function SummaryPage() {
  const { calls, callId, error: callError, select } = useReviewCall();
  const [contact, setContact] = useState('');
  const [phone, setPhone] = useState('');
  const [summary, setSummary] = useState<SummaryView>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!callId) return;
    setError(undefined);
    // The contact is typed here; the table waits for a pause in typing before asking again.
    const timer = window.setTimeout(() => {
      const search = new URLSearchParams({ callId, contact, phone });
      api<SummaryView>(`/review/summary?${search.toString()}`).then(setSummary, (e: unknown) =>
        setError(describeError(e)),
      );
    }, 300);
    return () => window.clearTimeout(timer);
  }, [callId, contact, phone]);

  if (callError) return <Alert type="error" showIcon title={callError} />;

  return (
    <div>
      <Card size="small" className="no-print" style={{ marginBottom: 16 }}>
        <Space wrap align="center">
          <Typography.Text strong>推荐项目汇总表</Typography.Text>
          <CallSelect calls={calls} value={callId} onChange={select} />
          <Input
            id="summary-contact"
            placeholder="联系人"
            style={{ width: 140 }}
            value={contact}
            maxLength={50}
            onChange={(e) => setContact(e.target.value)}
          />
          <Input
            id="summary-phone"
            placeholder="联系电话"
            style={{ width: 160 }}
            value={phone}
            maxLength={50}
            onChange={(e) => setPhone(e.target.value)}
          />
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            onClick={() => window.print()}
            disabled={!summary}
          >
            打印（A4 横向）
          </Button>
          <Button
            icon={<DownloadOutlined />}
            href={callId ? summaryXlsxUrl(callId, contact, phone) : undefined}
            disabled={!callId}
            data-testid="summary-xlsx"
          >
            下载 Excel
          </Button>
          <Button
            icon={<DownloadOutlined />}
            href={callId ? bundleUrl(callId) : undefined}
            disabled={!callId}
            title="本部门收到的申报书，可用 shenbao check 检查"
          >
            导出数据包（shenbao.bundle/1）
          </Button>
        </Space>
      </Card>
      {error && <Alert type="error" showIcon title={error} className="no-print" />}
      {!summary && !error && <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />}
      {summary && (
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
                    <td key={i}>{cell}</td>
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
      )}
    </div>
  );
}

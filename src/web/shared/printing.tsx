import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Space } from 'antd';
import type { FinalizationView, PrintDocument } from '../../contract/finalization.js';
import { PRINT_DOCUMENT_LABELS } from '../../contract/finalization.js';

/** Where a generated document downloads; `preview`: the 草稿 of the live form, even after 定稿. */
export const printUrl = (applicationId: string, document: PrintDocument, preview = false) =>
  `/api/applications/${applicationId}/print/${document}${preview ? '?preview=1' : ''}`;

const FORMS: PrintDocument[] = ['cover', 'unit-info', 'info-form', 'application-form', 'package'];

/**
 * A download per generated document. The server prints from the current 定稿 when there is one (what is
 * signed), otherwise a 草稿 it watermarks; `finalization`, when known, says which on the buttons.
 */
export function PrintButtons({
  applicationId,
  finalization,
}: {
  applicationId: string;
  finalization?: FinalizationView;
}) {
  const draft = finalization?.current === null;
  return (
    <Space wrap size={[8, 8]} data-testid="print-buttons">
      <PrinterOutlined aria-hidden />
      {FORMS.map((document) => (
        <Button key={document} size="small" href={printUrl(applicationId, document)} download>
          {PRINT_DOCUMENT_LABELS[document]}
          {draft ? '（草稿）' : ''}
        </Button>
      ))}
    </Space>
  );
}

/** The platform's notices on signed scans printed from another 定稿 than the current one. */
export function ScanNotices({ notices }: { notices: readonly string[] }) {
  if (notices.length === 0) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }} data-testid="scan-notices">
      {notices.map((notice) => (
        <Alert key={notice} type="warning" showIcon title={notice} />
      ))}
    </Space>
  );
}

/** The first 8 of a fingerprint, as people compare it with the printed footer. */
export const shortFingerprint = (sha256: string) => sha256.slice(0, 8);

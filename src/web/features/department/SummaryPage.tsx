import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { PageState } from '../../shared/PageState.js';
import { useDebouncedValue } from '../../shared/useDebouncedValue.js';
import { bundleUrl, reviewQueries, summaryXlsxUrl } from './api.js';
import { CallSelect } from './CallSelect.js';
import { SummaryPaper } from './SummaryPaper.js';
import { useReviewCall } from './useReviewCall.js';

/** How long typing the contact must pause before the table is asked for again. */
const TYPING_PAUSE_MS = 300;

/** 推荐项目汇总表 as the notice's attachment lays it out, printed A4 landscape from the browser. */
export function SummaryPage() {
  const { query: calls, callId, select } = useReviewCall();
  const [contact, setContact] = useState('');
  const [phone, setPhone] = useState('');
  const typedContact = useDebouncedValue(contact, TYPING_PAUSE_MS);
  const typedPhone = useDebouncedValue(phone, TYPING_PAUSE_MS);
  const summary = useQuery({
    ...reviewQueries.summary(callId, typedContact, typedPhone),
    placeholderData: keepPreviousData,
  });

  return (
    <div>
      <Card size="small" className="no-print" style={{ marginBottom: 16 }}>
        <Space wrap align="center">
          <Typography.Text strong>推荐项目汇总表</Typography.Text>
          <CallSelect calls={calls.data} value={callId} onChange={select} />
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
            disabled={!summary.data}
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
      <PageState query={calls}>
        {() => <PageState query={summary}>{(view) => <SummaryPaper summary={view} />}</PageState>}
      </PageState>
    </div>
  );
}

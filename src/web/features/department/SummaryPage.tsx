import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Typography } from 'antd';
import { PageState } from '../../shared/PageState.js';
import { bundleUrl, reviewQueries, summaryXlsxUrl } from './api.js';
import { CallSelect } from './CallSelect.js';
import { ContactCard } from './ContactCard.js';
import { SummaryPaper } from './SummaryPaper.js';
import { useReviewCall } from './useReviewCall.js';

/** 推荐项目汇总表 as the notice's attachment lays it out, printed A4 landscape from the browser. */
export function SummaryPage() {
  const { query: calls, callId, select } = useReviewCall();
  const summary = useQuery({
    ...reviewQueries.summary(callId),
    placeholderData: keepPreviousData,
  });

  return (
    <div>
      <Card size="small" className="no-print" style={{ marginBottom: 16 }}>
        <Space wrap align="center">
          <Typography.Text strong>推荐项目汇总表</Typography.Text>
          <CallSelect calls={calls.data} value={callId} onChange={select} />
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
            href={callId ? summaryXlsxUrl(callId) : undefined}
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
        <div style={{ marginTop: 8 }}>
          <ContactCard />
        </div>
      </Card>
      <PageState query={calls}>
        {() => <PageState query={summary}>{(view) => <SummaryPaper summary={view} />}</PageState>}
      </PageState>
    </div>
  );
}

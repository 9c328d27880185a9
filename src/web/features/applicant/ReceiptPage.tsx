import { ArrowLeftOutlined, PrinterOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Collapse,
  Descriptions,
  Result,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { Link, useParams } from 'react-router';
import type { DocumentKind, TopicNumber } from '../../../core/bundle/schema.js';
import { DOCUMENT_KIND_LABELS, TOPIC_LABELS } from '../../../core/labels.js';
import { api, describeError, type ApplicationDto, type Receipt } from '../../shared/api.js';
import { APPLICATION_STATUS_LABELS } from '../../../contract/vocabulary.js';
import { callsQuery } from '../../shared/calls.js';
import { beijingTime } from '../../shared/format.js';
import { PageState } from '../../shared/PageState.js';
import { allOf } from '../../shared/queries.js';
import { ApplicationTimeline } from './editor/TimelineCard.js';
import { applicationQuery, receiptQuery } from './queries.js';

/** The receipt's payload as the server signs it (shenbao.receipt/1). */
interface ReceiptPayload {
  acceptanceNo: string;
  call: { id: string; name: string };
  topic: TopicNumber;
  title: string;
  applicant: { name: string; creditCode: string };
  submittedAt: string;
  formSha256: string;
  documents: { kind: DocumentKind; fileName: string; sha256: string; signedOn: string | null }[];
}

export function ReceiptPage() {
  const { id = '' } = useParams();
  const receipt = useQuery(receiptQuery(id));
  const application = useQuery(applicationQuery(id));
  return (
    <PageState
      query={allOf([receipt, application])}
      notFound={
        <Result
          status="warning"
          title="没有找到受理回执"
          subTitle="申报书尚未提交受理，或您无权查看。"
          extra={
            <Link to={`/applications/${id}`}>
              <Button>返回申报书</Button>
            </Link>
          }
        />
      }
    >
      {([r, a]) => <ReceiptView receipt={r} application={a.application} />}
    </PageState>
  );
}

function ReceiptView({ receipt, application }: { receipt: Receipt; application: ApplicationDto }) {
  const { id } = application;
  const verify = useMutation({
    mutationFn: () =>
      api<{ valid: boolean }>('/receipts/verify', {
        method: 'POST',
        body: { payload: receipt.payload, signature: receipt.signature },
      }).then((r) => r.valid),
  });
  const payload = receipt.payload as unknown as ReceiptPayload;
  const calls = useQuery(callsQuery);
  const topicName = calls.data?.calls
    .find((c) => c.id === payload.call.id)
    ?.topics.find((t) => t.number === payload.topic)?.name;

  return (
    <div className="print-plain" style={{ maxWidth: 1000, margin: '0 auto' }}>
      <Space className="no-print" style={{ marginBottom: 16 }}>
        <Link to={`/applications/${id}`}>
          <Button icon={<ArrowLeftOutlined />}>返回申报书</Button>
        </Link>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印回执
        </Button>
      </Space>
      <Card>
        <Result
          status="success"
          title={`申报书${APPLICATION_STATUS_LABELS.submitted}`}
          subTitle={
            <span>
              受理编号{' '}
              <Typography.Text strong className="mono" style={{ fontSize: 20 }} data-testid="acceptance-no">
                {receipt.acceptanceNo}
              </Typography.Text>
            </span>
          }
          style={{ paddingBottom: 8 }}
        />
        <Descriptions
          bordered
          size="small"
          column={1}
          styles={{ label: { width: 210 } }}
          items={[
            { key: 'no', label: '受理编号', children: <span className="mono">{receipt.acceptanceNo}</span> },
            {
              key: 'issued',
              label: '受理时间（服务器，北京时间）',
              children: <span data-testid="receipt-issued-at">{beijingTime(receipt.issuedAt)}</span>,
            },
            { key: 'call', label: '申报计划', children: payload.call.name },
            {
              key: 'topic',
              label: '专题',
              children: topicName
                ? `${TOPIC_LABELS[payload.topic]}：${topicName}`
                : TOPIC_LABELS[payload.topic],
            },
            { key: 'title', label: '项目名称', children: payload.title },
            {
              key: 'applicant',
              label: '申报单位',
              children: `${payload.applicant.name}（统一社会信用代码 ${payload.applicant.creditCode}）`,
            },
            { key: 'pi', label: '项目负责人', children: application.pi.name },
            {
              key: 'form',
              label: '申报书内容指纹（SHA-256）',
              children: <span className="mono">{payload.formSha256}</span>,
            },
          ]}
        />
        <Typography.Title level={5} style={{ marginTop: 24 }}>
          受理时的附件（{payload.documents.length} 份）
        </Typography.Title>
        <Table
          size="small"
          rowKey={(d) => `${d.kind}-${d.sha256}`}
          pagination={false}
          dataSource={payload.documents}
          columns={[
            {
              title: '类型',
              dataIndex: 'kind',
              width: 200,
              render: (k: DocumentKind) => DOCUMENT_KIND_LABELS[k],
            },
            { title: '文件名', dataIndex: 'fileName' },
            { title: '签署日期', dataIndex: 'signedOn', width: 110, render: (v: string | null) => v ?? '—' },
            {
              title: 'SHA-256 指纹',
              dataIndex: 'sha256',
              render: (v: string) => (
                <span className="mono" style={{ fontSize: 12 }} data-sha256={v}>
                  {v}
                </span>
              ),
            },
          ]}
        />
        <Typography.Title level={5} style={{ marginTop: 24 }}>
          电子签名（Ed25519）
        </Typography.Title>
        <Typography.Paragraph className="mono" style={{ fontSize: 12 }} data-testid="receipt-signature">
          {receipt.signature}
        </Typography.Paragraph>
        <Row gutter={16} align="middle" className="no-print">
          <Col>
            <Button
              type="primary"
              icon={<SafetyCertificateOutlined />}
              loading={verify.isPending}
              onClick={() => verify.mutate()}
              data-testid="verify-receipt"
            >
              核验回执
            </Button>
          </Col>
          <Col flex="auto" data-testid="verify-result">
            {verify.data !== undefined &&
              (verify.data ? (
                <Tag color="success" style={{ fontSize: 14, padding: '4px 8px' }}>
                  签名有效：回执内容与服务器签发时一致
                </Tag>
              ) : (
                <Tag color="error" style={{ fontSize: 14, padding: '4px 8px' }}>
                  签名无效：回执内容可能已被改动
                </Tag>
              ))}
            {verify.error && <Alert type="error" showIcon title={describeError(verify.error)} />}
          </Col>
        </Row>
        <Collapse
          ghost
          className="no-print"
          style={{ marginTop: 8 }}
          items={[
            {
              key: 'key',
              label: '签名公钥与签名内容',
              children: (
                <>
                  <Typography.Paragraph className="mono" style={{ fontSize: 12, whiteSpace: 'pre-wrap' }}>
                    {receipt.publicKey}
                  </Typography.Paragraph>
                  <Typography.Paragraph className="mono" style={{ fontSize: 12, whiteSpace: 'pre-wrap' }}>
                    {JSON.stringify(receipt.payload, null, 2)}
                  </Typography.Paragraph>
                </>
              ),
            },
          ]}
        />
      </Card>
      <Card title="办理记录" style={{ marginTop: 16 }} className="no-print">
        <ApplicationTimeline applicationId={application.id} />
      </Card>
    </div>
  );
}

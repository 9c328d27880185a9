import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Form, Input, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { formatMb } from '../../../../core/file-size.js';
import type { AppealView } from '../../../../contract/appeals.js';
import { PDF_MIME, UPLOAD_MAX_BYTES } from '../../../../contract/documents.js';
import { ApiError, describeError } from '../../../shared/api.js';
import { beijingTime } from '../../../shared/format.js';
import { addEvidence, appealsQuery, avoidAppealKeys, evidenceUrl, fileAppeal } from './api.js';

// 复核 of 不予受理, on the applicant's application page: the deadline, the request with reasons and evidence,
// and the province's result.

const STATUS_COLORS: Record<AppealView['status'], string> = {
  open: 'processing',
  upheld: 'success',
  dismissed: 'error',
};

function tooLarge(file: File): string | undefined {
  return file.size > UPLOAD_MAX_BYTES
    ? `文件 ${formatMb(file.size)}，超过 ${formatMb(UPLOAD_MAX_BYTES)}的上限`
    : undefined;
}

export function AppealCard({ applicationId }: { applicationId: string }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const query = useQuery(appealsQuery(applicationId));
  const [form] = Form.useForm<{ reasons: string }>();
  const [file, setFile] = useState<File>();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: avoidAppealKeys.appeals(applicationId) }),
      queryClient.invalidateQueries({ queryKey: ['applications', applicationId, 'province-result'] }),
    ]);
  const filing = useMutation({
    mutationFn: ({ reasons }: { reasons: string }) => fileAppeal(applicationId, reasons, file),
    onSuccess: async () => {
      void message.success('复核申请已提交');
      form.resetFields();
      setFile(undefined);
      await refresh();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.fields.some((f) => f.path === 'reasons')) {
        form.setFields([{ name: 'reasons', errors: error.fields.map((f) => f.message) }]);
      } else void message.error(describeError(error));
    },
  });
  const adding = useMutation({
    mutationFn: ({ appealId, file: f }: { appealId: string; file: File }) => addEvidence(appealId, f),
    onSuccess: refresh,
    onError: (error) => void message.error(describeError(error)),
  });

  const data = query.data;
  if (!data || (!data.window && data.appeals.length === 0)) return null;
  const { window, canAppeal, appeals, evidenceMax } = data;
  return (
    <Card title="不予受理复核" size="small" style={{ marginBottom: 16 }} data-testid="appeal-card">
      {window && (
        <Typography.Paragraph>
          如对不予受理有异议，可在 {window.workingDays} 个工作日内申请复核，截止时间：
          <Typography.Text strong data-testid="appeal-deadline">
            {window.deadlineText}
          </Typography.Text>
          {!window.open && '（已截止）'}
        </Typography.Paragraph>
      )}
      {appeals.map((appeal) => (
        <Descriptions
          key={appeal.id}
          size="small"
          column={1}
          bordered
          style={{ marginBottom: 12 }}
          data-testid="appeal"
          items={[
            {
              label: '状态',
              children: <Tag color={STATUS_COLORS[appeal.status]}>{appeal.statusLabel}</Tag>,
            },
            { label: '提交时间', children: beijingTime(appeal.filedAt) },
            {
              label: '复核理由',
              children: (
                <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{appeal.reasons}</span>
              ),
            },
            {
              label: '证明材料',
              children: (
                <>
                  {appeal.evidence.length === 0
                    ? '无'
                    : appeal.evidence.map((e) => (
                        <div key={e.index}>
                          <a href={evidenceUrl(appeal.id, e.index)} target="_blank" rel="noreferrer">
                            {e.fileName}
                          </a>
                        </div>
                      ))}
                  {appeal.status === 'open' && window?.open && appeal.evidence.length < evidenceMax && (
                    <Upload
                      accept={PDF_MIME}
                      showUploadList={false}
                      beforeUpload={(f) => {
                        const problem = tooLarge(f);
                        if (problem) void message.error(problem);
                        else adding.mutate({ appealId: appeal.id, file: f });
                        return false;
                      }}
                    >
                      <Button size="small" icon={<UploadOutlined />} loading={adding.isPending}>
                        补充证明材料（PDF）
                      </Button>
                    </Upload>
                  )}
                </>
              ),
            },
            ...(appeal.decidedAt
              ? [
                  { label: '复核时间', children: beijingTime(appeal.decidedAt) },
                  ...(appeal.decisionReason ? [{ label: '复核意见', children: appeal.decisionReason }] : []),
                ]
              : []),
          ]}
        />
      ))}
      {canAppeal && (
        <Form form={form} layout="vertical" onFinish={(values) => filing.mutate(values)}>
          <Form.Item
            name="reasons"
            label="复核理由"
            rules={[{ required: true, whitespace: true, message: '请填写复核理由' }]}
          >
            <Input.TextArea rows={4} maxLength={5000} />
          </Form.Item>
          <Form.Item label="证明材料（可选，PDF）">
            <Upload
              accept={PDF_MIME}
              maxCount={1}
              fileList={file ? [{ uid: 'evidence', name: file.name, status: 'done' }] : []}
              onRemove={() => setFile(undefined)}
              beforeUpload={(f) => {
                const problem = tooLarge(f);
                if (problem) void message.error(problem);
                else setFile(f);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />}>选择文件</Button>
            </Upload>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={filing.isPending}>
            申请复核
          </Button>
        </Form>
      )}
    </Card>
  );
}

import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Select, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import {
  OBJECTION_EVIDENCE_MAX,
  OBJECTION_GROUNDS_MAX,
  OBJECTION_GROUNDS_MIN,
} from '../../../core/objections/objections.js';
import { formatChineseDate } from '../../../core/time.js';
import { FILE_FIELD } from '../../../contract/documents.js';
import type { ObjectionReceiptView } from '../../../contract/objections.js';
import type { PublicAnnouncementDetail } from '../../../contract/public.js';
import { api, ApiError, describeError } from '../../shared/api.js';
import { showFieldErrors } from '../../shared/forms.js';

// 公示异议 online (issue 14 §7): during the 公示 period anyone may object under a real name with a way to be
// reached; the evidence PDFs go one per request, the first with the objection, the rest with its key.

interface Values {
  name: string;
  mobile?: string;
  email?: string;
  organization: string;
  acceptanceNo: string;
  grounds: string;
}

export function ObjectionForm({
  announcementId,
  data,
}: {
  announcementId: string;
  data: PublicAnnouncementDetail;
}) {
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [receipt, setReceipt] = useState<{ view: ObjectionReceiptView; evidence: number; failed?: string }>();
  const deadline = formatChineseDate(data.announcement.endsOn);

  if (!data.objectionsOpen) {
    return (
      <Card title="提出异议" size="small" style={{ marginTop: 16 }}>
        <Typography.Text type="secondary" data-testid="objections-closed">
          网上异议只在公示期内受理（{formatChineseDate(data.announcement.startsOn)}至{deadline}）。
        </Typography.Text>
      </Card>
    );
  }

  if (receipt) {
    return (
      <Alert
        style={{ marginTop: 16 }}
        type="success"
        showIcon
        data-testid="objection-receipt"
        title={`异议已收到，异议编号 ${receipt.view.reference}`}
        description={
          <>
            请记下异议编号。已上传证明材料 {receipt.evidence} 份。
            {receipt.view.emailed ? '编号已发送至您填写的电子邮箱，处理结果也将以邮件告知。' : ''}
            {receipt.failed && <div>部分证明材料未能上传：{receipt.failed}</div>}
          </>
        }
      />
    );
  }

  const submit = async () => {
    const values = await form.validateFields();
    if (!values.mobile?.trim() && !values.email?.trim()) {
      form.setFields([{ name: 'mobile', errors: ['请至少填写手机号码或电子邮箱之一：不受理匿名异议'] }]);
      return;
    }
    const pdfs = files.flatMap((f) => (f.originFileObj ? [f.originFileObj] : []));
    setBusy(true);
    setError(undefined);
    try {
      const body = new FormData();
      for (const [key, value] of Object.entries(values)) if (value) body.append(key, String(value));
      if (pdfs[0]) body.append(FILE_FIELD, pdfs[0], pdfs[0].name);
      const view = await api<ObjectionReceiptView>(`/public/announcements/${announcementId}/objections`, {
        method: 'POST',
        form: body,
      });
      let evidence = view.evidenceCount;
      let failed: string | undefined;
      for (const pdf of pdfs.slice(1)) {
        const more = new FormData();
        more.append('key', view.evidenceKey);
        more.append(FILE_FIELD, pdf, pdf.name);
        try {
          evidence = (
            await api<{ evidenceCount: number }>(`/public/objections/${view.reference}/evidence`, {
              method: 'POST',
              form: more,
            })
          ).evidenceCount;
        } catch (e) {
          failed = `${pdf.name}：${describeError(e)}`;
        }
      }
      setReceipt({ view, evidence, ...(failed ? { failed } : {}) });
    } catch (e) {
      if (e instanceof ApiError)
        showFieldErrors(
          form,
          e.fields.filter((f) => f.path !== FILE_FIELD),
        );
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="提出异议" size="small" style={{ marginTop: 16 }} data-testid="objection-form">
      <Typography.Paragraph type="secondary">
        请实名填写：姓名和联系方式（手机号码或电子邮箱至少一项）为必填，不受理匿名异议。异议截止日期：
        {deadline}。
      </Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" name="objection">
        <Form.Item
          label="异议涉及的项目"
          name="acceptanceNo"
          rules={[{ required: true, message: '请选择异议涉及的项目' }]}
        >
          <Select
            placeholder="从公示名单中选择"
            options={data.entries.map((e) => ({
              value: e.acceptanceNo,
              label: `${e.acceptanceNo} ${e.title}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          label="真实姓名"
          name="name"
          rules={[{ required: true, whitespace: true, message: '请填写真实姓名：不受理匿名异议' }]}
        >
          <Input maxLength={50} autoComplete="name" />
        </Form.Item>
        <Form.Item label="手机号码" name="mobile">
          <Input inputMode="tel" autoComplete="tel" />
        </Form.Item>
        <Form.Item label="电子邮箱（用于接收异议编号和处理结果）" name="email">
          <Input type="email" autoComplete="email" />
        </Form.Item>
        <Form.Item
          label="工作单位"
          name="organization"
          rules={[{ required: true, whitespace: true, message: '请填写工作单位' }]}
        >
          <Input maxLength={200} autoComplete="organization" />
        </Form.Item>
        <Form.Item
          label="异议的事实和理由"
          name="grounds"
          rules={[
            { required: true, whitespace: true, message: '请填写异议的事实和理由' },
            { min: OBJECTION_GROUNDS_MIN, message: `不少于 ${OBJECTION_GROUNDS_MIN} 个字` },
          ]}
        >
          <Input.TextArea rows={5} maxLength={OBJECTION_GROUNDS_MAX} showCount />
        </Form.Item>
        <Form.Item label={`证明材料（可选，PDF，最多 ${OBJECTION_EVIDENCE_MAX} 份）`}>
          <Upload
            accept=".pdf,application/pdf"
            multiple
            maxCount={OBJECTION_EVIDENCE_MAX}
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList.slice(0, OBJECTION_EVIDENCE_MAX))}
          >
            <Button icon={<UploadOutlined />}>选择 PDF 文件</Button>
          </Upload>
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" loading={busy} onClick={() => void submit()}>
          提交异议
        </Button>
      </Form>
    </Card>
  );
}

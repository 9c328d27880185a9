import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Select, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  OBJECTION_EVIDENCE_MAX,
  OBJECTION_GROUNDS_MAX,
  OBJECTION_GROUNDS_MIN,
} from '../../../core/objections/objections.js';
import { formatChineseDate } from '../../../core/time.js';
import { FILE_FIELD } from '../../../contract/documents.js';
import type { ObjectionReceiptView } from '../../../contract/objections.js';
import type { PublicAnnouncementDetail } from '../../../contract/public.js';
import { addTranslations } from '../../app/i18n.js';
import { api, ApiError } from '../../shared/api.js';
import { showFieldErrors } from '../../shared/forms.js';
import { publicError } from './PublicFrame.js';

// 公示异议 online (issue 14 §7): during the 公示 period anyone may object under a real name with a way to be
// reached; the evidence PDFs go one per request, the first with the objection, the rest with its key. The page
// loads this form when the visitor opens it.

addTranslations('objection', {
  'zh-CN': {
    received: '异议已收到，异议编号 {{reference}}',
    keep: '请记下异议编号。已上传证明材料 {{count}} 份。',
    emailed: '编号已发送至您填写的电子邮箱，处理结果也将以邮件告知。',
    failed: '部分证明材料未能上传：{{failed}}',
    contactRequired: '请至少填写手机号码或电子邮箱之一：不受理匿名异议',
    intro:
      '请实名填写：姓名和联系方式（手机号码或电子邮箱至少一项）为必填，不受理匿名异议。异议截止日期：{{deadline}}。',
    project: '异议涉及的项目',
    projectRequired: '请选择异议涉及的项目',
    projectPlaceholder: '从公示名单中选择',
    name: '真实姓名',
    nameRequired: '请填写真实姓名：不受理匿名异议',
    mobile: '手机号码',
    email: '电子邮箱（用于接收异议编号和处理结果）',
    organization: '工作单位',
    organizationRequired: '请填写工作单位',
    grounds: '异议的事实和理由',
    groundsRequired: '请填写异议的事实和理由',
    groundsShort: '不少于 {{min}} 个字',
    evidence: '证明材料（可选，PDF，最多 {{max}} 份）',
    choose: '选择 PDF 文件',
    submit: '提交异议',
  },
  en: {
    received: 'Your objection has been received: reference {{reference}}',
    keep: 'Please note the reference. Evidence files uploaded: {{count}}.',
    emailed: 'The reference has been sent to the e-mail address you gave; the outcome will be e-mailed too.',
    failed: 'Some evidence could not be uploaded: {{failed}}',
    contactRequired: 'Give a mobile number or an e-mail address: anonymous objections are not accepted',
    intro:
      'Objections are made under your real name: your name and a mobile number or an e-mail address are required; anonymous objections are not accepted. Objections close on {{deadline}}.',
    project: 'The project you object to',
    projectRequired: 'Choose the project you object to',
    projectPlaceholder: 'Choose from the list above',
    name: 'Real name',
    nameRequired: 'Enter your real name: anonymous objections are not accepted',
    mobile: 'Mobile number',
    email: 'E-mail (for the reference and the outcome)',
    organization: 'Employer',
    organizationRequired: 'Enter your employer',
    grounds: 'Facts and grounds of the objection',
    groundsRequired: 'Enter the facts and grounds of the objection',
    groundsShort: 'At least {{min}} characters',
    evidence: 'Evidence (optional, PDF, at most {{max}} files)',
    choose: 'Choose PDF files',
    submit: 'Send the objection',
  },
});

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
  const { t, i18n } = useTranslation('objection');
  const deadline =
    i18n.language === 'en' ? data.announcement.endsOn : formatChineseDate(data.announcement.endsOn);

  if (receipt) {
    return (
      <Alert
        style={{ marginTop: 16 }}
        type="success"
        showIcon
        data-testid="objection-receipt"
        title={t('received', { reference: receipt.view.reference })}
        description={
          <>
            {t('keep', { count: receipt.evidence })}
            {receipt.view.emailed ? t('emailed') : ''}
            {receipt.failed && <div>{t('failed', { failed: receipt.failed })}</div>}
          </>
        }
      />
    );
  }

  const submit = async () => {
    const values = await form.validateFields();
    if (!values.mobile?.trim() && !values.email?.trim()) {
      form.setFields([{ name: 'mobile', errors: [t('contactRequired')] }]);
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
          failed = `${pdf.name}：${publicError(e)}`;
        }
      }
      setReceipt({ view, evidence, ...(failed ? { failed } : {}) });
    } catch (e) {
      if (e instanceof ApiError)
        showFieldErrors(
          form,
          e.fields.filter((f) => f.path !== FILE_FIELD),
        );
      setError(publicError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Typography.Paragraph type="secondary">{t('intro', { deadline })}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" name="objection">
        <Form.Item
          label={t('project')}
          name="acceptanceNo"
          rules={[{ required: true, message: t('projectRequired') }]}
        >
          <Select
            placeholder={t('projectPlaceholder')}
            options={data.entries.map((e) => ({
              value: e.acceptanceNo,
              label: `${e.acceptanceNo} ${e.title}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          label={t('name')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('nameRequired') }]}
        >
          <Input maxLength={50} autoComplete="name" />
        </Form.Item>
        <Form.Item label={t('mobile')} name="mobile">
          <Input inputMode="tel" autoComplete="tel" />
        </Form.Item>
        <Form.Item label={t('email')} name="email">
          <Input type="email" autoComplete="email" />
        </Form.Item>
        <Form.Item
          label={t('organization')}
          name="organization"
          rules={[{ required: true, whitespace: true, message: t('organizationRequired') }]}
        >
          <Input maxLength={200} autoComplete="organization" />
        </Form.Item>
        <Form.Item
          label={t('grounds')}
          name="grounds"
          rules={[
            { required: true, whitespace: true, message: t('groundsRequired') },
            { min: OBJECTION_GROUNDS_MIN, message: t('groundsShort', { min: OBJECTION_GROUNDS_MIN }) },
          ]}
        >
          <Input.TextArea rows={5} maxLength={OBJECTION_GROUNDS_MAX} showCount />
        </Form.Item>
        <Form.Item label={t('evidence', { max: OBJECTION_EVIDENCE_MAX })}>
          <Upload
            accept=".pdf,application/pdf"
            multiple
            maxCount={OBJECTION_EVIDENCE_MAX}
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList.slice(0, OBJECTION_EVIDENCE_MAX))}
          >
            <Button icon={<UploadOutlined />}>{t('choose')}</Button>
          </Upload>
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" loading={busy} onClick={() => void submit()}>
          {t('submit')}
        </Button>
      </Form>
    </>
  );
}

import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Layout,
  Radio,
  Result,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'react-router';
import { PARTNER_FACTS, type PartnerFact } from '../../../core/application/partner-confirmation.js';
import { FILE_FIELD } from '../../../contract/documents.js';
import type { PartnerPage } from '../../../contract/partner-confirmations.js';
import { chosenLanguage, i18n } from '../../app/i18n.js';
import { ApiError, api } from '../../shared/api.js';
import { BilingualConfig } from '../../shared/BilingualConfig.js';
import { LanguageSwitch } from '../../shared/LanguageSwitch.js';
import { NS } from './strings.js';

type Answer = 'true' | 'false';
type Values = Record<PartnerFact, Answer> & { name: string; position: string };

const CONFIRM_PATH = '/partner/confirm';
const FILE_ERRORS = new Set(['FILE_TOO_LARGE', 'FILE_NOT_PDF', 'PDF_MALFORMED']);
// The server names fields in Chinese; the partner reads each field's message in the page's language.
const FIELD_MESSAGES: Record<string, string> = {
  ...Object.fromEntries(PARTNER_FACTS.map((fact) => [fact, 'errors.answer'])),
  name: 'errors.name',
  position: 'errors.position',
};
const onFieldPath = ({ path }: { path: string }) => path in FIELD_MESSAGES;
const onField = (error: Error) => error instanceof ApiError && error.fields.some(onFieldPath);

/** The page a foreign partner's PI opens from the e-mail: no account, one submission, within the link's days. */
export function PartnerConfirmationPage() {
  const { t } = useTranslation(NS);
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const token = pathname === CONFIRM_PATH ? (params.get('token') ?? '') : '';
  const page = useQuery({
    queryKey: ['partner-confirmation', token],
    queryFn: ({ signal }) =>
      api<PartnerPage>('/public/partner-confirmation/page', { method: 'POST', body: { token }, signal }),
    enabled: token !== '',
    retry: false,
    staleTime: Infinity,
  });
  // English unless the visitor chose otherwise on this browser; a HK/MO/TW partner's link opens in Chinese.
  const language = page.data?.language;
  useEffect(() => {
    if (!chosenLanguage()) void i18n.changeLanguage(language ?? 'en');
  }, [language]);

  return (
    <BilingualConfig>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Content style={{ padding: '24px 12px' }}>
          <div style={{ maxWidth: 720, margin: '0 auto' }}>
            <div
              style={{
                display: 'flex',
                justifyContent: 'space-between',
                gap: 8,
                flexWrap: 'wrap',
                marginBottom: 16,
              }}
            >
              <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
                {t('heading')}
              </Typography.Title>
              <LanguageSwitch />
            </div>
            {!token || page.isError ? (
              <InvalidLink />
            ) : page.data ? (
              <AnswerForm token={token} page={page.data} />
            ) : (
              <Card loading />
            )}
          </div>
        </Layout.Content>
      </Layout>
    </BilingualConfig>
  );
}

function InvalidLink() {
  const { t } = useTranslation(NS);
  return <Result status="warning" title={t('invalid.title')} subTitle={t('invalid.body')} />;
}

function AnswerForm({ token, page }: { token: string; page: PartnerPage }) {
  const { t } = useTranslation(NS);
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [fileError, setFileError] = useState(false);
  const submit = useMutation({
    mutationFn: (values: Values) => {
      const body = new FormData();
      body.append('token', token);
      for (const [key, value] of Object.entries(values)) body.append(key, String(value ?? ''));
      const pdf = files[0]?.originFileObj;
      if (pdf) body.append(FILE_FIELD, pdf, pdf.name);
      return api<{ outcome: 'confirmed' | 'corrected'; confirmedOn: string }>(
        '/public/partner-confirmation/answer',
        {
          method: 'POST',
          form: body,
        },
      );
    },
    onMutate: () => setFileError(false),
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      setFileError(FILE_ERRORS.has(error.code) || error.fields.some((f) => f.path === FILE_FIELD));
      form.setFields(
        error.fields
          .filter(onFieldPath)
          .map((f) => ({ name: f.path as keyof Values, errors: [t(FIELD_MESSAGES[f.path]!)] })),
      );
    },
  });
  if (submit.isSuccess) {
    return (
      <Result
        status="success"
        title={t(submit.data.outcome === 'confirmed' ? 'done.confirmed' : 'done.corrected')}
        subTitle={t('done.body', { date: submit.data.confirmedOn })}
      />
    );
  }
  if (submit.error instanceof ApiError && submit.error.code === 'PARTNER_LINK_INVALID')
    return <InvalidLink />;
  const yesNo = (value: boolean) => t(value ? 'yes' : 'no');
  const initial = Object.fromEntries(PARTNER_FACTS.map((f) => [f, String(page.declared[f]) as Answer]));
  return (
    <Card>
      <Typography.Paragraph>
        {t('intro', { applicant: page.project.applicant, partner: page.partner.name })}
      </Typography.Paragraph>
      <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('project.title')}>
          {page.project.titleEn || page.project.title}
        </Descriptions.Item>
        <Descriptions.Item label={t('project.abstract')}>
          <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {page.project.abstractEn || '—'}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('project.partner')}>{page.partner.name}</Descriptions.Item>
        <Descriptions.Item
          label={t('project.pi')}
        >{`${page.pi.name}, ${page.pi.position}`}</Descriptions.Item>
        <Descriptions.Item label={t('project.role')}>
          <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{page.partner.role || '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('project.expires')}>
          {page.expiresAt.slice(0, 16).replace('T', ' ')} (UTC+8)
        </Descriptions.Item>
      </Descriptions>
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={initial}
        onFinish={(values) => submit.mutate(values)}
      >
        <Typography.Title level={2} style={{ fontSize: 18 }}>
          {t('facts.heading')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('facts.help')}</Typography.Paragraph>
        {PARTNER_FACTS.map((fact) => (
          <Form.Item
            key={fact}
            name={fact}
            label={t(`facts.${fact}`)}
            extra={t('facts.declared', { answer: yesNo(page.declared[fact]) })}
            rules={[{ required: true, message: t('errors.answer') }]}
          >
            <Radio.Group aria-label={t(`facts.${fact}`)}>
              <Radio value="true">{t('yes')}</Radio>
              <Radio value="false">{t('no')}</Radio>
            </Radio.Group>
          </Form.Item>
        ))}
        <Form.Item
          name="name"
          label={t('signer.name')}
          rules={[
            { required: true, whitespace: true, message: t('errors.name') },
            { max: 100, message: t('errors.long') },
          ]}
        >
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item
          name="position"
          label={t('signer.position')}
          rules={[
            { required: true, whitespace: true, message: t('errors.position') },
            { max: 100, message: t('errors.long') },
          ]}
        >
          <Input autoComplete="organization-title" />
        </Form.Item>
        <Form.Item
          label={t('agreement.label')}
          extra={t('agreement.help')}
          validateStatus={fileError ? 'error' : undefined}
          help={fileError ? t('errors.file') : undefined}
        >
          <Upload
            accept=".pdf,application/pdf"
            maxCount={1}
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => {
              setFiles(fileList.slice(-1));
              setFileError(false);
            }}
          >
            <Button icon={<UploadOutlined />}>{t('agreement.choose')}</Button>
          </Upload>
        </Form.Item>
        {submit.error && !fileError && !onField(submit.error) && (
          <Alert type="error" showIcon title={t('errors.failed')} style={{ marginBottom: 16 }} />
        )}
        <Button type="primary" htmlType="submit" loading={submit.isPending} block>
          {t('submit')}
        </Button>
      </Form>
    </Card>
  );
}

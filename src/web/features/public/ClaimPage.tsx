import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { normalizeCreditCode } from '../../../core/credit-code.js';
import type { ClaimBody } from '../../../contract/organizations.js';
import { addTranslations } from '../../app/i18n.js';
import { api, ApiError } from '../../shared/api.js';
import { creditCodeRule, emailRules, showFieldErrors } from '../../shared/forms.js';
import { PublicCard } from './PublicCard.js';
import { PublicFrame, publicError } from './PublicFrame.js';

addTranslations('claim', {
  'zh-CN': {
    title: '认领已注册的单位',
    sent: '认领申请已提交',
    sentDetail:
      '{{department}}核实后，会向您填写的电子邮箱发送设置单位管理员账号的链接；如未通过，也会以邮件告知理由。',
    back: '返回登录',
    intro:
      '该统一社会信用代码已在本系统注册。如您是该单位的人员（例如原管理员已离职），可向其项目主管部门申请成为单位管理员。主管部门会通过您留下的手机和电子邮箱核实身份。',
    creditCode: '统一社会信用代码',
    creditCodeRequired: '请输入统一社会信用代码',
    name: '您的姓名',
    nameRequired: '请输入姓名',
    mobile: '手机号码',
    mobileRequired: '请输入手机号码',
    mobileInvalid: '手机号码应为 11 位数字，以 1 开头',
    email: '电子邮箱',
    emailRequired: '请输入电子邮箱',
    emailInvalid: '电子邮箱格式不正确',
    note: '说明',
    noteRequired: '请说明您与该单位的关系及申请理由',
    notePlaceholder: '例如：本人为单位科技处工作人员，原管理员已离职',
    submit: '提交认领申请',
  },
  en: {
    title: 'Claim a registered organization',
    sent: 'Your claim has been sent',
    sentDetail:
      'Once {{department}} has checked it, a link to set up the unit administrator account will be sent to the e-mail address you gave; if it is refused, you will be told why by e-mail.',
    back: 'Back to sign in',
    intro:
      'This unified social credit code is already registered here. If you work for this organization (for example, its former administrator has left), you may ask its supervising department to make you the unit administrator. The department will check who you are by the mobile number and e-mail you give.',
    creditCode: 'Unified social credit code',
    creditCodeRequired: 'Enter the unified social credit code',
    creditCodeInvalid: 'Not a valid unified social credit code (18 characters, GB 32100-2015)',
    name: 'Your name',
    nameRequired: 'Enter your name',
    mobile: 'Mobile number',
    mobileRequired: 'Enter your mobile number',
    mobileInvalid: 'A mainland mobile number has 11 digits and starts with 1',
    email: 'E-mail',
    emailRequired: 'Enter your e-mail address',
    emailInvalid: 'Not a valid e-mail address',
    note: 'Explanation',
    noteRequired: 'Say how you are related to the organization and why you ask',
    notePlaceholder: 'For example: I work in the research office; the former administrator has left',
    submit: 'Send the claim',
  },
});

/** 认领单位: someone whose credit code is already registered asks its 主管部门 for an administrator account. */
export function ClaimPage() {
  const { t, i18n } = useTranslation('claim');
  const english = i18n.language === 'en';
  const [params] = useSearchParams();
  const [form] = Form.useForm<ClaimBody>();
  const claim = useMutation({
    mutationFn: (body: ClaimBody) =>
      api<{ departmentName: string }>('/auth/claim-organization', { method: 'POST', body }),
    onError: (e) => {
      if (e instanceof ApiError) showFieldErrors(form, e.fields);
    },
  });
  return (
    <PublicFrame width={560}>
      <PublicCard title={t('title')}>
        {claim.data ? (
          <Result
            status="success"
            title={t('sent')}
            subTitle={t('sentDetail', { department: claim.data.departmentName })}
            extra={<Link to="/login">{t('back')}</Link>}
          />
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
            {claim.error && !(claim.error instanceof ApiError && claim.error.fields.length > 0) && (
              <Alert type="error" showIcon title={publicError(claim.error)} style={{ marginBottom: 16 }} />
            )}
            <Form<ClaimBody>
              form={form}
              layout="vertical"
              initialValues={{ creditCode: params.get('creditCode') ?? '' }}
              onFinish={(values) =>
                claim.mutate({ ...values, creditCode: normalizeCreditCode(values.creditCode) })
              }
            >
              <Form.Item
                label={t('creditCode')}
                name="creditCode"
                required
                normalize={(value: string) => normalizeCreditCode(value)}
                rules={[
                  creditCodeRule(
                    english
                      ? { required: t('creditCodeRequired'), invalid: t('creditCodeInvalid') }
                      : undefined,
                  ),
                ]}
              >
                <Input maxLength={24} className="mono" />
              </Form.Item>
              <Form.Item
                label={t('name')}
                name="name"
                rules={[{ required: true, whitespace: true, message: t('nameRequired') }]}
              >
                <Input maxLength={50} />
              </Form.Item>
              <Form.Item
                label={t('mobile')}
                name="mobile"
                rules={[
                  { required: true, message: t('mobileRequired') },
                  { pattern: /^1\d{10}$/, message: t('mobileInvalid') },
                ]}
              >
                <Input inputMode="tel" maxLength={11} />
              </Form.Item>
              <Form.Item
                label={t('email')}
                name="email"
                rules={emailRules({ required: t('emailRequired'), invalid: t('emailInvalid') })}
              >
                <Input inputMode="email" maxLength={254} />
              </Form.Item>
              <Form.Item
                label={t('note')}
                name="note"
                rules={[{ required: true, whitespace: true, message: t('noteRequired') }]}
              >
                <Input.TextArea rows={3} maxLength={1000} placeholder={t('notePlaceholder')} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={claim.isPending} block size="large">
                {t('submit')}
              </Button>
            </Form>
          </>
        )}
      </PublicCard>
    </PublicFrame>
  );
}

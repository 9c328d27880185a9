import { Form, type FormRule, Input } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import {
  PASSWORD_HINT,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  passwordLength,
} from '../../contract/auth.js';
import { addTranslations, i18n } from '../app/i18n.js';
import { usePageTranslation } from './BilingualConfig.js';

addTranslations('new-password', {
  'zh-CN': {
    label: '新密码',
    confirm: '确认{{label}}',
    hint: PASSWORD_HINT,
    required: '请输入密码',
    tooShort: '至少 {{min}} 个字符',
    tooLong: '不能超过 {{max}} 个字符',
    confirmRequired: '请再次输入密码',
    mismatch: '两次输入的密码不一致',
  },
  en: {
    label: 'New password',
    confirm: 'Confirm the password',
    hint: `At least ${PASSWORD_MIN_LENGTH} characters and not a common password; capitals, digits or symbols are not required: a sentence you remember will do`,
    required: 'Enter a password',
    tooShort: 'At least {{min}} characters',
    tooLong: 'At most {{max}} characters',
    confirmRequired: 'Enter the password again',
    mismatch: 'The two passwords differ',
  },
});

const rulesIn = (t: TFunction<'new-password'>): FormRule[] => [
  { required: true, message: t('required') },
  {
    validator: async (_, value?: string) => {
      if (!value) return;
      if (passwordLength(value) < PASSWORD_MIN_LENGTH)
        throw new Error(t('tooShort', { min: PASSWORD_MIN_LENGTH }));
      if (passwordLength(value) > PASSWORD_MAX_LENGTH)
        throw new Error(t('tooLong', { max: PASSWORD_MAX_LENGTH }));
    },
  },
];

/** The server's rule for a new password as far as a form can check it (the common list is the server's). */
export const newPasswordRules: FormRule[] = rulesIn(i18n.getFixedT('zh-CN', 'new-password'));

/** The same rule and its hint in the page's language (a bilingual page's choice, else Chinese). */
export function useNewPasswordRules(): { rules: FormRule[]; hint: string } {
  const { t } = usePageTranslation('new-password');
  return useMemo(() => ({ rules: rulesIn(t), hint: t('hint') }), [t]);
}

/** A new password and its confirmation, named `newPassword` and `confirmPassword`, as every password form has them. */
export function NewPasswordFields({ label }: { label?: string }) {
  const { t } = usePageTranslation('new-password');
  const { rules, hint } = useNewPasswordRules();
  const shown = label ?? t('label');
  return (
    <>
      <Form.Item label={shown} name="newPassword" htmlFor="new-password" rules={rules} extra={hint}>
        <Input.Password autoComplete="new-password" id="new-password" />
      </Form.Item>
      <Form.Item
        label={t('confirm', { label: shown })}
        name="confirmPassword"
        htmlFor="confirm-password"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('confirmRequired') },
          ({ getFieldValue }) => ({
            validator: async (_, value?: string) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error(t('mismatch'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" id="confirm-password" />
      </Form.Item>
    </>
  );
}

import { Form, type FormRule, Input } from 'antd';
import {
  PASSWORD_HINT,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  passwordLength,
} from '../../contract/auth.js';

/** The server's rule for a new password as far as a form can check it (the common list is the server's). */
export const newPasswordRules: FormRule[] = [
  { required: true, message: '请输入密码' },
  {
    validator: async (_, value?: string) => {
      if (!value) return;
      if (passwordLength(value) < PASSWORD_MIN_LENGTH) throw new Error(`至少 ${PASSWORD_MIN_LENGTH} 个字符`);
      if (passwordLength(value) > PASSWORD_MAX_LENGTH)
        throw new Error(`不能超过 ${PASSWORD_MAX_LENGTH} 个字符`);
    },
  },
];

/** A new password and its confirmation, named `newPassword` and `confirmPassword`, as every password form has them. */
export function NewPasswordFields({ label = '新密码' }: { label?: string }) {
  return (
    <>
      <Form.Item
        label={label}
        name="newPassword"
        htmlFor="new-password"
        rules={newPasswordRules}
        extra={PASSWORD_HINT}
      >
        <Input.Password autoComplete="new-password" id="new-password" />
      </Form.Item>
      <Form.Item
        label={`确认${label}`}
        name="confirmPassword"
        htmlFor="confirm-password"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入密码' },
          ({ getFieldValue }) => ({
            validator: async (_, value?: string) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error('两次输入的密码不一致');
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" id="confirm-password" />
      </Form.Item>
    </>
  );
}

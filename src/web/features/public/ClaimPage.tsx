import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Result, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { normalizeCreditCode } from '../../../core/credit-code.js';
import type { ClaimBody } from '../../../contract/organizations.js';
import { api, ApiError, describeError } from '../../shared/api.js';
import { creditCodeRule, showFieldErrors } from '../../shared/forms.js';
import { PublicFrame } from './PublicFrame.js';

/** 认领单位: someone whose credit code is already registered asks its 主管部门 for an administrator account. */
export function ClaimPage() {
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
      <Card title="认领已注册的单位">
        {claim.data ? (
          <Result
            status="success"
            title="认领申请已提交"
            subTitle={`${claim.data.departmentName}核实后，会向您填写的电子邮箱发送设置单位管理员账号的链接；如未通过，也会以邮件告知理由。`}
            extra={<Link to="/login">返回登录</Link>}
          />
        ) : (
          <>
            <Typography.Paragraph type="secondary">
              该统一社会信用代码已在本系统注册。如您是该单位的人员（例如原管理员已离职），可向其项目主管部门申请成为单位管理员。
              主管部门会通过您留下的手机和电子邮箱核实身份。
            </Typography.Paragraph>
            {claim.error && !(claim.error instanceof ApiError && claim.error.fields.length > 0) && (
              <Alert type="error" showIcon title={describeError(claim.error)} style={{ marginBottom: 16 }} />
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
                label="统一社会信用代码"
                name="creditCode"
                required
                normalize={(value: string) => normalizeCreditCode(value)}
                rules={[creditCodeRule]}
              >
                <Input maxLength={24} className="mono" />
              </Form.Item>
              <Form.Item
                label="您的姓名"
                name="name"
                rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}
              >
                <Input maxLength={50} />
              </Form.Item>
              <Form.Item
                label="手机号码"
                name="mobile"
                rules={[
                  { required: true, message: '请输入手机号码' },
                  { pattern: /^1\d{10}$/, message: '手机号码应为 11 位数字，以 1 开头' },
                ]}
              >
                <Input inputMode="tel" maxLength={11} />
              </Form.Item>
              <Form.Item
                label="电子邮箱"
                name="email"
                rules={[
                  { required: true, message: '请输入电子邮箱' },
                  { type: 'email', message: '电子邮箱格式不正确' },
                ]}
              >
                <Input inputMode="email" maxLength={254} />
              </Form.Item>
              <Form.Item
                label="说明"
                name="note"
                rules={[{ required: true, whitespace: true, message: '请说明您与该单位的关系及申请理由' }]}
              >
                <Input.TextArea
                  rows={3}
                  maxLength={1000}
                  placeholder="例如：本人为单位科技处工作人员，原管理员已离职"
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={claim.isPending} block size="large">
                提交认领申请
              </Button>
            </Form>
          </>
        )}
      </Card>
    </PublicFrame>
  );
}

import { EditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ContactBody } from '../../../contract/departments.js';
import { useUser } from '../../app/session.js';
import { ApiError } from '../../shared/api.js';
import { clearFieldErrors, showFieldErrors } from '../../shared/forms.js';
import { SaveModal } from '../../shared/SaveModal.js';
import { REVIEW_KEY, reviewApi, reviewQueries } from './api.js';

/** 本部门联系人: the 联系人 and 联系电话 the 汇总表 prints, kept in the directory, edited here. */
export function ContactCard() {
  const departmentId = useUser().department!.id;
  const own = useQuery(reviewQueries.ownDepartment(departmentId));
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<ContactBody>();
  const contact = own.data?.contact;

  const save = async () => {
    clearFieldErrors(form);
    const values = await form.validateFields();
    try {
      await reviewApi.saveContact(departmentId, {
        name: values.name?.trim() ?? '',
        phone: values.phone?.trim() ?? '',
        email: values.email?.trim() ?? '',
      });
    } catch (e) {
      if (e instanceof ApiError) showFieldErrors(form, e.fields, (path) => path.replace(/^contact\./, ''));
      throw e;
    }
  };

  return (
    <Space wrap align="center" data-testid="department-contact">
      <Typography.Text>联系人：{contact?.name || '（未填写）'}</Typography.Text>
      <Typography.Text>联系电话：{contact?.phone || '（未填写）'}</Typography.Text>
      <Button size="small" icon={<EditOutlined />} disabled={!contact} onClick={() => setEditing(true)}>
        修改联系人
      </Button>
      {editing && contact && (
        <SaveModal
          title="本部门联系人（打印在推荐项目汇总表上）"
          save={save}
          onClose={(saved) => {
            setEditing(false);
            if (saved) void queryClient.invalidateQueries({ queryKey: REVIEW_KEY });
          }}
        >
          <Form form={form} layout="vertical" initialValues={contact}>
            <Form.Item name="name" label="联系人">
              <Input id="department-contact-name" maxLength={50} />
            </Form.Item>
            <Form.Item name="phone" label="联系电话">
              <Input id="department-contact-phone" maxLength={30} inputMode="tel" />
            </Form.Item>
            <Form.Item name="email" label="电子邮箱">
              <Input maxLength={200} inputMode="email" />
            </Form.Item>
          </Form>
        </SaveModal>
      )}
    </Space>
  );
}

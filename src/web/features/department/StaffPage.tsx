import { Button, Checkbox, Form, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Duty } from '../../../contract/vocabulary.js';
import { useUser } from '../../app/session.js';
import {
  CreateOfficialModal,
  dutyOptions,
  newAccountBody,
  type NewAccountValues,
  OfficialsTable,
} from '../../shared/OfficialAccounts.js';
import { SearchBox } from '../../shared/SearchBox.js';
import { useUrlParam } from '../../shared/useUrlParam.js';

/** 本部门账号 (the department's 管理员): its own staff, created, disabled, made administrators. */
export function StaffPage() {
  const user = useUser();
  const [q] = useUrlParam('q');
  const [creating, setCreating] = useState(false);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        本部门账号
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {user.department?.name}
        的账号都可审核推荐；管理员还可创建、停用本部门的账号。停用账号即退出其所有登录。
      </Typography.Paragraph>
      <Space wrap>
        <Button type="primary" onClick={() => setCreating(true)} data-testid="new-official">
          新建账号
        </Button>
        <SearchBox placeholder="登录名、姓名或邮箱" />
      </Space>
      <OfficialsTable
        base="/department/staff"
        filter={q ? { q } : {}}
        ownId={user.id}
        showDepartment={false}
      />
      <CreateOfficialModal<{ duties: Duty[] }>
        base="/department/staff"
        open={creating}
        onClose={() => setCreating(false)}
        initialValues={{ duties: [] }}
        bodyOf={({ duties, ...account }: { duties: Duty[] } & NewAccountValues) => ({
          ...newAccountBody(account),
          duties,
        })}
      >
        <Form.Item name="duties" label="职责">
          <Checkbox.Group options={dutyOptions('department')} />
        </Form.Item>
      </CreateOfficialModal>
    </Space>
  );
}

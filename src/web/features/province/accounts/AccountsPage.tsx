import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Form, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Duty } from '../../../../contract/vocabulary.js';
import { useUser } from '../../../app/session.js';
import {
  CreateOfficialModal,
  dutyOptions,
  newAccountBody,
  type NewAccountValues,
  OfficialsTable,
} from '../../../shared/OfficialAccounts.js';
import { SearchBox } from '../../../shared/SearchBox.js';
import { useUrlParam } from '../../../shared/useUrlParam.js';
import { crossCheckQueries } from '../cross-checks/api.js';

interface Extra {
  role: 'province' | 'department';
  departmentId?: string;
  duties: Duty[];
}

const ROLE_FILTERS = [
  { value: '', label: '全部' },
  { value: 'province', label: '省级工作人员' },
  { value: 'department', label: '主管部门' },
];

/** 账号管理 (管理员): the province's staff with their duties, and the departments' accounts. */
export function AccountsPage() {
  const user = useUser();
  const [q] = useUrlParam('q');
  const [role, setRole] = useUrlParam('role');
  const [creating, setCreating] = useState(false);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        账号管理
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        省级职责：对外合作处（立项决定、公示），项目管理中心（形式审查、专家评审、登记库、交叉核查、批量导入），
        管理员（全部职责，并管理账号和申报计划）。主管部门的管理员可管理本部门的账号。停用账号即退出其所有登录。
      </Typography.Paragraph>
      <Space wrap>
        <Button type="primary" onClick={() => setCreating(true)} data-testid="new-official">
          新建账号
        </Button>
        <Radio.Group
          aria-label="账号类别"
          optionType="button"
          options={ROLE_FILTERS}
          value={role ?? ''}
          onChange={(e) => setRole((e.target.value as string) || undefined)}
        />
        <SearchBox placeholder="登录名、姓名、邮箱或部门" />
      </Space>
      <OfficialsTable
        base="/province/accounts"
        filter={{ ...(q ? { q } : {}), ...(role ? { role } : {}) }}
        ownId={user.id}
        showDepartment
      />
      <CreateOfficialModal<Extra>
        base="/province/accounts"
        open={creating}
        onClose={() => setCreating(false)}
        initialValues={{ role: 'department', duties: ['admin'] }}
        bodyOf={({ role: kind, departmentId, duties, ...account }: Extra & NewAccountValues) => ({
          ...newAccountBody(account),
          role: kind,
          duties,
          ...(kind === 'department' ? { departmentId } : {}),
        })}
      >
        <AccountKindFields />
      </CreateOfficialModal>
    </Space>
  );
}

function AccountKindFields() {
  const form = Form.useFormInstance<Extra>();
  const kind = Form.useWatch('role', form) ?? 'department';
  const departments = useQuery({
    ...crossCheckQueries.departments(),
    select: (r) => r.departments.map((d) => ({ value: d.id, label: d.name })),
  });
  return (
    <>
      <Form.Item name="role" label="账号类别">
        <Radio.Group
          options={[
            { value: 'department', label: '主管部门账号' },
            { value: 'province', label: '省级工作人员' },
          ]}
          onChange={(e) => form.setFieldValue('duties', e.target.value === 'province' ? [] : ['admin'])}
        />
      </Form.Item>
      {kind === 'department' && (
        <Form.Item
          name="departmentId"
          label="主管部门"
          rules={[{ required: true, message: '请选择主管部门' }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={departments.isPending}
            options={departments.data}
            placeholder="输入名称搜索"
          />
        </Form.Item>
      )}
      <Form.Item
        name="duties"
        label="职责"
        extra={kind === 'department' ? '主管部门的管理员可创建、停用本部门的账号' : undefined}
        rules={kind === 'province' ? [{ required: true, message: '请至少选择一项职责' }] : []}
      >
        <Checkbox.Group options={dutyOptions(kind)} />
      </Form.Item>
    </>
  );
}

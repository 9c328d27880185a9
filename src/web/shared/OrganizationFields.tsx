import { Checkbox, Col, DatePicker, Form, Input, Radio, Row, Select, type SelectProps } from 'antd';
import type { ReactNode } from 'react';
import { ORGANIZATION_KINDS, type OrganizationKind } from '../../core/bundle/schema.js';
import { ORGANIZATION_KIND_LABELS } from '../../core/labels.js';

// The organization's facts and contacts as a form declares them: registration, and the unit's profile later.

const YES_NO = [
  { value: true, label: '是' },
  { value: false, label: '否' },
];

/** `prefix`: where the fields sit in the form's values (`['organization']` at registration). */
export function OrganizationFields({
  prefix,
  departmentOptions,
  creditCode,
}: {
  prefix: string[];
  departmentOptions: SelectProps['options'];
  /** The credit code's own field, given at registration only: it never changes afterwards. */
  creditCode?: ReactNode;
}) {
  const name = (field: string) => [...prefix, field];
  const form = Form.useFormInstance();
  const kind = Form.useWatch(name('kind'), form) as OrganizationKind | undefined;
  return (
    <>
      <Form.Item
        label="单位名称"
        name={name('name')}
        rules={[{ required: true, whitespace: true, message: '请输入单位名称' }]}
      >
        <Input maxLength={200} placeholder="与营业执照或法人证书一致" />
      </Form.Item>
      {creditCode}
      <Form.Item label="单位类型" name={name('kind')} rules={[{ required: true, message: '请选择单位类型' }]}>
        <Radio.Group
          options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: ORGANIZATION_KIND_LABELS[k] }))}
        />
      </Form.Item>
      {kind === 'university' && (
        <Form.Item name={name('ministryOrProvincialUniversity')} valuePropName="checked">
          <Checkbox>部省属本科高校（自主推荐）</Checkbox>
        </Form.Item>
      )}
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            label="注册（成立）日期"
            name={name('registeredOn')}
            rules={[{ required: true, message: '请选择注册日期' }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item
            label="是否在江苏省注册"
            name={name('inJiangsu')}
            rules={[{ required: true, message: '请选择' }]}
          >
            <Radio.Group options={YES_NO} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item
            label="是否独立法人"
            name={name('independentLegalEntity')}
            rules={[{ required: true, message: '请选择' }]}
          >
            <Radio.Group options={YES_NO} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label="项目主管部门"
        name={name('departmentId')}
        rules={[{ required: true, message: '请选择项目主管部门' }]}
        extra="按属地选择设区市、县（市）科技局或高新区管委会；部省属本科高校及其所属科研机构选择本校。由所选部门审核本单位的注册"
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={departmentOptions}
          placeholder="输入名称搜索"
        />
      </Form.Item>
      <Form.Item
        label="单位地址"
        name={name('address')}
        rules={[{ required: true, whitespace: true, message: '请输入单位地址' }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            label="联系人"
            name={name('contactName')}
            rules={[{ required: true, whitespace: true, message: '请输入联系人姓名' }]}
          >
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            label="联系人手机"
            name={name('contactMobile')}
            rules={[
              { required: true, message: '请输入手机号码' },
              { pattern: /^1\d{10}$/, message: '手机号码应为 11 位数字，以 1 开头' },
            ]}
          >
            <Input inputMode="tel" maxLength={11} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            label="联系人电子邮箱"
            name={name('contactEmail')}
            rules={[
              { required: true, message: '请输入电子邮箱' },
              { type: 'email', message: '电子邮箱格式不正确' },
            ]}
          >
            <Input inputMode="email" maxLength={254} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

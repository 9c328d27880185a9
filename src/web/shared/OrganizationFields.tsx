import { Checkbox, Col, DatePicker, Form, Input, Radio, Row, Select, type SelectProps } from 'antd';
import type { ReactNode } from 'react';
import { ORGANIZATION_KINDS, type OrganizationKind } from '../../core/bundle/schema.js';
import { ORGANIZATION_KIND_LABELS } from '../../core/labels.js';
import { addTranslations } from '../app/i18n.js';
import { usePageTranslation } from './BilingualConfig.js';
import { emailRules } from './forms.js';

// The organization's facts and contacts as a form declares them: registration (in Chinese or English), and the
// unit's profile later (in Chinese).

addTranslations('organization-fields', {
  'zh-CN': {
    yes: '是',
    no: '否',
    name: '单位名称',
    nameRequired: '请输入单位名称',
    namePlaceholder: '与营业执照或法人证书一致',
    kind: '单位类型',
    kindRequired: '请选择单位类型',
    ministryOrProvincial: '部省属本科高校（自主推荐）',
    registeredOn: '注册（成立）日期',
    registeredOnRequired: '请选择注册日期',
    inJiangsu: '是否在江苏省注册',
    independent: '是否独立法人',
    choose: '请选择',
    department: '项目主管部门',
    departmentRequired: '请选择项目主管部门',
    departmentHelp:
      '按属地选择设区市、县（市）科技局或高新区管委会；部省属本科高校及其所属科研机构选择本校。由所选部门审核本单位的注册',
    departmentPlaceholder: '输入名称搜索',
    address: '单位地址',
    addressRequired: '请输入单位地址',
    contactName: '联系人',
    contactNameRequired: '请输入联系人姓名',
    contactMobile: '联系人手机',
    contactMobileRequired: '请输入手机号码',
    contactMobileInvalid: '手机号码应为 11 位数字，以 1 开头',
    contactEmail: '联系人电子邮箱',
    contactEmailRequired: '请输入电子邮箱',
    contactEmailInvalid: '电子邮箱格式不正确',
  },
  en: {
    yes: 'Yes',
    no: 'No',
    kinds: {
      enterprise: 'Enterprise',
      university: 'University',
      institute: 'Research institute',
      other: 'Other organization',
    },
    name: 'Organization name',
    nameRequired: 'Enter the name of the organization',
    namePlaceholder: 'As on the business licence or legal-person certificate',
    kind: 'Kind of organization',
    kindRequired: 'Choose the kind of organization',
    ministryOrProvincial: 'Ministry- or province-affiliated undergraduate university (recommends itself)',
    registeredOn: 'Date of registration (founding)',
    registeredOnRequired: 'Choose the date of registration',
    inJiangsu: 'Registered in Jiangsu',
    independent: 'Independent legal person',
    choose: 'Choose one',
    department: 'Supervising department',
    departmentRequired: 'Choose the supervising department',
    departmentHelp:
      "Choose the science and technology bureau of your city or county, or your high-tech zone's administration; a ministry- or province-affiliated university and its institutes choose the university. That department reviews the registration",
    departmentPlaceholder: 'Type to search',
    address: 'Address',
    addressRequired: 'Enter the address',
    contactName: 'Contact person',
    contactNameRequired: "Enter the contact person's name",
    contactMobile: "Contact person's mobile",
    contactMobileRequired: 'Enter the mobile number',
    contactMobileInvalid: 'A mainland mobile number has 11 digits and starts with 1',
    contactEmail: "Contact person's e-mail",
    contactEmailRequired: 'Enter the e-mail address',
    contactEmailInvalid: 'Not a valid e-mail address',
  },
});

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
  const { t } = usePageTranslation('organization-fields');
  const name = (field: string) => [...prefix, field];
  const form = Form.useFormInstance();
  const kind = Form.useWatch(name('kind'), form) as OrganizationKind | undefined;
  const yesNo = [
    { value: true, label: t('yes') },
    { value: false, label: t('no') },
  ];
  return (
    <>
      <Form.Item
        label={t('name')}
        name={name('name')}
        rules={[{ required: true, whitespace: true, message: t('nameRequired') }]}
      >
        <Input maxLength={200} placeholder={t('namePlaceholder')} />
      </Form.Item>
      {creditCode}
      <Form.Item
        label={t('kind')}
        name={name('kind')}
        rules={[{ required: true, message: t('kindRequired') }]}
      >
        <Radio.Group
          options={ORGANIZATION_KINDS.map((k) => ({
            value: k,
            label: t(`kinds.${k}`, { defaultValue: ORGANIZATION_KIND_LABELS[k] }),
          }))}
        />
      </Form.Item>
      {kind === 'university' && (
        <Form.Item name={name('ministryOrProvincialUniversity')} valuePropName="checked">
          <Checkbox>{t('ministryOrProvincial')}</Checkbox>
        </Form.Item>
      )}
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('registeredOn')}
            name={name('registeredOn')}
            rules={[{ required: true, message: t('registeredOnRequired') }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item
            label={t('inJiangsu')}
            name={name('inJiangsu')}
            rules={[{ required: true, message: t('choose') }]}
          >
            <Radio.Group options={yesNo} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item
            label={t('independent')}
            name={name('independentLegalEntity')}
            rules={[{ required: true, message: t('choose') }]}
          >
            <Radio.Group options={yesNo} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label={t('department')}
        name={name('departmentId')}
        rules={[{ required: true, message: t('departmentRequired') }]}
        extra={t('departmentHelp')}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={departmentOptions}
          placeholder={t('departmentPlaceholder')}
        />
      </Form.Item>
      <Form.Item
        label={t('address')}
        name={name('address')}
        rules={[{ required: true, whitespace: true, message: t('addressRequired') }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('contactName')}
            name={name('contactName')}
            rules={[{ required: true, whitespace: true, message: t('contactNameRequired') }]}
          >
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('contactMobile')}
            name={name('contactMobile')}
            rules={[
              { required: true, message: t('contactMobileRequired') },
              { pattern: /^1\d{10}$/, message: t('contactMobileInvalid') },
            ]}
          >
            <Input inputMode="tel" maxLength={11} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('contactEmail')}
            name={name('contactEmail')}
            rules={emailRules({ required: t('contactEmailRequired'), invalid: t('contactEmailInvalid') })}
          >
            <Input inputMode="email" maxLength={254} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

import { Form, Input, Select } from 'antd';
import { DEPARTMENT_KINDS, type DepartmentKind } from '../../../../core/bundle/schema.js';
import { DEPARTMENT_KIND_LABELS } from '../../../../core/labels.js';
import { ApiError } from '../../../shared/api.js';
import { clearFieldErrors, showFieldErrors } from '../../../shared/forms.js';
import { SaveModal } from '../../../shared/SaveModal.js';
import { type DepartmentBody, departmentsApi, type ManagedDepartmentView } from './api.js';

interface Values {
  name: string;
  kind: DepartmentKind;
  cityId?: string;
  /** For a high-tech zone: the city it lies in, stored as that city's division code. */
  seatCode?: string;
  divisionCode?: string;
  contact: { name?: string; phone?: string; email?: string };
}

const ZONES = new Set<DepartmentKind>(['national-hitech-zone', 'provincial-hitech-zone']);

function bodyOf(v: Values, cities: ManagedDepartmentView[]): DepartmentBody {
  const seat = ZONES.has(v.kind) ? cities.find((c) => c.divisionCode === v.seatCode) : undefined;
  return {
    name: v.name ?? '',
    kind: v.kind,
    cityId: v.kind === 'county' ? (v.cityId ?? null) : null,
    divisionCode: ZONES.has(v.kind) ? (seat?.divisionCode ?? null) : v.divisionCode?.trim() || null,
    contact: {
      name: v.contact?.name?.trim() ?? '',
      phone: v.contact?.phone?.trim() ?? '',
      email: v.contact?.email?.trim() ?? '',
    },
  };
}

/** 新增或修改主管部门: a county picks its city (whose quota it shares), a zone the city it lies in. */
export function DepartmentModal({
  department,
  cities,
  onClose,
}: {
  department: ManagedDepartmentView | undefined;
  cities: ManagedDepartmentView[];
  onClose(saved: boolean): void;
}) {
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const cityOptions = cities
    .filter((c) => c.id !== department?.id)
    .map((c) => ({ value: c.id, label: c.name, code: c.divisionCode }));

  const save = async () => {
    clearFieldErrors(form);
    const values = await form.validateFields();
    const body = bodyOf(values, cities);
    try {
      if (department) await departmentsApi.update(department.id, body);
      else await departmentsApi.create(body);
    } catch (e) {
      if (e instanceof ApiError && e.fields.length > 0) {
        showFieldErrors(form, e.fields, (path) =>
          path === 'divisionCode' && ZONES.has(body.kind) ? 'seatCode' : path,
        );
      }
      throw e;
    }
  };

  return (
    <SaveModal
      title={department ? `修改 ${department.name}` : '新增项目主管部门'}
      save={save}
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          department
            ? {
                name: department.name,
                kind: department.kind,
                cityId: department.cityId ?? undefined,
                seatCode: ZONES.has(department.kind) ? (department.divisionCode ?? undefined) : undefined,
                divisionCode: department.divisionCode ?? undefined,
                contact: department.contact,
              }
            : { kind: 'county', contact: {} }
        }
      >
        <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称' }]}>
          <Input maxLength={100} placeholder="如 昆山市科学技术局" />
        </Form.Item>
        <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
          <Select options={DEPARTMENT_KINDS.map((k) => ({ value: k, label: DEPARTMENT_KIND_LABELS[k] }))} />
        </Form.Item>
        {kind === 'county' && (
          <Form.Item
            name="cityId"
            label="所属设区市"
            extra="县（市）科技局的推荐计入所属设区市的限额"
            rules={[{ required: true, message: '请选择所属设区市' }]}
          >
            <Select showSearch optionFilterProp="label" options={cityOptions} />
          </Form.Item>
        )}
        {kind && ZONES.has(kind) && (
          <Form.Item name="seatCode" label="所在设区市">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              options={cityOptions.map((c) => ({ value: c.code ?? '', label: c.label }))}
            />
          </Form.Item>
        )}
        {kind && !ZONES.has(kind) && kind !== 'university' && kind !== 'provincial-agency' && (
          <Form.Item
            name="divisionCode"
            label="区划代码"
            extra="6 位行政区划代码，如 320583"
            rules={[{ pattern: /^32\d{4}$/, message: '应为江苏的 6 位行政区划代码（32 开头）' }]}
          >
            <Input maxLength={6} inputMode="numeric" />
          </Form.Item>
        )}
        <Form.Item name={['contact', 'name']} label="联系人" extra="打印在推荐项目汇总表上">
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name={['contact', 'phone']} label="联系电话">
          <Input maxLength={30} inputMode="tel" />
        </Form.Item>
        <Form.Item name={['contact', 'email']} label="电子邮箱">
          <Input maxLength={200} inputMode="email" />
        </Form.Item>
      </Form>
    </SaveModal>
  );
}

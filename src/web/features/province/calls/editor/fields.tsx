import {
  Button,
  DatePicker,
  type DatePickerProps,
  Form,
  Input,
  InputNumber,
  type InputNumberProps,
  type InputProps,
  Popover,
  Select,
  type SelectProps,
  Space,
  Switch,
  type SwitchProps,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { createContext, type ReactElement, type ReactNode, useContext } from 'react';
import { TOPIC_LABELS } from '../../../../../core/labels.js';
import { wanToYuan, yuanToWan } from '../../../../../core/money.js';
import { instantOf, type NamePath, pathKey, wallClockOf } from './document.js';

// The editor's fields: each shows the problem at its path, and a cited value carries a small 依据 link that opens its clause and the notice's words.

/** The problems of the document by path (`pathKey`), shown at their fields. */
export const EditorContext = createContext<ReadonlyMap<string, string>>(new Map());

/** antd's id for a field's control (the form has no name): the label points at it. */
const idOf = (path: NamePath) => path.join('_');

/** A value's clause and the notice's words, edited in a popover beside the value. */
export function CiteLink({ path, label }: { path: NamePath; label: string }) {
  const problems = useContext(EditorContext);
  const clause = Form.useWatch([...path, 'clause'], { preserve: true }) as string | undefined;
  const key = pathKey(path);
  const wrong = problems.has(`${key}.clause`) || problems.has(`${key}.quote`);
  return (
    <Popover
      trigger="click"
      title={`${label}的依据`}
      content={
        <div style={{ width: 'min(360px, 80vw)' }}>
          <Form.Item label="条款" name={[...path, 'clause']}>
            <Input placeholder="如 二、3 或 中心配置" />
          </Form.Item>
          <Form.Item label="通知原文" name={[...path, 'quote']} style={{ marginBottom: 0 }}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
          </Form.Item>
        </div>
      }
    >
      <Button type="link" size="small" danger={wrong} aria-label={`${label}的依据：${clause || '未填'}`}>
        依据 {clause || '未填'}
      </Button>
    </Popover>
  );
}

type Transform = Pick<
  Parameters<typeof Form.Item>[0],
  'valuePropName' | 'getValueProps' | 'normalize' | 'getValueFromEvent'
>;

/** One value: its label, its control, the 依据 link when the value is cited on its own (`cite`: the Cited's path). */
export function Field({
  name,
  label,
  cite,
  children,
  ...transform
}: { name: NamePath; label: string; cite?: NamePath; children: ReactElement } & Transform) {
  const problems = useContext(EditorContext);
  const problem = problems.get(pathKey(name));
  return (
    <Form.Item
      label={label}
      htmlFor={idOf(name)}
      validateStatus={problem ? 'error' : undefined}
      help={problem}
      data-path={pathKey(name)}
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 4 }}>
        <div style={{ flex: '1 1 auto', minWidth: 0, maxWidth: '100%' }}>
          <Form.Item noStyle name={name} {...transform}>
            {children}
          </Form.Item>
        </div>
        {cite && <CiteLink path={cite} label={label} />}
      </div>
    </Form.Item>
  );
}

/** Several values cited together (a topic's funding, the content terms): one 依据 for all. */
export function CitedGroup({
  path,
  label,
  children,
}: {
  path: NamePath;
  label: string;
  children: ReactNode;
}) {
  return (
    <>
      <Space size={4} wrap>
        <Typography.Text strong>{label}</Typography.Text>
        <CiteLink path={path} label={label} />
      </Space>
      <div style={{ paddingInlineStart: 12 }}>{children}</div>
    </>
  );
}

/**
 * A part the call may leave out (`null`, or absent when `empty` is undefined): a switch sets it to `make()` or
 * takes it away, and its fields show while it is set.
 */
export function Optional({
  name,
  label,
  make,
  empty = null,
  children,
}: {
  name: NamePath;
  label: string;
  make(): unknown;
  empty?: null | undefined;
  children: ReactNode;
}) {
  const form = Form.useFormInstance();
  const problems = useContext(EditorContext);
  const value: unknown = Form.useWatch(name, { form, preserve: true });
  const on = value !== null && value !== undefined;
  const problem = problems.get(pathKey(name));
  return (
    <>
      <Form.Item label={label} validateStatus={problem ? 'error' : undefined} help={problem}>
        <Switch
          aria-label={`设置${label}`}
          checked={on}
          checkedChildren="已设置"
          unCheckedChildren="不设置"
          onChange={(set) => form.setFieldValue(name, set ? make() : empty)}
        />
      </Form.Item>
      {on && children}
    </>
  );
}

// The controls, each with what the form stores and what people read.

export const yesNo: Transform = { valuePropName: 'checked' };
export const YesNo = (props: SwitchProps) => (
  <Switch checkedChildren="是" unCheckedChildren="否" {...props} />
);

/** Yuan stored, 万元 typed. */
export const wan: Transform = {
  getValueProps: (v: number | null) => ({ value: v === null || v === undefined ? v : yuanToWan(v) }),
  normalize: (v: number | null) => (v === null || v === undefined ? v : wanToYuan(v)),
};
export const Wan = (props: InputNumberProps<number>) => (
  <InputNumber min={0} step={1} suffix="万元" style={{ width: 180 }} {...props} />
);

export const Count = (props: InputNumberProps<number>) => (
  <InputNumber min={0} step={1} style={{ width: 160 }} {...props} />
);

const picked = (format: string) => (v: Dayjs | null) => (v ? v.format(format) : v);

/** A Beijing instant: the picker shows its wall clock whatever the browser's time zone. */
export const instant: Transform = {
  getValueProps: (v: string | null) => ({ value: v ? dayjs(wallClockOf(v)) : null }),
  normalize: (v: Dayjs | null) => (v ? instantOf(v) : v),
};
export const Instant = (props: DatePickerProps) => (
  <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" placeholder="北京时间" {...props} />
);

export const date: Transform = {
  getValueProps: (v: string | null) => ({ value: v ? dayjs(v) : null }),
  normalize: picked('YYYY-MM-DD'),
};
export const DateInput = (props: DatePickerProps) => <DatePicker format="YYYY-MM-DD" {...props} />;

export const month: Transform = {
  getValueProps: (v: string | null) => ({ value: v ? dayjs(`${v}-01`) : null }),
  normalize: picked('YYYY-MM'),
};
export const MonthInput = (props: DatePickerProps) => (
  <DatePicker picker="month" format="YYYY-MM" {...props} />
);

export const Text = (props: InputProps) => <Input {...props} />;
export const LongText = (props: Parameters<typeof Input.TextArea>[0]) => (
  <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} {...props} />
);

/** Free words, one tag each (key fields, pledges, phones). */
export const Tags = (props: SelectProps<string[]>) => (
  <Select
    mode="tags"
    open={false}
    placeholder="输入后按回车添加"
    style={{ width: '100%' }}
    tokenSeparators={['\n']}
    {...props}
  />
);

/** Some of an enumeration, by its Chinese names. */
export function Choice({
  labels,
  multiple = true,
  numeric = false,
  ...props
}: {
  labels: Readonly<Record<string | number, string>>;
  multiple?: boolean;
  /** The values are numbers (a record's keys read back as strings). */
  numeric?: boolean;
} & SelectProps<unknown>) {
  const options = Object.entries(labels).map(([value, label]) => ({
    value: numeric ? Number(value) : value,
    label,
  }));
  return (
    <Select
      mode={multiple ? 'multiple' : undefined}
      options={options}
      optionFilterProp="label"
      placeholder="请选择"
      style={{ width: '100%' }}
      {...props}
    />
  );
}

export const Topics = (props: SelectProps<unknown>) => <Choice labels={TOPIC_LABELS} numeric {...props} />;

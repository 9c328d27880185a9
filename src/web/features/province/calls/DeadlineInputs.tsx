import { Form, Input } from 'antd';
import { DEADLINES, WALL_CLOCK } from './deadlines.js';

/** The three deadlines as form fields, in the notice's order. */
export function DeadlineInputs() {
  return DEADLINES.map(([name, label]) => (
    <Form.Item
      key={name}
      name={name}
      label={`${label}（北京时间）`}
      rules={[
        { required: true, pattern: WALL_CLOCK, message: '请按 YYYY-MM-DD HH:mm 的格式填写（北京时间）' },
      ]}
    >
      <Input placeholder="YYYY-MM-DD HH:mm" />
    </Form.Item>
  ));
}

import { Form, Input } from 'antd';
import { DEADLINES, WALL_CLOCK } from './deadlines.js';

/** The three deadlines as form fields, in the notice's order. */
export function DeadlineInputs() {
  return DEADLINES.map(([name, label]) => (
    <Form.Item
      key={name}
      name={name}
      label={`${label}（北京时间）`}
      rules={[{ required: true, pattern: WALL_CLOCK, message: '请按 2027-05-18 17:30 的格式填写' }]}
    >
      <Input placeholder="2027-05-18 17:30" />
    </Form.Item>
  ));
}

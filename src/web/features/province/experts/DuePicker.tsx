import { DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';

/** What a typed deadline is read as; the first is also how it is shown. */
const DUE_FORMATS = ['YYYY-MM-DD HH:mm', 'YYYY/MM/DD HH:mm', 'YYYY-M-D H:mm', 'YYYY/M/D H:mm'];

/**
 * A review deadline (北京时间), picked or typed: a typed `YYYY-MM-DD HH:mm` is taken when it is complete,
 * without the panel's 确定 (which a person who types never sees).
 */
export function DuePicker(props: {
  value?: Dayjs | null;
  onChange?(value: Dayjs | null): void;
  allowClear?: boolean;
}) {
  return (
    <DatePicker showTime needConfirm={false} format={DUE_FORMATS} placeholder="YYYY-MM-DD HH:mm" {...props} />
  );
}

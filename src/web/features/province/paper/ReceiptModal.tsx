import { useQueryClient } from '@tanstack/react-query';
import { Form, Input, InputNumber, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { PaperItem, PaperReceipt } from '../../../../contract/paper.js';
import { ApiError } from '../../../shared/api.js';
import { beijingPickerValue, fromBeijingPicker } from '../../../shared/format.js';
import { showFieldErrors } from '../../../shared/forms.js';
import { PAPER_KEY, paperSubject } from '../../../shared/paper.js';
import { SaveModal } from '../../../shared/SaveModal.js';
import { DuePicker } from '../experts/DuePicker.js';
import { paperApi } from './api.js';

interface Values {
  receivedAt: Dayjs;
  receiver: string;
  copies: number;
  note: string;
  reason?: string;
}

/** 登记收件 for an owed item, or, given `correcting`, its correction (a new receipt superseding that one). */
export function ReceiptModal({
  callId,
  item,
  correcting,
  onClose,
}: {
  callId: string;
  item: PaperItem;
  correcting?: PaperReceipt;
  onClose(): void;
}) {
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const subject = {
    kind: item.kind,
    ...(item.applicationId ? { applicationId: item.applicationId } : { departmentId: item.departmentId }),
  };
  const save = async () => {
    const v = await form.validateFields();
    const fields = {
      ...subject,
      receivedAt: fromBeijingPicker(v.receivedAt),
      receiver: v.receiver,
      copies: v.copies,
      note: v.note ?? '',
    };
    try {
      if (correcting) await paperApi.correct(correcting.id, { ...fields, reason: v.reason ?? '' });
      else await paperApi.record({ callId, ...fields });
    } catch (e) {
      if (e instanceof ApiError) showFieldErrors(form, e.fields);
      throw e;
    }
    await queryClient.invalidateQueries({ queryKey: PAPER_KEY });
  };
  return (
    <SaveModal title={correcting ? '更正收件登记' : '登记收件'} save={save} onClose={onClose} okText="登记">
      <Typography.Paragraph>
        {item.kindLabel}：{paperSubject(item)}
        <br />
        应收 {item.copies} 份，已收 {item.receivedCopies} 份；截止：{item.dueText}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={
          correcting
            ? {
                receivedAt: beijingPickerValue(correcting.receivedAt),
                receiver: correcting.receiver,
                copies: correcting.copies,
                note: correcting.note,
              }
            : { copies: Math.max(item.copies - item.receivedCopies, 1), note: '' }
        }
      >
        <Form.Item
          name="receivedAt"
          label="收件时间（北京时间）"
          rules={[{ required: true, message: '请选择或输入收件时间（YYYY-MM-DD HH:mm）' }]}
        >
          <DuePicker />
        </Form.Item>
        <Form.Item name="receiver" label="收件人" rules={[{ required: true, message: '请填写收件人' }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="copies" label="份数" rules={[{ required: true, message: '请填写份数' }]}>
          <InputNumber min={1} max={100} precision={0} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
        {correcting && (
          <Form.Item name="reason" label="更正原因" rules={[{ required: true, message: '请填写更正原因' }]}>
            <Input.TextArea maxLength={500} rows={2} />
          </Form.Item>
        )}
      </Form>
    </SaveModal>
  );
}

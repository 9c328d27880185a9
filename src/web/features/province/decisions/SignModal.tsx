import { useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { ApiError } from '../../../shared/api.js';
import { showFieldErrors } from '../../../shared/forms.js';
import { SaveModal } from '../../../shared/SaveModal.js';
import { DECISIONS_KEY } from './api.js';
import { contractsApi, type ContractView } from './contracts-api.js';

/** 签约: the project's start date (Beijing date, not before the approval); the project joins the 在研项目 register. */
export function SignModal({ contract, onClose }: { contract: ContractView; onClose(): void }) {
  const [form] = Form.useForm<{ startsOn: Dayjs }>();
  const queryClient = useQueryClient();
  const save = async () => {
    const { startsOn } = await form.validateFields();
    try {
      await contractsApi.sign(contract.applicationId, startsOn.format('YYYY-MM-DD'));
    } catch (e) {
      if (e instanceof ApiError) showFieldErrors(form, e.fields);
      throw e;
    }
    await queryClient.invalidateQueries({ queryKey: DECISIONS_KEY });
  };
  return (
    <SaveModal title={`签约：${contract.title}`} save={save} onClose={onClose} okText="确认签约">
      <Typography.Paragraph>
        项目编号 {contract.projectNo}，{contract.organizationName}，资助经费 {contract.fundingText}
        ，执行期 {contract.period}。签约后项目列入在研项目名录，作为以后年度申报限项的依据（二、3）。
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item
          name="startsOn"
          label="项目开始日期（北京时间）"
          rules={[{ required: true, message: '请选择项目开始日期' }]}
        >
          <DatePicker style={{ width: '100%' }} data-testid="sign-starts-on" />
        </Form.Item>
      </Form>
    </SaveModal>
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input } from 'antd';
import { SaveModal } from '../../../shared/SaveModal.js';
import { type AdminCallDto, callAdminApi, readCallsAgain } from './api.js';
import { DeadlineInputs } from './DeadlineInputs.js';
import { DEADLINES, type DeadlineFields, fromWallClock, toWallClock } from './deadlines.js';

export type CallEdit = { kind: 'deadlines'; call: AdminCallDto } | { kind: 'clone'; call: AdminCallDto };

/** A call's deadlines moved, or the call cloned for a new year with its own id, name and deadlines. */
export function CallEditModal({ editing, onClose }: { editing: CallEdit; onClose(): void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DeadlineFields & { id: string; name: string }>();
  const { call, kind } = editing;

  const save = async () => {
    const values = await form.validateFields();
    const deadlines = Object.fromEntries(
      DEADLINES.map(([name]) => [name, fromWallClock(values[name])]),
    ) as DeadlineFields;
    if (kind === 'clone') {
      const created = await callAdminApi.clone(call.id, { id: values.id, name: values.name, ...deadlines });
      void message.success(`已复制为 ${created.id}（草稿，开放后申报单位才可见）`);
    } else {
      const changed = await callAdminApi.changeDeadlines(call.id, deadlines);
      void message.success(`截止时间已修改（第 ${changed.version} 版）`);
    }
    await readCallsAgain(queryClient);
  };

  return (
    <SaveModal
      title={kind === 'clone' ? `复制“${call.name}”为新年度计划` : `修改“${call.name}”的截止时间`}
      okText={kind === 'clone' ? '复制' : '确认修改'}
      save={save}
      onClose={onClose}
    >
      {kind === 'deadlines' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="修改后立即生效：网上填报、审核推荐和纸质材料受理均按新的截止时间判断，并记入版本记录和审计日志。"
        />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          ...Object.fromEntries(DEADLINES.map(([name]) => [name, toWallClock(call[name])])),
          ...(kind === 'clone' ? { id: '', name: '' } : {}),
        }}
      >
        {kind === 'clone' && (
          <>
            <Form.Item name="id" label="新计划编号" rules={[{ required: true, message: '请填写计划编号' }]}>
              <Input placeholder={`${call.id}-副本`} />
            </Form.Item>
            <Form.Item name="name" label="新计划名称" rules={[{ required: true, message: '请填写计划名称' }]}>
              <Input placeholder={`${call.name}（新年度）`} />
            </Form.Item>
          </>
        )}
        <DeadlineInputs />
      </Form>
    </SaveModal>
  );
}

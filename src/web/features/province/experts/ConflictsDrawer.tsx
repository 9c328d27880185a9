import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Drawer, Form, Input, List, Modal, Popconfirm, Typography } from 'antd';
import { ApiError, describeError } from '../../../shared/api.js';
import { beijingTime } from '../../../shared/format.js';
import { showFieldErrors } from '../../../shared/forms.js';
import { PageState } from '../../../shared/PageState.js';
import { useWrite } from '../useWrite.js';
import { EXPERTS_KEY, expertsApi, expertsQueries, type ExpertView } from './api.js';

interface DeclarationValues {
  value: string;
  reason: string;
}

/** The conflicts an expert declared, and a new one: an organization by credit code or an application by id. */
export function ConflictsDrawer({ expert, onClose }: { expert: ExpertView; onClose(): void }) {
  const queryClient = useQueryClient();
  const detail = useQuery(expertsQueries.expert(expert.id));
  const write = useWrite(EXPERTS_KEY);
  const [form] = Form.useForm<DeclarationValues>();
  const declaring = useMutation({
    mutationFn: (v: DeclarationValues) => {
      const value = v.value.trim();
      // An application is named by its id (a UUID), an organization by its 18-character credit code.
      const target = /^[0-9a-f-]{36}$/i.test(value) ? { applicationId: value } : { creditCode: value };
      return expertsApi.declare(expert.id, { ...target, reason: v.reason });
    },
    onSuccess: () => {
      form.resetFields();
      return queryClient.invalidateQueries({ queryKey: EXPERTS_KEY });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields.length > 0)
        showFieldErrors(form, e.fields, (p) => (p === 'reason' ? 'reason' : 'value'));
      else Modal.error({ title: '未能登记', content: describeError(e) });
    },
  });
  return (
    <Drawer title={`${expert.name} 声明的回避`} open onClose={onClose} size="large">
      <PageState query={detail}>
        {({ conflicts }) => (
          <List
            dataSource={conflicts}
            locale={{ emptyText: '未声明回避' }}
            renderItem={(c) => (
              <List.Item
                actions={[
                  <Popconfirm
                    key="remove"
                    title="删除这条回避声明？"
                    onConfirm={() => write.mutate(() => expertsApi.removeConflict(expert.id, c.id))}
                  >
                    <Button size="small" danger>
                      删除
                    </Button>
                  </Popconfirm>,
                ]}
              >
                <List.Item.Meta
                  title={c.creditCode ? `单位 ${c.creditCode}` : `申报书 ${c.applicationId}`}
                  description={`${c.reason}（${beijingTime(c.createdAt)} 登记）`}
                />
              </List.Item>
            )}
          />
        )}
      </PageState>
      <Typography.Title level={5}>登记新的回避</Typography.Title>
      <Form form={form} layout="vertical" onFinish={(v) => declaring.mutate(v)}>
        <Form.Item
          name="value"
          label="回避单位的统一社会信用代码，或回避申报书的编号"
          rules={[{ required: true, message: '请填写' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="reason" label="回避理由" rules={[{ required: true, message: '请填写回避理由' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={declaring.isPending}>
          登记
        </Button>
      </Form>
    </Drawer>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Modal, Radio, Select, Typography, type FormInstance } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { Direction, TopicNumber } from '../../../core/bundle/schema.js';
import { TOPIC_LABELS } from '../../../core/labels.js';
import type { CreateApplicationBody } from '../../../contract/applications.js';
import type { MyEntitlementsDto } from '../../../contract/entitlements.js';
import type { PersonView } from '../../../contract/people.js';
import { useUser } from '../../app/session.js';
import { api, describeError, type ApplicationRead, type CallDto } from '../../shared/api.js';
import { beijingTime } from '../../shared/format.js';
import { PageState } from '../../shared/PageState.js';
import { callsQuery } from '../../shared/calls.js';
import { allOf } from '../../shared/queries.js';
import { DirectedNotice } from './directed.js';
import { directionOptions, mayChoose, withheldStreams } from './directed-streams.js';
import { applicationKeys, entitlementsQuery, peopleQuery } from './queries.js';

interface NewValues {
  callId: string;
  topic: TopicNumber;
  direction?: Direction;
  piId?: string;
}

/** 新建申报书: a call that is open, a topic, and (for a unit's administrators and contacts) the PI; then the editor opens. */
export function NewApplicationModal({ onClose }: { onClose(): void }) {
  const user = useUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NewValues>();
  const choosesPi = user.role !== 'pi';
  const openCalls = useQuery({ ...callsQuery, select: ({ calls }) => calls.filter((c) => c.open) });
  const people = useQuery({ ...peopleQuery, enabled: choosesPi });
  const entitlements = useQuery(entitlementsQuery);
  const loaded = allOf([openCalls, choosesPi ? people : undefined, entitlements]);

  const create = useMutation({
    mutationFn: (values: NewValues) => {
      const body: CreateApplicationBody = {
        callId: values.callId,
        topic: values.topic,
        ...(values.topic === 1 && values.direction ? { direction: values.direction } : {}),
        ...(choosesPi && values.piId ? { piId: values.piId } : {}),
      };
      return api<ApplicationRead>('/applications', { method: 'POST', body });
    },
    onSuccess: async ({ application }) => {
      await queryClient.invalidateQueries({ queryKey: applicationKeys.list });
      onClose();
      void navigate(`/applications/${application.id}`);
    },
  });

  return (
    <Modal
      title="新建申报书"
      open
      onCancel={onClose}
      onOk={() =>
        form.validateFields().then(
          (values) => create.mutate(values),
          () => undefined,
        )
      }
      okText="创建并填写"
      okButtonProps={{ disabled: !loaded.data }}
      confirmLoading={create.isPending}
      width={640}
    >
      {create.error && (
        <Alert type="error" showIcon title={describeError(create.error)} style={{ marginBottom: 16 }} />
      )}
      <PageState query={loaded}>
        {([calls, unitPeople, mine]) => (
          <NewApplicationForm form={form} calls={calls} people={unitPeople} mine={mine} />
        )}
      </PageState>
    </Modal>
  );
}

function NewApplicationForm({
  form,
  calls,
  people,
  mine,
}: {
  form: FormInstance<NewValues>;
  calls: CallDto[];
  mine: MyEntitlementsDto;
  /** The unit's people to choose the PI from; absent when the PI applies for themselves. */
  people: PersonView[] | undefined;
}) {
  const user = useUser();
  const callId = Form.useWatch('callId', form);
  const topic = Form.useWatch('topic', form);
  const call = calls.find((c) => c.id === callId);

  return (
    <>
      {calls.length === 0 && (
        <Alert
          type="warning"
          showIcon
          title="当前没有处于网上填报时间内的计划"
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<NewValues>
        form={form}
        layout="vertical"
        name="new-application"
        initialValues={calls.length === 1 ? { callId: calls[0]!.id } : {}}
      >
        <Form.Item label="申报计划" name="callId" rules={[{ required: true, message: '请选择申报计划' }]}>
          <Select
            options={calls.map((c) => ({
              value: c.id,
              label: `${c.name}（截止 ${beijingTime(c.submissionClosesAt).slice(0, 16)}）`,
            }))}
            placeholder="只列出正在受理的计划"
          />
        </Form.Item>
        <Form.Item label="专题" name="topic" rules={[{ required: true, message: '请选择专题' }]}>
          <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
            {(call?.topics ?? [])
              .filter((t) => t.open)
              .map((t) => (
                <Radio
                  key={t.number}
                  value={t.number}
                  disabled={!t.streams.some((s) => mayChoose(call!, mine, t.number, s))}
                >
                  {TOPIC_LABELS[t.number]} {t.name}
                </Radio>
              ))}
          </Radio.Group>
        </Form.Item>
        {call && topic && <DirectedNotice call={call} withheld={withheldStreams(call, mine, topic)} />}
        {topic === 1 && (
          <Form.Item
            label="专题一方向"
            name="direction"
            rules={[{ required: true, message: '专题一须选择申报方向' }]}
          >
            <Select options={directionOptions(call, mine)} />
          </Form.Item>
        )}
        {people ? (
          <Form.Item
            label="项目负责人"
            name="piId"
            rules={[{ required: true, message: '请选择项目负责人' }]}
            extra={
              people.length === 0 ? (
                <span>
                  本单位尚未登记项目负责人，请先到<Link to="/people">项目负责人</Link>页面登记。
                </span>
              ) : undefined
            }
          >
            <Select
              options={people.map((p) => ({ value: p.id, label: p.name }))}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        ) : (
          <Form.Item label="项目负责人">
            <Typography.Text>{user.person?.name ?? user.displayName}（本人）</Typography.Text>
          </Form.Item>
        )}
      </Form>
    </>
  );
}

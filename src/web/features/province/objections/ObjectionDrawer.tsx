import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Checkbox,
  Descriptions,
  Drawer,
  Form,
  Input,
  List,
  Radio,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { OBJECTION_FINDING_LABELS, type ObjectionFinding } from '../../../../core/objections/objections.js';
import { formatChineseDate } from '../../../../core/time.js';
import { formatWan } from '../../../../core/money.js';
import type { ObjectionDetailView } from '../../../../contract/objections.js';
import { beijingTime } from '../../../shared/format.js';
import { PageState } from '../../../shared/PageState.js';
import { useWrite } from '../useWrite.js';
import { objectionKeys, objectionQueries, objectionsApi } from './api.js';

interface CloseValues {
  finding: ObjectionFinding;
  findingText: string;
  revoke?: boolean;
  revokeReason?: string;
}

/** One objection: who, what, evidence, notes; and the step its state allows (受理, 调查, 办结). */
export function ObjectionDrawer({
  id,
  onClose,
}: {
  id: string | undefined;
  callId: string;
  onClose: () => void;
}) {
  return (
    <Drawer open={id !== undefined} onClose={onClose} title="公示异议" size="large" destroyOnHidden>
      {id && <ObjectionRecord id={id} />}
    </Drawer>
  );
}

function ObjectionRecord({ id }: { id: string }) {
  const detail = useQuery(objectionQueries.detail(id));
  return <PageState query={detail}>{(data) => <Record data={data} />}</PageState>;
}

function Record({ data }: { data: ObjectionDetailView }) {
  const { objection, objector } = data;
  const write = useWrite(objectionKeys.all, '异议办理未完成');
  const [note, setNote] = useState('');
  const [form] = Form.useForm<CloseValues>();
  const finding = Form.useWatch('finding', form);
  const revoke = Form.useWatch('revoke', form);
  const open = objection.status !== 'closed';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="objection-record">
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="异议编号">{objection.reference}</Descriptions.Item>
        <Descriptions.Item label="状态">
          <Tag>{objection.statusLabel}</Tag>
          {objection.findingLabel && (
            <Tag color={objection.finding === 'upheld' ? 'red' : 'green'}>{objection.findingLabel}</Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="公示">
          {data.announcement.title}（{formatChineseDate(data.announcement.startsOn)}至
          {formatChineseDate(data.announcement.endsOn)}）
        </Descriptions.Item>
        <Descriptions.Item label="异议项目">
          {objection.acceptanceNo} {objection.projectTitle}（{objection.organizationName}）
        </Descriptions.Item>
        <Descriptions.Item label="立项决定">
          {data.decision
            ? `${data.decision.outcomeLabel}${data.decision.funding ? `，${formatWan(data.decision.funding)}` : ''}${
                data.decision.revokedReason ? `（撤销理由：${data.decision.revokedReason}）` : ''
              }`
            : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="异议人">
          {objector.name}，{objector.organization}
        </Descriptions.Item>
        <Descriptions.Item label="联系方式">
          {[objector.mobile, objector.email].filter(Boolean).join('；')}
        </Descriptions.Item>
        <Descriptions.Item label="收到时间">{beijingTime(objection.receivedAt)}</Descriptions.Item>
      </Descriptions>
      <div>
        <Typography.Title level={5}>异议的事实和理由</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{data.grounds}</Typography.Paragraph>
      </div>
      <div>
        <Typography.Title level={5}>证明材料</Typography.Title>
        {data.evidence.length === 0 ? (
          <Typography.Text type="secondary">未提供</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={data.evidence}
            renderItem={(e) => (
              <List.Item>
                <a
                  href={`/api/province/objections/${objection.id}/evidence/${e.sha256}`}
                  target="_blank"
                  rel="noreferrer"
                >
                  {e.fileName}
                </a>
              </List.Item>
            )}
          />
        )}
      </div>
      {data.notes.length > 0 && (
        <div>
          <Typography.Title level={5}>调查情况</Typography.Title>
          <List
            size="small"
            dataSource={data.notes}
            renderItem={(n) => (
              <List.Item>
                <div>
                  <Typography.Text type="secondary">
                    {beijingTime(n.at)} {n.byName}
                  </Typography.Text>
                  <div style={{ whiteSpace: 'pre-wrap' }}>{n.text}</div>
                </div>
              </List.Item>
            )}
          />
        </div>
      )}
      {objection.status === 'closed' && (
        <Alert
          type={objection.finding === 'upheld' ? 'warning' : 'success'}
          showIcon
          title={`处理结论：${objection.findingLabel}${objection.revokedApproval ? '，已撤销该项目的立项' : ''}`}
          description={data.findingText}
        />
      )}
      {objection.status === 'received' && (
        <Button
          type="primary"
          loading={write.isPending}
          onClick={() => write.mutate(() => objectionsApi.register(objection.id))}
        >
          受理
        </Button>
      )}
      {open && objection.status !== 'received' && (
        <>
          <div>
            <Typography.Title level={5}>记录调查情况</Typography.Title>
            <Input.TextArea
              aria-label="调查情况"
              rows={3}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            <Button
              style={{ marginTop: 8 }}
              disabled={!note.trim()}
              loading={write.isPending}
              onClick={() =>
                write.mutate(async () => {
                  await objectionsApi.note(objection.id, note.trim());
                  setNote('');
                })
              }
            >
              保存调查情况
            </Button>
          </div>
          <Form<CloseValues> form={form} layout="vertical" name="close-objection">
            <Typography.Title level={5}>办结</Typography.Title>
            <Form.Item
              label="处理结论"
              name="finding"
              rules={[{ required: true, message: '请选择处理结论' }]}
            >
              <Radio.Group
                options={(['upheld', 'dismissed'] as const).map((f) => ({
                  value: f,
                  label: OBJECTION_FINDING_LABELS[f],
                }))}
              />
            </Form.Item>
            <Form.Item
              label="处理意见"
              name="findingText"
              rules={[{ required: true, whitespace: true, message: '请填写处理意见' }]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
            {finding === 'upheld' && data.decision?.outcome === 'approved' && (
              <Form.Item name="revoke" valuePropName="checked">
                <Checkbox>撤销该项目的立项（公示已锁定立项决定，这是唯一的撤销途径）</Checkbox>
              </Form.Item>
            )}
            {finding === 'upheld' && revoke && (
              <Form.Item
                label="撤销立项的理由"
                name="revokeReason"
                rules={[{ required: true, whitespace: true, message: '撤销立项须填写理由' }]}
              >
                <Input.TextArea rows={2} />
              </Form.Item>
            )}
            <Button
              type="primary"
              danger={finding === 'upheld' && revoke === true}
              loading={write.isPending}
              onClick={() =>
                void form.validateFields().then((v) =>
                  write.mutate(() =>
                    objectionsApi.close(objection.id, {
                      finding: v.finding,
                      findingText: v.findingText,
                      revoke: v.finding === 'upheld' && v.revoke === true,
                      ...(v.revokeReason ? { revokeReason: v.revokeReason } : {}),
                    }),
                  ),
                )
              }
            >
              办结
            </Button>
          </Form>
        </>
      )}
    </Space>
  );
}

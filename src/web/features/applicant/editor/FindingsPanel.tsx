import {
  CheckCircleFilled,
  ClockCircleOutlined,
  CloseCircleFilled,
  ExclamationCircleFilled,
  SendOutlined,
} from '@ant-design/icons';
import { Button, Card, Divider, Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import type { Evaluation } from '../../../shared/api.js';
import { beijingTime } from '../../../shared/format.js';
import { stepOfField, STEPS } from './fields.js';

type Finding = Evaluation['findings'][number];

const ul = { margin: 0, padding: 0 };

/** The server's clock, ticking each second: the time the evaluation was made, carried on by this computer's. */
function useServerClock(serverTime: string): number {
  const [now, setNow] = useState(() => Date.parse(serverTime));
  useEffect(() => {
    const offset = Date.parse(serverTime) - Date.now();
    const timer = window.setInterval(() => setNow(Date.now() + offset), 1000);
    return () => window.clearInterval(timer);
  }, [serverTime]);
  return now;
}

function remaining(ms: number): string {
  if (ms <= 0) return '已截止';
  const days = Math.floor(ms / 86_400_000);
  const hours = Math.floor((ms % 86_400_000) / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  return days > 0 ? `还有 ${days} 天 ${hours} 小时` : `还有 ${hours} 小时 ${minutes} 分`;
}

/** One line to act on; with a field the form holds, a click opens its step and focuses it. */
export function FindingItem({
  icon,
  clause,
  message,
  field,
  onGo,
  rule,
}: {
  icon: ReactNode;
  clause?: string;
  message: string;
  field?: string;
  rule?: string;
  onGo(field: string): void;
}) {
  const step = field === undefined ? undefined : stepOfField(field);
  const target = step === undefined ? undefined : STEPS[step]!.title;
  return (
    <li style={{ listStyle: 'none' }}>
      <Tooltip title={target ? `转到“${target}”` : undefined} placement="left">
        <button
          type="button"
          className="finding"
          data-rule={rule}
          data-field={field}
          disabled={target === undefined}
          onClick={() => field !== undefined && onGo(field)}
        >
          <Space align="start" size={6}>
            {icon}
            <span>
              {clause && (
                <Typography.Text strong className="finding-clause">
                  〔{clause}〕
                </Typography.Text>
              )}
              {message}
            </span>
          </Space>
        </button>
      </Tooltip>
    </li>
  );
}

/** One severity's findings under its heading; nothing when there are none. */
function FindingList({
  findings,
  title,
  icon,
  testId,
  onGo,
}: {
  findings: Finding[];
  title: ReactNode;
  icon: ReactNode;
  testId: string;
  onGo(field: string): void;
}) {
  if (findings.length === 0) return null;
  return (
    <>
      {title}
      <ul style={ul} data-testid={testId}>
        {findings.map((f, i) => (
          <FindingItem
            key={`${f.rule}-${i}`}
            icon={icon}
            clause={f.clause}
            message={f.message}
            rule={f.rule}
            onGo={onGo}
            {...(f.field ? { field: f.field } : {})}
          />
        ))}
      </ul>
    </>
  );
}

export function FindingsPanel({
  evaluation,
  editable,
  unsaved,
  submitting,
  onGo,
  onSubmit,
}: {
  evaluation: Evaluation;
  editable: boolean;
  /** Changes not yet saved: the evaluation is of the last saved version. */
  unsaved: boolean;
  submitting: boolean;
  onGo(field: string): void;
  onSubmit(): void;
}) {
  const serverNow = useServerClock(evaluation.serverTime);
  const closes = Date.parse(evaluation.submissionClosesAt);
  const errors = evaluation.findings.filter((f: Finding) => f.severity === 'error');
  const warnings = evaluation.findings.filter((f: Finding) => f.severity === 'warning');

  return (
    <Card
      className="findings-panel no-print"
      size="small"
      title="形式审查（实时）"
      data-testid="findings-panel"
      extra={
        evaluation.canSubmit ? (
          <Tag color="success">可以提交</Tag>
        ) : editable ? (
          <Tag color="error">暂不能提交</Tag>
        ) : (
          <Tag>已提交</Tag>
        )
      }
    >
      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
        <Typography.Text>
          <ClockCircleOutlined /> 网上填报截止：
          <Typography.Text strong data-testid="deadline">
            {beijingTime(evaluation.submissionClosesAt)}
          </Typography.Text>
          （北京时间）
        </Typography.Text>
        <Typography.Text type="secondary">
          服务器时间：<span data-testid="server-time">{beijingTime(new Date(serverNow).toISOString())}</span>
          {editable && `，${remaining(closes - serverNow)}`}
        </Typography.Text>
      </Space>
      {editable && (
        <>
          <Button
            type="primary"
            icon={<SendOutlined />}
            block
            size="large"
            style={{ marginTop: 12 }}
            disabled={!evaluation.canSubmit || unsaved}
            loading={submitting}
            onClick={onSubmit}
            data-testid="submit"
          >
            提交申报书
          </Button>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 6, marginBottom: 0 }}>
            {unsaved
              ? '正在保存最新修改，保存后重新检查'
              : evaluation.canSubmit
                ? '已通过全部规则检查。提交后不能修改，提交时服务器将重新检查。'
                : '解决下列所有“错误”并填完必填项后才能提交；“提示”不影响提交。'}
          </Typography.Paragraph>
        </>
      )}

      <Divider style={{ margin: '12px 0' }} />
      {errors.length === 0 && warnings.length === 0 && evaluation.missing.length === 0 && (
        <Typography.Text type="success">
          <CheckCircleFilled /> 未发现问题
        </Typography.Text>
      )}
      <FindingList
        findings={errors}
        testId="findings-errors"
        icon={<CloseCircleFilled style={{ color: '#cf1322', marginTop: 5 }} />}
        title={
          <Typography.Text strong type="danger">
            错误 {errors.length} 项（须解决）
          </Typography.Text>
        }
        onGo={onGo}
      />
      {evaluation.missing.length > 0 && (
        <>
          <Typography.Text strong style={{ display: 'block', marginTop: 8 }}>
            未填写 {evaluation.missing.length} 项
          </Typography.Text>
          <ul style={ul} data-testid="findings-missing">
            {evaluation.missing.map((m) => (
              <FindingItem
                key={m.field}
                icon={<ExclamationCircleFilled style={{ color: '#8c8c8c', marginTop: 5 }} />}
                message={m.message}
                field={m.field}
                onGo={onGo}
              />
            ))}
          </ul>
        </>
      )}
      <FindingList
        findings={warnings}
        testId="findings-warnings"
        icon={<ExclamationCircleFilled style={{ color: '#faad14', marginTop: 5 }} />}
        title={
          <Typography.Text strong type="warning" style={{ display: 'block', marginTop: 8 }}>
            提示 {warnings.length} 项（不影响提交）
          </Typography.Text>
        }
        onGo={onGo}
      />
    </Card>
  );
}

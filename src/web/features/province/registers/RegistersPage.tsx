import { CloudUploadOutlined, DownloadOutlined, FileSearchOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Radio, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import {
  CALL_SCOPED,
  REGISTER_KINDS,
  REGISTER_LABELS,
  type RegisterKind,
} from '../../../../core/registers/kinds.js';
import { describeError } from '../../../shared/api.js';
import { PageState } from '../../../shared/PageState.js';
import { CallSelect } from '../../department/CallSelect.js';
import { useReviewCall } from '../../department/useReviewCall.js';
import { registersApi, registersQueries } from './api.js';
import { BatchesTable } from './BatchesTable.js';
import { EffectTable } from './EffectTable.js';
import { RowsTable } from './RowsTable.js';

/** 登记库导入: a register and a file, every row with its problems and what the import would do, the past imports. */
export function RegistersPage() {
  const { query: calls, callId, select } = useReviewCall();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<RegisterKind>('ongoing-projects');
  const scopedCall = CALL_SCOPED.has(kind) ? callId : undefined;
  const batches = useQuery(registersQueries.batches());
  const previewing = useMutation({
    mutationFn: (file: File) => registersApi.preview(kind, file, scopedCall),
  });
  const importing = useMutation({
    mutationFn: (file: File) => registersApi.commit(kind, file, scopedCall),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: registersQueries.batches().queryKey }),
  });
  const file = previewing.variables;
  // A refused import leaves its preview in view.
  const outcome = importing.data ?? previewing.data;
  const error = importing.error ?? previewing.error;

  const reset = () => {
    previewing.reset();
    importing.reset();
  };
  const preview = (chosen: File) => {
    importing.reset();
    previewing.mutate(chosen);
  };

  const invalid = outcome ? outcome.counts.invalid + outcome.fileProblems.length > 0 : false;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        登记库导入
      </Typography.Title>
      <PageState query={calls}>
        {() => (
          <Card>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Radio.Group
                data-testid="register-kind"
                value={kind}
                onChange={(e) => {
                  setKind(e.target.value as RegisterKind);
                  reset();
                }}
                options={REGISTER_KINDS.map((k) => ({ value: k, label: REGISTER_LABELS[k] }))}
                optionType="button"
              />
              <Space wrap>
                {CALL_SCOPED.has(kind) && (
                  <>
                    <span>所属计划</span>
                    <CallSelect calls={calls.data} value={callId} onChange={select} />
                  </>
                )}
                <Button
                  icon={<DownloadOutlined />}
                  href={registersApi.templateUrl(kind)}
                  data-testid="register-template"
                >
                  下载模板（.xlsx）
                </Button>
                <Upload
                  accept=".xlsx,.csv"
                  showUploadList={false}
                  beforeUpload={(chosen) => {
                    preview(chosen);
                    return false;
                  }}
                >
                  <Button icon={<FileSearchOutlined />} loading={previewing.isPending}>
                    选择 .xlsx 或 .csv 并预览
                  </Button>
                </Upload>
                {file && <Typography.Text type="secondary">{file.name}</Typography.Text>}
              </Space>
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                单位按统一社会信用代码识别；人员有身份证号码时按号码识别，否则按姓名和所在单位的统一社会信用代码识别。
                同一记录再次导入只更新有变化的内容，重复导入同一文件不产生变化；有任何错误行时整个文件都不写入。
              </Typography.Paragraph>
            </Space>
          </Card>
        )}
      </PageState>
      {error && <Alert type="error" showIcon title={describeError(error)} data-testid="register-error" />}
      {outcome && (
        <Card
          title={
            outcome.batchId
              ? `已导入：新增 ${outcome.counts.created}，更新 ${outcome.counts.updated}，不变 ${outcome.counts.unchanged}`
              : `预览：新增 ${outcome.counts.created}，更新 ${outcome.counts.updated}，不变 ${outcome.counts.unchanged}，有错误 ${outcome.counts.invalid}`
          }
          extra={
            !outcome.batchId && (
              <Button
                type="primary"
                icon={<CloudUploadOutlined />}
                loading={importing.isPending}
                disabled={invalid || (CALL_SCOPED.has(kind) && !callId)}
                onClick={() => file && importing.mutate(file)}
                data-testid="register-commit"
              >
                导入
              </Button>
            )
          }
        >
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {outcome.fileProblems.map((p) => (
              <Alert key={p.message} type="error" showIcon title={p.message} />
            ))}
            {invalid ? (
              <Alert
                type="warning"
                showIcon
                title="请按标红的问题修改文件后重新选择；对检查结论的影响在文件无误后显示"
              />
            ) : (
              <Card type="inner" title={`对检查结论的影响：${outcome.effect.length} 项申报书`}>
                {outcome.effect.length === 0 ? (
                  <Typography.Text type="secondary">没有申报书的检查结论因此改变</Typography.Text>
                ) : (
                  <EffectTable effect={outcome.effect} />
                )}
              </Card>
            )}
            <RowsTable kind={kind} outcome={outcome} />
          </Space>
        </Card>
      )}
      <Card title="历次导入">
        <PageState query={batches}>{(list) => <BatchesTable batches={list} />}</PageState>
      </Card>
    </Space>
  );
}

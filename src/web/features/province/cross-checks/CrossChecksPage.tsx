import { Alert, Space, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { describeError } from '../../../shared/api.js';
import { CallSelect } from '../../department/CallSelect.js';
import { useReviewCall } from '../../department/useReviewCall.js';
import { crossCheckApi, percent, type DepartmentView, type RunsView } from './api.js';
import { FindingsTable } from './FindingsTable.js';
import { PairsTable } from './PairsTable.js';
import { RunPanel } from './RunPanel.js';

/** 全省交叉核查: start a run, watch it, then filter the province's findings and read the similarity report. */
export function CrossChecksPage() {
  const { calls, callId, error: callError, select } = useReviewCall();
  const [runs, setRuns] = useState<RunsView>();
  const [departments, setDepartments] = useState<DepartmentView[]>([]);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string>();

  useEffect(() => {
    crossCheckApi.departments().then(setDepartments, (e: unknown) => setError(describeError(e)));
  }, []);

  useEffect(() => {
    if (!callId) return;
    crossCheckApi.runs(callId).then(setRuns, (e: unknown) => setError(describeError(e)));
  }, [callId, version]);

  const settled = useCallback(() => setVersion((v) => v + 1), []);

  if (callError || error) return <Alert type="error" showIcon title={callError ?? error} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          全省交叉核查
        </Typography.Title>
        <CallSelect calls={calls} value={callId} onChange={select} />
      </Space>
      {callId && runs && (
        <>
          <RunPanel callId={callId} latest={runs.runs[0]} onSettled={settled} />
          <Tabs
            items={[
              {
                key: 'findings',
                label: '规则核查结果',
                children: <FindingsTable callId={callId} departments={departments} version={version} />,
              },
              {
                key: 'pairs',
                label: '相似度报告',
                children: (
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    <Typography.Text type="secondary">
                      全部申报书之间、申报书与导入的外部门申报项目之间，项目名称或主要研究内容重合度达到{' '}
                      {percent(runs.thresholds.reportAt)} 的成对项目（{runs.thresholds.clause}
                      ，与 READING.md 的“须核查”一致）。同一申报单位或负责人的外部门申报重合度达到{' '}
                      {percent(runs.thresholds.errorAt)} 即为重复申报错误；其余仅供核查。
                    </Typography.Text>
                    <PairsTable
                      callId={callId}
                      departments={departments}
                      reportAt={runs.thresholds.reportAt}
                      version={version}
                    />
                  </Space>
                ),
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}

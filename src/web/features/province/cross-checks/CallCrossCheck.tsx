import { useQuery } from '@tanstack/react-query';
import { Space, Tabs, Typography } from 'antd';
import { PageState } from '../../../shared/PageState.js';
import { crossCheckQueries, type DepartmentView, percent, type RunsView } from './api.js';
import { FindingsTable } from './FindingsTable.js';
import { PairsTable } from './PairsTable.js';
import { RunPanel } from './RunPanel.js';

/** The call's latest run, and the findings and similar pairs of the run whose results are current. */
export function CallCrossCheck({ callId, departments }: { callId: string; departments: DepartmentView[] }) {
  const query = useQuery(crossCheckQueries.runs(callId));
  return <PageState query={query}>{(runs) => crossCheck(callId, departments, runs)}</PageState>;
}

function crossCheck(callId: string, departments: DepartmentView[], runs: RunsView) {
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <RunPanel callId={callId} run={runs.runs[0]} />
      <Tabs
        items={[
          {
            key: 'findings',
            label: '规则核查结果',
            children: (
              <FindingsTable callId={callId} currentRunId={runs.currentRunId} departments={departments} />
            ),
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
                  currentRunId={runs.currentRunId}
                  departments={departments}
                  reportAt={runs.thresholds.reportAt}
                />
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}

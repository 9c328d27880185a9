import type { Direction } from '../../../../core/bundle/schema.js';
import { TOPIC_LABELS } from '../../../../core/labels.js';
import { yuanToWan } from '../../../../core/money.js';
import type { ChartOption } from '../../../shared/EChart.js';
import { regionName } from '../../../shared/countries.js';
import type { DashboardDto } from './api.js';

// The dashboard's figures as ECharts options, from the API's aggregates. Money in 万元, time in Beijing time.

const RECEIVED = '收到';
const RECOMMENDED = '已推荐';
const DIRECTION_SHORT: Record<Direction, string> = {
  'big-science': '方向1',
  'platform-inbound': '方向2（在我省）',
  'platform-outbound': '方向2（在境外）',
};

const tooltip = { trigger: 'axis', axisPointer: { type: 'shadow' } } as const;

export function topicChart(d: DashboardDto): ChartOption {
  return {
    tooltip,
    legend: { data: [RECEIVED, RECOMMENDED] },
    xAxis: { type: 'category', data: d.byTopic.map((t) => TOPIC_LABELS[t.topic]) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: RECEIVED,
        type: 'bar',
        data: d.byTopic.map((t) => t.received),
        label: { show: true, position: 'top' },
      },
      { name: RECOMMENDED, type: 'bar', data: d.byTopic.map((t) => t.recommended) },
    ],
  };
}

/** Horizontal bars, the department with most applications on top. */
export function departmentChart(d: DashboardDto): ChartOption {
  const rows = [...d.byDepartment].reverse();
  return {
    tooltip,
    legend: { data: [RECEIVED, RECOMMENDED] },
    grid: { left: 8, right: 24, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => r.name) },
    series: [
      { name: RECEIVED, type: 'bar', data: rows.map((r) => r.received) },
      { name: RECOMMENDED, type: 'bar', data: rows.map((r) => r.recommended) },
    ],
  };
}

export function countryName(code: string | null): string {
  return code === null ? '无境外合作方' : regionName(code);
}

export function countryChart(d: DashboardDto): ChartOption {
  const rows = [...d.byCountry].reverse();
  return {
    tooltip,
    grid: { left: 8, right: 32, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => countryName(r.country)) },
    series: [
      {
        name: RECEIVED,
        type: 'bar',
        data: rows.map((r) => r.received),
        label: { show: true, position: 'right' },
      },
    ],
  };
}

export function streamName(s: Pick<DashboardDto['funding'][number], 'topic' | 'direction'>): string {
  return s.direction ? `${TOPIC_LABELS[s.topic]} ${DIRECTION_SHORT[s.direction]}` : TOPIC_LABELS[s.topic];
}

/** Per stream: the spread of requested provincial funding (box: quartiles, whiskers: min and max) against its cap. */
export function fundingChart(d: DashboardDto): ChartOption {
  return {
    tooltip: { trigger: 'item' },
    legend: { data: ['申请省资助经费分布', '经费上限'] },
    xAxis: { type: 'category', data: d.funding.map(streamName), axisLabel: { interval: 0, rotate: 20 } },
    yAxis: { type: 'value', name: '万元' },
    series: [
      {
        name: '申请省资助经费分布',
        type: 'boxplot',
        data: d.funding.map((f) =>
          f.count === 0 ? [] : [f.min, f.q1, f.median, f.q3, f.max].map(yuanToWan),
        ),
      },
      {
        name: '经费上限',
        type: 'line',
        symbol: 'rect',
        symbolSize: [28, 3],
        lineStyle: { opacity: 0 },
        itemStyle: { color: '#cf1322' },
        data: d.funding.map((f) => yuanToWan(f.cap)),
      },
    ],
  };
}

const hourLabel = (iso: string) => `${iso.slice(5, 10)} ${iso.slice(11, 13)}时`;

/** Submissions per clock hour, with the hour in which online submission closes marked. */
export function submissionsChart(d: DashboardDto): ChartOption {
  const { hours, closesAt } = d.submissions;
  const closingHour = hours.findLast((h) => h.hour <= closesAt)?.hour;
  return {
    tooltip,
    grid: { left: 8, right: 24, bottom: 56, containLabel: true },
    dataZoom: [{ type: 'inside' }, { type: 'slider', height: 20, bottom: 8 }],
    xAxis: { type: 'category', data: hours.map((h) => hourLabel(h.hour)) },
    yAxis: { type: 'value', minInterval: 1, name: '提交数' },
    series: [
      {
        name: '提交数',
        type: 'bar',
        data: hours.map((h) => h.count),
        markLine: closingHour
          ? {
              symbol: 'none',
              label: { formatter: `截止 ${closesAt.slice(11, 16)}` },
              data: [{ xAxis: hourLabel(closingHour) }],
            }
          : undefined,
      },
    ],
  };
}

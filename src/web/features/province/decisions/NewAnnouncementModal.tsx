import { useQueryClient } from '@tanstack/react-query';
import { DatePicker, Input, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { PUBLISHED_HOLIDAY_YEARS } from '../../../../core/reference/working-days.js';
import { SaveModal } from '../../../shared/SaveModal.js';
import { DECISIONS_KEY, decisionsApi } from './api.js';

/** A 公示 draft of the approved projects not yet announced: its title and period, or the defaults. */
export function NewAnnouncementModal({ callId, onClose }: { callId: string; onClose(): void }) {
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [period, setPeriod] = useState<[Dayjs | null, Dayjs | null] | null>(null);

  const save = async () => {
    const [start, end] = period ?? [null, null];
    await decisionsApi.createAnnouncement({
      callId,
      ...(title.trim() ? { title: title.trim() } : {}),
      ...(start && end ? { startsOn: start.format('YYYY-MM-DD'), endsOn: end.format('YYYY-MM-DD') } : {}),
    });
    await queryClient.invalidateQueries({ queryKey: DECISIONS_KEY });
  };

  return (
    <SaveModal title="新建拟立项项目公示" okText="创建草稿" save={save} onClose={onClose}>
      <Typography.Paragraph type="secondary">
        草稿列出已立项、尚未公示的项目。公示期不填则自发布之日起 5
        个工作日：扣除法定节假日、计入调休上班日（已录入 {PUBLISHED_HOLIDAY_YEARS.join('、')}{' '}
        年放假安排；其他年份只扣除元旦、劳动节、国庆节的固定日期，请核对或自行选择日期）。
      </Typography.Paragraph>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Input
          placeholder="公示标题（默认：申报计划名称 + 拟立项项目公示）"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <DatePicker.RangePicker
          value={period}
          onChange={(v) => setPeriod(v)}
          placeholder={['公示开始日期', '结束日期']}
        />
      </Space>
    </SaveModal>
  );
}

import { Button, Select, Space, Typography } from 'antd';
import {
  BELT_AND_ROAD_COUNTRIES,
  CEE_COUNTRIES,
  type Country,
  HK_MO_TW,
} from '../../../../../core/reference/countries.js';
import { nationalityChoices } from '../../../../shared/countries.js';

// Countries picked from the reference lists: a whole list added at once, or one by one by its Chinese name.

const OPTIONS = nationalityChoices();

const LISTS: readonly { name: string; countries: readonly Country[] }[] = [
  { name: '共建“一带一路”国家', countries: BELT_AND_ROAD_COUNTRIES },
  { name: '中东欧国家', countries: CEE_COUNTRIES },
  { name: '港澳台', countries: HK_MO_TW },
];

export function CountryPicker({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: readonly string[] | null;
  onChange?(value: string[]): void;
}) {
  const chosen = value ?? [];
  const add = (countries: readonly Country[]) =>
    onChange?.([...new Set([...chosen, ...countries.map((c) => c.iso2)])]);
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <Select
        id={id}
        mode="multiple"
        value={[...chosen]}
        onChange={onChange}
        options={OPTIONS}
        optionFilterProp="label"
        maxTagCount={12}
        maxTagPlaceholder={(omitted) => `等 ${chosen.length} 个（另 ${omitted.length} 个）`}
        placeholder="输入国家或地区名称搜索"
        style={{ width: '100%' }}
      />
      <Space wrap size={4}>
        <Typography.Text type="secondary">已选 {chosen.length} 个；填入：</Typography.Text>
        {LISTS.map((list) => (
          <Button key={list.name} size="small" onClick={() => add(list.countries)}>
            {list.name}
          </Button>
        ))}
        <Button size="small" danger disabled={chosen.length === 0} onClick={() => onChange?.([])}>
          清空
        </Button>
      </Space>
    </Space>
  );
}

/** One country or region, by its Chinese name. */
export function CountrySelect({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: string;
  onChange?(v: string): void;
}) {
  return (
    <Select
      id={id}
      showSearch
      value={value}
      onChange={onChange}
      options={OPTIONS}
      optionFilterProp="label"
      style={{ width: 240 }}
    />
  );
}

import { useQuery } from '@tanstack/react-query';
import { Descriptions, Drawer, List, Tag, Typography } from 'antd';
import { DEPARTMENT_KIND_LABELS } from '../../../../core/labels.js';
import { beijingTime } from '../../../shared/format.js';
import { PageState } from '../../../shared/PageState.js';
import { departmentsQueries, type DepartmentDetailView, type ManagedDepartmentView } from './api.js';

type Version = DepartmentDetailView['versions'][number];
type Snapshot = NonNullable<Version['after']>;

const CHANGE_LABELS: Record<Version['change'], string> = {
  seeded: '初始名录',
  created: '新增',
  updated: '修改',
  imported: '导入',
  'contacts-updated': '修改联系人',
  deactivated: '停用',
  activated: '启用',
  deleted: '删除',
};

const FIELDS: [label: string, text: (s: Snapshot) => string][] = [
  ['名称', (s) => s.name],
  ['类型', (s) => DEPARTMENT_KIND_LABELS[s.kind]],
  ['所属设区市', (s) => s.cityName ?? '—'],
  ['区划代码', (s) => s.divisionCode ?? '—'],
  ['状态', (s) => (s.active ? '启用' : '停用')],
  ['联系人', (s) => s.contact.name || '—'],
  ['联系电话', (s) => s.contact.phone || '—'],
  ['电子邮箱', (s) => s.contact.email || '—'],
];

/** What changed in a version: each field whose text differs, before → after. */
function Changes({ version }: { version: Version }) {
  const { before, after } = version;
  const rows = FIELDS.map(([label, text]) => ({
    label,
    before: before ? text(before) : undefined,
    after: after ? text(after) : undefined,
  })).filter((r) => r.before !== r.after);
  return (
    <Descriptions
      size="small"
      column={1}
      items={rows.map((r) => ({
        key: r.label,
        label: r.label,
        children: r.before === undefined ? r.after : `${r.before} → ${r.after ?? '（已删除）'}`,
      }))}
    />
  );
}

/** 历次版本 of one department, newest first, with what refers to it. */
export function HistoryDrawer({
  department,
  onClose,
}: {
  department: ManagedDepartmentView;
  onClose(): void;
}) {
  const detail = useQuery(departmentsQueries.detail(department.id));
  return (
    <Drawer title={`${department.name} 的修改记录`} open onClose={onClose} size="large">
      <PageState query={detail}>
        {({ references, versions }) => (
          <>
            <Typography.Paragraph type="secondary">
              引用：申报书 {references.applications} 份，申报单位 {references.organizations} 家，账号{' '}
              {references.users} 个，所辖县（市） {references.counties} 个
            </Typography.Paragraph>
            <List
              dataSource={versions}
              renderItem={(v) => (
                <List.Item key={v.version}>
                  <List.Item.Meta
                    title={
                      <>
                        <Tag>{CHANGE_LABELS[v.change]}</Tag>第 {v.version} 版 · {beijingTime(v.at)} ·{' '}
                        {v.actorName ?? '系统'}
                      </>
                    }
                    description={<Changes version={v} />}
                  />
                </List.Item>
              )}
            />
          </>
        )}
      </PageState>
    </Drawer>
  );
}

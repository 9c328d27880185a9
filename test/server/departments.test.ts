import { describe, expect, it } from 'vitest';
import { repositories } from '../../src/server/repositories/index.js';
import type { DepartmentView } from '../../src/contract/departments.js';
import { seedDepartments } from '../../src/server/seed/departments.js';
import { useTestApp } from '../support/harness.js';

const t = useTestApp();

async function listDepartments(): Promise<DepartmentView[]> {
  const response = await t.app.inject({ method: 'GET', url: '/api/departments' });
  expect(response.statusCode).toBe(200);
  return response.json().departments;
}

describe('GET /api/departments', () => {
  it('无需登录即可列出全部项目主管部门', async () => {
    const departments = await listDepartments();
    const count = (kind: DepartmentView['kind']) => departments.filter((d) => d.kind === kind).length;
    expect(count('city')).toBe(13);
    expect(count('county')).toBe(21);
    expect(count('national-hitech-zone')).toBe(18);
    expect(count('provincial-hitech-zone')).toBeGreaterThan(0);
    expect(count('university')).toBeGreaterThan(0);
    expect(count('provincial-agency')).toBe(1);
    expect(departments).toContainEqual(
      expect.objectContaining({
        name: '南京市科学技术局',
        kind: 'city',
        divisionCode: '320100',
        cityId: null,
      }),
    );
  });

  it('县（市）科技局挂在所属设区市下', async () => {
    const departments = await listDepartments();
    const kunshan = departments.find((d) => d.name === '昆山市科学技术局');
    const suzhou = departments.find((d) => d.name === '苏州市科学技术局');
    expect(kunshan).toMatchObject({ kind: 'county', divisionCode: '320583', cityId: suzhou?.id });
    expect(departments.filter((d) => d.kind !== 'county').every((d) => d.cityId === null)).toBe(true);
  });

  it('重复导入不产生重复记录，编号不变', async () => {
    const before = await repositories(t.db).departments.list();
    await seedDepartments(t.db);
    const after = await repositories(t.db).departments.list();
    expect(after.map((d) => [d.id, d.name])).toEqual(before.map((d) => [d.id, d.name]));
  });
});

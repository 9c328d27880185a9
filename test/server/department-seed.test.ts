import { beforeAll, describe, expect, it } from 'vitest';
import bodies from '../../src/core/reference/data/jiangsu_recommending_bodies.json' with { type: 'json' };
import divisions from '../../src/core/reference/data/jiangsu_divisions.json' with { type: 'json' };
import type { DepartmentView } from '../../src/contract/departments.js';
import { repositories } from '../../src/server/repositories/index.js';
import { seedDepartments } from '../../src/server/seed/departments.js';
import { contact, listDepartments } from '../support/api/department-directory.js';
import { inject, insertUser, useTestApp } from '../support/harness.js';

// The seeded 主管部门名录 as the reference data gives it, in a database of its own: the editing tests
// (departments.test.ts) add, retype and rename departments, which would change what these count.

const t = useTestApp();

let province: string;

beforeAll(async () => {
  province = (await insertUser(t, 'province')).cookie;
});

describe('GET /api/departments（注册时选择）', () => {
  it('种子数据与参考数据一致：13 个设区市、县级市和县、18 个国家高新区、所列省级高新区、高校和省有关部门', async () => {
    const departments = await listDepartments(t.app);
    const count = (kind: DepartmentView['kind']) => departments.filter((d) => d.kind === kind).length;
    const countyUnits = divisions.cities.flatMap((c) =>
      c.county_level_units.filter((u) => u.type === 'county_level_city' || u.type === 'county'),
    );
    expect(count('city')).toBe(13);
    expect(countyUnits.filter((u) => u.type === 'county_level_city')).toHaveLength(21);
    expect(count('county')).toBe(countyUnits.length);
    expect(count('national-hitech-zone')).toBe(18);
    expect(count('provincial-hitech-zone')).toBe(divisions.provincial_high_tech_zones.partial_list.length);
    expect(count('university')).toBe(
      bodies.universities.ministry.length + bodies.universities.provincial_partial_list.length,
    );
    expect(count('provincial-agency')).toBe(bodies.provincial_agencies.partial_list.length);
    expect(departments).toContainEqual(
      expect.objectContaining({
        name: '南京市科学技术局',
        kind: 'city',
        divisionCode: '320100',
        cityId: null,
        cityName: '南京市科学技术局',
      }),
    );
    expect(departments.map((d) => d.name)).not.toContain('玄武区科学技术局');
  });

  it('县（市）科技局挂在所属设区市下；高新区按所在设区市归组；列表按设区市排列', async () => {
    const departments = await listDepartments(t.app);
    const suzhou = departments.find((d) => d.name === '苏州市科学技术局')!;
    const kunshan = departments.find((d) => d.name === '昆山市科学技术局');
    expect(kunshan).toMatchObject({
      kind: 'county',
      divisionCode: '320583',
      cityId: suzhou.id,
      cityName: suzhou.name,
    });
    expect(departments.find((d) => d.name === '沛县科学技术局')).toMatchObject({
      kind: 'county',
      divisionCode: '320322',
    });
    expect(departments.find((d) => d.name === '苏州工业园区管理委员会')).toMatchObject({
      cityId: null,
      cityName: suzhou.name,
    });
    expect(departments.filter((d) => d.kind !== 'county').every((d) => d.cityId === null)).toBe(true);
    const seats = departments.map((d) => d.divisionCode?.slice(0, 4) ?? '9999');
    const cityOrder = seats.filter((s) => s !== '9999');
    expect(cityOrder).toEqual([...cityOrder].sort());
    expect(departments.at(-1)!.cityName).toBeNull();
  });

  it('重复导入种子不产生重复记录，编号不变；省里改名或删除的部门不会被种子恢复', async () => {
    const before = await repositories(t.db).departments.list();
    await seedDepartments(t.db);
    const after = await repositories(t.db).departments.list();
    expect(after.map((d) => [d.id, d.name])).toEqual(before.map((d) => [d.id, d.name]));

    const agency = before.find((d) => d.kind === 'provincial-agency')!;
    const renamed = await inject(t.app, {
      method: 'PUT',
      url: `/api/province/departments/${agency.id}`,
      cookie: province,
      payload: {
        name: `${agency.name}（更名）`,
        kind: agency.kind,
        cityId: null,
        divisionCode: null,
        contact: contact(),
      },
    });
    expect(renamed.statusCode).toBe(200);
    await seedDepartments(t.db);
    const names = (await repositories(t.db).departments.list()).map((d) => d.name);
    expect(names).not.toContain(agency.name);
  });
});

import divisions from '../../core/reference/data/jiangsu_divisions.json' with { type: 'json' };
import type { Database } from '../db/database.js';
import { inTransaction } from '../repositories/index.js';
import type { NewDepartment } from '../repositories/departments.js';

// 部省属本科高校 recommend their own applications (notice 三、4); the reference data does not list them.
const SELF_RECOMMENDING_UNIVERSITIES = ['南京大学', '东南大学', '南京航空航天大学', '苏州大学', '江苏大学'];
const PROVINCIAL_AGENCIES = ['江苏省卫生健康委员会'];

/**
 * The 项目主管部门 of the notice's 三、4: each city's and county-level city's S&T bureau, the national and
 * (known) provincial high-tech zones, a few universities and a provincial agency. Idempotent: departments
 * are matched by name, so running it again refreshes them and keeps their ids.
 */
export async function seedDepartments(db: Database): Promise<void> {
  await inTransaction(db, async (repos) => {
    const cities = await repos.departments.upsertByName(
      divisions.cities.map((city) => ({ name: bureau(city.zh), kind: 'city', divisionCode: city.code })),
    );
    const cityIdByCode = new Map(cities.map((city) => [city.divisionCode, city.id]));
    const counties: NewDepartment[] = divisions.cities.flatMap((city) =>
      city.county_level_cities.map((county) => ({
        name: bureau(county.zh),
        kind: 'county' as const,
        cityId: cityIdByCode.get(city.code)!,
        divisionCode: county.code,
      })),
    );
    const zones: NewDepartment[] = [
      ...divisions.national_high_tech_zones.map((zone) => ({
        name: committee(zone.zh),
        kind: 'national-hitech-zone' as const,
        divisionCode: zone.city,
      })),
      ...divisions.provincial_high_tech_zones.partial_list.map((zone) => ({
        name: committee(zone.zh),
        kind: 'provincial-hitech-zone' as const,
        divisionCode: zone.city,
      })),
    ];
    const others: NewDepartment[] = [
      ...SELF_RECOMMENDING_UNIVERSITIES.map((name) => ({ name, kind: 'university' as const })),
      ...PROVINCIAL_AGENCIES.map((name) => ({ name, kind: 'provincial-agency' as const })),
    ];
    await repos.departments.upsertByName([...counties, ...zones, ...others]);
  });
}

const bureau = (division: string) => `${division}科学技术局`;
const committee = (zone: string) => `${zone}管理委员会`;

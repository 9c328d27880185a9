import bodies from '../../core/reference/data/jiangsu_recommending_bodies.json' with { type: 'json' };
import divisions from '../../core/reference/data/jiangsu_divisions.json' with { type: 'json' };
import type { Database } from '../db/database.js';
import { inTransaction } from '../repositories/index.js';
import { type NewDepartment, snapshotOf } from '../repositories/departments.js';

/** The county-level units with a 科技局 of their own under their city: county-level cities and counties (县). */
const COUNTY_LEVEL = new Set(['county_level_city', 'county']);

/**
 * The 项目主管部门 of the notice's 三、4, from the reference data: each city's S&T bureau, the S&T bureaus of its
 * county-level cities and counties (under it, sharing its quota), the national and the listed provincial
 * high-tech zones, the listed universities and provincial agencies. Districts are not departments: a district's
 * applicants apply through their city. It adds only what the directory has never held (by name, across the
 * versions), so the province's edits, renames and deletions are never undone; ids of existing rows stay.
 */
export async function seedDepartments(db: Database): Promise<void> {
  await inTransaction(db, async (repos) => {
    const held = await repos.departments.namesEverHeld();
    for (const department of await repos.departments.list()) held.add(department.name);
    const fresh = (rows: NewDepartment[]) => rows.filter((row) => !held.has(row.name));
    const at = new Date();
    const record = async (rows: NewDepartment[]) => {
      const inserted = await repos.departments.insertNew(fresh(rows));
      for (const department of inserted) {
        await repos.departments.addVersion({
          departmentId: department.id,
          change: 'seeded',
          before: null,
          after: snapshotOf(department),
          actorUserId: null,
          at,
        });
      }
    };

    await record(
      divisions.cities.map((city) => ({ name: bureau(city.zh), kind: 'city', divisionCode: city.code })),
    );
    const cityIdByCode = new Map(
      (await repos.departments.list()).filter((d) => d.kind === 'city').map((d) => [d.divisionCode, d.id]),
    );
    const counties: NewDepartment[] = divisions.cities.flatMap((city) => {
      const cityId = cityIdByCode.get(city.code);
      if (!cityId) return [];
      return city.county_level_units
        .filter((unit) => COUNTY_LEVEL.has(unit.type))
        .map((unit) => ({ name: bureau(unit.zh), kind: 'county' as const, cityId, divisionCode: unit.code }));
    });
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
      ...[...bodies.universities.ministry, ...bodies.universities.provincial_partial_list].map((u) => ({
        name: u.zh,
        kind: 'university' as const,
      })),
      ...bodies.provincial_agencies.partial_list.map((a) => ({
        name: a.zh,
        kind: 'provincial-agency' as const,
      })),
    ];
    await record([...counties, ...zones, ...others]);
  });
}

const bureau = (division: string) => `${division}科学技术局`;
const committee = (zone: string) => `${zone}管理委员会`;

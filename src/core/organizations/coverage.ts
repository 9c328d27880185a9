import type { DepartmentKind, OrganizationKind } from '../bundle/schema.js';
import { ORGANIZATION_KIND_LABELS } from '../labels.js';

/**
 * Which organizations a 项目主管部门 of each kind may recommend, by the organization's kind. A territorial
 * department (科技局, 高新区) and 省有关部门 take every kind in their charge; a 部省属本科高校 recommends only
 * itself and its own institutes, recognised by a name that begins with the university's.
 */
export const COVERED_KINDS: Readonly<Record<DepartmentKind, readonly OrganizationKind[]>> = {
  city: ['enterprise', 'university', 'institute', 'other'],
  county: ['enterprise', 'university', 'institute', 'other'],
  'national-hitech-zone': ['enterprise', 'university', 'institute', 'other'],
  'provincial-hitech-zone': ['enterprise', 'university', 'institute', 'other'],
  'provincial-agency': ['enterprise', 'university', 'institute', 'other'],
  university: ['university', 'institute'],
};

/** Why `department` may not be the 主管部门 of `organization`, in Chinese; `undefined` when it may. */
export function coverageRefusal(
  department: { kind: DepartmentKind; name: string },
  organization: { kind: OrganizationKind; name: string },
): string | undefined {
  const kindLabel = ORGANIZATION_KIND_LABELS[organization.kind];
  if (!COVERED_KINDS[department.kind].includes(organization.kind)) {
    return `${department.name}只推荐本校及其所属科研机构，${kindLabel}请选择所在地的科技局或高新区`;
  }
  if (department.kind === 'university' && !organization.name.trim().startsWith(department.name)) {
    return `${department.name}只推荐本校及其所属科研机构（单位名称以“${department.name}”开头）`;
  }
  return undefined;
}

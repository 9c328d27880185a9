import fc from 'fast-check';
import {
  DEPARTMENT_KINDS,
  ONGOING_PROGRAMS,
  ORGANIZATION_KINDS,
  PLATFORMS,
} from '../../src/core/bundle/schema.js';
import {
  application,
  bundle,
  creditCode,
  department,
  document,
  organization,
  person,
} from './factories/bundle.js';

// Valid bundles spread over the space the rules care about: several applicants, PIs and departments,
// every topic, money near the caps, partners from every kind of country, documents present or not,
// recommendations and separate slots, and external submissions that collide with the applications.

const COUNTRIES = ['KZ', 'DE', 'GB', 'HK', 'TW', 'SG', 'NO', 'US', 'CN', 'PA', 'IT'];
const FIELDS = ['生物医药', '智慧农业', '人工智能', '量子计算'];
const TITLES = [
  '面向智慧农业的物联网传感网络联合研发',
  '氢燃料电池膜电极低铂催化剂研究',
  '短题',
  '新型功能材料的界面调控与器件应用',
];

const mostly = (value: boolean) =>
  fc.oneof({ arbitrary: fc.constant(value), weight: 8 }, { arbitrary: fc.constant(!value), weight: 1 });
const money = fc.integer({ min: 0, max: 5_000_000 });
const day = fc
  .integer({ min: 0, max: 3000 })
  .map((n) => new Date(Date.UTC(2023, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const instant = fc
  .integer({ min: 0, max: 20 * 24 * 60 })
  .map((m) => new Date(Date.UTC(2026, 4, 8) + m * 60_000).toISOString().replace('.000Z', 'Z'));

export const validBundle = fc
  .record({
    orgs: fc.array(
      fc.record({
        kind: fc.constantFrom(...ORGANIZATION_KINDS),
        inJiangsu: mostly(true),
        registeredOn: day,
        platforms: fc.subarray([...PLATFORMS], { maxLength: 2 }),
        ongoing: fc.subarray([...ONGOING_PROGRAMS], { maxLength: 1 }),
        sameCode: fc.boolean(),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    people: fc.array(
      fc.record({ ongoing: fc.integer({ min: 0, max: 1 }), name: fc.constantFrom('张三', '李四', '') }),
      {
        minLength: 1,
        maxLength: 4,
      },
    ),
    deptKinds: fc.array(fc.constantFrom(...DEPARTMENT_KINDS.filter((k) => k !== 'county')), {
      minLength: 1,
      maxLength: 3,
    }),
    counties: fc.integer({ min: 0, max: 2 }),
    apps: fc.array(
      fc.record({
        topic: fc.constantFrom(1, 2, 3, 4, 5),
        direction: fc.constantFrom(undefined, 'big-science', 'platform-inbound', 'platform-outbound'),
        directed: fc.boolean(),
        org: fc.nat(),
        pi: fc.nat(),
        dept: fc.nat(),
        country: fc.constantFrom(...COUNTRIES),
        field: fc.constantFrom(...FIELDS),
        title: fc.constantFrom(...TITLES),
        budget: fc.record({ total: money, jiangsuTotal: money, provincialFunding: money }),
        dropDocs: fc.subarray([0, 1, 2, 3, 4, 5]),
        partner: mostly(true),
        submittedAt: fc.option(instant, { nil: undefined }),
        recommendation: fc.option(
          fc.record({
            status: fc.constantFrom('recommended', 'not-recommended'),
            separateSlot: fc.boolean(),
            at: instant,
          }),
          { nil: undefined },
        ),
        ethics: fc.record({ ai: fc.boolean(), germplasm: fc.boolean(), reviewApproved: fc.boolean() }),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    externals: fc.array(
      fc.record({
        org: fc.nat(),
        pi: fc.nat(),
        title: fc.constantFrom(...TITLES),
        nsf: fc.boolean(),
        directed: fc.boolean(),
      }),
      { maxLength: 3 },
    ),
  })
  .map((s) => {
    const organizations = s.orgs.map((o, i) =>
      organization({
        id: `o${i}`,
        kind: o.kind,
        inJiangsu: o.inJiangsu,
        registeredOn: o.registeredOn,
        platforms: o.platforms,
        ongoingProjects: o.ongoing.map((program) => ({ program })),
        creditCode: o.sameCode ? creditCode(1) : creditCode(100 + i),
      }),
    );
    const people = s.people.map((p, i) =>
      person({
        id: `p${i}`,
        name: p.name,
        employer: `o${i % organizations.length}`,
        ongoingProvincialProjects: p.ongoing,
      }),
    );
    const departments = s.deptKinds.map((kind, i) => department({ id: `d${i}`, kind }));
    const cities = departments.filter((d) => d.kind === 'city');
    if (cities.length > 0) {
      for (let i = 0; i < s.counties; i++)
        departments.push(department({ id: `c${i}`, kind: 'county', city: cities[0]!.id }));
    }
    const applications = s.apps.map((a, i) => {
      const applicant = `o${a.org % organizations.length}`;
      const base = application({
        id: `a${i}`,
        topic: a.topic,
        applicant,
        pi: `p${a.pi % people.length}`,
        department: departments[a.dept % departments.length]!.id,
        title: a.title,
      });
      return {
        ...base,
        direction: a.topic === 1 ? a.direction : undefined,
        directed: a.directed,
        field: a.field,
        partner: a.partner ? { ...base.partner!, country: a.country } : undefined,
        budget: a.budget,
        documents: base.documents
          .filter((_, j) => !a.dropDocs.includes(j))
          .concat(a.topic === 1 ? [document({ kind: 'platform-proof', parties: [applicant] })] : []),
        submittedAt: a.submittedAt,
        recommendation: a.recommendation,
        ethics: { ...base.ethics, ...a.ethics },
      };
    });
    const externalSubmissions = s.externals.map((e) => ({
      program: e.nsf ? 'natural-science-fund' : '省重点研发计划',
      creditCode: organizations[e.org % organizations.length]!.creditCode,
      piName: people[e.pi % people.length]!.name,
      title: e.title,
      summary: '',
      directed: e.directed,
    }));
    return bundle({ organizations, people, departments, applications, externalSubmissions });
  });

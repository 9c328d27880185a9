import { and, asc, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Direction, TopicNumber } from '../../core/bundle/schema.js';
import type { Database } from '../db/database.js';
import { applications, departments } from '../db/schema.js';
import { receivedLive } from './applications.js';

// The province's overview of a call, aggregated in the database: what was received (submitted, neither a draft
// again nor withdrawn), by topic, department, partner country and hour, and the provincial funding requested.

export interface StreamCap {
  topic: TopicNumber;
  direction: Direction | null;
  cap: number;
}

const recommended = sql<number>`count(*) filter (where ${applications.status} = 'recommended')::int`;
// 省拨款 of 江苏方 in the 经费预算表 (budgetFromTable), or a draft's own total written before the table.
const requested = sql`coalesce(coalesce(${applications.form} #> '{budgetTable,jiangsu}', ${applications.form} #> '{budgetTable,whole}') #> '{sources,provincial}', ${applications.form} #> '{budget,provincialFunding}')`;
const funding = sql`(${requested} #>> '{}')::float8`;
const fundingIsNumber = sql`jsonb_typeof(${requested}) = 'number'`;
const quantile = (q: number) =>
  sql<number>`percentile_cont(${sql.raw(String(q))}) within group (order by ${funding})`;

export class DashboardRepository {
  constructor(private readonly db: Database) {}

  private received(callId: string): SQL {
    return and(eq(applications.callId, callId), receivedLive)!;
  }

  byTopic(callId: string) {
    return this.db
      .select({ topic: applications.topic, received: count(), recommended })
      .from(applications)
      .where(this.received(callId))
      .groupBy(applications.topic)
      .orderBy(asc(applications.topic));
  }

  byStatus(callId: string) {
    return this.db
      .select({ status: applications.status, received: count() })
      .from(applications)
      .where(this.received(callId))
      .groupBy(applications.status);
  }

  byDepartment(callId: string) {
    return this.db
      .select({
        departmentId: departments.id,
        name: departments.name,
        kind: departments.kind,
        received: count(),
        recommended,
      })
      .from(applications)
      .innerJoin(departments, eq(departments.id, applications.departmentId))
      .where(this.received(callId))
      .groupBy(departments.id)
      .orderBy(desc(count()), asc(departments.name));
  }

  /** By the main foreign partner's ISO code; `null` for applications without one (专题一). */
  byCountry(callId: string) {
    const country = sql<string | null>`${applications.form} -> 'partner' ->> 'country'`;
    return this.db
      .select({ country, received: count() })
      .from(applications)
      .where(this.received(callId))
      .groupBy(country)
      .orderBy(desc(count()), asc(country));
  }

  /** Per topic and direction: how many ask for funding, how much in all, its quartiles, and how many ask over the cap. */
  funding(callId: string, caps: readonly StreamCap[]) {
    const cap = sql`case ${sql.join(
      caps.map(
        (c) =>
          sql`when ${applications.topic} = ${c.topic} and ${applications.direction} is not distinct from ${c.direction} then ${c.cap}::float8`,
      ),
      sql` `,
    )} end`;
    return this.db
      .select({
        topic: applications.topic,
        direction: applications.direction,
        count: count(),
        sum: sql<number>`sum(${funding})`.mapWith(Number),
        min: sql<number>`min(${funding})`.mapWith(Number),
        q1: quantile(0.25).mapWith(Number),
        median: quantile(0.5).mapWith(Number),
        q3: quantile(0.75).mapWith(Number),
        max: sql<number>`max(${funding})`.mapWith(Number),
        overCap: sql<number>`count(*) filter (where ${funding} > ${cap})::int`,
      })
      .from(applications)
      .where(and(this.received(callId), fundingIsNumber))
      .groupBy(applications.topic, applications.direction)
      .orderBy(asc(applications.topic), asc(applications.direction));
  }

  /** Submissions per whole hour (epoch ms of the hour's start) in [from, to); hours without one are absent. */
  async submissionsByHour(callId: string, from: Date, to: Date): Promise<{ hour: number; count: number }[]> {
    const hour = sql<number>`floor(extract(epoch from ${applications.submittedAt}) / 3600)::int`;
    const rows = await this.db
      .select({ hour, count: count() })
      .from(applications)
      .where(
        and(this.received(callId), gte(applications.submittedAt, from), lt(applications.submittedAt, to)),
      )
      .groupBy(hour)
      .orderBy(asc(hour));
    return rows.map((r) => ({ hour: r.hour * 3_600_000, count: r.count }));
  }
}

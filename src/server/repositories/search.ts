import { ilike, or, sql, type SQL } from 'drizzle-orm';
import { applications, departments, experts, organizations, people, users } from '../db/schema.js';

// Text search on lists (`q`): ILIKE, so that PGlite and PostgreSQL answer alike without an extension.

/** `q` as an ILIKE pattern for "contains", its `%`, `_` and `\` taken literally (`\` is LIKE's default escape). */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Applications whose title, acceptance number, applicant's name or project leader's name contains `q`; no
 * condition for an absent or blank `q`. Correlated subqueries, so the caller need not join the names.
 */
export function applicationMatches(q: string | undefined): SQL | undefined {
  const term = q?.trim();
  if (!term) return undefined;
  const pattern = containsPattern(term);
  return or(
    ilike(sql`${applications.form}->>'title'`, pattern),
    ilike(applications.acceptanceNo, pattern),
    sql`exists (select 1 from ${organizations} where ${organizations.id} = ${applications.organizationId} and ${organizations.name} ilike ${pattern})`,
    sql`exists (select 1 from ${people} where ${people.id} = ${applications.piId} and ${people.name} ilike ${pattern})`,
  );
}

/** Experts whose name, organization or one of whose fields contains `q`; no condition for an absent or blank `q`. */
export function expertMatches(q: string | undefined): SQL | undefined {
  const term = q?.trim();
  if (!term) return undefined;
  const pattern = containsPattern(term);
  return or(
    ilike(experts.name, pattern),
    ilike(experts.organizationName, pattern),
    ilike(sql`array_to_string(${experts.fields}, ' ')`, pattern),
  );
}

/** Officials whose login, name, e-mail or department's name contains `q` (the query joins departments). */
export function officialMatches(q: string | undefined): SQL | undefined {
  const term = q?.trim();
  if (!term) return undefined;
  const pattern = containsPattern(term);
  return or(
    ilike(users.login, pattern),
    ilike(users.displayName, pattern),
    ilike(users.email, pattern),
    ilike(departments.name, pattern),
  );
}

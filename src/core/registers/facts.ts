import type { Organization } from '../bundle/schema.js';
import type { DishonestyRecord } from './dishonesty.js';
import type { OngoingProjectRecord } from './ongoing-projects.js';

// What the registers say of one organization or person on a day, in the bundle's terms. Organizations are
// matched by credit code; a person by ID number where both sides have one, else by name and the employer's
// credit code (a register names the person's organization, not a record of ours).

export interface PersonIdentity {
  name: string;
  idNumber: string | null;
  employerCreditCode: string;
}

interface NamedSubject {
  name: string;
  idNumber: string | null;
  creditCode: string | null;
}

export function isSamePerson(person: PersonIdentity, subject: NamedSubject): boolean {
  if (person.idNumber && subject.idNumber) return person.idNumber.toUpperCase() === subject.idNumber;
  return subject.creditCode === person.employerCreditCode && subject.name === person.name.trim();
}

interface Period {
  startsOn: string;
  endsOn: string;
}

const inForce = (p: Period, date: string) => p.startsOn <= date && date <= p.endsOn;

/** The latest end of the periods that have begun by `date`; one that ended before `date` changes no verdict. */
function latestEnd(records: readonly Period[], date: string): string | undefined {
  const ends = records.filter((r) => r.startsOn <= date).map((r) => r.endsOn);
  return ends.length === 0 ? undefined : ends.reduce((a, b) => (a > b ? a : b));
}

export interface OrganizationFacts {
  ongoingProjects: Organization['ongoingProjects'];
  dishonestyUntil?: string;
}

export function organizationFacts(
  creditCode: string,
  date: string,
  ongoing: readonly OngoingProjectRecord[],
  dishonesty: readonly DishonestyRecord[],
): OrganizationFacts {
  const until = latestEnd(
    dishonesty.filter((d) => d.subject === 'organization' && d.creditCode === creditCode),
    date,
  );
  return {
    ongoingProjects: ongoing
      .filter((p) => p.creditCode === creditCode && inForce(p, date))
      .map((p) => ({ program: p.program, title: p.title })),
    ...(until ? { dishonestyUntil: until } : {}),
  };
}

export interface PersonFacts {
  ongoingProvincialProjects: number;
  dishonestyUntil?: string;
}

export function personFacts(
  person: PersonIdentity,
  date: string,
  ongoing: readonly OngoingProjectRecord[],
  dishonesty: readonly DishonestyRecord[],
): PersonFacts {
  const until = latestEnd(
    dishonesty.filter((d) => d.subject === 'person' && isSamePerson(person, d)),
    date,
  );
  return {
    ongoingProvincialProjects: ongoing.filter(
      (p) =>
        inForce(p, date) &&
        isSamePerson(person, { name: p.piName, idNumber: p.piIdNumber, creditCode: p.creditCode }),
    ).length,
    ...(until ? { dishonestyUntil: until } : {}),
  };
}

/** The later of two optional dates. */
export function laterDate(a: string | undefined, b: string | undefined): string | undefined {
  return a && b ? (a > b ? a : b) : (a ?? b);
}

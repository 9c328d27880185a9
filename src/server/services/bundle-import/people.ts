import type { Bundle, Person as BundlePerson } from '../../../core/bundle/schema.js';
import { changesWithoutIdNumbers, withoutIdNumbers } from '../../audit/personal-data.js';
import type { Person } from '../../repositories/people.js';
import { diffForm } from '../submission-changes.js';
import type { ImportRun } from './run.js';

/** The PIs, within their employer: by the key of an earlier import, else the ID number, else the name. */
export async function importPeople(
  run: ImportRun,
  bundle: Bundle,
  orgIds: Map<string, string>,
  idNumbers: Map<string, string>,
): Promise<Map<string, string>> {
  const pis = new Set(bundle.applications.map((a) => a.pi));
  const wanted = bundle.people.filter((p) => pis.has(p.id));
  const known = await run.repos.importKeys.peopleOf([...new Set(wanted.map((p) => orgIds.get(p.employer)!))]);
  const ids = new Map<string, string>();
  for (const p of wanted) {
    const i = bundle.people.indexOf(p);
    const employerId = orgIds.get(p.employer)!;
    const idNumber = idNumbers.get(p.id) ?? null;
    const colleagues = known.filter((k) => k.employerId === employerId);
    const ours = run.key('person', p.id);
    const keyed = ours && colleagues.find((k) => k.id === ours.dbId);
    const sameName = colleagues.filter((k) => k.name === p.name);
    if (!keyed && !idNumber && sameName.length > 1) {
      run.problems.push({
        path: `people[${i}].name`,
        message: `单位中有 ${sameName.length} 位名为“${p.name}”的人员，请在 idNumber 中注明证件号码以区分`,
      });
      continue;
    }
    const match = keyed ?? (idNumber ? colleagues.find((k) => k.idNumber === idNumber) : sameName[0]);
    const values = personValues(p, idNumber ?? match?.idNumber ?? null);
    if (!match) {
      const row = await run.repos.people.insert({ employerId, ...values });
      known.push(row);
      await run.remember('person', p.id, row.id, true);
      await run.audit('person-created', 'person', row.id, null, {
        employerId,
        ...withoutIdNumbers(values),
      });
      run.count('created', 'person');
      ids.set(p.id, row.id);
      continue;
    }
    ids.set(p.id, match.id);
    const changes = diffForm(personValues(match, match.idNumber), values);
    if (ours?.created && ours.dbId === match.id && changes.length > 0) {
      await run.repos.importKeys.updatePerson(match.id, values);
      await run.audit(
        'person-updated',
        'person',
        match.id,
        withoutIdNumbers(personValues(match, match.idNumber)),
        { changes: changesWithoutIdNumbers(changes) },
      );
      run.count('updated', 'person');
      continue;
    }
    if (!ours?.created || ours.dbId !== match.id) await run.remember('person', p.id, match.id, false);
    run.count('unchanged', 'person');
  }
  return ids;
}

/** `people[i].idNumber`: not in the bundle's schema (extra fields are ignored by the checker), read by the import. */
export function declaredIdNumbers(input: unknown): Map<string, string> {
  const people = (input as { people?: unknown }).people;
  const found = new Map<string, string>();
  if (!Array.isArray(people)) return found;
  for (const p of people as { id?: unknown; idNumber?: unknown }[]) {
    if (typeof p?.id === 'string' && typeof p.idNumber === 'string' && p.idNumber.trim() !== '') {
      found.set(p.id, p.idNumber.trim().toUpperCase());
    }
  }
  return found;
}

/** A bundle's person or a row, in one shape. */
const personValues = (p: BundlePerson | Person, idNumber: string | null) => ({
  name: p.name,
  idNumber,
  ongoingProvincialProjects: p.ongoingProvincialProjects,
  dishonestyUntil: p.dishonestyUntil ?? null,
});

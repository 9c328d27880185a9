import type { Bundle, Person as BundlePerson } from '../../../core/bundle/schema.js';
import { changesWithoutIdNumbers, withoutIdNumbers } from '../../audit/personal-data.js';
import type { Person } from '../../repositories/people.js';
import { diffForm } from '../submission-changes.js';
import type { ImportRun } from './run.js';

/**
 * The PIs, within an employer the run may write under: by the key of an earlier import, else by the ID number
 * the bundle declares, never by name (a person without one is new). Only people this importer's imports
 * created are updated; others are used as they are.
 */
export async function importPeople(
  run: ImportRun,
  bundle: Bundle,
  orgIds: Map<string, string>,
  idNumbers: Map<string, string>,
): Promise<Map<string, string>> {
  const pis = new Set(bundle.applications.map((a) => a.pi));
  const wanted = bundle.people.filter((p) => pis.has(p.id) && orgIds.has(p.employer));
  const known = await run.repos.importKeys.peopleOf([...new Set(wanted.map((p) => orgIds.get(p.employer)!))]);
  const creators = await run.repos.importKeys.creators(
    'person',
    known.map((k) => k.id),
  );
  const ids = new Map<string, string>();
  for (const p of wanted) {
    const employerId = orgIds.get(p.employer)!;
    const idNumber = idNumbers.get(p.id) ?? null;
    const colleagues = known.filter((k) => k.employerId === employerId);
    const keyed = colleagues.find((k) => k.id === run.key('person', p.id)?.dbId);
    const match = keyed ?? (idNumber ? colleagues.find((k) => k.idNumber === idNumber) : undefined);
    const values = personValues(p, idNumber ?? match?.idNumber ?? null);
    if (!match) {
      const row = await run.repos.people.insert({ employerId, ...values });
      known.push(row);
      creators.set(row.id, new Set([run.importerKey]));
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
    const createdByUs = creators.get(match.id)?.has(run.importerKey) ?? false;
    await run.remember('person', p.id, match.id, createdByUs);
    const changes = diffForm(personValues(match, match.idNumber), values);
    if (createdByUs && changes.length > 0) {
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
    run.count('unchanged', 'person');
  }
  return ids;
}

/** A bundle's person or a row, in one shape. */
const personValues = (p: BundlePerson | Person, idNumber: string | null) => ({
  name: p.name,
  idNumber,
  ongoingProvincialProjects: p.ongoingProvincialProjects,
  dishonestyUntil: p.dishonestyUntil ?? null,
});

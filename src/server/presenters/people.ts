import { maskIdNumber } from '../../core/masking.js';
import type { PersonWithLogin } from '../repositories/people.js';
import type { PersonView } from '../../contract/people.js';

/** The number is masked here too: the administrator typed it, and needs only to recognise it again. */
export function presentPerson(person: PersonWithLogin): PersonView {
  return {
    id: person.id,
    name: person.name,
    idNumber: person.idNumber && maskIdNumber(person.idNumber),
    ongoingProvincialProjects: person.ongoingProvincialProjects,
    dishonestyUntil: person.dishonestyUntil,
    login: person.login,
  };
}

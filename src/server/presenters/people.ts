import type { PersonWithLogin } from '../repositories/people.js';
import type { PersonView } from '../../contract/people.js';

export function presentPerson(person: PersonWithLogin): PersonView {
  return {
    id: person.id,
    name: person.name,
    idNumber: person.idNumber,
    ongoingProvincialProjects: person.ongoingProvincialProjects,
    dishonestyUntil: person.dishonestyUntil,
    login: person.login,
  };
}

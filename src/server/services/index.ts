import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { repositories } from '../repositories/index.js';
import { AccountService } from './accounts.js';
import { AuthService } from './auth.js';
import { DepartmentService } from './departments.js';
import { HealthService } from './health.js';
import { PeopleService } from './people.js';

export function createServices({ db, clock, config }: { db: Database; clock: Clock; config: Config }) {
  const repos = repositories(db);
  return {
    accounts: new AccountService(db, repos),
    auth: new AuthService(repos, clock, config),
    departments: new DepartmentService(repos),
    health: new HealthService(repos),
    people: new PeopleService(db, repos),
  };
}

export type Services = ReturnType<typeof createServices>;

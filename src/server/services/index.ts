import { join } from 'node:path';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { repositories } from '../repositories/index.js';
import { LocalFileStore } from '../storage/local-file-store.js';
import { ReceiptSigner } from '../security/receipt-signing.js';
import { AccountService } from './accounts.js';
import { ApplicationService } from './applications.js';
import { CallService } from './calls.js';
import { CommitmentService } from './commitments.js';
import { AuthService } from './auth.js';
import { DepartmentService } from './departments.js';
import { DocumentService } from './documents.js';
import { HealthService } from './health.js';
import { PeopleService } from './people.js';
import { ReviewReportService } from './review-reports.js';
import { ReviewService } from './review.js';

export function createServices({ db, clock, config }: { db: Database; clock: Clock; config: Config }) {
  const repos = repositories(db);
  const calls = new CallService(repos, clock);
  const store = new LocalFileStore(join(config.dataDir, 'files'));
  return {
    applications: new ApplicationService(
      db,
      repos,
      clock,
      calls,
      ReceiptSigner.fromPem(config.receiptPrivateKeyPem),
    ),
    calls,
    accounts: new AccountService(db, repos, clock),
    auth: new AuthService(repos, clock, config),
    departments: new DepartmentService(repos),
    commitments: new CommitmentService(db, repos, store, clock, calls),
    documents: new DocumentService(db, repos, store, clock, config.uploadMaxBytes),
    health: new HealthService(repos),
    people: new PeopleService(db, repos),
    review: new ReviewService(db, repos, clock, calls),
    reviewReports: new ReviewReportService(repos, clock, calls),
  };
}

export type Services = ReturnType<typeof createServices>;

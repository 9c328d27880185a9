import type { Database } from '../db/database.js';
import { AccountTokenRepository } from './account-tokens.js';
import { AppealRepository } from './appeals.js';
import { ApplicationRepository } from './applications.js';
import { AuditRepository, deferringAudit } from './audit.js';
import { AvoidedExpertRepository } from './avoided-experts.js';
import { BundleRepository } from './bundles.js';
import { CallRepository } from './calls.js';
import { CommitmentRepository } from './commitments.js';
import { ContractRepository } from './contracts.js';
import { DashboardRepository } from './dashboard.js';
import { CrossCheckRepository } from './cross-checks.js';
import { DecisionRepository } from './decisions.js';
import { ExpertRepository } from './experts.js';
import { ReviewRoundRepository } from './review-rounds.js';
import { DepartmentRepository } from './departments.js';
import { DocumentRepository } from './documents.js';
import { EntitlementRepository } from './entitlements.js';
import { HealthRepository } from './health.js';
import { ImportKeyRepository } from './import-keys.js';
import { InvitationRepository } from './invitations.js';
import { ObjectionRepository } from './objections.js';
import { OrganizationRepository } from './organizations.js';
import { OrganizationVerificationRepository } from './organization-verification.js';
import { OutboxRepository } from './outbox.js';
import { PanelRepository } from './panels.js';
import { PartnerConfirmationRepository } from './partner-confirmations.js';
import { PaperRepository } from './paper.js';
import { PersonRepository } from './people.js';
import { RateLimitRepository } from './rate-limits.js';
import { RegisterRepository } from './registers.js';
import { ReviewRepository } from './review.js';
import { ScoringFormRepository } from './scoring-forms.js';
import { SessionRepository } from './sessions.js';
import { SnapshotRepository } from './snapshots.js';
import { UserRepository } from './users.js';

/** Every repository over one database or one transaction. */
export function repositories(db: Database) {
  return {
    accountTokens: new AccountTokenRepository(db),
    appeals: new AppealRepository(db),
    applications: new ApplicationRepository(db),
    audit: new AuditRepository(db),
    avoidedExperts: new AvoidedExpertRepository(db),
    bundles: new BundleRepository(db),
    calls: new CallRepository(db),
    commitments: new CommitmentRepository(db),
    contracts: new ContractRepository(db),
    dashboard: new DashboardRepository(db),
    crossChecks: new CrossCheckRepository(db),
    decisions: new DecisionRepository(db),
    experts: new ExpertRepository(db),
    reviewRounds: new ReviewRoundRepository(db),
    departments: new DepartmentRepository(db),
    documents: new DocumentRepository(db),
    entitlements: new EntitlementRepository(db),
    health: new HealthRepository(db),
    importKeys: new ImportKeyRepository(db),
    invitations: new InvitationRepository(db),
    objections: new ObjectionRepository(db),
    organizations: new OrganizationRepository(db),
    organizationVerification: new OrganizationVerificationRepository(db),
    outbox: new OutboxRepository(db),
    panels: new PanelRepository(db),
    paper: new PaperRepository(db),
    partnerConfirmations: new PartnerConfirmationRepository(db),
    people: new PersonRepository(db),
    rateLimits: new RateLimitRepository(db),
    registers: new RegisterRepository(db),
    review: new ReviewRepository(db),
    scoringForms: new ScoringFormRepository(db),
    sessions: new SessionRepository(db),
    snapshots: new SnapshotRepository(db),
    users: new UserRepository(db),
  };
}

export type Repositories = ReturnType<typeof repositories>;

/** Runs `work` in one transaction: all of it is written, or none; its audit entries are appended last. */
export function inTransaction<T>(db: Database, work: (repos: Repositories) => Promise<T>): Promise<T> {
  return db.transaction((tx) => deferringAudit(tx, () => work(repositories(tx))));
}

/** Carries what a rolled-back transaction found out of it. */
class Rollback<T> extends Error {
  constructor(readonly value: T) {
    super('rolled back');
  }
}

/** Runs `work` in a transaction that is then rolled back, and returns what it found. */
export async function rolledBack<T>(db: Database, work: (repos: Repositories) => Promise<T>): Promise<T> {
  try {
    await inTransaction(db, async (repos) => {
      throw new Rollback(await work(repos));
    });
  } catch (error) {
    if (error instanceof Rollback) return error.value as T;
    throw error;
  }
  throw new Error('unreachable: the transaction always rolls back');
}

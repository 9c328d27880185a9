import { join } from 'node:path';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { auditAnchor } from '../audit/anchor.js';
import { repositories } from '../repositories/index.js';
import { LocalFileStore } from '../storage/local-file-store.js';
import { PasswordChecks } from '../security/passwords.js';
import { ReceiptSigner } from '../security/receipt-signing.js';
import { AccountService } from './accounts.js';
import { AnnouncementService } from './announcements.js';
import { AppealService } from './appeals.js';
import { ApplicationService } from './applications.js';
import { AuditService } from './audit.js';
import { AvoidedExpertService } from './avoided-experts.js';
import { CallAdminService } from './call-admin.js';
import { CallDocumentService } from './call-documents.js';
import { CallService } from './calls.js';
import { DashboardService } from './dashboard.js';
import { CommitmentService } from './commitments.js';
import { ContractService } from './contracts.js';
import { CrossCheckService } from './cross-checks.js';
import { AuthService } from './auth.js';
import { BundleReader } from './bundle-import/reader.js';
import { BundleImportService } from './bundle-import/service.js';
import { DecisionService } from './decisions.js';
import { DepartmentImportService } from './department-import.js';
import { DepartmentService } from './departments.js';
import { DocumentService } from './documents.js';
import { EntitlementService } from './entitlements.js';
import { FeedbackService } from './feedback.js';
import { FinalizationService } from './finalization.js';
import { ExpertReviewService } from './experts.js';
import { ExpertDocumentService } from './expert-documents.js';
import { ExpertScoringService } from './experts-scoring.js';
import { ExpertInvitationService } from './expert-invitations.js';
import { ReviewRoundService } from './review-rounds.js';
import { ScoringFormService } from './scoring-forms.js';
import { FormalReviewService } from './formal-review.js';
import { HealthService } from './health.js';
import { PasswordService } from './passwords.js';
import { ObjectionService } from './objections.js';
import { OrganizationUserService } from './organization-users.js';
import { InboxService } from './notifications/inbox.js';
import { OrganizationVerificationService } from './organization-verification.js';
import { PanelService } from './panels.js';
import { PaperService } from './paper.js';
import { PeopleService } from './people.js';
import { RegisterService } from './registers.js';
import { ReviewReportService } from './review-reports.js';
import { ReviewService } from './review.js';
import { DepartmentQuotaService } from './review/quota.js';
import { StaffAccountService } from './staff-accounts.js';

export function createServices({ db, clock, config }: { db: Database; clock: Clock; config: Config }) {
  const repos = repositories(db);
  const calls = new CallService(repos, clock);
  const store = new LocalFileStore(join(config.dataDir, 'files'));
  const departmentQuota = new DepartmentQuotaService(db, repos, clock, calls);
  // One bound on password hashing per process, whichever route checks a password.
  const passwordChecks = new PasswordChecks(config.passwordChecks);
  const departments = new DepartmentService(db, repos, clock);
  const expertScoring = new ExpertScoringService(db, repos, clock);
  const formalReview = new FormalReviewService(db, repos, clock, calls);
  return {
    applications: new ApplicationService(
      db,
      repos,
      clock,
      calls,
      ReceiptSigner.fromPem(config.receiptPrivateKeyPem),
    ),
    calls,
    callAdmin: new CallAdminService(db, repos, clock, calls),
    callDocuments: new CallDocumentService(db, repos, clock, calls),
    dashboard: new DashboardService(repos, calls),
    audit: new AuditService(repos, auditAnchor(db, config.audit, clock)),
    accounts: new AccountService(db, repos, clock),
    auth: new AuthService(repos, clock, config, passwordChecks),
    passwords: new PasswordService(db, repos, clock, config, passwordChecks),
    bundleImport: new BundleImportService(db, clock, calls, new BundleReader(config.bundleParses)),
    departments,
    departmentImport: new DepartmentImportService(db, departments),
    departmentQuota,
    formalReview,
    appeals: new AppealService(db, repos, clock, calls, store, formalReview),
    avoidedExperts: new AvoidedExpertService(db, repos, clock, calls),
    decisions: new DecisionService(db, repos, clock, calls),
    announcements: new AnnouncementService(db, repos, clock, calls),
    objections: new ObjectionService(db, repos, clock, calls, store),
    feedback: new FeedbackService(db, repos, clock, calls),
    commitments: new CommitmentService(db, repos, store, clock, calls),
    contracts: new ContractService(db, repos, clock, calls),
    crossChecks: new CrossCheckService(db, repos, clock, calls),
    documents: new DocumentService(db, repos, store, clock, config.uploadMaxBytes, config.uploadLimits),
    entitlements: new EntitlementService(db, repos, store, clock, calls),
    finalization: new FinalizationService(db, repos, clock, calls, store, config.publicUrl),
    experts: new ExpertReviewService(db, repos, clock),
    expertScoring,
    reviewRounds: new ReviewRoundService(db, repos, clock),
    expertInvitations: new ExpertInvitationService(db, repos, clock),
    scoringForms: new ScoringFormService(db, repos, clock),
    expertDocuments: new ExpertDocumentService(repos, store, calls, expertScoring),
    health: new HealthService(repos),
    organizationUsers: new OrganizationUserService(db, repos, clock, config),
    inbox: new InboxService(db, repos, clock),
    organizationVerification: new OrganizationVerificationService(db, repos, clock, store, config),
    panels: new PanelService(db, repos, clock, calls),
    paper: new PaperService(db, repos, clock, calls),
    people: new PeopleService(db, repos, clock),
    registers: new RegisterService(db, repos, clock),
    review: new ReviewService(db, repos, clock, calls),
    reviewReports: new ReviewReportService(repos, clock, calls),
    staffAccounts: new StaffAccountService(db, repos, clock),
  };
}

export type Services = ReturnType<typeof createServices>;

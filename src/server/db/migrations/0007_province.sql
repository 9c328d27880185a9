CREATE TABLE "call_states" (
	"call_id" text PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	CONSTRAINT "call_states_status" CHECK ("call_states"."status" in ('draft', 'open', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "call_versions" (
	"call_id" text NOT NULL,
	"version" integer NOT NULL,
	"change" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"actor_user_id" uuid,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "call_versions_call_id_version_pk" PRIMARY KEY("call_id","version"),
	CONSTRAINT "call_versions_version_positive" CHECK ("call_versions"."version" > 0)
);
--> statement-breakpoint
CREATE TABLE "cross_check_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"application_id" uuid,
	"department_id" uuid NOT NULL,
	"topic" smallint,
	"rule" text NOT NULL,
	"severity" text NOT NULL,
	"clause" text NOT NULL,
	"message" text NOT NULL,
	"field" text
);
--> statement-breakpoint
CREATE TABLE "cross_check_pairs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"share" double precision NOT NULL,
	"title_share" double precision NOT NULL,
	"summary_share" double precision NOT NULL,
	"rule" text,
	"a" jsonb NOT NULL,
	"b" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cross_check_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"phase" text,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"claimed_by" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"progress_done" integer DEFAULT 0 NOT NULL,
	"progress_total" integer DEFAULT 0 NOT NULL,
	"error" text,
	"summary" jsonb,
	"superseded_by" uuid,
	CONSTRAINT "cross_check_runs_progress" CHECK ("cross_check_runs"."progress_done" between 0 and "cross_check_runs"."progress_total")
);
--> statement-breakpoint
CREATE TABLE "import_keys" (
	"call_id" text NOT NULL,
	"importer" text NOT NULL,
	"entity_type" text NOT NULL,
	"bundle_id" text NOT NULL,
	"db_id" uuid NOT NULL,
	"created" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "import_keys_call_id_importer_entity_type_bundle_id_pk" PRIMARY KEY("call_id","importer","entity_type","bundle_id")
);
--> statement-breakpoint
CREATE TABLE "announcements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" text NOT NULL,
	"title" text NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"entries" jsonb,
	CONSTRAINT "announcements_period" CHECK ("announcements"."ends_on" >= "announcements"."starts_on"),
	CONSTRAINT "announcements_published_whole" CHECK (("announcements"."published_at" is null) = ("announcements"."entries" is null) and ("announcements"."published_at" is null or "announcements"."starts_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"call_id" text NOT NULL,
	"outcome" text NOT NULL,
	"funding" bigint,
	"reason" text NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"decided_by" uuid NOT NULL,
	"announcement_id" uuid,
	"contract_stage_at" timestamp with time zone,
	"contract_stage_by" uuid,
	CONSTRAINT "decisions_outcome" CHECK ("decisions"."outcome" in ('approved', 'rejected')),
	CONSTRAINT "decisions_funding" CHECK (("decisions"."outcome" = 'approved') = ("decisions"."funding" is not null and "decisions"."funding" > 0)),
	CONSTRAINT "decisions_contract_after_publication" CHECK ("decisions"."contract_stage_at" is null or "decisions"."announcement_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "formal_reviews" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"result" text NOT NULL,
	"reasons" jsonb NOT NULL,
	"reviewed_at" timestamp with time zone NOT NULL,
	"reviewed_by" uuid NOT NULL,
	CONSTRAINT "formal_reviews_result" CHECK ("formal_reviews"."result" in ('accepted', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "expert_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"expert_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"assigned_by" uuid NOT NULL,
	"override_reason" text,
	"conflicts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"saved_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "expert_assignments_override_has_reason" CHECK (jsonb_array_length("expert_assignments"."conflicts") = 0 or "expert_assignments"."override_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "expert_conflicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"expert_id" uuid NOT NULL,
	"credit_code" text,
	"application_id" uuid,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	CONSTRAINT "expert_conflicts_one_target" CHECK (("expert_conflicts"."credit_code" is null) <> ("expert_conflicts"."application_id" is null))
);
--> statement-breakpoint
CREATE TABLE "experts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"organization_name" text NOT NULL,
	"organization_credit_code" text,
	"fields" text[] DEFAULT '{}' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "experts_user_id_unique" UNIQUE("user_id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"assignment_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "register_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"call_id" text,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"imported_by" uuid NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	"rows" integer NOT NULL,
	"created" integer NOT NULL,
	"updated" integer NOT NULL,
	"unchanged" integer NOT NULL,
	CONSTRAINT "register_batches_kind" CHECK ("register_batches"."kind" in ('ongoing-projects', 'dishonesty', 'external-submissions'))
);
--> statement-breakpoint
CREATE TABLE "register_dishonesty" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"natural_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"subject" text NOT NULL,
	"name" text NOT NULL,
	"credit_code" text,
	"id_number" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"source" text NOT NULL,
	"record_no" text,
	"reason" text NOT NULL,
	CONSTRAINT "register_dishonesty_subject" CHECK ("register_dishonesty"."subject" in ('organization', 'person'))
);
--> statement-breakpoint
CREATE TABLE "register_external_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"natural_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"call_id" text NOT NULL,
	"department" text NOT NULL,
	"program" text NOT NULL,
	"organization_name" text NOT NULL,
	"credit_code" text NOT NULL,
	"pi_name" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"directed" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_ongoing_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"natural_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"project_no" text NOT NULL,
	"program" text NOT NULL,
	"organization_name" text NOT NULL,
	"credit_code" text NOT NULL,
	"title" text NOT NULL,
	"pi_name" text NOT NULL,
	"pi_id_number" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	CONSTRAINT "register_ongoing_projects_program" CHECK ("register_ongoing_projects"."program" in ('intl-coop', 'frontier-tech', 'major-special', 'other'))
);
--> statement-breakpoint
ALTER TABLE "call_states" ADD CONSTRAINT "call_states_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_versions" ADD CONSTRAINT "call_versions_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_versions" ADD CONSTRAINT "call_versions_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_check_findings" ADD CONSTRAINT "cross_check_findings_run_id_cross_check_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."cross_check_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_check_pairs" ADD CONSTRAINT "cross_check_pairs_run_id_cross_check_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."cross_check_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_check_runs" ADD CONSTRAINT "cross_check_runs_superseded_by_cross_check_runs_id_fk" FOREIGN KEY ("superseded_by") REFERENCES "public"."cross_check_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_announcement_id_announcements_id_fk" FOREIGN KEY ("announcement_id") REFERENCES "public"."announcements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_contract_stage_by_users_id_fk" FOREIGN KEY ("contract_stage_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "formal_reviews" ADD CONSTRAINT "formal_reviews_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "formal_reviews" ADD CONSTRAINT "formal_reviews_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_assignments" ADD CONSTRAINT "expert_assignments_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_assignments" ADD CONSTRAINT "expert_assignments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_assignments" ADD CONSTRAINT "expert_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_conflicts" ADD CONSTRAINT "expert_conflicts_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_conflicts" ADD CONSTRAINT "expert_conflicts_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_conflicts" ADD CONSTRAINT "expert_conflicts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_assignment_id_expert_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."expert_assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_batches" ADD CONSTRAINT "register_batches_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_batches" ADD CONSTRAINT "register_batches_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_dishonesty" ADD CONSTRAINT "register_dishonesty_batch_id_register_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."register_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_external_submissions" ADD CONSTRAINT "register_external_submissions_batch_id_register_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."register_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_external_submissions" ADD CONSTRAINT "register_external_submissions_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_ongoing_projects" ADD CONSTRAINT "register_ongoing_projects_batch_id_register_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."register_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cross_check_findings_run_rule_idx" ON "cross_check_findings" USING btree ("run_id","rule");--> statement-breakpoint
CREATE INDEX "cross_check_findings_run_department_idx" ON "cross_check_findings" USING btree ("run_id","department_id");--> statement-breakpoint
CREATE INDEX "cross_check_findings_run_application_idx" ON "cross_check_findings" USING btree ("run_id","application_id");--> statement-breakpoint
CREATE INDEX "cross_check_pairs_run_share_idx" ON "cross_check_pairs" USING btree ("run_id","share");--> statement-breakpoint
CREATE INDEX "cross_check_runs_call_idx" ON "cross_check_runs" USING btree ("call_id","requested_at");--> statement-breakpoint
CREATE INDEX "cross_check_runs_pending_idx" ON "cross_check_runs" USING btree ("requested_at") WHERE "cross_check_runs"."status" in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "import_keys_db_idx" ON "import_keys" USING btree ("entity_type","db_id");--> statement-breakpoint
CREATE INDEX "announcements_call_idx" ON "announcements" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "decisions_call_idx" ON "decisions" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "decisions_announcement_idx" ON "decisions" USING btree ("announcement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "expert_assignments_pair_key" ON "expert_assignments" USING btree ("expert_id","application_id");--> statement-breakpoint
CREATE INDEX "expert_assignments_application_idx" ON "expert_assignments" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "expert_conflicts_expert_idx" ON "expert_conflicts" USING btree ("expert_id");--> statement-breakpoint
CREATE INDEX "experts_credit_code_idx" ON "experts" USING btree ("organization_credit_code");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_assignment_kind_key" ON "notifications" USING btree ("assignment_id","kind");--> statement-breakpoint
CREATE INDEX "register_batches_imported_at_idx" ON "register_batches" USING btree ("imported_at");--> statement-breakpoint
CREATE UNIQUE INDEX "register_dishonesty_key" ON "register_dishonesty" USING btree ("natural_key");--> statement-breakpoint
CREATE INDEX "register_dishonesty_credit_code_idx" ON "register_dishonesty" USING btree ("credit_code");--> statement-breakpoint
CREATE INDEX "register_dishonesty_id_number_idx" ON "register_dishonesty" USING btree ("id_number");--> statement-breakpoint
CREATE UNIQUE INDEX "register_external_submissions_key" ON "register_external_submissions" USING btree ("call_id","natural_key");--> statement-breakpoint
CREATE INDEX "register_external_submissions_credit_code_idx" ON "register_external_submissions" USING btree ("call_id","credit_code");--> statement-breakpoint
CREATE INDEX "register_external_submissions_pi_name_idx" ON "register_external_submissions" USING btree ("call_id","pi_name");--> statement-breakpoint
CREATE UNIQUE INDEX "register_ongoing_projects_key" ON "register_ongoing_projects" USING btree ("natural_key");--> statement-breakpoint
CREATE INDEX "register_ongoing_projects_credit_code_idx" ON "register_ongoing_projects" USING btree ("credit_code");--> statement-breakpoint
CREATE INDEX "register_ongoing_projects_pi_id_number_idx" ON "register_ongoing_projects" USING btree ("pi_id_number");
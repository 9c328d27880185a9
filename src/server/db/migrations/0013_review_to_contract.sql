CREATE TABLE "expert_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"invited_at" timestamp with time zone NOT NULL,
	"invited_by" uuid NOT NULL,
	"respond_by" timestamp with time zone NOT NULL,
	"responded_at" timestamp with time zone,
	"decline_reason" text,
	"confidentiality_agreed_at" timestamp with time zone,
	"confidentiality_text" text,
	"declarations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reminded_at" timestamp with time zone,
	CONSTRAINT "expert_invitations_status" CHECK ("expert_invitations"."status" in ('pending', 'accepted', 'declined', 'expired')),
	CONSTRAINT "expert_invitations_declined_has_reason" CHECK ("expert_invitations"."status" <> 'declined' or "expert_invitations"."decline_reason" is not null),
	CONSTRAINT "expert_invitations_accepted_agreed" CHECK ("expert_invitations"."status" <> 'accepted' or "expert_invitations"."confidentiality_agreed_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "expert_vacancies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"cause" text NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"filled_at" timestamp with time zone,
	"filled_by" uuid,
	"replacement_id" uuid,
	CONSTRAINT "expert_vacancies_cause" CHECK ("expert_vacancies"."cause" in ('declined', 'expired', 'conflict'))
);
--> statement-breakpoint
CREATE TABLE "review_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"respond_by" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	CONSTRAINT "review_rounds_kind" CHECK ("review_rounds"."kind" in ('letter', 'feasibility')),
	CONSTRAINT "review_rounds_due_after_answer" CHECK ("review_rounds"."due_at" > "review_rounds"."respond_by")
);
--> statement-breakpoint
CREATE TABLE "scoring_forms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"topic" smallint NOT NULL,
	"version" integer NOT NULL,
	"criteria" jsonb NOT NULL,
	"guidance" text DEFAULT '' NOT NULL,
	"min_comment_length" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	CONSTRAINT "scoring_forms_topic" CHECK ("scoring_forms"."topic" between 1 and 5),
	CONSTRAINT "scoring_forms_version" CHECK ("scoring_forms"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "panel_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"consensus_score" real,
	"recommendation" text,
	"proposed_funding" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone,
	"updated_by" uuid,
	CONSTRAINT "panel_items_recommendation" CHECK ("panel_items"."recommendation" is null or "panel_items"."recommendation" in ('approve', 'reject', 'undecided')),
	CONSTRAINT "panel_items_score_range" CHECK ("panel_items"."consensus_score" is null or ("panel_items"."consensus_score" >= 0 and "panel_items"."consensus_score" <= 100)),
	CONSTRAINT "panel_items_funding_positive" CHECK ("panel_items"."proposed_funding" is null or "panel_items"."proposed_funding" > 0)
);
--> statement-breakpoint
CREATE TABLE "panel_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" text NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"online_link" text,
	"chair_expert_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	"signed_off_at" timestamp with time zone,
	"signed_off_by" uuid,
	CONSTRAINT "panel_meetings_somewhere" CHECK ("panel_meetings"."place" <> '' or "panel_meetings"."online_link" is not null),
	CONSTRAINT "panel_meetings_signed_by" CHECK (("panel_meetings"."signed_off_at" is null) = ("panel_meetings"."signed_off_by" is null))
);
--> statement-breakpoint
CREATE TABLE "panel_members" (
	"meeting_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "panel_members_meeting_id_expert_id_pk" PRIMARY KEY("meeting_id","expert_id")
);
--> statement-breakpoint
CREATE TABLE "panel_votes" (
	"item_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"vote" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL,
	CONSTRAINT "panel_votes_item_id_expert_id_pk" PRIMARY KEY("item_id","expert_id"),
	CONSTRAINT "panel_votes_vote" CHECK ("panel_votes"."vote" in ('support', 'oppose', 'abstain'))
);
--> statement-breakpoint
CREATE TABLE "project_contracts" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"call_id" text NOT NULL,
	"basics_applied" jsonb NOT NULL,
	"basics" jsonb NOT NULL,
	"basics_version" integer DEFAULT 1 NOT NULL,
	"basics_changed_at" timestamp with time zone,
	"basics_changed_by" uuid,
	"confirmed_version" integer,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"signed_at" timestamp with time zone,
	"signed_by" uuid,
	"starts_on" date,
	"ends_on" date,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	CONSTRAINT "project_contracts_signed_whole" CHECK (("project_contracts"."signed_at" is null) = ("project_contracts"."starts_on" is null) and ("project_contracts"."signed_at" is null) = ("project_contracts"."ends_on" is null)),
	CONSTRAINT "project_contracts_confirmed" CHECK ("project_contracts"."confirmed_version" is null or "project_contracts"."confirmed_version" <= "project_contracts"."basics_version")
);
--> statement-breakpoint
CREATE TABLE "project_numbers" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"call_id" text NOT NULL,
	"prefix" text NOT NULL,
	"serial" integer NOT NULL,
	"project_no" text NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	CONSTRAINT "project_numbers_serial" CHECK ("project_numbers"."serial" > 0)
);
--> statement-breakpoint
CREATE TABLE "avoided_experts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"name" text NOT NULL,
	"organization" text NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "formal_review_appeals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"reasons" text NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"refused_at" timestamp with time zone NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"filed_by" uuid NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"decision_reason" text,
	CONSTRAINT "formal_review_appeals_status" CHECK ("formal_review_appeals"."status" in ('open', 'upheld', 'dismissed')),
	CONSTRAINT "formal_review_appeals_decided" CHECK (("formal_review_appeals"."status" = 'open') = ("formal_review_appeals"."decided_at" is null) and ("formal_review_appeals"."status" <> 'dismissed' or "formal_review_appeals"."decision_reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "feedback_settings" (
	"call_id" text PRIMARY KEY NOT NULL,
	"enabled" boolean NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "objection_evidence" (
	"objection_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"size" bigint NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "objection_evidence_objection_id_sha256_pk" PRIMARY KEY("objection_id","sha256")
);
--> statement-breakpoint
CREATE TABLE "objection_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"objection_id" uuid NOT NULL,
	"text" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "objection_sequences" (
	"call_id" text PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"call_id" text NOT NULL,
	"announcement_id" uuid NOT NULL,
	"acceptance_no" text NOT NULL,
	"application_id" uuid NOT NULL,
	"name" text NOT NULL,
	"mobile" text,
	"email" text,
	"organization" text NOT NULL,
	"grounds" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"source_hash" text,
	"evidence_key_hash" text NOT NULL,
	"registered_at" timestamp with time zone,
	"registered_by" uuid,
	"finding" text,
	"finding_text" text,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"revoked_approval" boolean DEFAULT false NOT NULL,
	CONSTRAINT "objections_status" CHECK ("objections"."status" in ('received', 'registered', 'investigating', 'closed')),
	CONSTRAINT "objections_finding" CHECK ("objections"."finding" is null or "objections"."finding" in ('upheld', 'dismissed')),
	CONSTRAINT "objections_contact" CHECK ("objections"."mobile" is not null or "objections"."email" is not null),
	CONSTRAINT "objections_closed_whole" CHECK (("objections"."status" = 'closed') = ("objections"."finding" is not null and "objections"."closed_at" is not null)),
	CONSTRAINT "objections_revoked_upheld" CHECK (not "objections"."revoked_approval" or "objections"."finding" = 'upheld')
);
--> statement-breakpoint
CREATE TABLE "released_opinions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"source_assignment_id" uuid,
	"released_at" timestamp with time zone NOT NULL,
	"released_by" uuid NOT NULL,
	CONSTRAINT "released_opinions_kind" CHECK ("released_opinions"."kind" in ('comment', 'panel-summary'))
);
--> statement-breakpoint
DROP INDEX "expert_assignments_pair_key";--> statement-breakpoint
ALTER TABLE "expert_assignments" ADD COLUMN "round_id" uuid;--> statement-breakpoint
ALTER TABLE "expert_assignments" ADD COLUMN "recommended_funding" bigint;--> statement-breakpoint
ALTER TABLE "expert_assignments" ADD COLUMN "scoring_form_id" uuid;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "revoked_by" uuid;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "revoked_reason" text;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "revoked_objection_id" uuid;--> statement-breakpoint
ALTER TABLE "expert_invitations" ADD CONSTRAINT "expert_invitations_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_invitations" ADD CONSTRAINT "expert_invitations_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_invitations" ADD CONSTRAINT "expert_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_vacancies" ADD CONSTRAINT "expert_vacancies_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_vacancies" ADD CONSTRAINT "expert_vacancies_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_vacancies" ADD CONSTRAINT "expert_vacancies_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_vacancies" ADD CONSTRAINT "expert_vacancies_filled_by_users_id_fk" FOREIGN KEY ("filled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_vacancies" ADD CONSTRAINT "expert_vacancies_replacement_id_expert_assignments_id_fk" FOREIGN KEY ("replacement_id") REFERENCES "public"."expert_assignments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_rounds" ADD CONSTRAINT "review_rounds_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_rounds" ADD CONSTRAINT "review_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_forms" ADD CONSTRAINT "scoring_forms_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_forms" ADD CONSTRAINT "scoring_forms_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_items" ADD CONSTRAINT "panel_items_meeting_id_panel_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."panel_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_items" ADD CONSTRAINT "panel_items_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_items" ADD CONSTRAINT "panel_items_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_meetings" ADD CONSTRAINT "panel_meetings_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_meetings" ADD CONSTRAINT "panel_meetings_chair_expert_id_experts_id_fk" FOREIGN KEY ("chair_expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_meetings" ADD CONSTRAINT "panel_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_meetings" ADD CONSTRAINT "panel_meetings_signed_off_by_users_id_fk" FOREIGN KEY ("signed_off_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_members" ADD CONSTRAINT "panel_members_meeting_id_panel_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."panel_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_members" ADD CONSTRAINT "panel_members_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_votes" ADD CONSTRAINT "panel_votes_item_id_panel_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."panel_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_votes" ADD CONSTRAINT "panel_votes_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_votes" ADD CONSTRAINT "panel_votes_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_contracts" ADD CONSTRAINT "project_contracts_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_contracts" ADD CONSTRAINT "project_contracts_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_contracts" ADD CONSTRAINT "project_contracts_basics_changed_by_users_id_fk" FOREIGN KEY ("basics_changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_contracts" ADD CONSTRAINT "project_contracts_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_contracts" ADD CONSTRAINT "project_contracts_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_contracts" ADD CONSTRAINT "project_contracts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_numbers" ADD CONSTRAINT "project_numbers_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_numbers" ADD CONSTRAINT "project_numbers_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "avoided_experts" ADD CONSTRAINT "avoided_experts_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "avoided_experts" ADD CONSTRAINT "avoided_experts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "formal_review_appeals" ADD CONSTRAINT "formal_review_appeals_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "formal_review_appeals" ADD CONSTRAINT "formal_review_appeals_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "formal_review_appeals" ADD CONSTRAINT "formal_review_appeals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_settings" ADD CONSTRAINT "feedback_settings_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_settings" ADD CONSTRAINT "feedback_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objection_evidence" ADD CONSTRAINT "objection_evidence_objection_id_objections_id_fk" FOREIGN KEY ("objection_id") REFERENCES "public"."objections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objection_notes" ADD CONSTRAINT "objection_notes_objection_id_objections_id_fk" FOREIGN KEY ("objection_id") REFERENCES "public"."objections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objection_notes" ADD CONSTRAINT "objection_notes_by_users_id_fk" FOREIGN KEY ("by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objection_sequences" ADD CONSTRAINT "objection_sequences_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_announcement_id_announcements_id_fk" FOREIGN KEY ("announcement_id") REFERENCES "public"."announcements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "released_opinions" ADD CONSTRAINT "released_opinions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "released_opinions" ADD CONSTRAINT "released_opinions_source_assignment_id_expert_assignments_id_fk" FOREIGN KEY ("source_assignment_id") REFERENCES "public"."expert_assignments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "released_opinions" ADD CONSTRAINT "released_opinions_released_by_users_id_fk" FOREIGN KEY ("released_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "expert_invitations_round_expert_key" ON "expert_invitations" USING btree ("round_id","expert_id");--> statement-breakpoint
CREATE INDEX "expert_invitations_status_idx" ON "expert_invitations" USING btree ("status","respond_by");--> statement-breakpoint
CREATE INDEX "expert_vacancies_round_idx" ON "expert_vacancies" USING btree ("round_id","filled_at");--> statement-breakpoint
CREATE INDEX "review_rounds_call_idx" ON "review_rounds" USING btree ("call_id");--> statement-breakpoint
CREATE UNIQUE INDEX "scoring_forms_round_topic_version_key" ON "scoring_forms" USING btree ("round_id","topic","version");--> statement-breakpoint
CREATE UNIQUE INDEX "panel_items_meeting_application_key" ON "panel_items" USING btree ("meeting_id","application_id");--> statement-breakpoint
CREATE INDEX "panel_items_application_idx" ON "panel_items" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "panel_meetings_call_idx" ON "panel_meetings" USING btree ("call_id","starts_at");--> statement-breakpoint
CREATE INDEX "panel_meetings_chair_idx" ON "panel_meetings" USING btree ("chair_expert_id");--> statement-breakpoint
CREATE INDEX "project_contracts_call_idx" ON "project_contracts" USING btree ("call_id");--> statement-breakpoint
CREATE UNIQUE INDEX "project_numbers_project_no_idx" ON "project_numbers" USING btree ("project_no");--> statement-breakpoint
CREATE UNIQUE INDEX "project_numbers_prefix_serial_idx" ON "project_numbers" USING btree ("prefix","serial");--> statement-breakpoint
CREATE INDEX "avoided_experts_application_idx" ON "avoided_experts" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "formal_review_appeals_one_open" ON "formal_review_appeals" USING btree ("application_id") WHERE "formal_review_appeals"."status" = 'open';--> statement-breakpoint
CREATE INDEX "formal_review_appeals_application_idx" ON "formal_review_appeals" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "objection_notes_objection_idx" ON "objection_notes" USING btree ("objection_id");--> statement-breakpoint
CREATE UNIQUE INDEX "objections_call_reference_key" ON "objections" USING btree ("call_id","reference");--> statement-breakpoint
CREATE INDEX "objections_reference_idx" ON "objections" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "objections_call_idx" ON "objections" USING btree ("call_id");--> statement-breakpoint
CREATE UNIQUE INDEX "released_opinions_position_key" ON "released_opinions" USING btree ("application_id","kind","position");--> statement-breakpoint
CREATE UNIQUE INDEX "released_opinions_source_key" ON "released_opinions" USING btree ("source_assignment_id");--> statement-breakpoint
ALTER TABLE "expert_assignments" ADD CONSTRAINT "expert_assignments_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_assignments" ADD CONSTRAINT "expert_assignments_scoring_form_id_scoring_forms_id_fk" FOREIGN KEY ("scoring_form_id") REFERENCES "public"."scoring_forms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "expert_assignments_round_pair_key" ON "expert_assignments" USING btree ("round_id","expert_id","application_id");--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_revocation_whole" CHECK (("decisions"."revoked_at" is null) = ("decisions"."revoked_reason" is null) and ("decisions"."revoked_at" is null or "decisions"."outcome" = 'rejected'));--> statement-breakpoint
-- Backfill (issue 14 §1, written by hand): every assignment made before rounds joins one 函评 round of its call,
-- and its expert is invited to that round as accepted, so that nothing scored is lost. Then round_id is required.
INSERT INTO "review_rounds" ("call_id", "kind", "name", "respond_by", "due_at", "created_at", "created_by")
SELECT a."call_id", 'letter', '函评', min(ea."assigned_at"),
  greatest(max(ea."due_at"), min(ea."assigned_at") + interval '1 second'), min(ea."assigned_at"),
  (array_agg(ea."assigned_by" ORDER BY ea."assigned_at"))[1]
FROM "expert_assignments" ea JOIN "applications" a ON a."id" = ea."application_id"
WHERE ea."round_id" IS NULL
GROUP BY a."call_id";--> statement-breakpoint
UPDATE "expert_assignments" ea SET "round_id" = (
  SELECT r."id" FROM "review_rounds" r JOIN "applications" a ON a."call_id" = r."call_id"
  WHERE a."id" = ea."application_id" AND r."kind" = 'letter'
  ORDER BY r."created_at", r."id" LIMIT 1
)
WHERE ea."round_id" IS NULL;--> statement-breakpoint
INSERT INTO "expert_invitations" ("round_id", "expert_id", "status", "invited_at", "invited_by", "respond_by",
  "responded_at", "confidentiality_agreed_at", "confidentiality_text")
SELECT ea."round_id", ea."expert_id", 'accepted', min(ea."assigned_at"),
  (array_agg(ea."assigned_by" ORDER BY ea."assigned_at"))[1], min(ea."assigned_at"), min(ea."assigned_at"),
  min(ea."assigned_at"), '（评审邀请上线前分配的评审任务，视为已接受邀请）'
FROM "expert_assignments" ea
GROUP BY ea."round_id", ea."expert_id"
ON CONFLICT ("round_id", "expert_id") DO NOTHING;--> statement-breakpoint
ALTER TABLE "expert_assignments" ALTER COLUMN "round_id" SET NOT NULL;

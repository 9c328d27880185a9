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
ALTER TABLE "decisions" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "revoked_by" uuid;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "revoked_reason" text;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "revoked_objection_id" uuid;--> statement-breakpoint
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
CREATE INDEX "objection_notes_objection_idx" ON "objection_notes" USING btree ("objection_id");--> statement-breakpoint
CREATE UNIQUE INDEX "objections_call_reference_key" ON "objections" USING btree ("call_id","reference");--> statement-breakpoint
CREATE INDEX "objections_reference_idx" ON "objections" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "objections_call_idx" ON "objections" USING btree ("call_id");--> statement-breakpoint
CREATE UNIQUE INDEX "released_opinions_position_key" ON "released_opinions" USING btree ("application_id","kind","position");--> statement-breakpoint
CREATE UNIQUE INDEX "released_opinions_source_key" ON "released_opinions" USING btree ("source_assignment_id");--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_revocation_whole" CHECK (("decisions"."revoked_at" is null) = ("decisions"."revoked_reason" is null) and ("decisions"."revoked_at" is null or "decisions"."outcome" = 'rejected'));
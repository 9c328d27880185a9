ALTER TYPE "public"."document_kind" ADD VALUE 'ethics-approval';--> statement-breakpoint
ALTER TYPE "public"."document_kind" ADD VALUE 'genetic-resources-permit';--> statement-breakpoint
ALTER TYPE "public"."document_kind" ADD VALUE 'other-attachment';--> statement-breakpoint
CREATE TABLE "application_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"content" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid NOT NULL,
	CONSTRAINT "application_snapshots_sha256_unique" UNIQUE("sha256"),
	CONSTRAINT "application_snapshots_sha256_hex" CHECK ("application_snapshots"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "paper_receipts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" text NOT NULL,
	"kind" text NOT NULL,
	"application_id" uuid,
	"department_id" uuid,
	"copies" integer NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"receiver" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"supersedes" uuid,
	"correction_reason" text,
	"superseded_at" timestamp with time zone,
	CONSTRAINT "paper_receipts_kind" CHECK ("paper_receipts"."kind" in ('application-copies', 'department-materials', 'funded-copy')),
	CONSTRAINT "paper_receipts_subject" CHECK (case when "paper_receipts"."kind" = 'department-materials' then "paper_receipts"."department_id" is not null and "paper_receipts"."application_id" is null else "paper_receipts"."application_id" is not null and "paper_receipts"."department_id" is null end),
	CONSTRAINT "paper_receipts_copies" CHECK ("paper_receipts"."copies" > 0),
	CONSTRAINT "paper_receipts_correction" CHECK (("paper_receipts"."supersedes" is null) = ("paper_receipts"."correction_reason" is null))
);
--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "finalized_snapshot_id" uuid;--> statement-breakpoint
ALTER TABLE "application_snapshots" ADD CONSTRAINT "application_snapshots_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_snapshots" ADD CONSTRAINT "application_snapshots_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_receipts" ADD CONSTRAINT "paper_receipts_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_receipts" ADD CONSTRAINT "paper_receipts_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_receipts" ADD CONSTRAINT "paper_receipts_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_receipts" ADD CONSTRAINT "paper_receipts_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_receipts" ADD CONSTRAINT "paper_receipts_supersedes_paper_receipts_id_fk" FOREIGN KEY ("supersedes") REFERENCES "public"."paper_receipts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_snapshots_application_idx" ON "application_snapshots" USING btree ("application_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "paper_receipts_supersedes_idx" ON "paper_receipts" USING btree ("supersedes");--> statement-breakpoint
CREATE INDEX "paper_receipts_call_idx" ON "paper_receipts" USING btree ("call_id");--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_finalized_snapshot_id_application_snapshots_id_fk" FOREIGN KEY ("finalized_snapshot_id") REFERENCES "public"."application_snapshots"("id") ON DELETE no action ON UPDATE no action;
CREATE TABLE "review_confirmations" (
	"department_id" uuid NOT NULL,
	"call_id" text NOT NULL,
	"confirmed_at" timestamp with time zone NOT NULL,
	"confirmed_by" uuid NOT NULL,
	"summary" jsonb NOT NULL,
	CONSTRAINT "review_confirmations_department_id_call_id_pk" PRIMARY KEY("department_id","call_id")
);
--> statement-breakpoint
CREATE TABLE "submission_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"receipt_id" uuid NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "submission_snapshots_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone NOT NULL,
	"form" jsonb NOT NULL,
	"documents" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "review_confirmations" ADD CONSTRAINT "review_confirmations_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_confirmations" ADD CONSTRAINT "review_confirmations_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_confirmations" ADD CONSTRAINT "review_confirmations_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_snapshots" ADD CONSTRAINT "submission_snapshots_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_snapshots" ADD CONSTRAINT "submission_snapshots_receipt_id_receipts_id_fk" FOREIGN KEY ("receipt_id") REFERENCES "public"."receipts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "submission_snapshots_application_idx" ON "submission_snapshots" USING btree ("application_id","seq");
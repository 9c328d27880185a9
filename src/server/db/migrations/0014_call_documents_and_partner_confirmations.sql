CREATE TABLE "partner_confirmations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"email" text NOT NULL,
	"language" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"sent_by" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"superseded_at" timestamp with time zone,
	"used_at" timestamp with time zone,
	"outcome" text,
	"confirmed_on" date,
	"partner_name" text,
	"country" text,
	"declared" jsonb,
	"confirmed" jsonb,
	"confirmer_name" text,
	"confirmer_position" text,
	"agreement_sha256" text,
	"agreement_file_name" text,
	"lapsed_at" timestamp with time zone,
	CONSTRAINT "partner_confirmations_outcome" CHECK ("partner_confirmations"."outcome" is null or "partner_confirmations"."outcome" in ('confirmed', 'corrected'))
);
--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "document" jsonb;--> statement-breakpoint
ALTER TABLE "partner_confirmations" ADD CONSTRAINT "partner_confirmations_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_confirmations" ADD CONSTRAINT "partner_confirmations_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_confirmations" ADD CONSTRAINT "partner_confirmations_agreement_sha256_files_sha256_fk" FOREIGN KEY ("agreement_sha256") REFERENCES "public"."files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "partner_confirmations_token_key" ON "partner_confirmations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "partner_confirmations_application_idx" ON "partner_confirmations" USING btree ("application_id","sent_at");
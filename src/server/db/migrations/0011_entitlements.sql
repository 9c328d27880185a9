CREATE TABLE "directed_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" text NOT NULL,
	"topic" smallint NOT NULL,
	"direction" "direction",
	"organization_id" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "directed_invitations_stream_key" UNIQUE NULLS NOT DISTINCT("call_id","topic","direction","organization_id")
);
--> statement-breakpoint
CREATE TABLE "directed_marks" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"note" text NOT NULL,
	"evidence_sha256" text NOT NULL,
	"evidence_name" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organization_platforms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"platform" "platform" NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"evidence_sha256" text NOT NULL,
	"evidence_name" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organization_platforms_validity" CHECK ("organization_platforms"."valid_from" <= "organization_platforms"."valid_to")
);
--> statement-breakpoint
ALTER TABLE "directed_invitations" ADD CONSTRAINT "directed_invitations_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directed_invitations" ADD CONSTRAINT "directed_invitations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directed_invitations" ADD CONSTRAINT "directed_invitations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directed_marks" ADD CONSTRAINT "directed_marks_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directed_marks" ADD CONSTRAINT "directed_marks_evidence_sha256_files_sha256_fk" FOREIGN KEY ("evidence_sha256") REFERENCES "public"."files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directed_marks" ADD CONSTRAINT "directed_marks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_platforms" ADD CONSTRAINT "organization_platforms_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_platforms" ADD CONSTRAINT "organization_platforms_evidence_sha256_files_sha256_fk" FOREIGN KEY ("evidence_sha256") REFERENCES "public"."files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_platforms" ADD CONSTRAINT "organization_platforms_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directed_invitations_organization_idx" ON "directed_invitations" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "organization_platforms_organization_idx" ON "organization_platforms" USING btree ("organization_id");--> statement-breakpoint
ALTER TABLE "organizations" DROP COLUMN "platforms";
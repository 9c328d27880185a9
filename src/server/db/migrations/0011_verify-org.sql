CREATE TYPE "public"."organization_verification" AS ENUM('pending', 'approved', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."organization_claim_status" AS ENUM('pending', 'granted', 'declined');--> statement-breakpoint
CREATE TYPE "public"."verification_request_kind" AS ENUM('registration', 'change');--> statement-breakpoint
CREATE TYPE "public"."verification_request_status" AS ENUM('pending', 'approved', 'rejected', 'superseded');--> statement-breakpoint
CREATE TABLE "organization_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"name" text NOT NULL,
	"mobile" text NOT NULL,
	"email" text NOT NULL,
	"note" text NOT NULL,
	"status" "organization_claim_status" DEFAULT 'pending' NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "organization_verification_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" "verification_request_kind" NOT NULL,
	"department_id" uuid NOT NULL,
	"facts" jsonb NOT NULL,
	"previous" jsonb,
	"status" "verification_request_status" DEFAULT 'pending' NOT NULL,
	"reason" text,
	"requested_by" uuid,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "verification" "organization_verification" DEFAULT 'approved' NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "rejection_reason" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "contact_name" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "contact_mobile" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "licence_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "licence_request_note" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "licence_sha256" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "licence_file_name" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "licence_uploaded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organization_claims" ADD CONSTRAINT "organization_claims_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_claims" ADD CONSTRAINT "organization_claims_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_claims" ADD CONSTRAINT "organization_claims_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_verification_requests" ADD CONSTRAINT "organization_verification_requests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_verification_requests" ADD CONSTRAINT "organization_verification_requests_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_verification_requests" ADD CONSTRAINT "organization_verification_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_verification_requests" ADD CONSTRAINT "organization_verification_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organization_claims_department_idx" ON "organization_claims" USING btree ("department_id","status");--> statement-breakpoint
CREATE INDEX "organization_verification_requests_organization_idx" ON "organization_verification_requests" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organization_verification_requests_one_pending" ON "organization_verification_requests" USING btree ("organization_id") WHERE "organization_verification_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "organization_verification_requests_department_idx" ON "organization_verification_requests" USING btree ("department_id","status");
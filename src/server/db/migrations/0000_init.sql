CREATE TYPE "public"."application_status" AS ENUM('draft', 'submitted', 'returned', 'recommended', 'not-recommended', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."department_kind" AS ENUM('city', 'county', 'national-hitech-zone', 'provincial-hitech-zone', 'university', 'provincial-agency');--> statement-breakpoint
CREATE TYPE "public"."direction" AS ENUM('big-science', 'platform-inbound', 'platform-outbound');--> statement-breakpoint
CREATE TYPE "public"."document_kind" AS ENUM('cooperation-agreement', 'letter-of-intent', 'domestic-agreement', 'domestic-letter-of-intent', 'joint-lab-agreement', 'platform-proof', 'integrity-commitment-unit', 'integrity-commitment-pi', 'application-form', 'info-form');--> statement-breakpoint
CREATE TYPE "public"."ongoing_program" AS ENUM('intl-coop', 'frontier-tech', 'major-special', 'other');--> statement-breakpoint
CREATE TYPE "public"."organization_kind" AS ENUM('enterprise', 'university', 'institute', 'other');--> statement-breakpoint
CREATE TYPE "public"."platform" AS ENUM('intl-coop-base', 'national-lab', 'provincial-lab', 'national-key-lab', 'provincial-key-lab', 'leading-enterprise', 'belt-road-joint-lab');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('unit-admin', 'pi', 'department', 'province', 'expert');--> statement-breakpoint
CREATE TABLE "application_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"kind" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"pi_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"topic" smallint NOT NULL,
	"direction" "direction",
	"directed" boolean DEFAULT false NOT NULL,
	"status" "application_status" DEFAULT 'draft' NOT NULL,
	"form" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"acceptance_no" text,
	"submitted_at" timestamp with time zone,
	"separate_slot" boolean DEFAULT false NOT NULL,
	"recommendation_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_acceptance_no_unique" UNIQUE("acceptance_no"),
	CONSTRAINT "applications_topic_range" CHECK ("applications"."topic" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" text PRIMARY KEY NOT NULL,
	"base_call_id" text NOT NULL,
	"name" text NOT NULL,
	"is_practice" boolean DEFAULT false NOT NULL,
	"submission_closes_at" timestamp with time zone NOT NULL,
	"recommendation_closes_at" timestamp with time zone NOT NULL,
	"paper_closes_at" timestamp with time zone NOT NULL,
	"read_only" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" "department_kind" NOT NULL,
	"city_id" uuid,
	"division_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "departments_name_unique" UNIQUE("name"),
	CONSTRAINT "departments_city_only_for_county" CHECK (("departments"."kind" = 'county') = ("departments"."city_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" "document_kind" NOT NULL,
	"file_sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"metadata" jsonb NOT NULL,
	"replaced_by" uuid,
	"superseded_at" timestamp with time zone,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "files" (
	"sha256" text PRIMARY KEY NOT NULL,
	"size" bigint NOT NULL,
	"mime" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "files_sha256_hex" CHECK ("files"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "files_size_non_negative" CHECK ("files"."size" >= 0)
);
--> statement-breakpoint
CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"failures" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ongoing_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"program" "ongoing_program" NOT NULL,
	"title" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"credit_code" text NOT NULL,
	"kind" "organization_kind" NOT NULL,
	"in_jiangsu" boolean NOT NULL,
	"registered_on" date NOT NULL,
	"independent_legal_entity" boolean NOT NULL,
	"ministry_or_provincial_university" boolean DEFAULT false NOT NULL,
	"platforms" "platform"[] DEFAULT '{}' NOT NULL,
	"dishonesty_until" date,
	"department_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_credit_code_unique" UNIQUE("credit_code")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"id_number" text,
	"employer_id" uuid NOT NULL,
	"ongoing_provincial_projects" integer DEFAULT 0 NOT NULL,
	"dishonesty_until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_ongoing_non_negative" CHECK ("people"."ongoing_provincial_projects" >= 0)
);
--> statement-breakpoint
CREATE TABLE "receipts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"acceptance_no" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"payload" jsonb NOT NULL,
	"signature" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"login" text NOT NULL,
	"password_hash" text NOT NULL,
	"display_name" text NOT NULL,
	"role" "user_role" NOT NULL,
	"organization_id" uuid,
	"person_id" uuid,
	"department_id" uuid,
	"disabled" boolean DEFAULT false NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_login_unique" UNIQUE("login"),
	CONSTRAINT "users_scope_matches_role" CHECK (case "users"."role"
        when 'unit-admin' then "users"."organization_id" is not null and "users"."person_id" is null and "users"."department_id" is null
        when 'pi' then "users"."organization_id" is not null and "users"."person_id" is not null and "users"."department_id" is null
        when 'department' then "users"."department_id" is not null and "users"."organization_id" is null and "users"."person_id" is null
        else "users"."organization_id" is null and "users"."person_id" is null and "users"."department_id" is null
      end)
);
--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_pi_id_people_id_fk" FOREIGN KEY ("pi_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_city_id_departments_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_file_sha256_files_sha256_fk" FOREIGN KEY ("file_sha256") REFERENCES "public"."files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_replaced_by_documents_id_fk" FOREIGN KEY ("replaced_by") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ongoing_projects" ADD CONSTRAINT "ongoing_projects_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_employer_id_organizations_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_events_application_idx" ON "application_events" USING btree ("application_id","at");--> statement-breakpoint
CREATE INDEX "applications_call_organization_idx" ON "applications" USING btree ("call_id","organization_id");--> statement-breakpoint
CREATE INDEX "applications_department_idx" ON "applications" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "applications_pi_idx" ON "applications" USING btree ("pi_id");--> statement-breakpoint
CREATE INDEX "departments_city_idx" ON "departments" USING btree ("city_id");--> statement-breakpoint
CREATE INDEX "documents_application_idx" ON "documents" USING btree ("application_id","kind");--> statement-breakpoint
CREATE INDEX "ongoing_projects_organization_idx" ON "ongoing_projects" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "organizations_department_idx" ON "organizations" USING btree ("department_id");--> statement-breakpoint
CREATE UNIQUE INDEX "people_employer_id_number_key" ON "people" USING btree ("employer_id","id_number");--> statement-breakpoint
CREATE INDEX "receipts_application_idx" ON "receipts" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "receipts_acceptance_no_idx" ON "receipts" USING btree ("acceptance_no");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "users_organization_idx" ON "users" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_person_key" ON "users" USING btree ("person_id");
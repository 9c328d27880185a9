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
ALTER TABLE "project_contracts" ADD CONSTRAINT "project_contracts_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_contracts" ADD CONSTRAINT "project_contracts_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_contracts" ADD CONSTRAINT "project_contracts_basics_changed_by_users_id_fk" FOREIGN KEY ("basics_changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_contracts" ADD CONSTRAINT "project_contracts_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_contracts" ADD CONSTRAINT "project_contracts_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_contracts" ADD CONSTRAINT "project_contracts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_numbers" ADD CONSTRAINT "project_numbers_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_numbers" ADD CONSTRAINT "project_numbers_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_contracts_call_idx" ON "project_contracts" USING btree ("call_id");--> statement-breakpoint
CREATE UNIQUE INDEX "project_numbers_project_no_idx" ON "project_numbers" USING btree ("project_no");--> statement-breakpoint
CREATE UNIQUE INDEX "project_numbers_prefix_serial_idx" ON "project_numbers" USING btree ("prefix","serial");
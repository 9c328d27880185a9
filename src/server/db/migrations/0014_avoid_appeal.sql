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
ALTER TABLE "avoided_experts" ADD CONSTRAINT "avoided_experts_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "avoided_experts" ADD CONSTRAINT "avoided_experts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "formal_review_appeals" ADD CONSTRAINT "formal_review_appeals_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "formal_review_appeals" ADD CONSTRAINT "formal_review_appeals_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "formal_review_appeals" ADD CONSTRAINT "formal_review_appeals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "avoided_experts_application_idx" ON "avoided_experts" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "formal_review_appeals_one_open" ON "formal_review_appeals" USING btree ("application_id") WHERE "formal_review_appeals"."status" = 'open';--> statement-breakpoint
CREATE INDEX "formal_review_appeals_application_idx" ON "formal_review_appeals" USING btree ("application_id");
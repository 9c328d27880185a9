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
ALTER TABLE "expert_assignments" ADD COLUMN "scoring_form_id" uuid;--> statement-breakpoint
ALTER TABLE "scoring_forms" ADD CONSTRAINT "scoring_forms_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_forms" ADD CONSTRAINT "scoring_forms_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "scoring_forms_round_topic_version_key" ON "scoring_forms" USING btree ("round_id","topic","version");--> statement-breakpoint
ALTER TABLE "expert_assignments" ADD CONSTRAINT "expert_assignments_scoring_form_id_scoring_forms_id_fk" FOREIGN KEY ("scoring_form_id") REFERENCES "public"."scoring_forms"("id") ON DELETE no action ON UPDATE no action;
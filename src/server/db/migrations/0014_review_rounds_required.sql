CREATE TABLE "expert_vacancies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"cause" text NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"filled_at" timestamp with time zone,
	"filled_by" uuid,
	"replacement_id" uuid,
	CONSTRAINT "expert_vacancies_cause" CHECK ("expert_vacancies"."cause" in ('declined', 'expired', 'conflict'))
);
--> statement-breakpoint
DROP INDEX "expert_assignments_pair_key";--> statement-breakpoint
ALTER TABLE "expert_invitations" ADD COLUMN "confidentiality_text" text;--> statement-breakpoint
ALTER TABLE "expert_invitations" ADD COLUMN "declarations" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "expert_vacancies" ADD CONSTRAINT "expert_vacancies_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_vacancies" ADD CONSTRAINT "expert_vacancies_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_vacancies" ADD CONSTRAINT "expert_vacancies_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_vacancies" ADD CONSTRAINT "expert_vacancies_filled_by_users_id_fk" FOREIGN KEY ("filled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_vacancies" ADD CONSTRAINT "expert_vacancies_replacement_id_expert_assignments_id_fk" FOREIGN KEY ("replacement_id") REFERENCES "public"."expert_assignments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "expert_vacancies_round_idx" ON "expert_vacancies" USING btree ("round_id","filled_at");--> statement-breakpoint
CREATE UNIQUE INDEX "expert_assignments_round_pair_key" ON "expert_assignments" USING btree ("round_id","expert_id","application_id");--> statement-breakpoint
-- Backfill (issue 14 §1, written by hand): every assignment made before rounds joins one 函评 round of its call,
-- and its expert is invited to that round as accepted, so that nothing scored is lost. Then round_id is required.
INSERT INTO "review_rounds" ("call_id", "kind", "name", "respond_by", "due_at", "created_at", "created_by")
SELECT a."call_id", 'letter', '函评', min(ea."assigned_at"),
  greatest(max(ea."due_at"), min(ea."assigned_at") + interval '1 second'), min(ea."assigned_at"),
  (array_agg(ea."assigned_by" ORDER BY ea."assigned_at"))[1]
FROM "expert_assignments" ea JOIN "applications" a ON a."id" = ea."application_id"
WHERE ea."round_id" IS NULL
GROUP BY a."call_id";--> statement-breakpoint
UPDATE "expert_assignments" ea SET "round_id" = (
  SELECT r."id" FROM "review_rounds" r JOIN "applications" a ON a."call_id" = r."call_id"
  WHERE a."id" = ea."application_id" AND r."kind" = 'letter'
  ORDER BY r."created_at", r."id" LIMIT 1
)
WHERE ea."round_id" IS NULL;--> statement-breakpoint
INSERT INTO "expert_invitations" ("round_id", "expert_id", "status", "invited_at", "invited_by", "respond_by",
  "responded_at", "confidentiality_agreed_at", "confidentiality_text")
SELECT ea."round_id", ea."expert_id", 'accepted', min(ea."assigned_at"),
  (array_agg(ea."assigned_by" ORDER BY ea."assigned_at"))[1], min(ea."assigned_at"), min(ea."assigned_at"),
  min(ea."assigned_at"), '（评审邀请上线前分配的评审任务，视为已接受邀请）'
FROM "expert_assignments" ea
GROUP BY ea."round_id", ea."expert_id"
ON CONFLICT ("round_id", "expert_id") DO NOTHING;--> statement-breakpoint
ALTER TABLE "expert_assignments" ALTER COLUMN "round_id" SET NOT NULL;

CREATE TABLE "expert_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"invited_at" timestamp with time zone NOT NULL,
	"invited_by" uuid NOT NULL,
	"respond_by" timestamp with time zone NOT NULL,
	"responded_at" timestamp with time zone,
	"decline_reason" text,
	"confidentiality_agreed_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	CONSTRAINT "expert_invitations_status" CHECK ("expert_invitations"."status" in ('pending', 'accepted', 'declined', 'expired')),
	CONSTRAINT "expert_invitations_declined_has_reason" CHECK ("expert_invitations"."status" <> 'declined' or "expert_invitations"."decline_reason" is not null),
	CONSTRAINT "expert_invitations_accepted_agreed" CHECK ("expert_invitations"."status" <> 'accepted' or "expert_invitations"."confidentiality_agreed_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "review_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"respond_by" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	CONSTRAINT "review_rounds_kind" CHECK ("review_rounds"."kind" in ('letter', 'feasibility')),
	CONSTRAINT "review_rounds_due_after_answer" CHECK ("review_rounds"."due_at" > "review_rounds"."respond_by")
);
--> statement-breakpoint
ALTER TABLE "expert_assignments" ADD COLUMN "round_id" uuid;--> statement-breakpoint
ALTER TABLE "expert_assignments" ADD COLUMN "recommended_funding" bigint;--> statement-breakpoint
ALTER TABLE "expert_invitations" ADD CONSTRAINT "expert_invitations_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_invitations" ADD CONSTRAINT "expert_invitations_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_invitations" ADD CONSTRAINT "expert_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_rounds" ADD CONSTRAINT "review_rounds_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_rounds" ADD CONSTRAINT "review_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "expert_invitations_round_expert_key" ON "expert_invitations" USING btree ("round_id","expert_id");--> statement-breakpoint
CREATE INDEX "expert_invitations_status_idx" ON "expert_invitations" USING btree ("status","respond_by");--> statement-breakpoint
CREATE INDEX "review_rounds_call_idx" ON "review_rounds" USING btree ("call_id");--> statement-breakpoint
ALTER TABLE "expert_assignments" ADD CONSTRAINT "expert_assignments_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE no action ON UPDATE no action;
CREATE TABLE "panel_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"consensus_score" real,
	"recommendation" text,
	"proposed_funding" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone,
	"updated_by" uuid,
	CONSTRAINT "panel_items_recommendation" CHECK ("panel_items"."recommendation" is null or "panel_items"."recommendation" in ('approve', 'reject', 'undecided')),
	CONSTRAINT "panel_items_score_range" CHECK ("panel_items"."consensus_score" is null or ("panel_items"."consensus_score" >= 0 and "panel_items"."consensus_score" <= 100)),
	CONSTRAINT "panel_items_funding_positive" CHECK ("panel_items"."proposed_funding" is null or "panel_items"."proposed_funding" > 0)
);
--> statement-breakpoint
CREATE TABLE "panel_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" text NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"online_link" text,
	"chair_expert_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	"signed_off_at" timestamp with time zone,
	"signed_off_by" uuid,
	CONSTRAINT "panel_meetings_somewhere" CHECK ("panel_meetings"."place" <> '' or "panel_meetings"."online_link" is not null),
	CONSTRAINT "panel_meetings_signed_by" CHECK (("panel_meetings"."signed_off_at" is null) = ("panel_meetings"."signed_off_by" is null))
);
--> statement-breakpoint
CREATE TABLE "panel_members" (
	"meeting_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "panel_members_meeting_id_expert_id_pk" PRIMARY KEY("meeting_id","expert_id")
);
--> statement-breakpoint
CREATE TABLE "panel_votes" (
	"item_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"vote" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL,
	CONSTRAINT "panel_votes_item_id_expert_id_pk" PRIMARY KEY("item_id","expert_id"),
	CONSTRAINT "panel_votes_vote" CHECK ("panel_votes"."vote" in ('support', 'oppose', 'abstain'))
);
--> statement-breakpoint
ALTER TABLE "panel_items" ADD CONSTRAINT "panel_items_meeting_id_panel_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."panel_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_items" ADD CONSTRAINT "panel_items_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_items" ADD CONSTRAINT "panel_items_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_meetings" ADD CONSTRAINT "panel_meetings_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_meetings" ADD CONSTRAINT "panel_meetings_chair_expert_id_experts_id_fk" FOREIGN KEY ("chair_expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_meetings" ADD CONSTRAINT "panel_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_meetings" ADD CONSTRAINT "panel_meetings_signed_off_by_users_id_fk" FOREIGN KEY ("signed_off_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_members" ADD CONSTRAINT "panel_members_meeting_id_panel_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."panel_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_members" ADD CONSTRAINT "panel_members_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_votes" ADD CONSTRAINT "panel_votes_item_id_panel_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."panel_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_votes" ADD CONSTRAINT "panel_votes_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_votes" ADD CONSTRAINT "panel_votes_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "panel_items_meeting_application_key" ON "panel_items" USING btree ("meeting_id","application_id");--> statement-breakpoint
CREATE INDEX "panel_items_application_idx" ON "panel_items" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "panel_meetings_call_idx" ON "panel_meetings" USING btree ("call_id","starts_at");--> statement-breakpoint
CREATE INDEX "panel_meetings_chair_idx" ON "panel_meetings" USING btree ("chair_expert_id");
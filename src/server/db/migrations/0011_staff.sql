ALTER TABLE "users" ADD COLUMN "duties" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_duties_match_role" CHECK (case "users"."role"
        when 'province' then "users"."duties" <@ array['admin', 'cooperation', 'center']::text[]
        when 'department' then "users"."duties" <@ array['admin']::text[]
        else cardinality("users"."duties") = 0
      end);
ALTER TYPE "public"."user_role" ADD VALUE 'unit-contact' BEFORE 'pi';--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_scope_matches_role";--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_scope_matches_role" CHECK (case "users"."role"
        when 'pi' then "users"."organization_id" is not null and "users"."person_id" is not null and "users"."department_id" is null
        when 'department' then "users"."department_id" is not null and "users"."organization_id" is null and "users"."person_id" is null
        when 'province' then "users"."organization_id" is null and "users"."person_id" is null and "users"."department_id" is null
        when 'expert' then "users"."organization_id" is null and "users"."person_id" is null and "users"."department_id" is null
        else "users"."organization_id" is not null and "users"."person_id" is null and "users"."department_id" is null
      end);
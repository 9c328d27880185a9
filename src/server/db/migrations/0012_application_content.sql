ALTER TYPE "public"."document_kind" ADD VALUE 'ethics-approval';--> statement-breakpoint
ALTER TYPE "public"."document_kind" ADD VALUE 'genetic-resources-permit';--> statement-breakpoint
ALTER TYPE "public"."document_kind" ADD VALUE 'other-attachment';
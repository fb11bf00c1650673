DROP INDEX "audit_actor_idx";--> statement-breakpoint
CREATE INDEX "audit_actor_idx" ON "audit_log" USING btree ("actor_id") WHERE "audit_log"."actor_id" IS NOT NULL;
-- Agreement versions and signatures are evidence (电子签约): a published version's text is what its
-- signatures' hashes were computed over, and a signature is what a leader did at one moment. Neither
-- may be changed or removed; a new version of the agreement is a new row.
CREATE FUNCTION leader_agreements_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER agreement_templates_no_update BEFORE UPDATE OR DELETE ON agreement_templates
  FOR EACH ROW EXECUTE FUNCTION leader_agreements_forbid_change();
--> statement-breakpoint
CREATE TRIGGER agreement_templates_no_truncate BEFORE TRUNCATE ON agreement_templates
  FOR EACH STATEMENT EXECUTE FUNCTION leader_agreements_forbid_change();
--> statement-breakpoint
CREATE TRIGGER agreement_signatures_no_update BEFORE UPDATE OR DELETE ON agreement_signatures
  FOR EACH ROW EXECUTE FUNCTION leader_agreements_forbid_change();
--> statement-breakpoint
CREATE TRIGGER agreement_signatures_no_truncate BEFORE TRUNCATE ON agreement_signatures
  FOR EACH STATEMENT EXECUTE FUNCTION leader_agreements_forbid_change();

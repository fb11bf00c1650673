-- The audit chain's head under its lock, in one round trip. A VOLATILE PL/pgSQL function takes a
-- fresh snapshot for each statement inside it, so the SELECT runs after the lock is held and sees
-- the last record committed by whoever held the lock before (a plain "SELECT lock(), (subquery)"
-- would read the head from a snapshot taken before it waited for the lock).
CREATE OR REPLACE FUNCTION audit_chain_head(lock_key bigint, OUT seq bigint, OUT hash text)
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(lock_key);
  SELECT a.seq, a.hash INTO seq, hash FROM audit_log a ORDER BY a.seq DESC LIMIT 1;
END;
$$;

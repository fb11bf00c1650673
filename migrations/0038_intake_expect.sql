-- The order intake's one-statement batches (src/modules/orders/intake/fast-batch.ts) predict what
-- the hot rows hold and check it inside the statement: when a prediction is wrong, this raises
-- SQLSTATE TF001 so the whole statement, which commits on its own, is rolled back and the batch is
-- placed again the careful way.
CREATE OR REPLACE FUNCTION intake_expect(ok boolean, what text) RETURNS boolean
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF ok IS NOT TRUE THEN
    RAISE EXCEPTION 'intake prediction missed: %', what USING ERRCODE = 'TF001';
  END IF;
  RETURN true;
END;
$$;

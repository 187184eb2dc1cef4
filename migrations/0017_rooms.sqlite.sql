-- The keep-apart policy is kept as recorded: a change is a new row.
CREATE TRIGGER keep_apart_policy_no_update BEFORE UPDATE ON keep_apart_policy
BEGIN
  SELECT RAISE(ABORT, 'keep_apart_policy is append-only: a change is a new row');
END;
CREATE TRIGGER keep_apart_policy_no_delete BEFORE DELETE ON keep_apart_policy
BEGIN
  SELECT RAISE(ABORT, 'keep_apart_policy is append-only: a change is a new row');
END;

-- The keep-apart policy is kept as recorded: a change is a new row (the refusal is 0012's).
CREATE TRIGGER keep_apart_policy_no_change BEFORE UPDATE OR DELETE ON keep_apart_policy
  FOR EACH ROW EXECUTE FUNCTION risk_history_refuse_change();
CREATE TRIGGER keep_apart_policy_no_truncate BEFORE TRUNCATE ON keep_apart_policy
  FOR EACH STATEMENT EXECUTE FUNCTION risk_history_refuse_change();

-- The access log of restricted cases is append-only, like the event log.
CREATE FUNCTION case_access_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'case_access_log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER case_access_log_no_update BEFORE UPDATE OR DELETE ON case_access_log
  FOR EACH ROW EXECUTE FUNCTION case_access_log_refuse_change();
CREATE TRIGGER case_access_log_no_truncate BEFORE TRUNCATE ON case_access_log
  FOR EACH STATEMENT EXECUTE FUNCTION case_access_log_refuse_change();

-- PostgreSQL refuses changes to the log with row and statement triggers (TRUNCATE skips row ones).
CREATE FUNCTION event_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'event_log is append-only: record a correction as a new event'
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER event_log_no_update BEFORE UPDATE OR DELETE ON event_log
  FOR EACH ROW EXECUTE FUNCTION event_log_refuse_change();
CREATE TRIGGER event_log_no_truncate BEFORE TRUNCATE ON event_log
  FOR EACH STATEMENT EXECUTE FUNCTION event_log_refuse_change();

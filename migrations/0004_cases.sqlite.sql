-- The access log of restricted cases is append-only, like the event log.
CREATE TRIGGER case_access_log_no_update BEFORE UPDATE ON case_access_log
BEGIN
  SELECT RAISE(ABORT, 'case_access_log is append-only');
END;
CREATE TRIGGER case_access_log_no_delete BEFORE DELETE ON case_access_log
BEGIN
  SELECT RAISE(ABORT, 'case_access_log is append-only');
END;

-- SQLite refuses changes to the log with triggers (there are no grants to revoke).
CREATE TRIGGER event_log_no_update BEFORE UPDATE ON event_log
BEGIN
  SELECT RAISE(ABORT, 'event_log is append-only: record a correction as a new event');
END;
CREATE TRIGGER event_log_no_delete BEFORE DELETE ON event_log
BEGIN
  SELECT RAISE(ABORT, 'event_log is append-only: record a correction as a new event');
END;

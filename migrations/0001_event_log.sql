-- The event log: append-only, hash-chained (docs/event-log-format.md). FROZEN once released.
CREATE TABLE event_log (
  seq           BIGINT PRIMARY KEY,
  recorded_at   TEXT NOT NULL,
  actor         TEXT NOT NULL,
  instructed_by TEXT,
  subject       TEXT NOT NULL,
  kind          TEXT NOT NULL,
  payload       TEXT NOT NULL,
  prev_hash     TEXT NOT NULL,
  hash          TEXT NOT NULL UNIQUE,
  CHECK (seq > 0)
);
CREATE INDEX event_log_subject ON event_log (subject, seq);
CREATE INDEX event_log_kind ON event_log (kind, seq);

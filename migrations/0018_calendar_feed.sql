-- Each member of staff's private calendar feed (DESIGN section 8, docs/calendar-feeds.md). The
-- secret in the feed's URL is its only authentication, so it is kept as its BLAKE2b hash, never
-- as itself: a copy of the database opens no feed. Who issued it and when, and its revocation,
-- are kept; a row is never deleted. At most one live feed per member of staff: issuing a new one
-- revokes the old in the same transaction, and the partial index refuses a second.
CREATE TABLE calendar_feed (
  id          {{AUTO_ID}},
  staff_id    BIGINT NOT NULL REFERENCES staff (id),
  secret_hash TEXT NOT NULL UNIQUE,
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  revoked_at  TEXT,
  revoked_by  TEXT
);
CREATE UNIQUE INDEX calendar_feed_live ON calendar_feed (staff_id) WHERE revoked_at IS NULL;

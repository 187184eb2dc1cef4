-- A feed is only ever revoked, once: no other change, no deletion.
CREATE TRIGGER calendar_feed_only_revoked BEFORE UPDATE ON calendar_feed
WHEN OLD.revoked_at IS NOT NULL OR NEW.revoked_at IS NULL OR NEW.revoked_by IS NULL
  OR NEW.id <> OLD.id OR NEW.staff_id <> OLD.staff_id OR NEW.secret_hash <> OLD.secret_hash
  OR NEW.created_by <> OLD.created_by OR NEW.created_at <> OLD.created_at
BEGIN
  SELECT RAISE(ABORT, 'calendar_feed is only ever revoked, once: issue a new feed instead');
END;
CREATE TRIGGER calendar_feed_no_delete BEFORE DELETE ON calendar_feed
BEGIN
  SELECT RAISE(ABORT, 'calendar_feed is only ever revoked, once: issue a new feed instead');
END;

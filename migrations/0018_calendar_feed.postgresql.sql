-- A feed is only ever revoked, once: no other change, no deletion.
CREATE FUNCTION calendar_feed_only_revoke() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL
     AND NEW.revoked_by IS NOT NULL AND NEW.id = OLD.id AND NEW.staff_id = OLD.staff_id
     AND NEW.secret_hash = OLD.secret_hash AND NEW.created_by = OLD.created_by
     AND NEW.created_at = OLD.created_at THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'calendar_feed is only ever revoked, once: issue a new feed instead'
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER calendar_feed_only_revoked BEFORE UPDATE OR DELETE ON calendar_feed
  FOR EACH ROW EXECUTE FUNCTION calendar_feed_only_revoke();
CREATE TRIGGER calendar_feed_no_truncate BEFORE TRUNCATE ON calendar_feed
  FOR EACH STATEMENT EXECUTE FUNCTION calendar_feed_only_revoke();

-- RSR assessments and tier changes are kept as recorded: never changed, never deleted; a
-- correction is a new assessment, a new tier a new change.
CREATE FUNCTION risk_history_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: a correction is a new row', TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER rsr_assessment_no_change BEFORE UPDATE OR DELETE ON rsr_assessment
  FOR EACH ROW EXECUTE FUNCTION risk_history_refuse_change();
CREATE TRIGGER rsr_assessment_no_truncate BEFORE TRUNCATE ON rsr_assessment
  FOR EACH STATEMENT EXECUTE FUNCTION risk_history_refuse_change();
CREATE TRIGGER tier_change_no_change BEFORE UPDATE OR DELETE ON tier_change
  FOR EACH ROW EXECUTE FUNCTION risk_history_refuse_change();
CREATE TRIGGER tier_change_no_truncate BEFORE TRUNCATE ON tier_change
  FOR EACH STATEMENT EXECUTE FUNCTION risk_history_refuse_change();

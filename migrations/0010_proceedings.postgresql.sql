-- The steps of breach proceedings and recalls are append-only: a later step is a new row.
CREATE FUNCTION proceedings_step_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: record a new step', TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER breach_step_no_change BEFORE UPDATE OR DELETE ON breach_step
  FOR EACH ROW EXECUTE FUNCTION proceedings_step_refuse_change();
CREATE TRIGGER breach_step_no_truncate BEFORE TRUNCATE ON breach_step
  FOR EACH STATEMENT EXECUTE FUNCTION proceedings_step_refuse_change();
CREATE TRIGGER recall_step_no_change BEFORE UPDATE OR DELETE ON recall_step
  FOR EACH ROW EXECUTE FUNCTION proceedings_step_refuse_change();
CREATE TRIGGER recall_step_no_truncate BEFORE TRUNCATE ON recall_step
  FOR EACH STATEMENT EXECUTE FUNCTION proceedings_step_refuse_change();

-- Outcome history is append-only: an amendment is a new row.
CREATE FUNCTION appointment_outcome_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'appointment_outcome is append-only: amend by adding a row'
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER appointment_outcome_no_change BEFORE UPDATE OR DELETE ON appointment_outcome
  FOR EACH ROW EXECUTE FUNCTION appointment_outcome_refuse_change();
CREATE TRIGGER appointment_outcome_no_truncate BEFORE TRUNCATE ON appointment_outcome
  FOR EACH STATEMENT EXECUTE FUNCTION appointment_outcome_refuse_change();

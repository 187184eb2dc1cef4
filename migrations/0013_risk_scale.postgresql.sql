-- A choice of scale is kept as recorded: a new choice is a new row (the refusal is 0012's).
CREATE TRIGGER risk_scale_choice_no_change BEFORE UPDATE OR DELETE ON risk_scale_choice
  FOR EACH ROW EXECUTE FUNCTION risk_history_refuse_change();
CREATE TRIGGER risk_scale_choice_no_truncate BEFORE TRUNCATE ON risk_scale_choice
  FOR EACH STATEMENT EXECUTE FUNCTION risk_history_refuse_change();

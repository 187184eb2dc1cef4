-- Samples and their cases are kept as recorded (the refusal is 0012's).
CREATE TRIGGER inspection_sample_no_change BEFORE UPDATE OR DELETE ON inspection_sample
  FOR EACH ROW EXECUTE FUNCTION risk_history_refuse_change();
CREATE TRIGGER inspection_sample_no_truncate BEFORE TRUNCATE ON inspection_sample
  FOR EACH STATEMENT EXECUTE FUNCTION risk_history_refuse_change();
CREATE TRIGGER inspection_sample_case_no_change BEFORE UPDATE OR DELETE ON inspection_sample_case
  FOR EACH ROW EXECUTE FUNCTION risk_history_refuse_change();
CREATE TRIGGER inspection_sample_case_no_truncate BEFORE TRUNCATE ON inspection_sample_case
  FOR EACH STATEMENT EXECUTE FUNCTION risk_history_refuse_change();

-- Declarations and their ends are kept as recorded (the refusal is 0012's).
CREATE TRIGGER capacity_declaration_no_change BEFORE UPDATE OR DELETE ON capacity_declaration
  FOR EACH ROW EXECUTE FUNCTION risk_history_refuse_change();
CREATE TRIGGER capacity_declaration_no_truncate BEFORE TRUNCATE ON capacity_declaration
  FOR EACH STATEMENT EXECUTE FUNCTION risk_history_refuse_change();
CREATE TRIGGER capacity_declaration_end_no_change BEFORE UPDATE OR DELETE
  ON capacity_declaration_end FOR EACH ROW EXECUTE FUNCTION risk_history_refuse_change();
CREATE TRIGGER capacity_declaration_end_no_truncate BEFORE TRUNCATE ON capacity_declaration_end
  FOR EACH STATEMENT EXECUTE FUNCTION risk_history_refuse_change();

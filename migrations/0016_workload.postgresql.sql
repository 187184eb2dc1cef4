-- Workload reference data, reductions, reports and over-capacity allocations are kept as
-- recorded (the refusal is 0012's).
CREATE TRIGGER workload_weighting_no_change BEFORE UPDATE OR DELETE ON workload_weighting
  FOR EACH ROW EXECUTE FUNCTION risk_history_refuse_change();
CREATE TRIGGER workload_weighting_no_truncate BEFORE TRUNCATE ON workload_weighting
  FOR EACH STATEMENT EXECUTE FUNCTION risk_history_refuse_change();
CREATE TRIGGER workload_reduction_no_change BEFORE UPDATE OR DELETE ON workload_reduction
  FOR EACH ROW EXECUTE FUNCTION risk_history_refuse_change();
CREATE TRIGGER workload_reduction_no_truncate BEFORE TRUNCATE ON workload_reduction
  FOR EACH STATEMENT EXECUTE FUNCTION risk_history_refuse_change();
CREATE TRIGGER workload_reduction_end_no_change BEFORE UPDATE OR DELETE ON workload_reduction_end
  FOR EACH ROW EXECUTE FUNCTION risk_history_refuse_change();
CREATE TRIGGER workload_reduction_end_no_truncate BEFORE TRUNCATE ON workload_reduction_end
  FOR EACH STATEMENT EXECUTE FUNCTION risk_history_refuse_change();
CREATE TRIGGER court_report_no_change BEFORE UPDATE OR DELETE ON court_report
  FOR EACH ROW EXECUTE FUNCTION risk_history_refuse_change();
CREATE TRIGGER court_report_no_truncate BEFORE TRUNCATE ON court_report
  FOR EACH STATEMENT EXECUTE FUNCTION risk_history_refuse_change();
CREATE TRIGGER allocation_over_capacity_no_change BEFORE UPDATE OR DELETE ON allocation_over_capacity
  FOR EACH ROW EXECUTE FUNCTION risk_history_refuse_change();
CREATE TRIGGER allocation_over_capacity_no_truncate BEFORE TRUNCATE ON allocation_over_capacity
  FOR EACH STATEMENT EXECUTE FUNCTION risk_history_refuse_change();

-- Workload reference data, reductions, reports and over-capacity allocations are kept as
-- recorded: a correction is a new row.
CREATE TRIGGER workload_weighting_no_update BEFORE UPDATE ON workload_weighting
BEGIN
  SELECT RAISE(ABORT, 'workload_weighting is append-only: a correction is a new row');
END;
CREATE TRIGGER workload_weighting_no_delete BEFORE DELETE ON workload_weighting
BEGIN
  SELECT RAISE(ABORT, 'workload_weighting is append-only: a correction is a new row');
END;
CREATE TRIGGER workload_reduction_no_update BEFORE UPDATE ON workload_reduction
BEGIN
  SELECT RAISE(ABORT, 'workload_reduction is append-only: a correction is a new row');
END;
CREATE TRIGGER workload_reduction_no_delete BEFORE DELETE ON workload_reduction
BEGIN
  SELECT RAISE(ABORT, 'workload_reduction is append-only: a correction is a new row');
END;
CREATE TRIGGER workload_reduction_end_no_update BEFORE UPDATE ON workload_reduction_end
BEGIN
  SELECT RAISE(ABORT, 'workload_reduction_end is append-only: a correction is a new row');
END;
CREATE TRIGGER workload_reduction_end_no_delete BEFORE DELETE ON workload_reduction_end
BEGIN
  SELECT RAISE(ABORT, 'workload_reduction_end is append-only: a correction is a new row');
END;
CREATE TRIGGER court_report_no_update BEFORE UPDATE ON court_report
BEGIN
  SELECT RAISE(ABORT, 'court_report is append-only: a correction is a new row');
END;
CREATE TRIGGER court_report_no_delete BEFORE DELETE ON court_report
BEGIN
  SELECT RAISE(ABORT, 'court_report is append-only: a correction is a new row');
END;
CREATE TRIGGER allocation_over_capacity_no_update BEFORE UPDATE ON allocation_over_capacity
BEGIN
  SELECT RAISE(ABORT, 'allocation_over_capacity is append-only: a correction is a new row');
END;
CREATE TRIGGER allocation_over_capacity_no_delete BEFORE DELETE ON allocation_over_capacity
BEGIN
  SELECT RAISE(ABORT, 'allocation_over_capacity is append-only: a correction is a new row');
END;

-- Samples and their cases are kept as recorded: a replacement is a new row.
CREATE TRIGGER inspection_sample_no_update BEFORE UPDATE ON inspection_sample
BEGIN
  SELECT RAISE(ABORT, 'inspection_sample is append-only');
END;
CREATE TRIGGER inspection_sample_no_delete BEFORE DELETE ON inspection_sample
BEGIN
  SELECT RAISE(ABORT, 'inspection_sample is append-only');
END;
CREATE TRIGGER inspection_sample_case_no_update BEFORE UPDATE ON inspection_sample_case
BEGIN
  SELECT RAISE(ABORT, 'inspection_sample_case is append-only: replace a case with a new row');
END;
CREATE TRIGGER inspection_sample_case_no_delete BEFORE DELETE ON inspection_sample_case
BEGIN
  SELECT RAISE(ABORT, 'inspection_sample_case is append-only: replace a case with a new row');
END;

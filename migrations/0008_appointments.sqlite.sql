-- Outcome history is append-only: an amendment is a new row.
CREATE TRIGGER appointment_outcome_no_update BEFORE UPDATE ON appointment_outcome
BEGIN
  SELECT RAISE(ABORT, 'appointment_outcome is append-only: amend by adding a row');
END;
CREATE TRIGGER appointment_outcome_no_delete BEFORE DELETE ON appointment_outcome
BEGIN
  SELECT RAISE(ABORT, 'appointment_outcome is append-only: amend by adding a row');
END;

-- The steps of breach proceedings and recalls are append-only: a later step is a new row.
CREATE TRIGGER breach_step_no_update BEFORE UPDATE ON breach_step
BEGIN
  SELECT RAISE(ABORT, 'breach_step is append-only: record a new step');
END;
CREATE TRIGGER breach_step_no_delete BEFORE DELETE ON breach_step
BEGIN
  SELECT RAISE(ABORT, 'breach_step is append-only: record a new step');
END;
CREATE TRIGGER recall_step_no_update BEFORE UPDATE ON recall_step
BEGIN
  SELECT RAISE(ABORT, 'recall_step is append-only: record a new step');
END;
CREATE TRIGGER recall_step_no_delete BEFORE DELETE ON recall_step
BEGIN
  SELECT RAISE(ABORT, 'recall_step is append-only: record a new step');
END;

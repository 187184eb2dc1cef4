-- A choice of scale is kept as recorded: a new choice is a new row.
CREATE TRIGGER risk_scale_choice_no_update BEFORE UPDATE ON risk_scale_choice
BEGIN
  SELECT RAISE(ABORT, 'risk_scale_choice is append-only: a new choice is a new row');
END;
CREATE TRIGGER risk_scale_choice_no_delete BEFORE DELETE ON risk_scale_choice
BEGIN
  SELECT RAISE(ABORT, 'risk_scale_choice is append-only: a new choice is a new row');
END;

-- RSR assessments and tier changes are kept as recorded: never changed, never deleted; a
-- correction is a new assessment, a new tier a new change.
CREATE TRIGGER rsr_assessment_no_update BEFORE UPDATE ON rsr_assessment
BEGIN
  SELECT RAISE(ABORT, 'rsr_assessment is append-only: a correction is a new assessment');
END;
CREATE TRIGGER rsr_assessment_no_delete BEFORE DELETE ON rsr_assessment
BEGIN
  SELECT RAISE(ABORT, 'rsr_assessment is append-only: a correction is a new assessment');
END;
CREATE TRIGGER tier_change_no_update BEFORE UPDATE ON tier_change
BEGIN
  SELECT RAISE(ABORT, 'tier_change is append-only: a new tier is a new change');
END;
CREATE TRIGGER tier_change_no_delete BEFORE DELETE ON tier_change
BEGIN
  SELECT RAISE(ABORT, 'tier_change is append-only: a new tier is a new change');
END;

-- Covering: a report's read of a case never touches the table. No chain hashes: a report reads
-- the head's hash once, not each event's.
CREATE INDEX event_log_case_report
  ON event_log (subject, seq, kind, recorded_at, actor, instructed_by, payload)
  WHERE kind IN ('person.registered', 'case.allocated', 'sentence.added', 'sentence.terminated',
  'appointment.booked', 'appointment.rearranged', 'appointment.outcome_recorded',
  'appointment.outcome_amended', 'enforcement.alert_raised', 'enforcement.alert_changed',
  'enforcement.alert_withdrawn', 'enforcement.decision_recorded',
  'enforcement.decision_countersigned', 'enforcement.decision_endorsed',
  'enforcement.decision_declined', 'workload.allocated_over_capacity', 'access.restricted',
  'access.restriction_removed', 'access.excluded', 'access.exclusion_removed');
CREATE INDEX event_log_holder_team
  ON event_log (CAST(json_extract(payload, '$.team_code') AS TEXT), subject, seq)
  WHERE kind IN ('person.registered', 'case.allocated');
CREATE INDEX event_log_holder_officer
  ON event_log (CAST(json_extract(payload, '$.officer_staff_id') AS TEXT), subject, seq)
  WHERE kind IN ('person.registered', 'case.allocated');

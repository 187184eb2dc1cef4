-- Not covering: a btree entry must fit in a third of a page, and a payload may not. The heap
-- rows of a case are fetched by bitmap, only those of the kinds a report folds.
CREATE INDEX event_log_case_report
  ON event_log (subject, seq)
  WHERE kind IN ('person.registered', 'case.allocated', 'sentence.added', 'sentence.terminated',
  'appointment.booked', 'appointment.rearranged', 'appointment.outcome_recorded',
  'appointment.outcome_amended', 'enforcement.alert_raised', 'enforcement.alert_changed',
  'enforcement.alert_withdrawn', 'enforcement.decision_recorded',
  'enforcement.decision_countersigned', 'enforcement.decision_endorsed',
  'enforcement.decision_declined', 'workload.allocated_over_capacity', 'access.restricted',
  'access.restriction_removed', 'access.excluded', 'access.exclusion_removed');
CREATE INDEX event_log_holder_team
  ON event_log (((payload::jsonb) ->> 'team_code'), subject, seq)
  WHERE kind IN ('person.registered', 'case.allocated');
CREATE INDEX event_log_holder_officer
  ON event_log (((payload::jsonb) ->> 'officer_staff_id'), subject, seq)
  WHERE kind IN ('person.registered', 'case.allocated');

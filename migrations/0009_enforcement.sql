-- Enforcement: the policy as versioned data, decisions on failures, and the alerts the engine
-- (src/enforcement/engine.h) answers, kept for the worklist. The event log is the truth: every
-- row here is a projection of enforcement.* and appointment.* events.

-- DESIGN section 5's rules table, one row per version. A version applies to failures on or after
-- its effective_from; rows are never changed, a change is a new version
-- (enforcement.policy_changed).
CREATE TABLE enforcement_policy (
  version                    INTEGER PRIMARY KEY,
  effective_from             TEXT NOT NULL,
  community_decision_at      INTEGER NOT NULL,
  community_window_months    INTEGER NOT NULL,
  community_due_working_days INTEGER NOT NULL,
  licence_decision_at        INTEGER NOT NULL,
  licence_window_months      INTEGER NOT NULL,
  licence_due_working_days   INTEGER NOT NULL,
  reason                     TEXT NOT NULL,
  changed_by                 TEXT NOT NULL,
  changed_at                 TEXT NOT NULL
);
INSERT INTO enforcement_policy VALUES
  (1, '1990-01-01', 2, 12, 10, 3, 12, 1, 'National standards (DESIGN section 5)', 'system',
   '2026-01-01T00:00:00.000000Z');

-- A decision on one failure (the appointment it answers). Countersignature, endorsement and
-- declining fill their columns once each; the decision itself never changes, and it never
-- changes the absence judgement.
CREATE TABLE enforcement_decision (
  id               {{AUTO_ID}},
  person_id        BIGINT NOT NULL REFERENCES person (id),
  sentence_id      BIGINT NOT NULL REFERENCES sentence (id),
  appointment_id   BIGINT NOT NULL REFERENCES appointment (id),
  kind             TEXT NOT NULL,
  rationale        TEXT NOT NULL,
  respond_by       TEXT,
  decided_by       TEXT NOT NULL,
  decided_at       TEXT NOT NULL,
  countersigned_by TEXT,
  countersigned_at TEXT,
  endorsed_by      TEXT,
  endorsed_at      TEXT,
  declined_by      TEXT,
  declined_at      TEXT,
  declined_note    TEXT,
  event_seq        BIGINT NOT NULL,
  version          INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX enforcement_decision_sentence ON enforcement_decision (sentence_id, id);

-- The engine's answer for each counted failure, as of the last evaluation of its sentence: one
-- row per (sentence, failure day), named by the day's first failing appointment.
CREATE TABLE enforcement_alert (
  sentence_id        BIGINT NOT NULL REFERENCES sentence (id),
  appointment_id     BIGINT NOT NULL REFERENCES appointment (id),
  person_id          BIGINT NOT NULL REFERENCES person (id),
  failure_day        TEXT NOT NULL,
  nth                INTEGER NOT NULL,
  kind               TEXT NOT NULL,
  due_on             TEXT NOT NULL,
  state              TEXT NOT NULL,
  is_open            INTEGER NOT NULL,
  during_proceedings INTEGER NOT NULL,
  decision_id        BIGINT,
  policy_version     INTEGER NOT NULL,
  raised_at          TEXT NOT NULL,
  event_seq          BIGINT NOT NULL,
  PRIMARY KEY (sentence_id, appointment_id)
);
CREATE INDEX enforcement_alert_open ON enforcement_alert (is_open, due_on);
CREATE INDEX enforcement_alert_person ON enforcement_alert (person_id, is_open);

-- Finding a sentence's unacceptable failures without reading every appointment.
CREATE INDEX appointment_judgement ON appointment (judgement, person_id);

-- Breach proceedings (community sentences: back to court) and recall (licences: back to
-- custody), each begun by an enforcement decision (enforcement_decision: breach_initiated,
-- recall_requested) and carried through its steps. The event log is the truth: every row here is
-- a projection of breach.* and recall.* events. Dates are TEXT 'YYYY-MM-DD'; instants TEXT UTC.

-- Whether a custodial sentence behind a licence is a standard determinate, extended or
-- indeterminate one: fixed-term recall is not open to extended and indeterminate sentences.
-- NULL: not recorded (community sentences, and sentences added before this column).
ALTER TABLE sentence ADD COLUMN custody_type TEXT;

-- One set of breach proceedings on a community sentence, as it now stands: status is the kind of
-- its latest step; ended_on is set by the 'ended' step. Its steps are in breach_step.
CREATE TABLE breach (
  id               {{AUTO_ID}},
  person_id        BIGINT NOT NULL REFERENCES person (id),
  sentence_id      BIGINT NOT NULL REFERENCES sentence (id),
  decision_id      BIGINT NOT NULL,
  status           TEXT NOT NULL,
  initiated_on     TEXT NOT NULL,
  ended_on         TEXT,
  outcome          TEXT,
  next_listing_on  TEXT,
  court            TEXT,
  initiated_by     TEXT NOT NULL,
  initiated_at     TEXT NOT NULL,
  version          INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX breach_sentence ON breach (sentence_id, id);
CREATE INDEX breach_person ON breach (person_id, id);

-- Every step of breach proceedings, never changed: initiated, summons_issued, warrant_issued,
-- court_listed (listed_for, court), outcome_recorded (outcome), ended.
CREATE TABLE breach_step (
  id          {{AUTO_ID}},
  breach_id   BIGINT NOT NULL REFERENCES breach (id),
  kind        TEXT NOT NULL,
  step_on     TEXT NOT NULL,
  listed_for  TEXT,
  court       TEXT,
  outcome     TEXT,
  note        TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  event_seq   BIGINT NOT NULL
);
CREATE INDEX breach_step_breach ON breach_step (breach_id, id);

-- One recall request on a licence, as it now stands: status is the kind of its latest step;
-- decision is the recall team's (standard, fixed_term, not_recalled); ended_on is set by a
-- refused endorsement, a not_recalled decision, or the return to custody.
CREATE TABLE recall (
  id                 {{AUTO_ID}},
  person_id          BIGINT NOT NULL REFERENCES person (id),
  sentence_id        BIGINT NOT NULL REFERENCES sentence (id),
  decision_id        BIGINT NOT NULL,
  reasons            TEXT NOT NULL,
  alternatives_tried TEXT NOT NULL,
  status             TEXT NOT NULL,
  decision           TEXT,
  requested_on       TEXT NOT NULL,
  sent_on            TEXT,
  decided_on         TEXT,
  ended_on           TEXT,
  requested_by       TEXT NOT NULL,
  requested_at       TEXT NOT NULL,
  version            INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX recall_sentence ON recall (sentence_id, id);
CREATE INDEX recall_person ON recall (person_id, id);
CREATE INDEX recall_status ON recall (status, sent_on, id);

-- The licence conditions a recall request says were breached.
CREATE TABLE recall_condition (
  recall_id            BIGINT NOT NULL REFERENCES recall (id),
  licence_condition_id BIGINT NOT NULL REFERENCES licence_condition (id),
  PRIMARY KEY (recall_id, licence_condition_id)
);

-- Every step of a recall, never changed: requested, spo_endorsed, senior_manager_endorsed,
-- endorsement_refused, sent_to_recall_team, decided (decision), returned_to_custody.
CREATE TABLE recall_step (
  id          {{AUTO_ID}},
  recall_id   BIGINT NOT NULL REFERENCES recall (id),
  kind        TEXT NOT NULL,
  step_on     TEXT NOT NULL,
  decision    TEXT,
  note        TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  event_seq   BIGINT NOT NULL
);
CREATE INDEX recall_step_recall ON recall_step (recall_id, id);

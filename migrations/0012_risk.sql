-- Risk kept on a case (docs/risk.md, "Kept on the case"): RSR as assessments recorded it, and
-- every change of the case's tier with the question and the points behind it. person.tier is the
-- current tier (the projection); these rows are its history. Each row is the projection of its
-- event (event_seq): rsr.recorded, tier.changed. Both tables are append-only.

-- RSR as an assessment recorded it, until Probity computes RSR itself. percent is an exact
-- decimal as text ("7.1"), never a float: a threshold decides points (risk/decimal.h).
CREATE TABLE rsr_assessment (
  id          {{AUTO_ID}},
  person_id   BIGINT NOT NULL REFERENCES person (id),
  percent     TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('static', 'dynamic')),
  assessed_on TEXT NOT NULL,
  -- The assessor's name as recorded (they may not be a member of staff in Probity).
  assessed_by TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  event_seq   BIGINT NOT NULL
);
CREATE INDEX rsr_assessment_person ON rsr_assessment (person_id, assessed_on, id);

-- Each change of a case's tier: from (NULL: never tiered) and to, both scales' levels and
-- points, the question asked (inputs) and the points behind the answer (breakdown), as JSON text
-- exactly as in the tier.changed event.
CREATE TABLE tier_change (
  id             {{AUTO_ID}},
  person_id      BIGINT NOT NULL REFERENCES person (id),
  from_tier      TEXT,
  to_tier        TEXT NOT NULL,
  protect_level  TEXT NOT NULL,
  protect_points INTEGER NOT NULL,
  change_level   INTEGER NOT NULL,
  change_points  INTEGER NOT NULL,
  inputs         TEXT NOT NULL,
  breakdown      TEXT NOT NULL,
  calculated_at  TEXT NOT NULL,
  event_seq      BIGINT NOT NULL
);
CREATE INDEX tier_change_person ON tier_change (person_id, id);

-- The scale a practitioner chose for scoring a person whose gender is recorded as other or not
-- stated (docs/risk.md, "A person recorded as other or not stated"): OGRS3 and the tier's
-- women-only factors are published for men and women only. The latest choice wins; a new choice
-- is a new row. Each row is the projection of its event, risk.scale_chosen (event_seq).
CREATE TABLE risk_scale_choice (
  id        {{AUTO_ID}},
  person_id BIGINT NOT NULL REFERENCES person (id),
  scale     TEXT NOT NULL CHECK (scale IN ('male', 'female')),
  reason    TEXT NOT NULL,
  chosen_by TEXT NOT NULL,
  chosen_at TEXT NOT NULL,
  event_seq BIGINT NOT NULL
);
CREATE INDEX risk_scale_choice_person ON risk_scale_choice (person_id, id);

-- Inspection samples (issue 12, item 3; docs/inspection-samples.md): a random sample of cases
-- drawn with a recorded seed over the population the event log gave as of through_seq (whose
-- hash was head_hash), so anyone can draw it again and get the same cases. criteria is the
-- canonical JSON of the unit and filters, as in the inspection_sample.drawn event.
-- Append-only: a replacement is a new row in inspection_sample_case naming the case it
-- replaces, with who, when and why; the replaced case stays. Each row is written with its event
-- (inspection_sample.drawn, inspection_sample.case_replaced), which names the sample's id.
CREATE TABLE inspection_sample (
  id               {{AUTO_ID}},
  title            TEXT NOT NULL,
  scope_level      TEXT NOT NULL,
  scope_code       TEXT NOT NULL,
  criteria         TEXT NOT NULL,
  seed             TEXT NOT NULL,
  size             INTEGER NOT NULL,
  through_seq      BIGINT NOT NULL,
  head_hash        TEXT NOT NULL,
  population_count INTEGER NOT NULL,
  drawn_by         TEXT NOT NULL,
  drawn_at         TEXT NOT NULL
);
-- Every case the sample has held, by its place in the seeded order (1 to size from the draw,
-- then each replacement the next place). replaces_crn, reason: the case a replacement took the
-- place of and why; NULL for the draw.
CREATE TABLE inspection_sample_case (
  sample_id    BIGINT NOT NULL REFERENCES inspection_sample (id),
  position     INTEGER NOT NULL,
  crn          TEXT NOT NULL,
  replaces_crn TEXT,
  reason       TEXT,
  added_by     TEXT NOT NULL,
  added_at     TEXT NOT NULL,
  PRIMARY KEY (sample_id, position),
  UNIQUE (sample_id, crn),
  UNIQUE (sample_id, replaces_crn)
);

-- The organisation: regions > probation delivery units > teams; offices belong to a PDU.
-- Projections of the event log; `version` detects concurrent edits (optimistic locking).
CREATE TABLE region (
  id      {{AUTO_ID}},
  code    TEXT NOT NULL UNIQUE,
  name    TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE pdu (
  id        {{AUTO_ID}},
  code      TEXT NOT NULL UNIQUE,
  name      TEXT NOT NULL,
  region_id BIGINT NOT NULL REFERENCES region (id),
  version   INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE team (
  id      {{AUTO_ID}},
  code    TEXT NOT NULL UNIQUE,
  name    TEXT NOT NULL,
  pdu_id  BIGINT NOT NULL REFERENCES pdu (id),
  version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE office (
  id      {{AUTO_ID}},
  code    TEXT NOT NULL UNIQUE,
  name    TEXT NOT NULL,
  address TEXT NOT NULL,
  pdu_id  BIGINT NOT NULL REFERENCES pdu (id),
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX pdu_region ON pdu (region_id);
CREATE INDEX team_pdu ON team (pdu_id);
CREATE INDEX office_pdu ON office (pdu_id);

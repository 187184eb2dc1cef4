-- A team or a PDU declared over capacity by the head of its PDU (docs/allocation.md, "Unit full"):
-- from when and until when, why, and the work agreed to be suspended. team_id NULL: the whole
-- PDU. Append-only: ending a declaration early is its row in capacity_declaration_end. Each row
-- is written with its event (workload.unit_declared_full, workload.unit_full_ended), which names
-- the declaration's id.
CREATE TABLE capacity_declaration (
  id             {{AUTO_ID}},
  team_id        BIGINT REFERENCES team (id),
  pdu_id         BIGINT NOT NULL REFERENCES pdu (id),
  from_date      TEXT NOT NULL,
  to_date        TEXT,
  reason         TEXT NOT NULL,
  suspended_work TEXT NOT NULL,
  declared_by    TEXT NOT NULL,
  declared_at    TEXT NOT NULL
);
CREATE INDEX capacity_declaration_pdu ON capacity_declaration (pdu_id, id);
CREATE TABLE capacity_declaration_end (
  declaration_id BIGINT NOT NULL UNIQUE REFERENCES capacity_declaration (id),
  ended_on       TEXT NOT NULL,
  reason         TEXT NOT NULL,
  ended_by       TEXT NOT NULL,
  ended_at       TEXT NOT NULL
);

-- Case records: people on probation and what is held about them (DESIGN section 2). Each table
-- is a projection of the event log kept in the same transaction. Dates are TEXT 'YYYY-MM-DD';
-- instants are TEXT 'YYYY-MM-DDTHH:MM:SS.ffffffZ' (UTC), so both sort as text.
CREATE TABLE person (
  id               {{AUTO_ID}},
  crn              TEXT NOT NULL UNIQUE,
  first_name       TEXT NOT NULL,
  last_name        TEXT NOT NULL,
  date_of_birth    TEXT NOT NULL,
  gender           TEXT NOT NULL,
  phone            TEXT,
  email            TEXT,
  -- The team holding the case: the responsible officer's, or the one the case awaits allocation in.
  team_id          BIGINT NOT NULL REFERENCES team (id),
  -- The current responsible officer (a projection of the latest allocation); NULL: unallocated.
  officer_staff_id BIGINT REFERENCES staff (id),
  iom              INTEGER NOT NULL DEFAULT 0,
  -- 1 when the case has an exclusion or restriction list, so lists filter it cheaply.
  limited          INTEGER NOT NULL DEFAULT 0,
  tier             TEXT,
  created_at       TEXT NOT NULL,
  version          INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX person_team ON person (team_id, last_name, first_name);
CREATE INDEX person_officer ON person (officer_staff_id, last_name, first_name);
CREATE INDEX person_name ON person (last_name, first_name);
CREATE INDEX person_birth ON person (date_of_birth);

CREATE TABLE person_alias (
  id            {{AUTO_ID}},
  person_id     BIGINT NOT NULL REFERENCES person (id),
  first_name    TEXT NOT NULL,
  last_name     TEXT NOT NULL,
  date_of_birth TEXT,
  added_by      TEXT NOT NULL,
  added_at      TEXT NOT NULL
);
CREATE INDEX person_alias_person ON person_alias (person_id);
CREATE INDEX person_alias_name ON person_alias (last_name, first_name);

-- Addresses keep their history: a move ends the old main address rather than editing it.
CREATE TABLE person_address (
  id         {{AUTO_ID}},
  person_id  BIGINT NOT NULL REFERENCES person (id),
  status     TEXT NOT NULL,
  line1      TEXT NOT NULL,
  line2      TEXT,
  town       TEXT NOT NULL,
  postcode   TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date   TEXT,
  added_by   TEXT NOT NULL,
  added_at   TEXT NOT NULL
);
CREATE INDEX person_address_person ON person_address (person_id, start_date);

-- A needs assessment records each need's severity on a date; the latest per need is current.
CREATE TABLE person_need (
  id          {{AUTO_ID}},
  person_id   BIGINT NOT NULL REFERENCES person (id),
  need        TEXT NOT NULL,
  severity    TEXT NOT NULL,
  assessed_on TEXT NOT NULL,
  added_by    TEXT NOT NULL,
  added_at    TEXT NOT NULL
);
CREATE INDEX person_need_person ON person_need (person_id, need, assessed_on);

CREATE TABLE registration (
  id          {{AUTO_ID}},
  person_id   BIGINT NOT NULL REFERENCES person (id),
  type        TEXT NOT NULL,
  level       TEXT,
  category    TEXT,
  notes       TEXT,
  start_date  TEXT NOT NULL,
  end_date    TEXT,
  end_reason  TEXT,
  added_by    TEXT NOT NULL,
  added_by_name TEXT NOT NULL,
  added_at    TEXT NOT NULL,
  ended_by    TEXT,
  version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX registration_person ON registration (person_id, start_date);

-- Two people who must never be booked together. Stored with person_a < person_b, so a pair is
-- one row whichever way round it was entered.
CREATE TABLE keep_apart (
  id         {{AUTO_ID}},
  person_a   BIGINT NOT NULL REFERENCES person (id),
  person_b   BIGINT NOT NULL REFERENCES person (id),
  reason     TEXT NOT NULL,
  added_by   TEXT NOT NULL,
  added_at   TEXT NOT NULL,
  ended_at   TEXT,
  ended_by   TEXT,
  CHECK (person_a < person_b)
);
CREATE INDEX keep_apart_a ON keep_apart (person_a);
CREATE INDEX keep_apart_b ON keep_apart (person_b);

-- Previous convictions (sanctions), for the reconviction scores of the risk capability.
CREATE TABLE conviction (
  id              {{AUTO_ID}},
  person_id       BIGINT NOT NULL REFERENCES person (id),
  conviction_date TEXT NOT NULL,
  offence_group   TEXT NOT NULL,
  offence         TEXT,
  added_by        TEXT NOT NULL,
  added_at        TEXT NOT NULL
);
CREATE INDEX conviction_person ON conviction (person_id, conviction_date);

-- A sentence (in nDelius terms, an event): an order or a licence under supervision.
CREATE TABLE sentence (
  id                 {{AUTO_ID}},
  person_id          BIGINT NOT NULL REFERENCES person (id),
  kind               TEXT NOT NULL,
  court              TEXT NOT NULL,
  offence            TEXT NOT NULL,
  offence_group      TEXT NOT NULL,
  sentence_date      TEXT NOT NULL,
  length_months      INTEGER NOT NULL,
  expected_end       TEXT NOT NULL,
  release_date       TEXT,
  licence_end        TEXT,
  status             TEXT NOT NULL,
  terminated_on      TEXT,
  termination_reason TEXT,
  added_by           TEXT NOT NULL,
  added_at           TEXT NOT NULL,
  version            INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX sentence_person ON sentence (person_id, status);

CREATE TABLE requirement (
  id          {{AUTO_ID}},
  sentence_id BIGINT NOT NULL REFERENCES sentence (id),
  person_id   BIGINT NOT NULL REFERENCES person (id),
  type        TEXT NOT NULL,
  amount      INTEGER NOT NULL,
  unit        TEXT NOT NULL,
  progress    INTEGER NOT NULL DEFAULT 0,
  status      TEXT NOT NULL,
  start_date  TEXT NOT NULL,
  end_date    TEXT,
  end_reason  TEXT,
  added_by    TEXT NOT NULL,
  added_at    TEXT NOT NULL,
  version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX requirement_sentence ON requirement (sentence_id);
CREATE INDEX requirement_person ON requirement (person_id);

CREATE TABLE licence_condition (
  id          {{AUTO_ID}},
  sentence_id BIGINT NOT NULL REFERENCES sentence (id),
  person_id   BIGINT NOT NULL REFERENCES person (id),
  type        TEXT NOT NULL,
  description TEXT NOT NULL,
  start_date  TEXT NOT NULL,
  end_date    TEXT,
  added_by    TEXT NOT NULL,
  added_at    TEXT NOT NULL,
  version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX licence_condition_sentence ON licence_condition (sentence_id);

-- Every allocation of a responsible officer, never edited: the latest is current.
CREATE TABLE allocation (
  id           {{AUTO_ID}},
  person_id    BIGINT NOT NULL REFERENCES person (id),
  team_id      BIGINT NOT NULL REFERENCES team (id),
  staff_id     BIGINT REFERENCES staff (id),
  from_at      TEXT NOT NULL,
  allocated_by TEXT NOT NULL,
  reason       TEXT NOT NULL
);
CREATE INDEX allocation_person ON allocation (person_id, id);
CREATE INDEX allocation_staff ON allocation (staff_id);

-- The timeline: contacts recorded by people, and entries the system writes for domain events
-- (a sentence added, an officer allocated), each pointing at its event in the log.
CREATE TABLE contact (
  id          {{AUTO_ID}},
  person_id   BIGINT NOT NULL REFERENCES person (id),
  type        TEXT NOT NULL,
  at          TEXT NOT NULL,
  author      TEXT NOT NULL,
  author_name TEXT NOT NULL,
  note        TEXT NOT NULL,
  sentence_id BIGINT REFERENCES sentence (id),
  system      INTEGER NOT NULL DEFAULT 0,
  event_seq   BIGINT,
  recorded_at TEXT NOT NULL
);
CREATE INDEX contact_timeline ON contact (person_id, at, id);
CREATE INDEX contact_timeline_type ON contact (person_id, type, at, id);

-- Restricted cases (access issue): staff excluded from a case, and the only staff allowed to see
-- a restricted one.
CREATE TABLE case_exclusion (
  person_id BIGINT NOT NULL REFERENCES person (id),
  staff_id  BIGINT NOT NULL REFERENCES staff (id),
  reason    TEXT NOT NULL,
  added_by  TEXT NOT NULL,
  added_at  TEXT NOT NULL,
  PRIMARY KEY (person_id, staff_id)
);
CREATE TABLE case_restriction (
  person_id BIGINT NOT NULL REFERENCES person (id),
  staff_id  BIGINT NOT NULL REFERENCES staff (id),
  reason    TEXT NOT NULL,
  added_by  TEXT NOT NULL,
  added_at  TEXT NOT NULL,
  PRIMARY KEY (person_id, staff_id)
);

-- Every read of a restricted case, allowed or denied. Append-only, like the event log.
CREATE TABLE case_access_log (
  id         {{AUTO_ID}},
  at         TEXT NOT NULL,
  staff_id   BIGINT NOT NULL,
  username   TEXT NOT NULL,
  crn        TEXT NOT NULL,
  what       TEXT NOT NULL,
  outcome    TEXT NOT NULL,
  reason     TEXT NOT NULL,
  request_id TEXT NOT NULL
);
CREATE INDEX case_access_log_at ON case_access_log (at, id);
CREATE INDEX case_access_log_crn ON case_access_log (crn, at);

-- Appointments: contacts planned for a time and place, their outcomes and rearrangements.

-- Rooms in an office. Appointments at an office may name one; bookings and privacy rules build
-- on this table.
CREATE TABLE room (
  id        {{AUTO_ID}},
  office_id BIGINT NOT NULL REFERENCES office (id),
  name      TEXT NOT NULL,
  privacy   TEXT NOT NULL,
  capacity  INTEGER NOT NULL DEFAULT 2,
  active    INTEGER NOT NULL DEFAULT 1,
  version   INTEGER NOT NULL DEFAULT 1,
  UNIQUE (office_id, name)
);

-- Reference data: the kinds of appointment, and whether national standards make a failure to
-- keep one enforceable.
CREATE TABLE appointment_type (
  code        TEXT PRIMARY KEY,
  label       TEXT NOT NULL,
  enforceable INTEGER NOT NULL,
  active      INTEGER NOT NULL DEFAULT 1
);
INSERT INTO appointment_type (code, label, enforceable) VALUES
  ('initial', 'Initial appointment (induction)', 1),
  ('supervision', 'Supervision appointment', 1),
  ('home_visit', 'Planned home visit', 1),
  ('video_call', 'Planned video call', 1),
  ('phone_call', 'Planned phone call', 0),
  ('unpaid_work', 'Unpaid work session', 1),
  ('accredited_programme', 'Accredited programme session', 1),
  ('rehabilitation_activity', 'Rehabilitation activity', 1),
  ('drug_test', 'Drug test', 1),
  ('three_way_meeting', 'Three-way meeting', 1),
  ('court_report_interview', 'Pre-sentence report interview', 0),
  ('other_agency', 'Appointment with another agency', 0);

-- One row per appointment, as it now stands. A rearranged appointment keeps its row (status
-- 'rearranged', linked to its replacement); the outcome columns hold the current outcome, whose
-- whole history is in appointment_outcome.
CREATE TABLE appointment (
  id                     {{AUTO_ID}},
  person_id              BIGINT NOT NULL REFERENCES person (id),
  sentence_id            BIGINT REFERENCES sentence (id),
  requirement_id         BIGINT REFERENCES requirement (id),
  type                   TEXT NOT NULL REFERENCES appointment_type (code),
  enforceable            INTEGER NOT NULL,
  starts_at              TEXT NOT NULL,
  ends_at                TEXT NOT NULL,
  duration_minutes       INTEGER NOT NULL,
  office_id              BIGINT REFERENCES office (id),
  room_id                BIGINT REFERENCES room (id),
  location               TEXT,
  staff_id               BIGINT NOT NULL REFERENCES staff (id),
  status                 TEXT NOT NULL,
  rearranged_from        BIGINT REFERENCES appointment (id),
  rearranged_to          BIGINT REFERENCES appointment (id),
  rearrange_requested_by TEXT,
  rearrange_reason       TEXT,
  outcome                TEXT,
  judgement              TEXT,
  outcome_id             BIGINT,
  booked_by              TEXT NOT NULL,
  booked_at              TEXT NOT NULL,
  version                INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX appointment_person ON appointment (person_id, starts_at);
CREATE INDEX appointment_staff ON appointment (staff_id, starts_at);

-- Every outcome recorded for an appointment and every amendment of it, never changed: the
-- latest row is the current value.
CREATE TABLE appointment_outcome (
  id               {{AUTO_ID}},
  appointment_id   BIGINT NOT NULL REFERENCES appointment (id),
  person_id        BIGINT NOT NULL REFERENCES person (id),
  outcome          TEXT NOT NULL,
  judgement        TEXT,
  judgement_reason TEXT,
  note             TEXT NOT NULL,
  recorded_by      TEXT NOT NULL,
  recorded_at      TEXT NOT NULL,
  amendment_reason TEXT,
  instructed_by    TEXT,
  event_seq        BIGINT NOT NULL
);
CREATE INDEX appointment_outcome_appointment ON appointment_outcome (appointment_id, id);

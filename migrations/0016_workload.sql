-- Workload as data (docs/workload.md): the weightings in force, reductions of a practitioner's
-- hours, court reports they completed, allocations made past 100% and the week-by-week history.
-- Points and capacity themselves are not stored: they are worked out from the record whenever
-- they are read, so they can never drift from it. Each row below is written with its event.

-- Versions of the weightings table and nominal target; the highest id is in force. None: the
-- published defaults (version 0). weights is the JSON the API takes.
CREATE TABLE workload_weighting (
  id             {{AUTO_ID}},
  weights        TEXT NOT NULL,
  nominal_target INTEGER NOT NULL,
  default_hours  INTEGER NOT NULL, -- hundredths of an hour: 3700 is 37 h
  reason         TEXT NOT NULL,
  changed_by     TEXT NOT NULL,
  changed_at     TEXT NOT NULL
);

-- A reduction of a member of staff's hours for an allowance (workload.md): hours in hundredths,
-- active from start_date up to, not including, expires_on. Ending early is its own row.
CREATE TABLE workload_reduction (
  id         {{AUTO_ID}},
  staff_id   BIGINT NOT NULL REFERENCES staff (id),
  allowance  TEXT NOT NULL,
  hours      INTEGER NOT NULL,
  start_date TEXT NOT NULL,
  expires_on TEXT,
  note       TEXT NOT NULL,
  added_by   TEXT NOT NULL,
  added_at   TEXT NOT NULL
);
CREATE INDEX workload_reduction_staff ON workload_reduction (staff_id, id);
CREATE TABLE workload_reduction_end (
  reduction_id BIGINT NOT NULL UNIQUE REFERENCES workload_reduction (id),
  ended_on     TEXT NOT NULL,
  reason       TEXT NOT NULL,
  ended_by     TEXT NOT NULL,
  ended_at     TEXT NOT NULL
);

-- A court report a practitioner completed (kind standard or fast): it counts for 30 days.
CREATE TABLE court_report (
  id           {{AUTO_ID}},
  staff_id     BIGINT NOT NULL REFERENCES staff (id),
  kind         TEXT NOT NULL,
  completed_on TEXT NOT NULL,
  crn          TEXT NOT NULL,
  added_by     TEXT NOT NULL,
  added_at     TEXT NOT NULL
);
CREATE INDEX court_report_staff ON court_report (staff_id, completed_on);

-- An allocation that took the officer past 100%, with the reason the allocator gave: the unit's
-- dashboards list them.
CREATE TABLE allocation_over_capacity (
  allocation_id   BIGINT NOT NULL PRIMARY KEY REFERENCES allocation (id),
  staff_id        BIGINT NOT NULL REFERENCES staff (id),
  team_id         BIGINT NOT NULL REFERENCES team (id),
  capacity_before INTEGER NOT NULL,
  capacity_after  INTEGER NOT NULL,
  reason          TEXT NOT NULL,
  allocated_by    TEXT NOT NULL,
  allocated_at    TEXT NOT NULL
);
CREATE INDEX allocation_over_capacity_team ON allocation_over_capacity (team_id, allocated_at);

-- Each member of staff's figure once a week (week_start is a Monday), written by the nightly
-- `probity workload record-week`: the trend the dashboards draw. Derived, so rewritten in place
-- for the current week; past weeks are left as they were recorded. Capacity in tenths of a
-- percent, so sums over a unit stay exact.
CREATE TABLE workload_week (
  staff_id         BIGINT NOT NULL REFERENCES staff (id),
  week_start       TEXT NOT NULL,
  points           INTEGER NOT NULL,
  available_points INTEGER NOT NULL,
  capacity         INTEGER NOT NULL,
  cases            INTEGER NOT NULL,
  recorded_at      TEXT NOT NULL,
  PRIMARY KEY (staff_id, week_start)
);
CREATE INDEX workload_week_start ON workload_week (week_start);

-- The working-days calendar's local adjustments: an administrator's extra holiday (a one-off not
-- yet in the program's list of proclaimed days) or a bank holiday that is worked because it was
-- moved. The rules and the proclaimed days are in the program (src/calendar/working_days.cc);
-- only these are data. One per date. A projection of the calendar.adjustment_added and
-- calendar.adjustment_removed events: a removal deletes the row, the log keeps the history.
CREATE TABLE calendar_adjustment (
  id       {{AUTO_ID}},
  date     TEXT NOT NULL UNIQUE,
  kind     TEXT NOT NULL CHECK (kind IN ('holiday', 'working_day')),
  name     TEXT NOT NULL,
  added_by TEXT NOT NULL,
  added_at TEXT NOT NULL
);

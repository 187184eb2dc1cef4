-- Rooms and safeguarding (docs/rooms.md): what a room offers and when it is open; whether an
-- appointment was held in an open-plan or public space and why; the keep-apart margin.

-- Accessibility features as comma-separated codes (rooms/rules.h AccessibilityFeatures), opening
-- hours as UK wall-clock "HH:MM", open days as comma-separated "mon".."sun".
ALTER TABLE room ADD COLUMN accessibility TEXT NOT NULL DEFAULT '';
ALTER TABLE room ADD COLUMN opens TEXT NOT NULL DEFAULT '09:00';
ALTER TABLE room ADD COLUMN closes TEXT NOT NULL DEFAULT '17:00';
ALTER TABLE room ADD COLUMN open_days TEXT NOT NULL DEFAULT 'mon,tue,wed,thu,fri';

-- An appointment in an open-plan or public space is flagged (open_space = 1, kept as booked even
-- if the room later changes its privacy) and carries the booker's reason.
ALTER TABLE appointment ADD COLUMN open_space INTEGER NOT NULL DEFAULT 0;
ALTER TABLE appointment ADD COLUMN room_reason TEXT;

-- The conflict checks read a room's, and an office's, bookings by time.
CREATE INDEX appointment_room ON appointment (room_id, starts_at);
CREATE INDEX appointment_office ON appointment (office_id, starts_at);

-- How far apart, in minutes, two people who must be kept apart are booked at one office. Policy
-- is data: each change is a new row, the latest is in force.
CREATE TABLE keep_apart_policy (
  id             {{AUTO_ID}},
  margin_minutes INTEGER NOT NULL,
  reason         TEXT NOT NULL,
  changed_by     TEXT NOT NULL,
  changed_at     TEXT NOT NULL
);
INSERT INTO keep_apart_policy (margin_minutes, reason, changed_by, changed_at)
  VALUES (60, 'Default: an hour either side', 'system', '2026-01-01T00:00:00Z');

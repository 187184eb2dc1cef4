-- Who opened an unallocated case, and on which days (docs/allocation.md, "The unallocated
-- queue"): the queue shows who has looked at a case while it waits, so a case everyone has seen
-- and no one has taken stands out. One row per person, member of staff and UK day; first_at is
-- the first view that day. A view is a read, not a change to the record, so it is not evented.
CREATE TABLE unallocated_view (
  person_id BIGINT NOT NULL REFERENCES person (id),
  staff_id  BIGINT NOT NULL REFERENCES staff (id),
  viewed_on TEXT NOT NULL,
  first_at  TEXT NOT NULL,
  PRIMARY KEY (person_id, staff_id, viewed_on)
);

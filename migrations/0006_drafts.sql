-- Work in progress that must outlive a session: the fields of a form someone was filling in when
-- their session ended, kept for them alone until they save or discard it. A draft is not a
-- record and nothing reads it as evidence, so it is deleted once used.
CREATE TABLE draft (
  id         {{AUTO_ID}},
  account_id BIGINT NOT NULL REFERENCES account (id),
  form       TEXT NOT NULL,
  subject    TEXT NOT NULL,
  fields     TEXT NOT NULL,
  saved_at   TEXT NOT NULL
);
CREATE INDEX draft_owner ON draft (account_id, form, subject, id);

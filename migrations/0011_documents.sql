-- Documents kept on a case: letters as they were issued (docs/letters.md). A document never
-- changes, like a letter once sent: a correction is a new document. Each row is the projection of
-- its document.issued event (event_seq).
CREATE TABLE case_document (
  id          {{AUTO_ID}},
  person_id   BIGINT NOT NULL REFERENCES person (id),
  sentence_id BIGINT REFERENCES sentence (id),
  decision_id BIGINT REFERENCES enforcement_decision (id),
  kind        TEXT NOT NULL CHECK (kind IN ('warning_letter', 'compliance_letter', 'breach_letter')),
  title       TEXT NOT NULL,
  body        TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  event_seq   BIGINT NOT NULL
);
CREATE INDEX case_document_person ON case_document (person_id, id);

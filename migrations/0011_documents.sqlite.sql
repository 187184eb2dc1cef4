-- A document is kept as issued: never changed, never deleted; a correction is a new document.
CREATE TRIGGER case_document_no_update BEFORE UPDATE ON case_document
BEGIN
  SELECT RAISE(ABORT, 'case_document is append-only: a correction is a new document');
END;
CREATE TRIGGER case_document_no_delete BEFORE DELETE ON case_document
BEGIN
  SELECT RAISE(ABORT, 'case_document is append-only: a correction is a new document');
END;

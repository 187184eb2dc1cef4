-- A document is kept as issued: never changed, never deleted; a correction is a new document.
CREATE FUNCTION case_document_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'case_document is append-only: a correction is a new document'
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER case_document_no_change BEFORE UPDATE OR DELETE ON case_document
  FOR EACH ROW EXECUTE FUNCTION case_document_refuse_change();
CREATE TRIGGER case_document_no_truncate BEFORE TRUNCATE ON case_document
  FOR EACH STATEMENT EXECUTE FUNCTION case_document_refuse_change();

-- Declarations and their ends are kept as recorded.
CREATE TRIGGER capacity_declaration_no_update BEFORE UPDATE ON capacity_declaration
BEGIN
  SELECT RAISE(ABORT, 'capacity_declaration is append-only: end it with a new row');
END;
CREATE TRIGGER capacity_declaration_no_delete BEFORE DELETE ON capacity_declaration
BEGIN
  SELECT RAISE(ABORT, 'capacity_declaration is append-only: end it with a new row');
END;
CREATE TRIGGER capacity_declaration_end_no_update BEFORE UPDATE ON capacity_declaration_end
BEGIN
  SELECT RAISE(ABORT, 'capacity_declaration_end is append-only');
END;
CREATE TRIGGER capacity_declaration_end_no_delete BEFORE DELETE ON capacity_declaration_end
BEGIN
  SELECT RAISE(ABORT, 'capacity_declaration_end is append-only');
END;

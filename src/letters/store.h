// The case_document table (migrations/0011_documents.sql): letters kept on a case as issued.
// Rows are only ever inserted: the database refuses UPDATE and DELETE. SQL only: what a letter
// says is in letter.h, the transaction in app/letters.h.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "letters/model.h"
#include "org/model.h"
#include "store/db.h"

namespace probity::letters {

// The id the next document will have, so its document.issued event can name it before the row
// (which records the event's seq) is written. Takes the event chain's lock, which every document
// insert holds until its commit (it appends its event in the same transaction), so no two
// transactions are given one id. Call it in a write transaction, then InsertDocument the same id.
int64_t ReserveDocumentId(store::Transaction& tx);

// Writes `d` with its id (from ReserveDocumentId).
void InsertDocument(store::Transaction& tx, const Document& d);

// The person's documents, newest first, without their bodies; created_by_name filled.
std::vector<Document> LoadDocuments(store::Transaction& tx, int64_t person_id);

// One of the person's documents, with its body; nullopt when `id` is not theirs.
std::optional<Document> FindDocument(store::Transaction& tx, int64_t person_id, int64_t id);

// The office a letter comes from for a person managed in PDU `pdu_id`: its first office by
// code, or nullopt when it has none.
std::optional<org::Office> LetterOffice(store::Transaction& tx, int64_t pdu_id);

}  // namespace probity::letters

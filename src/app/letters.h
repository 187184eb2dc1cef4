// Letters kept as documents on the case (docs/letters.md): a decision that sends a letter
// (warning issued, licence compliance letter, breach initiated) has its letter filled from the
// case record, rendered and stored as a document in the decision's own transaction, and put on
// the person's timeline. A document is never changed or deleted (the database refuses it): a
// correction is a new document. Authorisation happens before, in the handler, through
// app::OpenCase.
#pragma once

#include <cstdint>
#include <vector>

#include "app/case_access.h"
#include "core/result.h"
#include "core/time.h"
#include "enforcement/store.h"
#include "letters/model.h"
#include "store/db.h"
#include "store/event_log.h"

namespace probity::app {

// Issues the letter `decision` calls for, in the caller's transaction: fills it from the case
// record (person, address, sentence, officer, the failures counted), renders it, stores it as a
// document and appends the event document.issued (FROZEN payload {id, kind, title, decision_id,
// sentence_id}) with its timeline entry. Call it after the decision is stored (decision.decision.id
// set). Returns the new document's id, or 0 (and does nothing) for a decision that sends no letter.
// kNotFound "unknown_sentence" when the decision's sentence is not this person's.
Result<int64_t> IssueLetter(store::Transaction& tx, const store::Actor& by, const CaseRef& on,
                            const enforcement::DecisionRecord& decision, UtcTime now);

// The person's documents, newest first, without their bodies.
std::vector<letters::Document> ListDocuments(store::Db& db, const CaseRef& on);

// One of the person's documents, with its body. kNotFound "unknown_document" when `id` is not one
// of this person's.
Result<letters::Document> GetDocument(store::Db& db, const CaseRef& on, int64_t id);

}  // namespace probity::app

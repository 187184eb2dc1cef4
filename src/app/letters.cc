#include "app/letters.h"

namespace probity::app {

// Interim: the header is the contract; the letters themselves follow.
Result<int64_t> IssueLetter(store::Transaction&, const store::Actor&, const CaseRef&,
                            const enforcement::DecisionRecord&, UtcTime) {
  return int64_t{0};
}

std::vector<letters::Document> ListDocuments(store::Db&, const CaseRef&) { return {}; }

Result<letters::Document> GetDocument(store::Db&, const CaseRef&, int64_t) {
  return Error::NotFound("unknown_document", "there is no such document");
}

}  // namespace probity::app

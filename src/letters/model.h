// Letters as value types: the kinds of letter enforcement sends (a warning, a licence compliance
// letter, a breach letter), the document a letter is kept as on the case, and which decision
// calls for which letter. No I/O here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/time.h"
#include "enforcement/model.h"

namespace probity::letters {

enum class LetterKind { kWarning, kComplianceLetter, kBreach };
// FROZEN (stored in case_document.kind and in document.issued events): "warning_letter",
// "compliance_letter", "breach_letter".
const char* ToString(LetterKind k);
std::optional<LetterKind> ParseLetterKind(std::string_view text);
// For people: "Warning letter", "Licence compliance letter", "Breach letter".
const char* LabelOf(LetterKind k);

// The letter a decision calls for: warning_issued a warning, compliance_letter a licence
// compliance letter, breach_initiated a breach letter; nullopt for every other decision.
std::optional<LetterKind> LetterFor(enforcement::DecisionKind k);

// A document kept on a case: a letter as it was issued. Never changed once written: a correction
// is a new document.
struct Document {
  int64_t id = 0;
  int64_t person_id = 0;
  std::optional<int64_t> sentence_id;
  std::optional<int64_t> decision_id;
  std::string kind;        // ToString(LetterKind)
  std::string title;       // "Warning letter: failure to attend on 3 March 2025"
  std::string body;        // the rendered letter, an HTML fragment, frozen as issued
  std::string created_by;  // actor id
  std::string created_by_name;
  UtcTime created_at{};
  int64_t event_seq = 0;  // the document.issued event
};

}  // namespace probity::letters

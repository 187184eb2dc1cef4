#include "letters/model.h"

namespace probity::letters {

const char* ToString(LetterKind k) {
  switch (k) {
    case LetterKind::kWarning:
      return "warning_letter";
    case LetterKind::kComplianceLetter:
      return "compliance_letter";
    case LetterKind::kBreach:
      return "breach_letter";
  }
  return "warning_letter";
}

std::optional<LetterKind> ParseLetterKind(std::string_view text) {
  for (auto k : {LetterKind::kWarning, LetterKind::kComplianceLetter, LetterKind::kBreach})
    if (text == ToString(k)) return k;
  return std::nullopt;
}

const char* LabelOf(LetterKind k) {
  switch (k) {
    case LetterKind::kWarning:
      return "Warning letter";
    case LetterKind::kComplianceLetter:
      return "Licence compliance letter";
    case LetterKind::kBreach:
      return "Breach letter";
  }
  return "Letter";
}

std::optional<LetterKind> LetterFor(enforcement::DecisionKind k) {
  switch (k) {
    case enforcement::DecisionKind::kWarningIssued:
      return LetterKind::kWarning;
    case enforcement::DecisionKind::kComplianceLetter:
      return LetterKind::kComplianceLetter;
    case enforcement::DecisionKind::kBreachInitiated:
      return LetterKind::kBreach;
    default:
      return std::nullopt;
  }
}

}  // namespace probity::letters

// The closed lists a case record draws on: genders, needs, registration types, sentence kinds,
// requirement types, contact types, offence groups... Each is a table of FROZEN codes (stored,
// sent over the API and written into events) with the label a person reads. Pure data.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace probity::cases {

struct Term {
  std::string_view code;
  std::string_view label;
};

using Vocabulary = std::span<const Term>;

Vocabulary Genders();                // male, female, other, not_stated
Vocabulary NeedAreas();              // accommodation, education_training_employment, ...
Vocabulary NeedSeverities();         // none, standard, severe
Vocabulary AddressStatuses();        // main, secondary, previous
Vocabulary RegistrationTypes();      // rosh, mappa, domestic_abuse_perpetrator, ...
Vocabulary RoshLevels();             // low, medium, high, very_high
Vocabulary MappaLevels();            // 1, 2, 3
Vocabulary MappaCategories();        // 1, 2, 3, 4
Vocabulary OffenceGroups();          // the OGRS3 groups of shared reference risk.md
Vocabulary SentenceKinds();          // community_order, suspended_sentence_order, licence, pss
Vocabulary CustodyTypes();           // standard, extended, indeterminate (behind a licence or PSS)
Vocabulary TerminationReasons();     // completed, revoked_resentenced, ...
Vocabulary RequirementTypes();       // rehabilitation_activity, unpaid_work, ...
Vocabulary RequirementEndReasons();  // completed, terminated_by_court, ...
Vocabulary LicenceConditionTypes();  // standard, additional, bespoke
Vocabulary ContactTypes();           // phone_call, home_visit, ... (recorded by people)

// The term with that code, exactly (codes are lower-case); nullopt when there is none.
std::optional<Term> Find(Vocabulary vocabulary, std::string_view code);
bool Has(Vocabulary vocabulary, std::string_view code);
// "a, b, c": the codes, for error messages.
std::string Choices(Vocabulary vocabulary);
// The label of a code, or the code itself when unknown (system timeline types, old codes).
std::string_view LabelOf(Vocabulary vocabulary, std::string_view code);

// Registration types that count towards tier complexity (shared reference risk.md).
bool IsComplexityRegistration(std::string_view type);

// The unit a requirement type's amount is in: "days", "hours", "sessions" or "months".
std::string_view RequirementUnit(std::string_view type);

}  // namespace probity::cases

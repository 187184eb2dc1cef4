#include "cases/sentence_store.h"

// Placeholder bodies until the sentence capability lands: no sentences are stored yet.
namespace probity::cases {
std::vector<Sentence> LoadSentences(store::Transaction&, int64_t) { return {}; }
std::vector<Requirement> LoadRequirements(store::Transaction&, int64_t) { return {}; }
std::vector<LicenceCondition> LoadLicenceConditions(store::Transaction&, int64_t) { return {}; }
}  // namespace probity::cases

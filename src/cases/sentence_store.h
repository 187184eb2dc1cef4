// SQL for sentences, their requirements and licence conditions. Runs inside the caller's
// Transaction; never commits.
#pragma once

#include <optional>
#include <vector>

#include "cases/model.h"
#include "core/result.h"
#include "store/db.h"

namespace probity::cases {

// A person's sentences, current (active) first, then by sentence date, newest first.
std::vector<Sentence> LoadSentences(store::Transaction& tx, int64_t person_id);
// The requirements of all a person's sentences, by sentence then id.
std::vector<Requirement> LoadRequirements(store::Transaction& tx, int64_t person_id);
std::vector<LicenceCondition> LoadLicenceConditions(store::Transaction& tx, int64_t person_id);

}  // namespace probity::cases

// Sentences, requirements and licence conditions as the API shows them. No HTTP here.
#pragma once

#include <nlohmann/json.hpp>

#include "cases/model.h"

namespace probity::web {

nlohmann::json SentenceJson(const cases::Sentence& s);
nlohmann::json RequirementJson(const cases::Requirement& r);
nlohmann::json LicenceConditionJson(const cases::LicenceCondition& c);

}  // namespace probity::web

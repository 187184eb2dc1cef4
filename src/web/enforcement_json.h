// Enforcement as the API shows it: alerts (with whether they are overdue today), decisions with
// who answered them, a sentence's evaluation, worklist rows and policy versions.
#pragma once

#include <nlohmann/json.hpp>

#include "app/enforcement.h"
#include "core/date.h"

namespace probity::web {

nlohmann::json AlertJson(const enforcement::Alert& a, Date today);
nlohmann::json DecisionJson(const enforcement::DecisionRecord& d);
nlohmann::json SentenceEnforcementJson(const app::SentenceEnforcement& s, Date today);
nlohmann::json WorklistItemJson(const enforcement::WorklistItem& item, Date today);
nlohmann::json PolicyVersionJson(const enforcement::PolicyVersion& v);

}  // namespace probity::web

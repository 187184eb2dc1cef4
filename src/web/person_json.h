// A person's record as the API shows it. No HTTP here.
#pragma once

#include <nlohmann/json.hpp>

#include "cases/model.h"
#include "cases/store.h"

namespace probity::web {

nlohmann::json PersonSummaryJson(const cases::PersonSummary& p);
// The person page's data: details, officer, aliases, addresses, needs, registrations,
// keep-apart links, convictions, sentences with their requirements and licence conditions.
nlohmann::json CaseRecordJson(const cases::CaseRecord& record);
nlohmann::json AllocationJson(const cases::Allocation& a);

// Cursors for name-ordered lists: opaque to clients. nullopt for a cursor this did not make.
std::string EncodePeopleCursor(const cases::PeopleCursor& c);
std::optional<cases::PeopleCursor> DecodePeopleCursor(std::string_view text);

}  // namespace probity::web

// The sentences the API tests post, as JSON bodies: one place for the facts the scenarios share.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace probity::testing {

// A licence for robbery (sentenced 1 May 2024 to 48 months, licence ending 1 May 2028) released on
// `release_date`.
inline nlohmann::json RobberyLicenceJson(const std::string& release_date = "2026-01-15") {
  return {{"kind", "licence"},
          {"court", "Newcastle Crown Court"},
          {"offence", "Robbery"},
          {"offence_group", "robbery"},
          {"sentence_date", "2024-05-01"},
          {"length_months", 48},
          {"release_date", release_date},
          {"licence_end", "2028-05-01"}};
}

}  // namespace probity::testing

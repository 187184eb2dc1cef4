// A person's pages: the overview (GET /people/{crn}: sentences, requirements, licence
// conditions, registrations and risk flags, responsible officer), the timeline (GET
// /people/{crn}/timeline: filters, cursor pages) and adding a contact (GET and POST
// /people/{crn}/contacts/new). Every case goes through the same gate as the API (policy and
// the access log of restricted cases): a case someone may not see is "Page not found".
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "cases/model.h"
#include "web/pages/page.h"
#include "web/router.h"

namespace probity::web::pages {

void AddPersonPages(Router& router, const Site& site);

// The header every page of a case shows (name, CRN, date of birth, tier, restricted flag) and its
// tabs, `active` ("overview", "timeline", "appointments", "enforcement", "risk", "documents",
// "contact") marked as the current page. The tier links to "why is this case B2?".
nlohmann::json PersonHeader(const cases::Person& person, std::string_view active);

// The overview for `who`, outside HTTP routing: for the benchmark.
Result<Response> PersonPage(const Site& site, const Request& request, const access::Principal& who);

}  // namespace probity::web::pages

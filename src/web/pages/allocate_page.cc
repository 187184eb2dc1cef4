#include "web/pages/allocate_page.h"

#include "app/people.h"
#include "app/workload.h"
#include "cases/store.h"
#include "web/case_gate.h"
#include "web/pages/form.h"
#include "web/pages/person_pages.h"

namespace probity::web::pages {

namespace {

using access::Principal;
using nlohmann::json;

struct Typed {
  std::string officer, reason, over_capacity_reason;
};

Result<Response> AllocatePage(const Site& site, const Principal& who, const app::CaseRef& on,
                              json data, int status, const Typed& typed = {}) {
  auto r = app::RecommendFor(site.auth.db(), who, on.crn, site.auth.clock().Now());
  if (!r) return r.error();
  std::optional<cases::Person> person;
  {
    auto tx = site.auth.db().BeginRead();
    person = cases::FindPerson(tx, on.crn);
  }
  if (!person) return Error::NotFound("not_found", "there is no such person");
  if (!data.contains("errors")) data["errors"] = json::array();
  data["header"] = PersonHeader(*person, "");
  data["crn"] = on.crn;
  data["team"] = r->team_code;
  data["tier"] = r->to_place.tier ? json(*r->to_place.tier) : json("Not tiered");
  data["high_risk"] = r->to_place.high_risk;
  data["case_points"] = r->to_place.points;
  data["current_officer"] = person->officer_name ? json(*person->officer_name) : json(nullptr);
  // Only those who may take the case are choices; the others are listed with why not, rather
  // than as disabled radios, whose greyed-out reasons nobody can read.
  json candidates = json::array();
  json ineligible = json::array();
  int rank = 0;
  for (const auto& x : r->ranked) {
    const auto& c = x.candidate;
    json row = {{"name", c.name},
                {"grade", std::string(access::ToString(c.grade))},
                {"now", allocation::PercentText(x.capacity_tenths)},
                {"after", allocation::PercentText(x.capacity_after_tenths)},
                {"reasons", x.reasons}};
    if (!x.eligible || c.username.empty()) {
      ineligible.push_back(std::move(row));
      continue;
    }
    row["id"] = "officer-" + std::to_string(c.staff_id);
    row["rank"] = ++rank;
    row["username"] = c.username;
    row["over_after"] = x.over_capacity_after;
    row["checked"] = typed.officer == c.username;
    candidates.push_back(std::move(row));
  }
  data["candidates"] = std::move(candidates);
  data["any_ineligible"] = !ineligible.empty();
  data["ineligible"] = std::move(ineligible);
  data["any_eligible"] = rank > 0;
  data["action"] = "/people/" + on.crn + "/allocate";
  data["reason"] = typed.reason;
  data["over_capacity_reason"] = typed.over_capacity_reason;
  return Page(site, &who, status, "Allocate " + person->first_name + " " + person->last_name,
              "allocate", std::move(data));
}

Result<Response> ShowAllocate(const Site& site, const Request& request, const Principal& who) {
  auto on = OpenCaseFor(site.auth, request, who, access::Action::kAllocateCase);
  if (!on) return on.error();
  return AllocatePage(site, who, *on, json::object(), 200);
}

Result<Response> PostAllocate(const Site& site, const Request& request, const Principal& who) {
  auto on = OpenCaseFor(site.auth, request, who, access::Action::kAllocateCase);
  if (!on) return on.error();
  auto form = ParseFormBody(request);
  if (!form) return form.error();
  const Typed typed{FormValue(*form, "officer"), FormValue(*form, "reason"),
                    FormValue(*form, "over_capacity_reason")};
  json data = {{"errors", json::array()}};
  if (typed.officer.empty()) AddError(data, "officer", "Select who takes the case");
  if (Trimmed(typed.reason).empty()) AddError(data, "reason", "Enter why they take the case");
  if (!HasErrors(data)) {
    app::AllocationRequest in;
    in.officer_username = typed.officer;
    in.reason = std::string(Trimmed(typed.reason));
    in.over_capacity_reason = std::string(Trimmed(typed.over_capacity_reason));
    auto id = app::Allocate(site.auth.db(), ActorOf(who), *on, in, site.auth.clock().Now());
    if (id) return SeeOther("/people/" + on->crn);
    const Error& e = id.error();
    if (e.kind == ErrorKind::kForbidden) return e;
    if (e.kind == ErrorKind::kConflict && e.code != "no_change") return e;
    AddError(data, e.field == "over_capacity_reason" || e.field == "reason" ? e.field : "officer",
             AsSentence(e.message));
  }
  return AllocatePage(site, who, *on, std::move(data), 400, typed);
}

}  // namespace

void AddAllocatePage(Router& router, const Site& site) {
  static constexpr PageRoute kPages[] = {
      {"GET", "/people/{crn}/allocate", ShowAllocate,
       "Allocate a case: the team's practitioners ranked, with their capacity and the reasons"},
      {"POST", "/people/{crn}/allocate", PostAllocate,
       "Allocate the case to the practitioner chosen (a reason past 100%)"},
  };
  AddSignedInPages(router, site, kPages);
}

}  // namespace probity::web::pages

#include "web/pages/caseload_page.h"

#include "access/policy.h"
#include "appointments/store.h"
#include "cases/rules.h"
#include "cases/sentence_store.h"
#include "cases/store.h"
#include "cases/vocabulary.h"
#include "core/uk_time.h"
#include "enforcement/store.h"
#include "web/person_json.h"

namespace probity::web::pages {

namespace {

constexpr int kPageSize = 50;

std::string SentenceSummary(const std::vector<cases::Sentence>& current) {
  if (current.empty()) return "No current sentence";
  std::string text;
  for (const auto& s : current) {
    if (!text.empty()) text += "; ";
    text += std::string(cases::LabelOf(cases::SentenceKinds(), s.kind)) + " (" +
            std::to_string(s.length_months) + " months)";
  }
  return text;
}

}  // namespace

Result<Response> CaseloadPage(const Site& site, const Request& request,
                              const access::Principal& who) {
  cases::PeopleQuery q;
  q.scope = access::ScopeOf(who, access::Action::kReadCase);
  q.viewer_staff_id = who.staff_id;
  q.limit = kPageSize;
  const bool all = request.Query("scope").value_or("") == "all";
  if (!all) q.officer_staff_id = who.staff_id;

  nlohmann::json data = {{"all", all}, {"errors", nlohmann::json::array()}};
  const std::string search(request.Query("q").value_or(""));
  data["q"] = search;
  if (!search.empty()) {
    if (cases::CheckCrn(search)) {
      q.crn = search;
    } else if (auto s = cases::CheckText(search, "q", 100); s) {
      q.name = search;
    } else {
      data["errors"].push_back(
          {{"field", "q"}, {"message", "Enter a name or a CRN, such as X123456"}});
      data["q_error"] = "Enter a name or a CRN, such as X123456";
    }
  }
  if (auto cursor = request.Query("cursor")) {
    q.after = DecodePeopleCursor(*cursor);
    if (!q.after)
      return Error::Invalid("invalid_cursor",
                            "That page link is not valid. Start again from your caseload.");
  }

  cases::PeoplePage page;
  std::map<int64_t, std::vector<cases::Sentence>> sentences;
  std::map<int64_t, appointments::Appointment> next;
  std::map<int64_t, int> open_alerts;
  const UtcTime now = site.auth.clock().Now();
  if (data["errors"].empty() && q.scope.kind != access::CaseScope::Kind::kNone) {
    auto tx = site.auth.db().BeginRead();
    page = cases::FindPeople(tx, q);
    std::vector<int64_t> ids;
    for (const auto& p : page.items) ids.push_back(p.id);
    sentences = cases::LoadCurrentSentences(tx, ids);
    next = appointments::LoadNextAppointments(tx, ids, now);
    for (const auto& [person, count] : enforcement::CountOpenAlerts(tx, ids))
      open_alerts[person] = count;
  }

  nlohmann::json rows = nlohmann::json::array();
  for (const auto& p : page.items) {
    const auto it = sentences.find(p.id);
    const auto booked = next.find(p.id);
    const auto alerts = open_alerts.find(p.id);
    rows.push_back(
        {{"crn", p.crn},
         {"name", p.last_name + ", " + p.first_name},
         {"tier", p.tier.value_or("")},
         {"no_tier", !p.tier.has_value()},
         {"sentence",
          SentenceSummary(it == sentences.end() ? std::vector<cases::Sentence>{} : it->second)},
         {"next_appointment", booked == next.end() ? std::string("None booked")
                                                   : LongDateTime(booked->second.starts_at)},
         {"next_appointment_at",
          booked == next.end() ? std::string() : FormatUtc(booked->second.starts_at)},
         {"open_alerts", alerts == open_alerts.end() ? 0 : alerts->second},
         {"has_open_alerts", alerts != open_alerts.end() && alerts->second > 0},
         {"enforcement_url", "/people/" + p.crn + "/enforcement"},
         {"officer", p.officer_name.value_or("Unallocated")},
         {"restricted", p.limited}});
  }
  data["rows"] = std::move(rows);
  data["count"] = page.items.size();
  data["empty"] = page.items.empty();
  std::string base = "/caseload?";
  if (all) base += "scope=all&";
  if (!search.empty()) base += "q=" + UrlEncoded(search) + "&";
  if (page.next) data["next_url"] = base + "cursor=" + EncodePeopleCursor(*page.next);
  if (q.after) data["first_url"] = base.substr(0, base.size() - 1);
  data["paged"] = data.contains("next_url") || data.contains("first_url");
  data["searched"] = !search.empty();
  data["heading"] = all ? "All cases I can see" : "My caseload";
  const int status = data["errors"].empty() ? 200 : 400;
  const std::string title = data["heading"].get<std::string>();
  return Page(site, &who, status, title, "caseload", std::move(data));
}

void AddCaseloadPage(Router& router, const Site& site) {
  router.Add("GET", "/caseload",
             SignedIn(site,
                      [site](const Request& request, const access::Principal& who) {
                        return CaseloadPage(site, request, who);
                      }),
             {"My caseload: my cases (or all I can see), searchable, a page at a time"});
}

}  // namespace probity::web::pages

#include "web/pages/worklist_page.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "access/policy.h"
#include "access/store.h"
#include "app/enforcement.h"
#include "core/ordinal.h"
#include "core/uk_time.h"
#include "org/store.h"
#include "web/pages/enforcement_pages.h"
#include "web/pages/form.h"

namespace probity::web::pages {

namespace {

using access::Principal;
using nlohmann::json;

constexpr int kPageSize = 50;

// The teams a scope reaches, by code.
std::vector<org::Team> TeamsInScope(const org::Organisation& org, const access::CaseScope& scope) {
  std::map<std::string, int64_t> pdu_ids;
  for (const auto& p : org.pdus) pdu_ids[p.code] = p.id;
  std::vector<org::Team> out;
  for (const auto& t : org.teams) {
    const bool in =
        scope.kind == access::CaseScope::Kind::kAll ||
        (scope.kind == access::CaseScope::Kind::kTeams &&
         std::find(scope.ids.begin(), scope.ids.end(), t.id) != scope.ids.end()) ||
        (scope.kind == access::CaseScope::Kind::kPdus &&
         std::find(scope.ids.begin(), scope.ids.end(), pdu_ids[t.pdu_code]) != scope.ids.end());
    if (in) out.push_back(t);
  }
  std::sort(out.begin(), out.end(),
            [](const org::Team& a, const org::Team& b) { return a.code < b.code; });
  return out;
}

// The staff of `teams`, by name, each once.
std::vector<access::StaffRecord> StaffOf(store::Transaction& tx,
                                         const std::vector<org::Team>& teams) {
  std::map<int64_t, access::StaffRecord> by_id;
  for (const auto& t : teams)
    if (auto staff = access::ListStaff(tx, t.code))
      for (auto& s : *staff) by_id.emplace(s.staff.id, std::move(s));
  std::vector<access::StaffRecord> out;
  for (auto& [id, s] : by_id) out.push_back(std::move(s));
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.staff.name != b.staff.name ? a.staff.name < b.staff.name : a.staff.id < b.staff.id;
  });
  return out;
}

// "2026-12-07.12.345": the last row's due date, sentence and appointment.
std::string EncodeCursor(const enforcement::WorklistItem& last) {
  return FormatDate(last.stored.alert.due_on) + "." + std::to_string(last.stored.sentence_id) +
         "." + std::to_string(last.stored.alert.appointment_id);
}

bool DecodeCursor(std::string_view text, enforcement::WorklistQuery& q) {
  const auto first = text.find('.');
  const auto second = first == std::string_view::npos ? first : text.find('.', first + 1);
  if (second == std::string_view::npos) return false;
  const auto due = ParseDate(text.substr(0, first));
  const auto sentence = PositiveWholeNumber(text.substr(first + 1, second - first - 1));
  const auto appointment = PositiveWholeNumber(text.substr(second + 1));
  if (!due || !sentence || !appointment) return false;
  q.after_due_on = FormatDate(*due);
  q.after_sentence_id = *sentence;
  q.after_appointment_id = *appointment;
  return true;
}

json RowOf(const enforcement::WorklistItem& item, Date today) {
  const auto& a = item.stored.alert;
  const auto [state, state_class] = AlertStateTag(a.state);
  const auto track =
      enforcement::TrackOf(item.sentence_kind).value_or(enforcement::Track::kCommunity);
  return {{"due", LongDate(FormatDate(a.due_on))},
          {"due_iso", FormatDate(a.due_on)},
          {"overdue", a.due_on < today},
          {"due_today", a.due_on == today},
          {"crn", item.crn},
          {"name", item.person_name},
          {"url", AlertUrl(item.crn, item.stored.sentence_id, a.appointment_id)},
          {"failure_day", LongDate(FormatDate(a.failure_day))},
          {"appointment_type", item.appointment_type},
          {"nth", Ordinal(a.nth) + " unacceptable failure"},
          {"kind", AlertKindLabel(a.kind)},
          {"during_proceedings",
           a.during_proceedings ? json(DuringProceedingsText(track)) : json(nullptr)},
          {"state", state},
          {"state_class", state_class},
          {"officer", item.officer_name.empty() ? std::string("Unallocated") : item.officer_name},
          {"team", item.team_code},
          {"decide_url",
           TakesDecision(a.state)
               ? json(DecisionFormUrl(item.crn, item.stored.sentence_id, a.appointment_id))
               : json(nullptr)}};
}

}  // namespace

Result<Response> WorklistPage(const Site& site, const Request& request, const Principal& who) {
  if (!DecidesOnFailures(who.role))
    return Error::Forbidden("forbidden",
                            "The enforcement worklist is for practitioners, SPOs, senior managers "
                            "and enforcement administrators.");
  enforcement::WorklistQuery q;
  q.scope = access::ScopeOf(who, access::Action::kEnforce);
  q.viewer = who.staff_id;
  q.limit = kPageSize + 1;  // one more than shown: whether there is a next page
  const Date today = UkDateOf(site.auth.clock().Now());

  const std::string team(request.Query("team").value_or(""));
  const std::string officer(request.Query("officer").value_or(""));
  const bool overdue = request.Query("overdue").value_or("") == "1";
  json data = {{"errors", json::array()}, {"overdue", overdue}};
  const auto refuse = [&](const std::string& field, const std::string& message) {
    data["errors"].push_back({{"field", field}, {"message", message}});
    data[field + "_error"] = message;
  };
  if (auto cursor = request.Query("cursor"); cursor && !DecodeCursor(*cursor, q))
    return Error::Invalid("invalid_cursor",
                          "That page link is not valid. Start again from the first page.");

  std::vector<org::Team> teams;
  std::vector<access::StaffRecord> staff;
  {
    auto tx = site.auth.db().BeginRead();
    teams = TeamsInScope(org::LoadOrganisation(tx), q.scope);
    const auto chosen = std::find_if(teams.begin(), teams.end(),
                                     [&](const org::Team& t) { return t.code == team; });
    if (!team.empty()) {
      if (chosen == teams.end())
        refuse("team", "Select a team from the list");
      else
        q.team_id = chosen->id;
    }
    staff = StaffOf(tx, chosen == teams.end() ? teams : std::vector<org::Team>{*chosen});
  }
  if (!officer.empty()) {
    q.officer_staff_id = PositiveWholeNumber(officer);
    if (!q.officer_staff_id) refuse("officer", "Select an officer from the list");
  }
  if (overdue) q.due_by = today - std::chrono::days{1};

  json team_choices = json::array(), officer_choices = json::array();
  for (const auto& t : teams)
    team_choices.push_back(
        {{"code", t.code}, {"name", t.code + ": " + t.name}, {"chosen", t.code == team}});
  for (const auto& s : staff)
    officer_choices.push_back({{"id", s.staff.id},
                               {"name", s.staff.name},
                               {"chosen", std::to_string(s.staff.id) == officer}});
  data["teams"] = std::move(team_choices);
  data["officers"] = std::move(officer_choices);

  json rows = json::array();
  std::vector<enforcement::WorklistItem> items;
  if (data["errors"].empty()) items = app::ListWorklist(site.auth.db(), q);
  const bool more = static_cast<int>(items.size()) > kPageSize;
  if (more) items.resize(kPageSize);
  for (const auto& item : items) rows.push_back(RowOf(item, today));

  std::string base = "/enforcement/worklist?";
  if (!team.empty()) base += "team=" + UrlEncoded(team) + "&";
  if (!officer.empty()) base += "officer=" + UrlEncoded(officer) + "&";
  if (overdue) base += "overdue=1&";
  if (more) data["next_url"] = base + "cursor=" + EncodeCursor(items.back());
  if (q.after_due_on) data["first_url"] = base.substr(0, base.size() - 1);
  data["paged"] = data.contains("next_url") || data.contains("first_url");
  data["filtered"] = !team.empty() || !officer.empty() || overdue;
  data["empty"] = rows.empty();
  data["count"] = rows.size();
  data["rows"] = std::move(rows);
  data["today"] = LongDate(FormatDate(today));
  const int status = data["errors"].empty() ? 200 : 400;
  return Page(site, &who, status, "Enforcement worklist", "enforcement_worklist", std::move(data));
}

void AddWorklistPage(Router& router, const Site& site) {
  router.Add(
      "GET", "/enforcement/worklist",
      SignedIn(site, [site](const Request& request,
                            const Principal& who) { return WorklistPage(site, request, who); }),
      {"The enforcement worklist: open alerts by due date, overdue marked, filtered by "
       "team, officer and overdue only"});
}

}  // namespace probity::web::pages

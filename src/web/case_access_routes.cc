#include "web/case_access_routes.h"

#include "access/policy.h"
#include "app/people.h"
#include "cases/contact_rules.h"
#include "cases/rules.h"
#include "cases/store.h"
#include "core/csv.h"
#include "web/case_gate.h"
#include "web/json_input.h"

namespace probity::web {

namespace {
using access::Action;
using access::Principal;
using nlohmann::json;

json ListJson(const std::vector<cases::AccessListEntry>& list) {
  json out = json::array();
  for (const auto& e : list)
    out.push_back({{"staff_id", e.staff_id},
                   {"name", e.staff_name},
                   {"reason", e.reason},
                   {"added_by", e.added_by},
                   {"added_at", FormatUtc(e.added_at)}});
  return out;
}

// Adds (POST, body {username, reason}) or removes (DELETE .../{username}) a list entry.
ResultHandler ChangeList(const Auth& auth, app::AccessList list, bool add) {
  return auth.Guard(
      [&auth, list, add](const Request& request, const Principal& who) -> Result<Response> {
        auto on = OpenCaseFor(auth, request, who, Action::kRestrictCase);
        if (!on) return on.error();
        std::string username(request.Param("username")), reason;
        if (add) {
          auto body = ParseJsonBody(request);
          if (!body) return body.error();
          auto named = RequiredString(*body, "username");
          if (!named) return named.error();
          auto why = RequiredString(*body, "reason");
          if (!why) return why.error();
          username = *named;
          reason = *why;
        }
        if (auto s = app::ChangeAccessList(auth.db(), ActorOf(who), *on, list, username, add,
                                           reason, auth.clock().Now());
            !s)
          return s.error();
        return Response::Json(add ? 201 : 200, {{"crn", on->crn}, {"username", username}});
      });
}

Result<cases::AccessLogQuery> ParseLogQuery(const Request& request) {
  cases::AccessLogQuery q;
  if (auto crn = request.Query("crn")) {
    if (auto s = cases::CheckCrn(*crn); !s) return s.error();
    q.crn = std::string(*crn);
  }
  if (auto from = request.Query("from")) {
    auto at = cases::ParseTimelineBound(*from, cases::Bound::kFrom, "from");
    if (!at) return at.error();
    q.from = *at;
  }
  if (auto to = request.Query("to")) {
    auto at = cases::ParseTimelineBound(*to, cases::Bound::kTo, "to");
    if (!at) return at.error();
    q.to = *at;
  }
  if (q.from && q.to && *q.to <= *q.from)
    return Error::Invalid("empty_range", "to must be after from", "to");
  if (auto cursor = request.Query("cursor")) {
    try {
      q.before_id = std::stoll(std::string(*cursor));
      if (q.before_id < 1) throw std::out_of_range("cursor");
    } catch (const std::exception&) {
      return Error::Invalid("invalid_cursor", "the cursor is not one this gave", "cursor");
    }
  }
  return q;
}

}  // namespace

void AddCaseAccessRoutes(Router& router, const Auth& auth) {
  router.Add("GET", "/api/v1/people/{crn}/access",
             auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
               auto on = OpenCaseFor(auth, request, who, Action::kRestrictCase);
               if (!on) return on.error();
               auto tx = auth.db().BeginRead();
               return Response::Json(
                   200, {{"crn", on->crn},
                         {"exclusions", ListJson(cases::LoadExclusions(tx, on->person_id))},
                         {"restrictions", ListJson(cases::LoadRestrictions(tx, on->person_id))}});
             }),
             {"Who is excluded from a case, and who alone may see it"});
  router.Add("POST", "/api/v1/people/{crn}/exclusions",
             ChangeList(auth, app::AccessList::kExclusion, true),
             {"Exclude a member of staff from a case"});
  router.Add("DELETE", "/api/v1/people/{crn}/exclusions/{username}",
             ChangeList(auth, app::AccessList::kExclusion, false), {"Remove an exclusion"});
  router.Add("POST", "/api/v1/people/{crn}/restrictions",
             ChangeList(auth, app::AccessList::kRestriction, true),
             {"Add a member of staff to the only people who may see a case"});
  router.Add("DELETE", "/api/v1/people/{crn}/restrictions/{username}",
             ChangeList(auth, app::AccessList::kRestriction, false),
             {"Remove a member of staff from a case's restriction list"});

  router.Add("GET", "/api/v1/access-log",
             auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
               if (auto ok = access::Require(access::Decide(who, Action::kReadAccessLog)); !ok)
                 return ok.error();
               auto q = ParseLogQuery(request);
               if (!q) return q.error();
               q->limit = 100;
               auto tx = auth.db().BeginRead();
               const auto entries = cases::ReadAccessLog(tx, *q);
               json items = json::array();
               for (const auto& e : entries)
                 items.push_back({{"id", e.id},
                                  {"at", FormatUtc(e.at)},
                                  {"staff_id", e.staff_id},
                                  {"username", e.username},
                                  {"crn", e.crn},
                                  {"what", e.what},
                                  {"outcome", e.outcome},
                                  {"reason", e.reason},
                                  {"request_id", e.request_id}});
               json next = nullptr;
               if (static_cast<int>(entries.size()) == q->limit)
                 next = std::to_string(entries.back().id);
               return Response::Json(200, {{"items", std::move(items)}, {"next_cursor", next}});
             }),
             {"Reads of restricted cases, newest first (administrators)"});

  router.Add("GET", "/api/v1/access-log.csv",
             auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
               if (auto ok = access::Require(access::Decide(who, Action::kReadAccessLog)); !ok)
                 return ok.error();
               auto q = ParseLogQuery(request);
               if (!q) return q.error();
               std::string csv = "id,at,staff_id,username,crn,what,outcome,reason,request_id\r\n";
               auto tx = auth.db().BeginRead();
               // Pages of the log, so an export of a year holds one page in memory at a time.
               q->limit = 5000;
               for (;;) {
                 const auto entries = cases::ReadAccessLog(tx, *q);
                 for (const auto& e : entries) {
                   csv += std::to_string(e.id) + "," + FormatUtc(e.at) + "," +
                          std::to_string(e.staff_id) + "," + CsvField(e.username) + "," +
                          CsvField(e.crn) + "," + CsvField(e.what) + "," + CsvField(e.outcome) +
                          "," + CsvField(e.reason) + "," + CsvField(e.request_id) + "\r\n";
                 }
                 if (static_cast<int>(entries.size()) < q->limit) break;
                 q->before_id = entries.back().id;
               }
               auto response = Response::Text(200, std::move(csv), "text/csv; charset=utf-8");
               response.SetHeader("Content-Disposition",
                                  "attachment; filename=\"probity-access-log.csv\"");
               return response;
             }),
             {"The access log as CSV, newest first (administrators)"});
}

}  // namespace probity::web

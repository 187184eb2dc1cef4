#include "web/staff_routes.h"

#include <array>
#include <limits>
#include <string_view>

#include "access/policy.h"
#include "access/rules.h"
#include "app/staff.h"
#include "web/case_gate.h"
#include "web/json_input.h"
#include "web/json_output.h"

namespace probity::web {

namespace {
using access::Action;
using access::Principal;

// The StaffRecord schema in api/paths/staff.json.
nlohmann::json ToJson(const access::StaffRecord& r) {
  const access::Staff& s = r.staff;
  nlohmann::json out = {{"id", s.id},
                        {"name", s.name},
                        {"grade", access::ToString(s.grade)},
                        {"contracted_minutes", s.contracted_minutes},
                        {"contracted_hours", s.contracted_minutes / 60.0},
                        {"start_date", OrNull(s.start_date)},
                        {"qualified_on", OrNull(s.qualified_on)},
                        {"team_codes", s.team_codes},
                        {"version", r.version},
                        {"account", nullptr}};
  if (r.account)
    out["account"] = {{"username", r.account->username},
                      {"role", access::ToString(r.account->role)},
                      {"disabled", r.account->disabled},
                      {"version", r.account->version}};
  return out;
}

// The {id} path parameter; a malformed one names no member of staff.
Result<int64_t> StaffIdParam(const Request& request) {
  if (auto id = request.IdParam("id")) return *id;
  return Error{ErrorKind::kNotFound, "unknown_staff",
               "there is no member of staff with id " + std::string(request.Param("id")), "id"};
}

Error Wrong(const char* field, const std::string& what) {
  return Error::Invalid("invalid_field", std::string(field) + " must be " + what, field);
}

// The text of a present field; kInvalid when it is not text (null included).
Result<std::string> Text(const nlohmann::json& body, const char* field, const std::string& what) {
  if (!body[field].is_string()) return Wrong(field, what);
  return body[field].get<std::string>();
}

// The "version" the caller read: a whole number from 1, never wrapped into a smaller int.
Result<int> VersionField(const nlohmann::json& body) {
  auto version = RequiredInt(body, "version");
  if (!version) return version.error();
  if (*version < 1 || *version > std::numeric_limits<int>::max())
    return Wrong("version", "the version you read: a whole number from 1");
  return static_cast<int>(*version);
}

constexpr std::array<const char*, 7> kStaffFields = {
    "version", "name", "grade", "contracted_hours", "start_date", "qualified_on", "team_codes"};

Result<app::StaffChange> ParseStaffChange(const nlohmann::json& b) {
  if (auto s = OnlyFields(b, kStaffFields); !s) return s.error();
  app::StaffChange change;
  if (b.contains("name")) {
    auto name = Text(b, "name", "text");
    if (!name) return name.error();
    change.name = *name;
  }
  if (b.contains("grade")) {
    const std::string choices = "one of: " + access::GradeChoices();
    auto text = Text(b, "grade", choices);
    if (!text) return text.error();
    auto grade = access::ParseGrade(*text);
    if (!grade) return Wrong("grade", choices);
    change.grade = *grade;
  }
  if (b.contains("contracted_hours")) {
    if (!b["contracted_hours"].is_number()) return Wrong("contracted_hours", "a number");
    auto minutes = access::ContractedMinutes(b["contracted_hours"].get<double>());
    if (!minutes) return minutes.error();
    change.contracted_minutes = *minutes;
  }
  if (b.contains("start_date")) {
    auto date = Text(b, "start_date", "a date as YYYY-MM-DD (it cannot be cleared)");
    if (!date) return date.error();
    change.start_date = *date;
  }
  if (b.contains("qualified_on")) {
    if (b["qualified_on"].is_null()) {
      change.qualified_on = std::optional<std::string>();
    } else {
      auto date = Text(b, "qualified_on", "a date as YYYY-MM-DD, or null to clear it");
      if (!date) return date.error();
      change.qualified_on = std::optional<std::string>(*date);
    }
  }
  if (b.contains("team_codes")) {
    if (b["team_codes"].is_null()) return Wrong("team_codes", "a list of team codes ([] for none)");
    auto codes = StringList(b, "team_codes");
    if (!codes) return codes.error();
    change.team_codes = *codes;
  }
  return change;
}

constexpr std::array<const char*, 2> kRoleFields = {"role", "version"};
}  // namespace

void AddStaffRoutes(Router& router, const Auth& auth) {
  router.Add("GET", "/api/v1/staff",
             auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
               std::optional<std::string> team;
               if (auto code = request.Query("team")) team = std::string(*code);
               auto staff = app::StaffVisibleTo(auth.db(), who, team);
               if (!staff) return staff.error();
               nlohmann::json list = nlohmann::json::array();
               for (const auto& record : *staff) list.push_back(ToJson(record));
               return Response::Json(200, {{"staff", std::move(list)}});
             }),
             {"Staff you may see: all (administrators), your teams (SPOs) or PDUs (senior "
              "managers); ?team=CODE for one team"});

  router.Add("GET", "/api/v1/staff/{id}",
             auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
               auto id = StaffIdParam(request);
               if (!id) return id.error();
               auto record = app::StaffRecordFor(auth.db(), who, *id);
               if (!record) return record.error();
               return Response::Json(200, ToJson(*record));
             }),
             {"One member of staff, with the version to send when changing them"});

  router.Add("PATCH", "/api/v1/staff/{id}",
             auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
               if (auto ok = access::Require(access::Decide(who, Action::kManageAccounts)); !ok)
                 return ok.error();
               auto id = StaffIdParam(request);
               if (!id) return id.error();
               auto body = ParseJsonBody(request);
               if (!body) return body.error();
               auto version = VersionField(*body);
               if (!version) return version.error();
               auto change = ParseStaffChange(*body);
               if (!change) return change.error();
               auto changed = app::ChangeStaff(auth.db(), ActorOf(who), *id, *change, *version,
                                               auth.clock().Now());
               if (!changed) return changed.error();
               return Response::Json(200, ToJson(*changed));
             }),
             {"Change a member of staff, given the version you read (administrators)"});

  router.Add("PATCH", "/api/v1/users/{username}",
             auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
               if (auto ok = access::Require(access::Decide(who, Action::kManageAccounts)); !ok)
                 return ok.error();
               auto body = ParseJsonBody(request);
               if (!body) return body.error();
               if (auto s = OnlyFields(*body, kRoleFields); !s) return s.error();
               auto version = VersionField(*body);
               if (!version) return version.error();
               auto role_text = RequiredString(*body, "role");
               if (!role_text) return role_text.error();
               auto role = access::ParseRole(*role_text);
               if (!role)
                 return Error::Invalid("invalid_field",
                                       "role must be one of: " + access::RoleChoices(), "role");
               const std::string username(request.Param("username"));
               auto changed = app::ChangeRole(auth.db(), ActorOf(who), username, *role, *version,
                                              auth.clock().Now());
               if (!changed) return changed.error();
               return Response::Json(200, {{"username", username},
                                           {"role", access::ToString(*role)},
                                           {"version", *changed}});
             }),
             {"Change an account's role, given the account version you read (administrators)"});
}

}  // namespace probity::web

#include "web/organisation_routes.h"

#include "access/policy.h"
#include "access/rules.h"
#include "app/accounts.h"
#include "app/organisation.h"
#include "org/store.h"
#include "web/case_gate.h"
#include "web/json_input.h"

namespace probity::web {

namespace {
using access::Action;
using access::Principal;

nlohmann::json ToJson(const org::Organisation& o) {
  nlohmann::json out = {{"regions", nlohmann::json::array()},
                        {"pdus", nlohmann::json::array()},
                        {"teams", nlohmann::json::array()},
                        {"offices", nlohmann::json::array()}};
  for (const auto& r : o.regions)
    out["regions"].push_back({{"code", r.code}, {"name", r.name}, {"version", r.version}});
  for (const auto& p : o.pdus)
    out["pdus"].push_back({{"code", p.code},
                           {"name", p.name},
                           {"region_code", p.region_code},
                           {"version", p.version}});
  for (const auto& t : o.teams)
    out["teams"].push_back(
        {{"code", t.code}, {"name", t.name}, {"pdu_code", t.pdu_code}, {"version", t.version}});
  for (const auto& f : o.offices)
    out["offices"].push_back({{"code", f.code},
                              {"name", f.name},
                              {"address", f.address},
                              {"pdu_code", f.pdu_code},
                              {"version", f.version}});
  return out;
}

// Parses the body, checks the administrator may manage the organisation, then `create`s.
template <class Parse, class Create>
ResultHandler AdminCreate(const Auth& auth, Parse parse, Create create) {
  return auth.Guard([&auth, parse, create](const Request& request,
                                           const Principal& who) -> Result<Response> {
    if (auto allowed = access::Require(access::Decide(who, Action::kManageOrganisation)); !allowed)
      return allowed.error();
    auto body = ParseJsonBody(request);
    if (!body) return body.error();
    auto thing = parse(*body);
    if (!thing) return thing.error();
    auto id = create(auth.db(), ActorOf(who), *thing, auth.clock().Now());
    if (!id) return id.error();
    return Response::Json(201, {{"id", *id}, {"code", thing->code}, {"version", 1}});
  });
}

Result<org::Region> ParseRegion(const nlohmann::json& b) {
  auto code = RequiredString(b, "code");
  if (!code) return code.error();
  auto name = RequiredString(b, "name");
  if (!name) return name.error();
  return org::Region{0, *code, *name, 1};
}
Result<org::Pdu> ParsePdu(const nlohmann::json& b) {
  auto code = RequiredString(b, "code");
  if (!code) return code.error();
  auto name = RequiredString(b, "name");
  if (!name) return name.error();
  auto region = RequiredString(b, "region_code");
  if (!region) return region.error();
  return org::Pdu{0, *code, *name, *region, 1};
}
Result<org::Team> ParseTeam(const nlohmann::json& b) {
  auto code = RequiredString(b, "code");
  if (!code) return code.error();
  auto name = RequiredString(b, "name");
  if (!name) return name.error();
  auto pdu = RequiredString(b, "pdu_code");
  if (!pdu) return pdu.error();
  return org::Team{0, *code, *name, *pdu, 1};
}
Result<org::Office> ParseOffice(const nlohmann::json& b) {
  auto code = RequiredString(b, "code");
  if (!code) return code.error();
  auto name = RequiredString(b, "name");
  if (!name) return name.error();
  auto address = RequiredString(b, "address");
  if (!address) return address.error();
  auto pdu = RequiredString(b, "pdu_code");
  if (!pdu) return pdu.error();
  return org::Office{0, *code, *name, *address, *pdu, 1};
}

Result<app::NewUser> ParseNewUser(const nlohmann::json& b) {
  app::NewUser user;
  auto username = RequiredString(b, "username");
  if (!username) return username.error();
  auto name = RequiredString(b, "name");
  if (!name) return name.error();
  auto grade_text = RequiredString(b, "grade");
  if (!grade_text) return grade_text.error();
  auto grade = access::ParseGrade(*grade_text);
  if (!grade)
    return Error::Invalid("invalid_field", "grade must be one of: " + access::GradeChoices(),
                          "grade");
  auto role_text = RequiredString(b, "role");
  if (!role_text) return role_text.error();
  auto role = access::ParseRole(*role_text);
  if (!role)
    return Error::Invalid("invalid_field", "role must be one of: " + access::RoleChoices(), "role");
  auto password = RequiredString(b, "password");
  if (!password) return password.error();
  auto teams = StringList(b, "team_codes");
  if (!teams) return teams.error();
  auto hours = OptionalNumber(b, "contracted_hours");
  if (!hours) return hours.error();
  auto start = OptionalString(b, "start_date");
  if (!start) return start.error();
  auto qualified = OptionalString(b, "qualified_on");
  if (!qualified) return qualified.error();
  user.username = *username;
  user.staff.name = *name;
  user.staff.grade = *grade;
  user.staff.team_codes = *teams;
  auto minutes = access::ContractedMinutes(hours->value_or(37.0));
  if (!minutes) return minutes.error();
  user.staff.contracted_minutes = *minutes;
  user.staff.start_date = *start;
  user.staff.qualified_on = *qualified;
  user.role = *role;
  user.password = *password;
  return user;
}
}  // namespace

void AddOrganisationRoutes(Router& router, const Auth& auth) {
  router.Add("GET", "/api/v1/organisation",
             auth.Guard([&auth](const Request&, const Principal&) -> Result<Response> {
               auto tx = auth.db().BeginRead();
               return Response::Json(200, ToJson(org::LoadOrganisation(tx)));
             }),
             {"Regions, PDUs, teams and offices"});
  router.Add("POST", "/api/v1/regions", AdminCreate(auth, ParseRegion, app::CreateRegion),
             {"Create a region (administrators)"});
  router.Add("POST", "/api/v1/pdus", AdminCreate(auth, ParsePdu, app::CreatePdu),
             {"Create a probation delivery unit (administrators)"});
  router.Add("POST", "/api/v1/teams", AdminCreate(auth, ParseTeam, app::CreateTeam),
             {"Create a team (administrators)"});
  router.Add("POST", "/api/v1/offices", AdminCreate(auth, ParseOffice, app::CreateOffice),
             {"Create an office (administrators)"});

  router.Add("PATCH", "/api/v1/teams/{code}",
             auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
               if (auto ok = access::Require(access::Decide(who, Action::kManageOrganisation)); !ok)
                 return ok.error();
               auto body = ParseJsonBody(request);
               if (!body) return body.error();
               auto name = RequiredString(*body, "name");
               if (!name) return name.error();
               auto version = RequiredVersion(*body);
               if (!version) return version.error();
               auto renamed =
                   app::RenameTeam(auth.db(), ActorOf(who), std::string(request.Param("code")),
                                   *name, *version, auth.clock().Now());
               if (!renamed) return renamed.error();
               return Response::Json(
                   200, {{"code", request.Param("code")}, {"name", *name}, {"version", *renamed}});
             }),
             {"Rename a team, given the version you read (administrators)"});

  router.Add("POST", "/api/v1/users",
             auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
               if (auto ok = access::Require(access::Decide(who, Action::kManageAccounts)); !ok)
                 return ok.error();
               auto body = ParseJsonBody(request);
               if (!body) return body.error();
               auto user = ParseNewUser(*body);
               if (!user) return user.error();
               auto added = app::AddUser(auth.db(), ActorOf(who), *user, auth.clock().Now());
               if (!added) return added.error();
               return Response::Json(201, {{"username", user->username},
                                           {"staff_id", added->staff_id},
                                           {"account_id", added->account_id}});
             }),
             {"Add a member of staff and their account (administrators)"});

  router.Add("POST", "/api/v1/users/{username}/disable",
             auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
               if (auto ok = access::Require(access::Decide(who, Action::kManageAccounts)); !ok)
                 return ok.error();
               const std::string username(request.Param("username"));
               if (auto s = app::DisableUser(auth.db(), ActorOf(who), username, auth.clock().Now());
                   !s)
                 return s.error();
               return Response::Json(200, {{"username", username}, {"disabled", true}});
             }),
             {"Disable an account: sessions end, tokens are revoked (administrators)"});
}

}  // namespace probity::web

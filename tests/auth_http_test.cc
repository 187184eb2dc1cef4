// Authentication over HTTP with the application's own router, on both backends: every route but
// the public ones refuses a request without credentials; sign-in sets a safe cookie; writes by
// cookie need the CSRF token; API tokens work until revoked.
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <regex>

#include "app/accounts.h"
#include "app_server.h"
#include "web/openapi.h"
#include "web/routes.h"

namespace probity {
namespace {

using testing::ClientResponse;

using testing::kDemoPassword;
const UtcTime kNow = ParseUtc("2026-11-23T09:00:00.000000Z").value();

class AuthHttpTest : public testing::AppServerTest {};

TEST_P(AuthHttpTest, NoRouteButThePublicOnesAnswersWithoutCredentials) {
  const auto& open = web::PublicRoutes();
  int guarded = 0;
  for (const auto& route : router_.Routes()) {
    const bool is_public = std::find(open.begin(), open.end(),
                                     std::make_pair(route.method, route.pattern)) != open.end();
    if (is_public) continue;
    // Fill each {param} with a plausible value: the guard must answer before any lookup.
    const std::string target =
        std::regex_replace(route.pattern, std::regex(R"(\{[^}]+\})"), "X123456");
    SCOPED_TRACE(route.method + " " + target);
    const auto r = Send(route.method, target, route.method == "GET" ? "" : "{}");
    if (route.pattern.starts_with("/api/")) {
      EXPECT_EQ(r.status, 401);
      EXPECT_EQ(r.Json()["error"]["code"], "not_signed_in");
      EXPECT_NE(r.Header("WWW-Authenticate"), "");
    } else {
      // A page sends the browser to sign in, and back here afterwards when it was a GET.
      EXPECT_EQ(r.status, 303);
      EXPECT_TRUE(r.Header("Location").starts_with("/sign-in")) << r.Header("Location");
      EXPECT_EQ(r.body, "");
      if (route.method == "GET") {
        EXPECT_NE(r.Header("Location").find("next=%2F"), std::string::npos);
      }
    }
    ++guarded;
  }
  EXPECT_GT(guarded, 0);
}

TEST_P(AuthHttpTest, EveryRouteIsInTheOpenApiDocument) {
  auto doc = web::LoadOpenApi();
  ASSERT_TRUE(doc);
  EXPECT_EQ(web::UndocumentedRoutes(router_.Routes(), *doc), std::vector<std::string>{});
  EXPECT_EQ(web::UnservedOperations(router_.Routes(), *doc), std::vector<std::string>{});
}

TEST_P(AuthHttpTest, SignInSetsAnHttpOnlySameSiteCookieAndShowsWhoIsSignedIn) {
  const auto r = Send("POST", "/api/v1/session",
                      nlohmann::json{{"username", "demo.po1"}, {"password", kDemoPassword}}.dump());
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string cookie = r.Header("Set-Cookie");
  EXPECT_NE(cookie.find("probity_session="), std::string::npos);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  EXPECT_NE(cookie.find("Path=/"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos) << "plain HTTP: Secure only when asked";
  EXPECT_EQ(r.Json()["role"], "practitioner");

  const auto me = Send("GET", "/api/v1/me", {}, {{"Cookie", cookie.substr(0, cookie.find(';'))}});
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.Json()["username"], "demo.po1");
  EXPECT_EQ(me.Header("Cache-Control"), "no-store");
}

TEST_P(AuthHttpTest, WrongPasswordAndUnknownUserLookTheSame) {
  const auto wrong =
      Send("POST", "/api/v1/session",
           nlohmann::json{{"username", "demo.po1"}, {"password", "nope nope nope"}}.dump());
  const auto unknown =
      Send("POST", "/api/v1/session",
           nlohmann::json{{"username", "nobody"}, {"password", kDemoPassword}}.dump());
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.body, unknown.body);
  EXPECT_EQ(wrong.Header("Set-Cookie"), "");
}

TEST_P(AuthHttpTest, SignInNeedsBothFields) {
  const auto r = Send("POST", "/api/v1/session", nlohmann::json{{"username", "demo.po1"}}.dump());
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.Json()["error"]["field"], "password");
  EXPECT_EQ(Send("POST", "/api/v1/session", "{not json").status, 400);
}

TEST_P(AuthHttpTest, RepeatedFailuresAreThrottledWith429) {
  int last = 0;
  for (int i = 0; i <= auth_->options().throttle.account_limit; ++i)
    last = Send("POST", "/api/v1/session",
                nlohmann::json{{"username", "demo.po1"},
                               {"password", "wrong guess " + std::to_string(i)}}
                    .dump())
               .status;
  EXPECT_EQ(last, 429);
  const auto right =
      Send("POST", "/api/v1/session",
           nlohmann::json{{"username", "demo.po1"}, {"password", kDemoPassword}}.dump());
  EXPECT_EQ(right.status, 429);
  EXPECT_EQ(right.Json()["error"]["code"], "too_many_attempts");
}

TEST_P(AuthHttpTest, SignOutNeedsTheCsrfTokenThenEndsTheSession) {
  const auto [cookie, csrf] = SignIn("demo.po1");
  ASSERT_FALSE(csrf.empty());
  const auto forged = Send("DELETE", "/api/v1/session", {}, {{"Cookie", cookie}});
  EXPECT_EQ(forged.status, 403);
  EXPECT_EQ(forged.Json()["error"]["code"], "csrf");
  const auto wrong =
      Send("DELETE", "/api/v1/session", {}, {{"Cookie", cookie}, {"X-CSRF-Token", "x"}});
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(Send("GET", "/api/v1/me", {}, {{"Cookie", cookie}}).status, 200)
      << "a refused sign-out leaves the session as it was";

  const auto out =
      Send("DELETE", "/api/v1/session", {}, {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
  EXPECT_EQ(out.status, 204);
  EXPECT_NE(out.Header("Set-Cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(Send("GET", "/api/v1/me", {}, {{"Cookie", cookie}}).status, 401);
}

TEST_P(AuthHttpTest, ExpiredSessionsAreRefused) {
  const auto [cookie, csrf] = SignIn("demo.po1");
  clock_.Set(kNow + auth_->options().session.idle + std::chrono::seconds(1));
  const auto r = Send("GET", "/api/v1/me", {}, {{"Cookie", cookie}});
  EXPECT_EQ(r.status, 401);
  EXPECT_NE(r.Json()["error"]["message"].get<std::string>().find("sign in again"),
            std::string::npos);
}

TEST_P(AuthHttpTest, BearerTokensWorkUntilRevoked) {
  auto token = app::CreateToken(*db_, {"system:test", std::nullopt}, "demo.spo1", kNow);
  ASSERT_TRUE(token);
  const auto me = Send("GET", "/api/v1/me", {}, {{"Authorization", "Bearer " + token->secret}});
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.Json()["role"], "spo");
  EXPECT_EQ(Send("GET", "/api/v1/me", {}, {{"Authorization", "Basic abc"}}).status, 401);
  ASSERT_TRUE(app::RevokeToken(*db_, {"system:test", std::nullopt}, token->id, kNow));
  EXPECT_EQ(Send("GET", "/api/v1/me", {}, {{"Authorization", "Bearer " + token->secret}}).status,
            401);
}

TEST_P(AuthHttpTest, OnlyAnAdministratorChangesTheOrganisation) {
  const auto [admin_cookie, admin_csrf] = SignIn("demo.admin");
  const auto [po_cookie, po_csrf] = SignIn("demo.po1");
  const std::string region = nlohmann::json{{"code", "WAL"}, {"name", "Wales"}}.dump();

  const auto refused =
      Send("POST", "/api/v1/regions", region, {{"Cookie", po_cookie}, {"X-CSRF-Token", po_csrf}});
  EXPECT_EQ(refused.status, 403);
  const auto no_csrf = Send("POST", "/api/v1/regions", region, {{"Cookie", admin_cookie}});
  EXPECT_EQ(no_csrf.status, 403);
  EXPECT_EQ(no_csrf.Json()["error"]["code"], "csrf");

  const auto made = Send("POST", "/api/v1/regions", region,
                         {{"Cookie", admin_cookie}, {"X-CSRF-Token", admin_csrf}});
  EXPECT_EQ(made.status, 201) << made.body;
  const auto again = Send("POST", "/api/v1/regions", region,
                          {{"Cookie", admin_cookie}, {"X-CSRF-Token", admin_csrf}});
  EXPECT_EQ(again.status, 409);

  const auto org = Send("GET", "/api/v1/organisation", {}, {{"Cookie", po_cookie}});
  ASSERT_EQ(org.status, 200);
  int wales = 0;
  const nlohmann::json listing = org.Json();  // named: a temporary's member would dangle
  for (const auto& r : listing["regions"]) wales += r["code"] == "WAL";
  EXPECT_EQ(wales, 1) << "made once, refused once: one region";
}

TEST_P(AuthHttpTest, ARenameBasedOnAStaleVersionIsAConflict) {
  const auto [cookie, csrf] = SignIn("demo.admin");
  const std::vector<std::pair<std::string, std::string>> as_admin = {{"Cookie", cookie},
                                                                     {"X-CSRF-Token", csrf}};
  const auto first =
      Send("PATCH", "/api/v1/teams/NE-TYN-A",
           nlohmann::json{{"name", "Wallsend Team"}, {"version", 1}}.dump(), as_admin);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.Json()["version"], 2);
  // A second administrator still holding version 1 must not overwrite the first change.
  const auto second =
      Send("PATCH", "/api/v1/teams/NE-TYN-A",
           nlohmann::json{{"name", "Tynemouth Team"}, {"version", 1}}.dump(), as_admin);
  EXPECT_EQ(second.status, 409);
  EXPECT_EQ(second.Json()["error"]["code"], "stale_version");
  const auto missing = Send("PATCH", "/api/v1/teams/NO-SUCH",
                            nlohmann::json{{"name", "x y"}, {"version", 1}}.dump(), as_admin);
  EXPECT_EQ(missing.status, 404);
}

TEST_P(AuthHttpTest, AnAdministratorAddsAndDisablesAUser) {
  const auto [cookie, csrf] = SignIn("demo.admin");
  const std::vector<std::pair<std::string, std::string>> as_admin = {{"Cookie", cookie},
                                                                     {"X-CSRF-Token", csrf}};
  const nlohmann::json user = {
      {"username", "new.officer"},   {"name", "Nia Officer"},      {"grade", "pqip"},
      {"role", "practitioner"},      {"team_codes", {"NE-TYN-A"}}, {"password", kDemoPassword},
      {"qualified_on", "2026-11-01"}};
  const auto added = Send("POST", "/api/v1/users", user.dump(), as_admin);
  ASSERT_EQ(added.status, 201) << added.body;
  nlohmann::json absurd_hours = user;
  absurd_hours["username"] = "hours.officer";
  absurd_hours["contracted_hours"] = 1e300;
  const auto hours = Send("POST", "/api/v1/users", absurd_hours.dump(), as_admin);
  EXPECT_EQ(hours.status, 400);
  EXPECT_EQ(hours.Json()["error"]["field"], "contracted_hours");
  nlohmann::json weak = user;
  weak["username"] = "weak.officer";
  weak["password"] = "password";
  const auto refused = Send("POST", "/api/v1/users", weak.dump(), as_admin);
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.Json()["error"]["field"], "password");

  const auto [new_cookie, new_csrf] = SignIn("new.officer");
  EXPECT_EQ(Send("GET", "/api/v1/me", {}, {{"Cookie", new_cookie}}).status, 200);
  EXPECT_EQ(Send("POST", "/api/v1/users/new.officer/disable", {}, as_admin).status, 200);
  EXPECT_EQ(Send("GET", "/api/v1/me", {}, {{"Cookie", new_cookie}}).status, 401);
}

// Every organisation and account route as every role: the exact status each must get. Case
// routes have their own table in case_access_test.cc (in scope, out of scope, excluded,
// restricted); staff routes theirs in staff_test.cc.
TEST_P(AuthHttpTest, AuthorisationMatrixForEveryRoleOnEveryRoute) {
  const store::Actor setup{"system:test", std::nullopt};
  for (const auto& [username, role] :
       {std::pair{"demo.recall", access::Role::kRecallTeam},
        std::pair{"demo.analyst", access::Role::kPerformanceAnalyst}}) {
    access::Staff staff;
    staff.name = "Extra Person";
    staff.grade = access::Grade::kAdministrative;
    ASSERT_TRUE(app::AddUser(*db_, setup, {username, staff, role, kDemoPassword}, kNow));
  }
  const std::vector<std::string> roles = {"demo.po1",         "demo.spo1",   "demo.manager1",
                                          "demo.enforcement", "demo.recall", "demo.analyst",
                                          "demo.admin"};
  std::map<std::string, std::string> token;
  for (const auto& user : roles) token[user] = app::CreateToken(*db_, setup, user, kNow)->secret;

  int n = 0;
  const auto unique = [&n](const char* prefix) {
    return std::string(prefix) + std::to_string(++n);
  };
  struct Row {
    std::string method, target;
    std::function<std::string()> body;
    int admin_status, other_status;
  };
  const std::vector<Row> rows = {
      {"GET", "/api/v1/me", [] { return std::string(); }, 200, 200},
      {"GET", "/api/v1/organisation", [] { return std::string(); }, 200, 200},
      {"POST", "/api/v1/regions",
       [&] {
         return nlohmann::json{{"code", unique("R")}, {"name", "Region"}}.dump();
       },
       201, 403},
      {"POST", "/api/v1/pdus",
       [&] {
         return nlohmann::json{{"code", unique("P")}, {"name", "PDU"}, {"region_code", "NE"}}
             .dump();
       },
       201, 403},
      {"POST", "/api/v1/teams",
       [&] {
         return nlohmann::json{{"code", unique("T")}, {"name", "Team"}, {"pdu_code", "NE-TYN"}}
             .dump();
       },
       201, 403},
      {"POST", "/api/v1/offices",
       [&] {
         return nlohmann::json{{"code", unique("O")},
                               {"name", "Office"},
                               {"address", "1 Street"},
                               {"pdu_code", "NE-TYN"}}
             .dump();
       },
       201, 403},
      {"POST", "/api/v1/users",
       [&] {
         return nlohmann::json{{"username", unique("u.")},
                               {"name", "New"},
                               {"grade", "po"},
                               {"role", "practitioner"},
                               {"password", kDemoPassword}}
             .dump();
       },
       201, 403},
      {"POST", "/api/v1/users/demo.po2/disable", [] { return std::string(); }, 200, 403},
  };
  for (const auto& row : rows) {
    for (const auto& user : roles) {
      SCOPED_TRACE(row.method + " " + row.target + " as " + user);
      const int want = user == "demo.admin" ? row.admin_status : row.other_status;
      const auto r =
          Send(row.method, row.target, row.body(), {{"Authorization", "Bearer " + token[user]}});
      EXPECT_EQ(r.status, want) << r.body;
    }
  }
}

PROBITY_ON_BOTH_BACKENDS(AuthHttpTest);

}  // namespace
}  // namespace probity

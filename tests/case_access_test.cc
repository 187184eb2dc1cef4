// Access to case records, on both backends: every case route as every role against a case in
// scope, one outside it, one the caller is excluded from and one restricted to named staff, with
// the exact status each must get; restricted cases vanish from lists; every read of a restricted
// case is in the access log, which only administrators read and export.
#include <gtest/gtest.h>

#include "app_server.h"

namespace probity {
namespace {

using nlohmann::json;

class CaseAccessTest : public testing::AppServerTest {
 protected:
  void SetUp() override {
    AppServerTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    AddAccount("demo.recall", access::Role::kRecallTeam);
    AddAccount("demo.analyst", access::Role::kPerformanceAnalyst);
    Register("demo.po1", "X100001", "NE-TYN-A");  // in scope
    Register("demo.po2", "X100002", "NE-DUR-A");  // another PDU
    Register("demo.po1", "X100003", "NE-TYN-A");  // demo.po1 excluded
    Register("demo.po1", "X100004", "NE-TYN-A");  // restricted to demo.spo1
    ASSERT_EQ(As("demo.spo1", "POST", "/api/v1/people/X100003/exclusions",
                 {{"username", "demo.po1"}, {"reason", "a relative of the officer"}})
                  .status,
              201);
    ASSERT_EQ(As("demo.spo1", "POST", "/api/v1/people/X100004/restrictions",
                 {{"username", "demo.spo1"}, {"reason", "high-profile case"}})
                  .status,
              201);
  }

  void Register(const std::string& who, const std::string& crn, const std::string& team) {
    const auto r = As(who, "POST", "/api/v1/people",
                      {{"crn", crn},
                       {"first_name", "Sam"},
                       {"last_name", "Case" + crn},
                       {"date_of_birth", "1985-01-01"},
                       {"gender", "female"},
                       {"team_code", team}});
    ASSERT_EQ(r.status, 201) << r.body;
  }
};

TEST_P(CaseAccessTest, EveryCaseRouteAnswersEachRoleExactly) {
  const std::vector<std::string> users = {"demo.po1",         "demo.spo1",   "demo.manager1",
                                          "demo.enforcement", "demo.recall", "demo.analyst",
                                          "demo.admin"};
  // Expected status per user, in the order above. No recall has been sent on any of these
  // cases, so to the recall team none of them exists (proceedings_test covers one that has).
  using Statuses = std::vector<int>;
  struct Row {
    std::string method, path;  // {crn} is replaced per case
    json body;
    Statuses in_scope, other_pdu, excluded_po1, restricted_to_spo1;
  };
  int n = 0;
  auto alias = [&n] { return json{{"first_name", "Alias"}, {"last_name", std::to_string(++n)}}; };
  const std::vector<Row> rows = {
      {"GET",
       "/api/v1/people/{crn}",
       nullptr,
       {200, 200, 200, 200, 404, 404, 404},
       {404, 404, 404, 404, 404, 404, 404},
       {404, 200, 200, 200, 404, 404, 404},
       {404, 200, 404, 404, 404, 404, 404}},
      {"GET",
       "/api/v1/people/{crn}/allocations",
       nullptr,
       {200, 200, 200, 200, 404, 404, 404},
       {404, 404, 404, 404, 404, 404, 404},
       {404, 200, 200, 200, 404, 404, 404},
       {404, 200, 404, 404, 404, 404, 404}},
      {"POST",
       "/api/v1/people/{crn}/aliases",
       json(),  // body filled per request
       {201, 201, 201, 403, 404, 404, 404},
       {404, 404, 404, 404, 404, 404, 404},
       {404, 201, 201, 403, 404, 404, 404},
       {404, 201, 404, 404, 404, 404, 404}},
      {"GET",
       "/api/v1/people/{crn}/risk",
       nullptr,
       {200, 200, 200, 200, 404, 404, 404},
       {404, 404, 404, 404, 404, 404, 404},
       {404, 200, 200, 200, 404, 404, 404},
       {404, 200, 404, 404, 404, 404, 404}},
      {"POST",
       "/api/v1/people/{crn}/rsr-assessments",
       {{"percent", 7.1},
        {"kind", "dynamic"},
        {"assessed_on", "2026-11-02"},
        {"assessed_by", "Jo Bloggs"}},
       {201, 201, 201, 403, 404, 404, 404},
       {404, 404, 404, 404, 404, 404, 404},
       {404, 201, 201, 403, 404, 404, 404},
       {404, 201, 404, 404, 404, 404, 404}},
      // Everyone here is recorded as female: those allowed to write reach the 409 of a record
      // that decides the scale; policy answers first.
      {"POST",
       "/api/v1/people/{crn}/risk-scale",
       {{"scale", "male"}, {"reason", "a test of who may choose"}},
       {409, 409, 409, 403, 404, 404, 404},
       {404, 404, 404, 404, 404, 404, 404},
       {404, 409, 409, 403, 404, 404, 404},
       {404, 409, 404, 404, 404, 404, 404}},
      {"GET",
       "/api/v1/people/{crn}/access",
       nullptr,
       {403, 200, 200, 403, 404, 404, 200},
       {404, 404, 404, 404, 404, 404, 200},
       {404, 200, 200, 403, 404, 404, 200},
       {404, 200, 404, 404, 404, 404, 404}},
  };
  const std::vector<std::string> crns = {"X100001", "X100002", "X100003", "X100004"};
  for (const auto& row : rows) {
    for (size_t c = 0; c < crns.size(); ++c) {
      const Statuses& want = c == 0   ? row.in_scope
                             : c == 1 ? row.other_pdu
                             : c == 2 ? row.excluded_po1
                                      : row.restricted_to_spo1;
      std::string path = row.path;
      path.replace(path.find("{crn}"), 5, crns[c]);
      for (size_t u = 0; u < users.size(); ++u) {
        SCOPED_TRACE(row.method + " " + path + " as " + users[u]);
        const json body =
            row.method == "POST" ? (row.body.is_null() ? alias() : row.body) : json(nullptr);
        const auto r = As(users[u], row.method, path, body);
        EXPECT_EQ(r.status, want[u]) << r.body;
      }
    }
  }
  // A CRN that does not exist looks exactly like one that is hidden.
  const auto missing = As("demo.analyst", "GET", "/api/v1/people/X999999");
  const auto hidden = As("demo.analyst", "GET", "/api/v1/people/X100001");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.body, hidden.body);
}

TEST_P(CaseAccessTest, HiddenCasesAreAbsentFromEveryListAndSearch) {
  auto crns = [this](const std::string& who, const std::string& target) {
    std::vector<std::string> out;
    const json page = As(who, "GET", target).Json();
    for (const auto& item : page["items"]) out.push_back(item["crn"]);
    return out;
  };
  EXPECT_EQ(crns("demo.po1", "/api/v1/people?name=case"), (std::vector<std::string>{"X100001"}));
  EXPECT_EQ(crns("demo.spo1", "/api/v1/people?name=case"),
            (std::vector<std::string>{"X100001", "X100003", "X100004"}));
  EXPECT_EQ(crns("demo.manager1", "/api/v1/people?name=case"),
            (std::vector<std::string>{"X100001", "X100003"}));
  EXPECT_TRUE(crns("demo.po1", "/api/v1/people?crn=X100003").empty());
  EXPECT_TRUE(crns("demo.manager1", "/api/v1/people?crn=X100004").empty());
}

TEST_P(CaseAccessTest, EveryReadOfARestrictedCaseIsLoggedAllowedOrDenied) {
  ASSERT_EQ(As("demo.spo1", "GET", "/api/v1/people/X100004").status, 200);
  ASSERT_EQ(As("demo.po1", "GET", "/api/v1/people/X100004").status, 404);
  ASSERT_EQ(As("demo.po1", "GET", "/api/v1/people/X100003").status, 404);
  ASSERT_EQ(As("demo.po1", "GET", "/api/v1/people/X100001").status, 200);  // not restricted

  const auto log = As("demo.admin", "GET", "/api/v1/access-log");
  ASSERT_EQ(log.status, 200) << log.body;
  std::vector<std::string> lines;
  const json entries = log.Json();
  for (const auto& e : entries["items"])
    if (e["what"].get<std::string>().starts_with("GET /api/v1/people/X"))
      lines.push_back(e["username"].get<std::string>() + " " + e["crn"].get<std::string>() + " " +
                      e["outcome"].get<std::string>());
  EXPECT_EQ(lines, (std::vector<std::string>{"demo.po1 X100003 denied", "demo.po1 X100004 denied",
                                             "demo.spo1 X100004 allowed"}));

  const auto by_crn = As("demo.admin", "GET", "/api/v1/access-log?crn=X100004").Json();
  for (const auto& e : by_crn["items"]) EXPECT_EQ(e["crn"], "X100004");

  const auto csv = As("demo.admin", "GET", "/api/v1/access-log.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.Header("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.body.rfind("id,at,staff_id,username,crn,what,outcome,reason,request_id\r\n", 0),
            0u);
  EXPECT_NE(csv.body.find("\"demo.po1\",\"X100004\""), std::string::npos);

  for (const char* who : {"demo.spo1", "demo.manager1", "demo.analyst", "demo.po1"}) {
    EXPECT_EQ(As(who, "GET", "/api/v1/access-log").status, 403) << who;
    EXPECT_EQ(As(who, "GET", "/api/v1/access-log.csv").status, 403) << who;
  }
  EXPECT_EQ(As("demo.admin", "GET", "/api/v1/access-log?from=yesterday").status, 400);
}

TEST_P(CaseAccessTest, AccessLogDateRangeIncludesTheWholeOfItsLastDay) {
  ASSERT_EQ(As("demo.spo1", "GET", "/api/v1/people/X100004").status, 200);
  const json newest = As("demo.admin", "GET", "/api/v1/access-log").Json()["items"][0];
  const std::string day = newest["at"].get<std::string>().substr(0, 10);

  const json that_day =
      As("demo.admin", "GET", "/api/v1/access-log?from=" + day + "&to=" + day).Json();
  ASSERT_FALSE(that_day["items"].empty());
  EXPECT_EQ(that_day["items"][0]["id"], newest["id"]);

  const auto before = As("demo.admin", "GET", "/api/v1/access-log?to=" + day + "T00:00:00Z");
  ASSERT_EQ(before.status, 200);
  const json before_items = before.Json()["items"];
  for (const auto& e : before_items) EXPECT_LT(e["at"].get<std::string>().substr(0, 10), day);

  const auto backwards =
      As("demo.admin", "GET", "/api/v1/access-log?from=" + day + "&to=" + day + "T00:00:00Z");
  EXPECT_EQ(backwards.status, 400);
  EXPECT_EQ(backwards.Json()["error"]["code"], "empty_range");
}

TEST_P(CaseAccessTest, ListsChangeOnlyOnceAndRemovalRestoresAccess) {
  EXPECT_EQ(As("demo.spo1", "POST", "/api/v1/people/X100003/exclusions",
               {{"username", "demo.po1"}, {"reason", "again"}})
                .status,
            409);
  EXPECT_EQ(As("demo.spo1", "POST", "/api/v1/people/X100001/exclusions",
               {{"username", "nobody"}, {"reason", "x"}})
                .status,
            404);
  EXPECT_EQ(As("demo.spo1", "POST", "/api/v1/people/X100001/exclusions", {{"username", "demo.po1"}})
                .Json()["error"]["field"],
            "reason");
  EXPECT_EQ(As("demo.po1", "POST", "/api/v1/people/X100001/exclusions",
               {{"username", "demo.spo1"}, {"reason", "x"}})
                .status,
            403);
  ASSERT_EQ(As("demo.admin", "DELETE", "/api/v1/people/X100003/exclusions/demo.po1").status, 200);
  EXPECT_EQ(As("demo.po1", "GET", "/api/v1/people/X100003").status, 200);
  EXPECT_EQ(As("demo.admin", "DELETE", "/api/v1/people/X100003/exclusions/demo.po1").status, 409);
  ASSERT_EQ(As("demo.spo1", "DELETE", "/api/v1/people/X100004/restrictions/demo.spo1").status, 200);
  EXPECT_EQ(As("demo.po1", "GET", "/api/v1/people/X100004").status, 200)
      << "an emptied restriction list restricts no more";
}

TEST_P(CaseAccessTest, ACookieWriteWithoutItsCsrfTokenIsRefusedAndWritesNothing) {
  const auto [cookie, csrf] = SignIn("demo.po1");
  const std::string body = json{{"first_name", "No"}, {"last_name", "Token"}}.dump();
  const auto refused = Send("POST", "/api/v1/people/X100001/aliases", body, {{"Cookie", cookie}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_TRUE(As("demo.po1", "GET", "/api/v1/people/X100001").Json()["aliases"].empty());
  const auto accepted = Send("POST", "/api/v1/people/X100001/aliases", body,
                             {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
  EXPECT_EQ(accepted.status, 201) << accepted.body;
}

PROBITY_ON_BOTH_BACKENDS(CaseAccessTest);

}  // namespace
}  // namespace probity

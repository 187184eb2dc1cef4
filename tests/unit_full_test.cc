// Units declared over capacity, on both backends: the head of the PDU declares a team full with
// its reason and the work agreed to be suspended, it shows on the SPO's unallocated queue, and it
// is ended early with a reason, never deleted; anyone else is refused, bad input is refused
// naming the field with nothing written, and the database refuses to change a declaration.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "page_client.h"

namespace probity {
namespace {

using nlohmann::json;

const char* const kApi = "/api/v1/capacity-declarations";

json Declaration(json changes = json::object()) {
  json body = {{"unit", "team"},
               {"code", "NE-TYN-A"},
               {"from", "2026-11-20"},
               {"reason", "Two officers on long-term sickness; 41 cases unallocated"},
               {"suspended_work", "Non-statutory groupwork referrals; home visits for tier D"}};
  body.update(changes);
  return body;
}

class UnitFullTest : public testing::PageTest {
 protected:
  void SetUp() override {
    PageTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    clock_.Set(*ParseUtc("2026-11-23T09:00:00.000000Z"));
  }
};

TEST_P(UnitFullTest, TheHeadOfThePduDeclaresATeamFullAndEndsItEarly) {
  const auto declared = As("demo.manager1", "POST", kApi, Declaration());
  ASSERT_EQ(declared.status, 201) << declared.body;
  const json d = declared.Json();
  EXPECT_EQ(d["unit"], "team");
  EXPECT_EQ(d["code"], "NE-TYN-A");
  EXPECT_EQ(d["in_force"], true);
  EXPECT_EQ(d["declared_by"], "Martin Reid");
  EXPECT_TRUE(d["ended"].is_null());

  // Everyone in the PDU sees it; the SPO's unallocated queue carries it.
  const auto list = As("demo.spo1", "GET", kApi).Json()["items"];
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["suspended_work"], "Non-statutory groupwork referrals; home visits for tier D");
  EXPECT_EQ(As("demo.po2", "GET", kApi).Json()["items"].size(), 0u) << "another PDU";
  const auto queue = GetAs("demo.spo1", "/unallocated");
  ASSERT_EQ(queue.status, 200);
  EXPECT_NE(queue.body.find("Team NE-TYN-A (North Tyneside Team A) is declared over capacity "
                            "since 20 November 2026"),
            std::string::npos);

  const std::string end = std::string(kApi) + "/" + std::to_string(d["id"].get<int64_t>()) + "/end";
  EXPECT_EQ(As("demo.spo1", "POST", end, {{"ended_on", "2026-11-23"}, {"reason", "x"}}).status,
            403);
  const auto ended = As("demo.manager1", "POST", end,
                        {{"ended_on", "2026-11-23"}, {"reason", "Agency cover arrived"}});
  ASSERT_EQ(ended.status, 200) << ended.body;
  EXPECT_EQ(ended.Json()["in_force"], false);
  EXPECT_EQ(ended.Json()["ended"]["reason"], "Agency cover arrived");
  EXPECT_EQ(ended.Json()["ended"]["by"], "Martin Reid");
  const auto again = As("demo.manager1", "POST", end,
                        {{"ended_on", "2026-11-23"}, {"reason", "Agency cover arrived"}});
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.Json()["error"]["code"], "already_ended");
  EXPECT_EQ(GetAs("demo.spo1", "/unallocated").body.find("is declared over capacity"),
            std::string::npos);

  // The log holds both, under the team.
  {
    auto tx = db_->BeginRead();
    std::vector<std::string> kinds;
    for (const auto& e : store::EventsForSubject(tx, "team:NE-TYN-A"))
      if (e.kind.starts_with("workload.")) kinds.push_back(e.kind);
    EXPECT_EQ(kinds, (std::vector<std::string>{"workload.unit_declared_full",
                                               "workload.unit_full_ended"}));
  }

  // Kept as recorded.
  auto tx = db_->BeginWrite();
  EXPECT_THROW(tx.sql() << "UPDATE capacity_declaration SET reason = 'x'", soci::soci_error);
}

TEST_P(UnitFullTest, OnlyTheHeadOfTheUnitsPduDeclaresAndBadInputNamesItsField) {
  for (const char* user : {"demo.manager1", "demo.spo1", "demo.po1"})
    As(user, "GET", kApi);  // signed in first: signing in is an event of its own
  const int64_t before = Events();
  EXPECT_EQ(As("demo.spo1", "POST", kApi, Declaration()).status, 403);
  EXPECT_EQ(As("demo.po1", "POST", kApi, Declaration()).status, 403);
  EXPECT_EQ(As("demo.manager1", "POST", kApi, Declaration({{"code", "NE-DUR-A"}})).status, 403);
  for (const auto& [change, field] : std::vector<std::pair<json, std::string>>{
           {{{"unit", "region"}}, "unit"},
           {{{"from", "2026-13-01"}}, "from"},
           {{{"from", "2026-10-01"}}, "from"},  // more than 31 days ago
           {{{"to", "2026-11-19"}}, "to"},
           {{{"reason", " "}}, "reason"},
           {{{"suspended_work", ""}}, "suspended_work"},
           {{{"colour", "red"}}, "colour"}}) {
    const auto r = As("demo.manager1", "POST", kApi, Declaration(change));
    SCOPED_TRACE(change.dump());
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(r.Json()["error"]["field"], field);
  }
  const auto unknown = As("demo.manager1", "POST", kApi, Declaration({{"code", "NE-XXX-Z"}}));
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.Json()["error"]["field"], "code");
  EXPECT_EQ(Events(), before);
}

TEST_P(UnitFullTest, ThePageDeclaresAPduFullAndRefusesABlankForm) {
  const auto page = GetAs("demo.manager1", "/capacity-declarations");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("<option value=\"pdu:NE-TYN\">"), std::string::npos);
  EXPECT_NE(page.body.find("<option value=\"team:NE-TYN-B\">"), std::string::npos);
  EXPECT_EQ(page.body.find("NE-DUR"), std::string::npos) << "another PDU's units";
  EXPECT_EQ(GetAs("demo.spo1", "/capacity-declarations").body.find("Declare a unit over"),
            std::string::npos);

  const int64_t before = Events();
  const auto blank = PostAs("demo.manager1", "/capacity-declarations", {{"unit", ""}});
  ASSERT_EQ(blank.status, 400);
  for (const char* message :
       {"href=\"#unit\">Select the team or PDU", "href=\"#from\">Enter the date it applies from",
        "href=\"#reason\">Enter why the unit is over capacity",
        "href=\"#suspended_work\">Enter the work agreed to be suspended"})
    EXPECT_NE(blank.body.find(message), std::string::npos) << message;
  EXPECT_EQ(Events(), before);

  const auto done = PostAs("demo.manager1", "/capacity-declarations",
                           {{"unit", "pdu:NE-TYN"},
                            {"from_day", "23"},
                            {"from_month", "11"},
                            {"from_year", "2026"},
                            {"reason", "Caseloads average 128%"},
                            {"suspended_work", "Unpaid work inductions move to the hub"}});
  ASSERT_EQ(done.status, 303) << done.body;
  const auto list = GetAs("demo.manager1", "/capacity-declarations?done=declared");
  EXPECT_NE(list.body.find("PDU NE-TYN (North Tyneside)"), std::string::npos);
  EXPECT_NE(list.body.find("In force"), std::string::npos);
  EXPECT_NE(list.body.find("End this declaration"), std::string::npos);
  // A PDU-wide declaration covers the SPO's team.
  EXPECT_NE(GetAs("demo.spo1", "/unallocated").body.find("PDU NE-TYN (North Tyneside) is declared"),
            std::string::npos);
}

PROBITY_ON_BOTH_BACKENDS(UnitFullTest);

}  // namespace
}  // namespace probity

// Live workloads on both backends (issue 10; docs/workload.md): a practitioner's figure follows
// their cases, reductions (expiring on their own, ended early with a reason) and court reports
// (counting 30 days); dashboards sum their members for managers only; allocating past 100% needs
// a reason and shows on the team's dashboard; the weekly record keeps the trend and four weeks
// over 110% is excessive; recommendations rank the team with reasons; weightings are versioned.
// Refusals name the field and write nothing; the database refuses to change the records.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "app/workload.h"
#include "page_client.h"
#include "sentence_bodies.h"
#include "workload/model.h"

namespace probity {
namespace {

using nlohmann::json;

class WorkloadLiveTest : public testing::PageTest {
 protected:
  void SetUp() override {
    PageTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    At("2026-11-23T09:00:00.000000Z");  // a Monday
  }

  // `crn` in NE-TYN-A under `kind` (a community order, or a licence released 1 June 2026),
  // allocated to demo.po1 unless `allocate` is false.
  void Case(const std::string& crn, const std::string& born = "1980-03-03",
            const std::string& kind = "community_order", bool allocate = true) {
    ASSERT_EQ(As("demo.po1", "POST", "/api/v1/people",
                 {{"crn", crn},
                  {"first_name", "Kim"},
                  {"last_name", "Load" + crn},
                  {"date_of_birth", born},
                  {"gender", "male"}})
                  .status,
              201);
    const json sentence = kind == "licence" ? testing::RobberyLicenceJson("2026-06-01")
                                            : json{{"kind", kind},
                                                   {"court", "Newcastle Crown Court"},
                                                   {"offence", "Burglary"},
                                                   {"offence_group", "burglary_domestic"},
                                                   {"sentence_date", "2026-01-10"},
                                                   {"length_months", 24}};
    const auto s = As("demo.po1", "POST", "/api/v1/people/" + crn + "/sentences", sentence);
    ASSERT_EQ(s.status, 201) << s.body;
    if (allocate) Allocate(crn, "demo.po1", 201);
  }

  void Allocate(const std::string& crn, const std::string& officer, int status,
                const std::string& over_capacity_reason = "") {
    json body = {{"officer_username", officer}, {"reason", "capacity"}};
    if (!over_capacity_reason.empty()) body["over_capacity_reason"] = over_capacity_reason;
    const auto r = As("demo.spo1", "POST", "/api/v1/people/" + crn + "/allocation", body);
    ASSERT_EQ(r.status, status) << r.body;
  }

  std::optional<std::string> TierOf(const std::string& crn) {
    const json p = As("demo.po1", "GET", "/api/v1/people/" + crn).Json();
    const json& tier = p.contains("person") ? p["person"]["tier"] : p["tier"];
    if (tier.is_null()) return std::nullopt;
    return tier.get<std::string>();
  }

  json Mine(const std::string& who = "demo.po1") {
    const auto r = As(who, "GET", "/api/v1/workload/me");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.Json();
  }

  // Every row weighs `weight`: any tiered case adds it whatever its tier.
  void HeavyWeights(int64_t weight) {
    json row = json::array();
    for (int i = 0; i < 16; ++i) row.push_back(weight);
    const auto r = As("demo.admin", "POST", "/api/v1/workload/weightings",
                      {{"community", row},
                       {"custody", row},
                       {"licence", row},
                       {"young_adult", row},
                       {"standard_report", 138},
                       {"fast_report", 65},
                       {"nominal_target", 2176},
                       {"default_hours", 37},
                       {"reason", "Testing capacity limits"}});
    ASSERT_EQ(r.status, 201) << r.body;
  }

  long long Count(const std::string& table) {
    auto tx = db_->BeginRead();
    long long n = 0;
    tx.sql() << "SELECT COUNT(*) FROM " + table, soci::into(n);
    return n;
  }
};

int64_t DefaultWeight(const std::string& row, const std::optional<std::string>& tier) {
  if (!tier) return 0;
  const auto w = workload::DefaultWeightings();
  const auto i = *workload::TierIndex(*tier);
  return row == "community" ? w.community[i] : row == "licence" ? w.licence[i] : w.young_adult[i];
}

TEST_P(WorkloadLiveTest, APractitionersFigureComesFromTheirCasesByTypeTierAndAge) {
  Case("W100001");
  Case("W100002", "2004-06-01");  // 22: a young adult
  Case("W100003", "1975-01-01", "licence");
  Case("W100004", "1980-03-03", "community_order", false);  // waiting: nobody's yet
  if (HasFatalFailure()) return;
  const int64_t expected = DefaultWeight("community", TierOf("W100001")) +
                           DefaultWeight("young_adult", TierOf("W100002")) +
                           DefaultWeight("licence", TierOf("W100003"));
  const json me = Mine();
  EXPECT_EQ(me["username"], "demo.po1");
  EXPECT_EQ(me["cases"], 3);
  EXPECT_EQ(me["points"], expected) << me.dump(2);
  EXPECT_EQ(me["available_points"], 2176);
  EXPECT_EQ(me["contracted_hours"], 37);
  int64_t sum = 0;
  bool young = false, licence = false;
  for (const auto& row : me["breakdown"]) {
    sum += row["points"].get<int64_t>();
    young = young || row["item"].get<std::string>().rfind("young adult community", 0) == 0;
    licence = licence || row["item"].get<std::string>().rfind("licence", 0) == 0;
  }
  EXPECT_EQ(sum, expected);
  EXPECT_TRUE(young) << me["breakdown"].dump();
  EXPECT_TRUE(licence) << me["breakdown"].dump();
  // This week is today's figure.
  ASSERT_EQ(me["weeks"].size(), 1u);
  EXPECT_EQ(me["weeks"][0]["week_start"], "2026-11-23");
  EXPECT_EQ(me["weeks"][0]["points"], expected);

  // Taking a case away changes the figure at once.
  Allocate("W100001", "demo.po2", 400);  // another team: refused, nothing moves
  const auto moved = As("demo.spo1", "POST", "/api/v1/people/W100001/allocation",
                        {{"reason", "Back to the queue"}});
  ASSERT_EQ(moved.status, 201) << moved.body;
  EXPECT_EQ(Mine()["cases"], 2);
}

TEST_P(WorkloadLiveTest, ReductionsTakeHoursOffExpireOnTheirOwnAndEndEarlyWithAReason) {
  const std::string api = "/api/v1/workload/staff/demo.po1/reductions";
  Mine("demo.po1");
  Mine("demo.spo1");  // each caller's first request signs them in: an event of its own
  const int64_t before = Events();
  EXPECT_EQ(As("demo.po1", "POST", api, {{"allowance", "newly_qualified"}, {"start", "2026-11-23"}})
                .status,
            403);
  auto bad = As("demo.spo1", "POST", api, {{"allowance", "sabbatical"}, {"start", "2026-11-23"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.Json()["error"]["field"], "allowance");
  bad = As("demo.spo1", "POST", api, {{"allowance", "other"}, {"start", "2026-11-23"}});
  EXPECT_EQ(bad.Json()["error"]["field"], "hours");
  bad = As("demo.spo1", "POST", api,
           {{"allowance", "trade_union"}, {"hours", 20}, {"start", "2026-11-23"}});
  EXPECT_EQ(bad.Json()["error"]["field"], "hours") << "at most half of 37 hours";
  bad = As("demo.spo1", "POST", api,
           {{"allowance", "other"}, {"hours", 7.125}, {"start", "2026-11-23"}});
  EXPECT_EQ(bad.Json()["error"]["field"], "hours") << "two decimal places at most";
  bad = As("demo.spo1", "POST", api, {{"allowance", "newly_qualified"}, {"start", "23/11/2026"}});
  EXPECT_EQ(bad.Json()["error"]["field"], "start");
  EXPECT_EQ(As("demo.spo1", "POST", "/api/v1/workload/staff/nobody/reductions",
               {{"allowance", "newly_qualified"}, {"start", "2026-11-23"}})
                .status,
            404);
  EXPECT_EQ(As("demo.spo1", "POST", "/api/v1/workload/staff/demo.po2/reductions",
               {{"allowance", "newly_qualified"}, {"start", "2026-11-23"}})
                .status,
            403)
      << "another PDU's officer";
  EXPECT_EQ(Events(), before);
  EXPECT_EQ(Count("workload_reduction"), 0);

  const auto added = As("demo.spo1", "POST", api,
                        {{"allowance", "newly_qualified"},
                         {"start", "2026-11-23"},
                         {"note", "Qualified on 20 November"}});
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.Json()["hours"], 7.4);
  EXPECT_EQ(added.Json()["expires"], "2027-08-23");
  EXPECT_EQ(Mine()["reduction_hours"], 7.4);
  EXPECT_EQ(Mine()["available_points"], 2176 * 2960 / 3700);
  EXPECT_EQ(Mine()["reductions"][0]["added_by"], "Sandra Price");
  const auto other = As("demo.manager1", "POST", api,
                        {{"allowance", "other"}, {"hours", "3.5"}, {"start", "2026-11-23"}});
  ASSERT_EQ(other.status, 201) << other.body;
  EXPECT_EQ(Mine()["reduction_hours"], 10.9);

  // End the other one early: a reason is needed, and not before it starts.
  const std::string end =
      "/api/v1/workload/reductions/" + std::to_string(other.Json()["id"].get<int64_t>()) + "/end";
  EXPECT_EQ(As("demo.spo1", "POST", end, {{"ended_on", "2026-11-30"}, {"reason", " "}}).status,
            400);
  bad = As("demo.spo1", "POST", end, {{"ended_on", "2026-11-23"}, {"reason", "Court duty ended"}});
  EXPECT_EQ(bad.Json()["error"]["field"], "ended_on");
  ASSERT_EQ(
      As("demo.spo1", "POST", end, {{"ended_on", "2026-11-30"}, {"reason", "Court duty ended"}})
          .status,
      200);
  EXPECT_EQ(As("demo.spo1", "POST", end, {{"ended_on", "2026-11-30"}, {"reason", "again"}}).status,
            409);
  EXPECT_EQ(Mine()["reduction_hours"], 10.9) << "still this week";
  At("2026-11-30T09:00:00.000000Z");
  EXPECT_EQ(Mine()["reduction_hours"], 7.4);
  // The newly qualified reduction expires after nine months on its own.
  At("2027-08-23T09:00:00.000000Z");
  EXPECT_EQ(Mine()["reduction_hours"], 0);
  EXPECT_EQ(Mine()["available_points"], 2176);
  EXPECT_EQ(Mine()["reductions"].size(), 2u) << "kept, ended and expired alike";

  // Kept as recorded.
  auto tx = db_->BeginWrite();
  EXPECT_THROW(tx.sql() << "UPDATE workload_reduction SET hours = 0", soci::soci_error);
}

TEST_P(WorkloadLiveTest, CourtReportsCountForThirtyDays) {
  Case("W200001");
  if (HasFatalFailure()) return;
  const std::string api = "/api/v1/workload/staff/demo.po1/court-reports";
  const int64_t base = Mine()["points"];
  auto bad = As("demo.po1", "POST", api,
                {{"kind", "standard"}, {"completed_on", "2026-11-24"}, {"crn", "W200001"}});
  EXPECT_EQ(bad.Json()["error"]["field"], "completed_on") << "tomorrow";
  bad = As("demo.po1", "POST", api,
           {{"kind", "standard"}, {"completed_on", "2026-10-24"}, {"crn", "W200001"}});
  EXPECT_EQ(bad.Json()["error"]["field"], "completed_on") << "30 days back counts nothing";
  bad = As("demo.po1", "POST", api,
           {{"kind", "oral"}, {"completed_on", "2026-11-20"}, {"crn", "W200001"}});
  EXPECT_EQ(bad.Json()["error"]["field"], "kind");
  bad = As("demo.po1", "POST", api,
           {{"kind", "fast"}, {"completed_on", "2026-11-20"}, {"crn", "Z999999"}});
  EXPECT_EQ(bad.status, 404);
  EXPECT_EQ(As("demo.po1", "POST", "/api/v1/workload/staff/demo.po2/court-reports",
               {{"kind", "fast"}, {"completed_on", "2026-11-20"}, {"crn", "W200001"}})
                .status,
            403);
  EXPECT_EQ(Count("court_report"), 0);

  ASSERT_EQ(As("demo.po1", "POST", api,
               {{"kind", "standard"}, {"completed_on", "2026-10-25"}, {"crn", "W200001"}})
                .status,
            201);
  ASSERT_EQ(As("demo.spo1", "POST", api,
               {{"kind", "fast"}, {"completed_on", "2026-11-23"}, {"crn", "W200001"}})
                .status,
            201);
  EXPECT_EQ(Mine()["points"], base + 138 + 65);
  EXPECT_EQ(Mine()["court_reports"].size(), 2u);
  At("2026-11-24T09:00:00.000000Z");  // the standard report's 30 days are over
  EXPECT_EQ(Mine()["points"], base + 65);
}

TEST_P(WorkloadLiveTest, AllocatingPastCapacityNeedsAReasonAndShowsOnTheDashboard) {
  HeavyWeights(1500);
  Case("W300001");
  Case("W300002", "1980-03-03", "community_order", false);
  if (HasFatalFailure()) return;
  ASSERT_TRUE(TierOf("W300002")) << "the case has a tier, so it weighs 1500";
  EXPECT_EQ(Mine()["capacity_percent"], 68.9);

  const int64_t before = Events();
  const auto refused = As("demo.spo1", "POST", "/api/v1/people/W300002/allocation",
                          {{"officer_username", "demo.po1"}, {"reason", "capacity"}});
  ASSERT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(refused.Json()["error"]["field"], "over_capacity_reason");
  EXPECT_NE(refused.Json()["error"]["message"].get<std::string>().find("137.9%"),
            std::string::npos);
  EXPECT_EQ(Events(), before);
  Allocate("W300002", "demo.po1", 201, "Previous officer of the family; no one else qualified");
  if (HasFatalFailure()) return;
  EXPECT_EQ(Mine()["capacity_percent"], 137.9);
  EXPECT_EQ(Mine()["over_capacity"], true);

  const auto team = As("demo.spo1", "GET", "/api/v1/workload/teams/NE-TYN-A");
  ASSERT_EQ(team.status, 200) << team.body;
  const json over = team.Json()["allocated_over_capacity"];
  ASSERT_EQ(over.size(), 1u);
  EXPECT_EQ(over[0]["crn"], "W300002");
  EXPECT_EQ(over[0]["officer"], "Priya Okafor");
  EXPECT_EQ(over[0]["capacity_before_percent"], 68.9);
  EXPECT_EQ(over[0]["capacity_after_percent"], 137.9);
  EXPECT_EQ(over[0]["allocated_by"], "Sandra Price");
  const auto timeline = As("demo.po1", "GET", "/api/v1/people/W300002/timeline");
  EXPECT_NE(timeline.body.find("Allocated past capacity: Priya Okafor at 137.9%"),
            std::string::npos);

  // No one takes a case with no hours left without a reason either.
  Case("W300003", "1980-03-03", "community_order", false);
  ASSERT_EQ(As("demo.spo1", "POST", "/api/v1/workload/staff/demo.po1/reductions",
               {{"allowance", "long_term_absence"}, {"start", "2026-11-23"}})
                .status,
            201);
  const auto none = As("demo.spo1", "POST", "/api/v1/people/W300003/allocation",
                       {{"officer_username", "demo.po1"}, {"reason", "capacity"}});
  EXPECT_EQ(none.status, 400);
  auto tx = db_->BeginWrite();
  EXPECT_THROW(tx.sql() << "DELETE FROM allocation_over_capacity", soci::soci_error);
}

TEST_P(WorkloadLiveTest, DashboardsSumTheirMembersForManagersOnly) {
  Case("W400001");
  Case("W400002");
  if (HasFatalFailure()) return;
  const auto team = As("demo.spo1", "GET", "/api/v1/workload/teams/NE-TYN-A");
  ASSERT_EQ(team.status, 200) << team.body;
  const json t = team.Json();
  ASSERT_EQ(t["staff"].size(), 1u) << "the SPO and administrators hold no cases";
  EXPECT_EQ(t["staff"][0]["username"], "demo.po1");
  EXPECT_EQ(t["points"], Mine()["points"]);
  EXPECT_EQ(t["available_points"], 2176);
  EXPECT_EQ(t["trend"].size(), 1u);

  EXPECT_EQ(As("demo.po1", "GET", "/api/v1/workload/teams/NE-TYN-A").status, 403);
  EXPECT_EQ(As("demo.spo1", "GET", "/api/v1/workload/teams/NE-DUR-A").status, 403);
  EXPECT_EQ(As("demo.spo1", "GET", "/api/v1/workload/teams/NOPE").status, 404);
  EXPECT_EQ(As("demo.po1", "GET", "/api/v1/workload/staff/demo.po2").status, 403);
  EXPECT_EQ(As("demo.spo1", "GET", "/api/v1/workload/staff/demo.po1").status, 200);

  const auto pdu = As("demo.manager1", "GET", "/api/v1/workload/pdus/NE-TYN");
  ASSERT_EQ(pdu.status, 200) << pdu.body;
  EXPECT_EQ(pdu.Json()["points"], t["points"]);
  EXPECT_GE(pdu.Json()["parts"].size(), 2u) << "its teams";
  EXPECT_EQ(As("demo.spo1", "GET", "/api/v1/workload/pdus/NE-TYN").status, 403);
  const auto region = As("demo.manager1", "GET", "/api/v1/workload/regions/NE");
  ASSERT_EQ(region.status, 200) << region.body;
  EXPECT_GE(region.Json()["available_points"].get<int64_t>(), 2176 * 2) << "both PDUs";
  EXPECT_EQ(As("demo.po1", "GET", "/api/v1/workload/regions/NE").status, 403);
}

TEST_P(WorkloadLiveTest, TheWeeklyRecordKeepsTheTrendAndFourWeeksOver110IsExcessive) {
  Case("W500001");
  Case("W500002");
  HeavyWeights(1300);  // 2600 of 2176: 119.5%
  if (HasFatalFailure()) return;
  for (const char* at : {"2026-11-02T21:00:00.000000Z", "2026-11-09T21:00:00.000000Z",
                         "2026-11-16T21:00:00.000000Z"}) {
    const auto t = *ParseUtc(at);
    EXPECT_EQ(app::RecordWeek(*db_, t), 2) << "demo.po1 and demo.po2";
  }
  json me = Mine();
  ASSERT_EQ(me["weeks"].size(), 4u) << me["weeks"].dump();
  EXPECT_EQ(me["weeks"][0]["week_start"], "2026-11-02");
  EXPECT_EQ(me["weeks"][3]["capacity_percent"], 119.5);
  EXPECT_EQ(me["excessive"], true);
  const json team = As("demo.spo1", "GET", "/api/v1/workload/teams/NE-TYN-A").Json();
  EXPECT_EQ(team["trend"].size(), 4u);
  EXPECT_EQ(team["excessive"], true);
  EXPECT_EQ(team["staff"][0]["excessive"], true);
  // Recording the same week again replaces it; a gap breaks the run.
  EXPECT_EQ(app::RecordWeek(*db_, *ParseUtc("2026-11-17T21:00:00.000000Z")), 2);
  EXPECT_EQ(Count("workload_week"), 6) << "three weeks of two practitioners";
  {
    auto tx = db_->BeginWrite();
    tx.sql() << "DELETE FROM workload_week WHERE week_start = '2026-11-09'";
    tx.Commit();
  }
  EXPECT_EQ(Mine()["excessive"], false);
}

TEST_P(WorkloadLiveTest, RecommendationsRankTheTeamWithReasons) {
  Case("W600001", "1980-03-03", "community_order", false);
  if (HasFatalFailure()) return;
  const std::string api = "/api/v1/people/W600001/allocation-recommendations";
  const auto r = As("demo.spo1", "GET", api);
  ASSERT_EQ(r.status, 200) << r.body;
  const json items = r.Json()["items"];
  ASSERT_FALSE(items.empty());
  EXPECT_EQ(items[0]["username"], "demo.po1");
  EXPECT_EQ(items[0]["eligible"], true);
  EXPECT_FALSE(items[0]["reasons"].empty());
  for (const auto& item : items)
    if (item["username"] == "demo.spo1") {
      EXPECT_EQ(item["eligible"], false) << item.dump();
    }
  EXPECT_EQ(As("demo.po1", "GET", api).status, 403);

  // Someone on the case's exclusion list is never recommended.
  ASSERT_EQ(As("demo.spo1", "POST", "/api/v1/people/W600001/exclusions",
               {{"username", "demo.po1"}, {"reason", "Knows the family"}})
                .status,
            201);
  const json after = As("demo.spo1", "GET", api).Json()["items"];
  for (const auto& item : after)
    if (item["username"] == "demo.po1") {
      EXPECT_EQ(item["eligible"], false) << item.dump();
    }
}

TEST_P(WorkloadLiveTest, WeightingsAreVersionedByAdministratorsOnly) {
  auto list = As("demo.po1", "GET", "/api/v1/workload/weightings");
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.Json()["items"].size(), 1u);
  EXPECT_EQ(list.Json()["items"][0]["version"], 0);
  EXPECT_EQ(list.Json()["items"][0]["community"][0], 206);
  Mine("demo.spo1");
  Mine("demo.admin");  // signed in: an event of its own
  const int64_t before = Events();
  json body = {
      {"community", json::array({1, 2})}, {"custody", json::array()}, {"licence", json::array()},
      {"young_adult", json::array()},     {"standard_report", 138},   {"fast_report", 65},
      {"nominal_target", 2176},           {"default_hours", 37},      {"reason", "x"}};
  EXPECT_EQ(As("demo.spo1", "POST", "/api/v1/workload/weightings", body).status, 403);
  const auto bad = As("demo.admin", "POST", "/api/v1/workload/weightings", body);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.Json()["error"]["field"], "community");
  EXPECT_EQ(Events(), before);
  HeavyWeights(100);
  list = As("demo.po1", "GET", "/api/v1/workload/weightings");
  ASSERT_EQ(list.Json()["items"].size(), 2u);
  EXPECT_EQ(list.Json()["items"][0]["version"], 1);
  EXPECT_EQ(list.Json()["items"][0]["changed_by"], "Alex Morgan");
  EXPECT_EQ(Mine()["weightings_version"], 1);
}

PROBITY_ON_BOTH_BACKENDS(WorkloadLiveTest);

}  // namespace
}  // namespace probity

// The workload pages on both backends: my workload with its breakdown, trend chart and tables;
// the team dashboard for its SPO with the bar chart and its table (403 for a practitioner); the
// reduction, end and court report forms (refusals re-render with the error and write nothing);
// the allocation page ranking the team and asking why past 100%.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "page_client.h"

namespace probity {
namespace {

using nlohmann::json;

class WorkloadPagesTest : public testing::PageTest {
 protected:
  void SetUp() override {
    PageTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    At("2026-11-23T09:00:00.000000Z");
  }

  void Sentenced(const std::string& crn, bool allocate) {
    ASSERT_EQ(As("demo.po1", "POST", "/api/v1/people",
                 {{"crn", crn},
                  {"first_name", "Lee"},
                  {"last_name", "Page" + crn},
                  {"date_of_birth", "1985-05-05"},
                  {"gender", "male"}})
                  .status,
              201);
    ASSERT_EQ(As("demo.po1", "POST", "/api/v1/people/" + crn + "/sentences",
                 {{"kind", "community_order"},
                  {"court", "Newcastle Magistrates' Court"},
                  {"offence", "Theft"},
                  {"offence_group", "theft_non_motor"},
                  {"sentence_date", "2026-11-02"},
                  {"length_months", 12}})
                  .status,
              201);
    if (allocate) {
      ASSERT_EQ(As("demo.spo1", "POST", "/api/v1/people/" + crn + "/allocation",
                   {{"officer_username", "demo.po1"}, {"reason", "capacity"}})
                    .status,
                201);
    }
  }

  static bool Has(const std::string& body, const std::string& text) {
    return body.find(text) != std::string::npos;
  }
};

TEST_P(WorkloadPagesTest, MyWorkloadShowsTheFigureBreakdownAndTrendWithTables) {
  Sentenced("P700001", true);
  if (HasFatalFailure()) return;
  const json me = As("demo.po1", "GET", "/api/v1/workload/me").Json();
  const auto page = GetAs("demo.po1", "/workload");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(Has(page.body, "<h1 class=\"govuk-heading-l\">My workload</h1>"));
  EXPECT_TRUE(Has(page.body, std::to_string(me["points"].get<int64_t>()) + " of 2176 available"));
  EXPECT_TRUE(Has(page.body, "id=\"workload-breakdown\""));
  EXPECT_TRUE(Has(page.body, "aria-labelledby=\"chart-capacity-by-week-title "))
      << "the trend chart drawn with its own data";
  EXPECT_FALSE(Has(page.body, "viewBox=\"0 0  \""));
  EXPECT_TRUE(Has(page.body, "id=\"workload-weeks\""));
  EXPECT_TRUE(Has(page.body, "href=\"/workload\">Workload</a>"));
  EXPECT_TRUE(Has(page.body, "id=\"report-form\"")) << "a practitioner records their own reports";
  EXPECT_FALSE(Has(page.body, "id=\"reduction-form\"")) << "but does not reduce their own hours";
  EXPECT_FALSE(Has(page.body, "id=\"workload-dashboards\""));

  const auto spo = GetAs("demo.spo1", "/workload");
  ASSERT_EQ(spo.status, 200);
  EXPECT_TRUE(Has(spo.body, "href=\"/workload/teams/NE-TYN-A\""));
  EXPECT_EQ(GetAs("demo.po1", "/workload/staff/demo.po2").status, 403);
  EXPECT_EQ(GetAs("demo.spo1", "/workload/staff/nobody").status, 404);
}

TEST_P(WorkloadPagesTest, TheTeamDashboardDrawsEachPractitionerWithATableForItsSpoOnly) {
  Sentenced("P710001", true);
  if (HasFatalFailure()) return;
  const auto page = GetAs("demo.spo1", "/workload/teams/NE-TYN-A");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(Has(page.body, "Capacity by practitioner"));
  EXPECT_TRUE(Has(page.body, "role=\"group\"")) << "the bars link, so the chart is a group";
  EXPECT_TRUE(
      Has(page.body, "<a class=\"probity-chart__link\" href=\"/workload/staff/demo.po1\">"));
  EXPECT_TRUE(Has(page.body, "id=\"unit-staff\""));
  EXPECT_TRUE(
      Has(page.body, "<a class=\"govuk-link\" href=\"/workload/staff/demo.po1\">Priya Okafor</a>"));
  EXPECT_TRUE(Has(page.body, "id=\"unit-weeks\""));
  EXPECT_TRUE(Has(page.body, "aria-labelledby=\"chart-capacity-of-the-team-by-week-title "));
  EXPECT_TRUE(Has(page.body, "id=\"no-over-capacity\""));
  EXPECT_EQ(GetAs("demo.po1", "/workload/teams/NE-TYN-A").status, 403);
  EXPECT_EQ(GetAs("demo.spo1", "/workload/teams/NOPE").status, 404);
  const auto pdu = GetAs("demo.manager1", "/workload/pdus/NE-TYN");
  ASSERT_EQ(pdu.status, 200);
  EXPECT_TRUE(Has(pdu.body, "id=\"unit-parts\""));
  EXPECT_TRUE(Has(pdu.body, "href=\"/workload/teams/NE-TYN-A\""));
  EXPECT_EQ(GetAs("demo.manager1", "/workload/regions/NE").status, 200);
}

TEST_P(WorkloadPagesTest, TheReductionFormsChangeAvailablePointsAndRefusalsWriteNothing) {
  const std::string url = "/workload/staff/demo.po1/reductions";
  ASSERT_EQ(GetAs("demo.spo1", "/workload/staff/demo.po1").status, 200);  // both signed in
  ASSERT_EQ(GetAs("demo.po1", "/workload").status, 200);
  const int64_t before = Events();
  auto refused = PostAs("demo.spo1", url,
                        {{"allowance", ""},
                         {"start_day", "23"},
                         {"start_month", "11"},
                         {"start_year", "2026"},
                         {"note", "Typed note"}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_TRUE(Has(refused.body, "Select the allowance"));
  EXPECT_TRUE(Has(refused.body, "Typed note")) << "what was typed is kept";
  refused = PostAs("demo.spo1", url,
                   {{"allowance", "other"},
                    {"hours", "7.125"},
                    {"start_day", "23"},
                    {"start_month", "11"},
                    {"start_year", "2026"}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_TRUE(Has(refused.body, "href=\"#hours\""));
  EXPECT_EQ(PostAs("demo.po1", url,
                   {{"allowance", "newly_qualified"},
                    {"start_day", "23"},
                    {"start_month", "11"},
                    {"start_year", "2026"}})
                .status,
            403);
  EXPECT_EQ(Events(), before);

  const auto added = PostAs("demo.spo1", url,
                            {{"allowance", "newly_qualified"},
                             {"hours", ""},
                             {"start_day", "23"},
                             {"start_month", "11"},
                             {"start_year", "2026"},
                             {"note", ""}});
  ASSERT_EQ(added.status, 303) << added.body;
  const auto page = GetAs("demo.spo1", "/workload/staff/demo.po1?done=reduction");
  EXPECT_TRUE(Has(page.body, "Newly qualified officer: 7.4 hours a week"));
  EXPECT_TRUE(Has(page.body, "0 of 1740 available"));
  EXPECT_TRUE(Has(page.body, "The reduction is recorded."));

  const json mine = As("demo.po1", "GET", "/api/v1/workload/me").Json();
  const std::string end =
      "/workload/reductions/" + std::to_string(mine["reductions"][0]["id"].get<int64_t>()) + "/end";
  const auto blank = PostAs("demo.spo1", end,
                            {{"back", "/workload/staff/demo.po1"},
                             {"reason", " "},
                             {"ended_on_day", ""},
                             {"ended_on_month", ""},
                             {"ended_on_year", ""}});
  EXPECT_EQ(blank.status, 400);
  EXPECT_TRUE(Has(blank.body, "Enter why it ends early"));
  At("2026-11-30T09:00:00.000000Z");
  const auto ended = PostAs("demo.spo1", end,
                            {{"back", "/workload/staff/demo.po1"},
                             {"reason", "Left the team"},
                             {"ended_on_day", ""},
                             {"ended_on_month", ""},
                             {"ended_on_year", ""}});
  ASSERT_EQ(ended.status, 303) << ended.body;
  EXPECT_TRUE(Has(GetAs("demo.spo1", "/workload/staff/demo.po1").body, "0 of 2176 available"));
}

TEST_P(WorkloadPagesTest, APractitionerRecordsACourtReportFromTheirPage) {
  Sentenced("P720001", true);
  if (HasFatalFailure()) return;
  const std::string url = "/workload/staff/demo.po1/court-reports";
  auto refused = PostAs("demo.po1", url,
                        {{"kind", "standard"},
                         {"completed_on_day", "24"},
                         {"completed_on_month", "11"},
                         {"completed_on_year", "2026"},
                         {"crn", "P720001"}});
  EXPECT_EQ(refused.status, 400) << "tomorrow";
  EXPECT_TRUE(Has(refused.body, "href=\"#completed_on\""));
  const auto done = PostAs("demo.po1", url,
                           {{"kind", "fast"},
                            {"completed_on_day", "20"},
                            {"completed_on_month", "11"},
                            {"completed_on_year", "2026"},
                            {"crn", "P720001"}});
  ASSERT_EQ(done.status, 303) << done.body;
  const auto page = GetAs("demo.po1", "/workload?done=report");
  EXPECT_TRUE(Has(page.body, "The court report is recorded."));
  EXPECT_TRUE(Has(page.body, "Fast (converted)"));
}

TEST_P(WorkloadPagesTest, TheAllocatePageRanksTheTeamAndAsksWhyPast100Percent) {
  json row = json::array();
  for (int i = 0; i < 16; ++i) row.push_back(1500);
  ASSERT_EQ(As("demo.admin", "POST", "/api/v1/workload/weightings",
               {{"community", row},
                {"custody", row},
                {"licence", row},
                {"young_adult", row},
                {"standard_report", 138},
                {"fast_report", 65},
                {"nominal_target", 2176},
                {"default_hours", 37},
                {"reason", "Testing the allocation page"}})
                .status,
            201);
  Sentenced("P730001", true);
  Sentenced("P730002", false);
  if (HasFatalFailure()) return;
  EXPECT_TRUE(Has(GetAs("demo.spo1", "/unallocated").body, "href=\"/people/P730002/allocate\""));
  const auto page = GetAs("demo.spo1", "/people/P730002/allocate");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(Has(page.body, "1. Priya Okafor (po): 68.9% now, 137.9% after"));
  EXPECT_TRUE(Has(page.body, "id=\"ineligible\""));
  EXPECT_TRUE(Has(page.body, "Sandra Price (spo)")) << "listed with why she cannot take it";
  EXPECT_FALSE(Has(page.body, "value=\"demo.spo1\"")) << "but not offered as a choice";
  EXPECT_EQ(GetAs("demo.po1", "/people/P730002/allocate").status, 403);

  const std::string url = "/people/P730002/allocate";
  auto refused = PostAs("demo.spo1", url, {{"officer", "demo.po1"}, {"reason", "Capacity"}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_TRUE(Has(refused.body, "href=\"#over_capacity_reason\""));
  EXPECT_TRUE(Has(refused.body, "137.9%"));
  refused = PostAs("demo.spo1", url, {{"officer", ""}, {"reason", ""}});
  EXPECT_TRUE(Has(refused.body, "Select who takes the case"));
  const auto done = PostAs("demo.spo1", url,
                           {{"officer", "demo.po1"},
                            {"reason", "Capacity"},
                            {"over_capacity_reason", "Knows the family; no one else qualified"}});
  ASSERT_EQ(done.status, 303) << done.body;
  const auto team = GetAs("demo.spo1", "/workload/teams/NE-TYN-A");
  EXPECT_TRUE(Has(team.body, "Knows the family; no one else qualified"));
  EXPECT_TRUE(Has(team.body, "68.9% to 137.9%"));
}

PROBITY_ON_BOTH_BACKENDS(WorkloadPagesTest);

}  // namespace
}  // namespace probity

// The performance pages on both backends (web/pages/report_pages.h): who sees whose figures (a
// practitioner their own and a 403 for a team; an SPO their team; an analyst any unit), bad
// dates and units shown beside their field with a 400, the items behind a figure (a restricted
// case without its CRN to those who may not open it), the integrity report, and the figures on
// the dashboard recomputed from every row of the event log alone.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "page_client.h"
#include "reporting/case_log.h"
#include "reporting/kpi.h"
#include "store/event_log.h"

namespace probity {
namespace {

using nlohmann::json;

constexpr const char* kDale = "X400001";
constexpr const char* kWaiting = "X400002";     // sentenced, never allocated
constexpr const char* kRestricted = "X400003";  // the same, restricted to demo.spo1
constexpr const char* kPeriod = "from=2026-10-01&to=2026-11-30";

class ReportPagesTest : public testing::PageTest {
 protected:
  void SetUp() override {
    PageTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    AddAccount("demo.analyst", access::Role::kPerformanceAnalyst);
    if (HasFatalFailure()) return;
    Scenario();
    if (HasFatalFailure()) return;
    At("2026-11-23T09:00:00.000000Z");
  }

  static bool Has(const std::string& body, const std::string& text) {
    return body.find(text) != std::string::npos;
  }

  static std::string Person(const std::string& crn) { return "/api/v1/people/" + crn; }

  void Register(const std::string& crn, const std::string& last_name) {
    const auto r = As("demo.po1", "POST", "/api/v1/people",
                      {{"crn", crn},
                       {"first_name", "Sam"},
                       {"last_name", last_name},
                       {"date_of_birth", "1985-01-01"},
                       {"gender", "female"},
                       {"team_code", "NE-TYN-A"}});
    ASSERT_EQ(r.status, 201) << r.body;
  }

  int64_t AddOrder(const std::string& crn, const std::string& sentenced) {
    const auto r = As("demo.po1", "POST", Person(crn) + "/sentences",
                      {{"kind", "community_order"},
                       {"court", "Newcastle Magistrates' Court"},
                       {"offence", "Theft from a shop"},
                       {"offence_group", "theft_non_motor"},
                       {"sentence_date", sentenced},
                       {"length_months", 12}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.Json()["id"].get<int64_t>() : 0;
  }

  int64_t Book(const std::string& crn, int64_t sentence, const std::string& uk_time) {
    const auto r = As("demo.po1", "POST", Person(crn) + "/appointments",
                      {{"type", "supervision"},
                       {"starts_at", uk_time},
                       {"duration_minutes", 30},
                       {"office", "NE-WALL"},
                       {"sentence_id", sentence}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.Json()["id"].get<int64_t>() : 0;
  }

  std::string Appointment(int64_t id, const std::string& rest = "") {
    return Person(kDale) + "/appointments/" + std::to_string(id) + rest;
  }

  // Through the real use cases: Dale is sentenced, attends his first appointment in time, fails
  // twice (a warning decided on the first), the second amended to acceptable on his SPO's
  // instruction; another appointment is rearranged at his request; two more cases wait
  // unallocated, one of them restricted to the SPO.
  void Scenario() {
    clock_.Set(*ParseUtc("2026-10-01T09:00:00.000000Z"));
    AddDale(kDale);
    if (HasFatalFailure()) return;
    ASSERT_EQ(As("demo.spo1", "POST", Person(kDale) + "/allocation",
                 {{"officer_username", "demo.po1"}, {"reason", "capacity"}})
                  .status,
              201);
    const int64_t order = AddOrder(kDale, "2026-10-01");
    ASSERT_NE(order, 0);
    const int64_t first = Book(kDale, order, "2026-10-05T10:00");
    ASSERT_NE(first, 0);
    clock_.Set(*ParseUtc("2026-10-05T12:00:00.000000Z"));
    const auto attended = As("demo.po1", "POST", Appointment(first, "/outcome"),
                             {{"version", 1}, {"outcome", "attended_complied"}});
    ASSERT_EQ(attended.status, 200) << attended.body;

    const int64_t missed = RecordFailure(kDale, order, "2026-10-12T10:00");
    ASSERT_NE(missed, 0);
    const auto warned =
        As("demo.po1", "POST", Person(kDale) + "/enforcement/decisions",
           {{"sentence_id", order}, {"appointment_id", missed}, {"kind", "warning_issued"}});
    ASSERT_EQ(warned.status, 201) << warned.body;
    const int64_t excused = RecordFailure(kDale, order, "2026-10-19T10:00");
    ASSERT_NE(excused, 0);
    clock_.Set(*ParseUtc("2026-10-21T09:00:00.000000Z"));
    const auto amended = As("demo.po1", "POST", Appointment(excused, "/outcome/amendments"),
                            {{"version", 2},
                             {"outcome", "failed_to_attend"},
                             {"judgement", "acceptable"},
                             {"judgement_reason", "illness"},
                             {"note", "GP letter dated 19 October"},
                             {"reason", "Medical evidence received after the appointment"},
                             {"instructed_by", "demo.spo1"}});
    ASSERT_EQ(amended.status, 200) << amended.body;

    clock_.Set(*ParseUtc("2026-10-26T09:00:00.000000Z"));
    const int64_t moved = Book(kDale, order, "2026-11-02T10:00");
    ASSERT_NE(moved, 0);
    const auto rearranged = As("demo.po1", "POST", Appointment(moved, "/rearrange"),
                               {{"version", 1},
                                {"requested_by", "person"},
                                {"reason", "Job interview"},
                                {"starts_at", "2026-11-03T14:00"}});
    ASSERT_EQ(rearranged.status, 201) << rearranged.body;

    clock_.Set(*ParseUtc("2026-11-02T09:00:00.000000Z"));
    Register(kWaiting, "Waiting");
    Register(kRestricted, "Restricted");
    if (HasFatalFailure()) return;
    ASSERT_NE(AddOrder(kWaiting, "2026-11-02"), 0);
    ASSERT_NE(AddOrder(kRestricted, "2026-11-02"), 0);
    ASSERT_EQ(As("demo.spo1", "POST", Person(kRestricted) + "/restrictions",
                 {{"username", "demo.spo1"}, {"reason", "high-profile case"}})
                  .status,
              201);
  }

  // Each figure the page shows: code -> (numerator, denominator), from its data attributes.
  static std::map<std::string, std::pair<int64_t, int64_t>> Figures(const std::string& html) {
    std::map<std::string, std::pair<int64_t, int64_t>> out;
    const std::regex card(
        R"re(data-kpi="([a-z_]+)" data-numerator="(\d+)" data-denominator="(\d+)")re");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), card);
         it != std::sregex_iterator(); ++it)
      out[(*it)[1].str()] = {std::stoll((*it)[2].str()), std::stoll((*it)[3].str())};
    return out;
  }

  // The value of the option the unit chooser has selected.
  static std::string SelectedUnit(const std::string& html) {
    std::smatch m;
    const std::regex selected(R"re(<option value="([^"]+)" selected>)re");
    return std::regex_search(html, m, selected) ? m[1].str() : "";
  }

  int64_t StaffIdOf(const std::string& username) {
    return As(username, "GET", "/api/v1/me").Json().value("staff_id", int64_t{0});
  }
};

TEST_P(ReportPagesTest, APractitionerSeesTheirOwnFiguresAndIsRefusedATeam) {
  const auto page = GetAs("demo.po1", std::string("/reports?") + kPeriod);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(Has(page.body, "href=\"/reports\">Performance</a>")) << "in the navigation";
  EXPECT_TRUE(Has(page.body, "id=\"report-scope\">Priya Okafor</span>"));
  EXPECT_TRUE(SelectedUnit(page.body).starts_with("staff:")) << "their own scope by default";
  EXPECT_FALSE(Has(page.body, "value=\"team:")) << "no team to choose";
  EXPECT_FALSE(Has(page.body, "value=\"all\""));
  for (const auto code : reporting::KpiCodes())
    EXPECT_TRUE(Has(page.body, "data-kpi=\"" + std::string(code) + "\"")) << code;
  EXPECT_TRUE(Has(page.body, "role=\"img\" aria-labelledby=\"chart-rearrangements-title "));
  EXPECT_TRUE(Has(page.body, "id=\"kpi-rearrangements-table\"")) << "a table beside each chart";
  EXPECT_TRUE(Has(
      page.body, "href=\"/api/v1/reports/kpi.csv?from=2026-10-01&amp;to=2026-11-30&amp;staff_id="));
  EXPECT_TRUE(Has(page.body, "id=\"report-source\""));
  EXPECT_FALSE(Has(page.body, "id=\"samples-link\"")) << "practitioners draw no samples";

  EXPECT_EQ(GetAs("demo.po1", std::string("/reports?") + kPeriod + "&team=NE-TYN-A").status, 403);
  EXPECT_EQ(GetAs("demo.po1", "/reports?unit=team:NE-TYN-A").status, 403);
  EXPECT_EQ(GetAs("demo.po1", "/reports?unit=all").status, 403);
  EXPECT_EQ(GetAs("demo.po1", "/reports/integrity?team=NE-TYN-A").status, 403);
  const std::string other = std::to_string(StaffIdOf("demo.po2"));
  EXPECT_EQ(GetAs("demo.po1", "/reports?staff_id=" + other).status, 403);
}

TEST_P(ReportPagesTest, AnSpoSeesTheirTeamAndAnAnalystAnyUnit) {
  const auto spo = GetAs("demo.spo1", std::string("/reports?") + kPeriod);
  ASSERT_EQ(spo.status, 200) << spo.body;
  EXPECT_EQ(SelectedUnit(spo.body), "team:NE-TYN-A") << "an SPO's team by default";
  EXPECT_TRUE(Has(spo.body, "<optgroup label=\"Teams\"><option value=\"team:NE-TYN-A\" selected>"));
  EXPECT_FALSE(Has(spo.body, "value=\"team:NE-DUR-A\""));
  EXPECT_EQ(GetAs("demo.spo1", "/reports?team=NE-DUR-A").status, 403);

  const auto analyst = GetAs("demo.analyst", std::string("/reports?") + kPeriod);
  ASSERT_EQ(analyst.status, 200) << analyst.body;
  EXPECT_EQ(SelectedUnit(analyst.body), "all");
  EXPECT_TRUE(Has(analyst.body, "href=\"/reports/samples\" id=\"samples-link\""));
  EXPECT_TRUE(Has(analyst.body, "value=\"region:LDN\""));
  EXPECT_TRUE(Has(analyst.body, "value=\"pdu:NE-DUR\""));
  EXPECT_TRUE(Has(analyst.body, "value=\"team:LDN-CAM-B\""));
  for (const char* unit : {"unit=region:LDN", "unit=pdu:NE-TYN", "team=NE-DUR-A", "region=NE"}) {
    const auto r = GetAs("demo.analyst", std::string("/reports?") + kPeriod + "&" + unit);
    EXPECT_EQ(r.status, 200) << unit;
  }
  // Another officer's figures, by a link: the chooser shows them by name.
  const std::string po1 = std::to_string(StaffIdOf("demo.po1"));
  const auto officer =
      GetAs("demo.analyst", std::string("/reports?") + kPeriod + "&staff_id=" + po1);
  ASSERT_EQ(officer.status, 200);
  EXPECT_TRUE(
      Has(officer.body, "<option value=\"staff:" + po1 + "\" selected>Priya Okafor</option>"));
  EXPECT_EQ(Figures(officer.body)["rearrangements"], (std::pair<int64_t, int64_t>{1, 5}))
      << "five booked, the replacement among them; one moved";

  const auto team = GetAs("demo.spo1", std::string("/reports?") + kPeriod + "&team=NE-TYN-A");
  EXPECT_EQ(Figures(team.body)["absences_amended_to_acceptable"],
            (std::pair<int64_t, int64_t>{1, 2}));
  EXPECT_EQ(Figures(team.body)["unallocated_cases"], (std::pair<int64_t, int64_t>{2, 3}));
}

TEST_P(ReportPagesTest, BadDatesAndUnitsAreShownBesideTheirField) {
  auto r = GetAs("demo.spo1", "/reports?from=2026-13-01&to=2026-11-30");
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(Has(r.body, "govuk-error-summary"));
  EXPECT_TRUE(Has(r.body, "href=\"#from\">Enter the first day as YYYY-MM-DD"));
  EXPECT_TRUE(Has(r.body, "id=\"from-error\""));
  EXPECT_TRUE(Has(r.body, "value=\"2026-13-01\"")) << "what was typed, to correct";
  EXPECT_FALSE(Has(r.body, "data-kpi=")) << "no figures for a period that does not read";

  r = GetAs("demo.spo1", "/reports?from=2026-11-30&to=2026-10-01");
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(Has(r.body, "id=\"to-error\"") || Has(r.body, "id=\"from-error\"")) << r.body;

  r = GetAs("demo.analyst", std::string("/reports?") + kPeriod + "&team=NOPE");
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(Has(r.body, "id=\"unit-error\""));
  r = GetAs("demo.analyst", "/reports?unit=everything");
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(Has(r.body, "Select a unit from the list"));
  EXPECT_EQ(GetAs("demo.analyst", "/reports/integrity?from=yesterday").status, 400);
  EXPECT_EQ(GetAs("demo.analyst", "/reports/kpi/rearrangements?to=soon").status, 400);
}

TEST_P(ReportPagesTest, TheDrillDownListsTheItemsAndWithholdsRestrictedCases) {
  const std::string query = std::string("?") + kPeriod + "&team=NE-TYN-A";
  auto page = GetAs("demo.spo1", "/reports/kpi/rearrangements" + query);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(Has(page.body, "<h1 class=\"govuk-heading-l\">Appointments rearranged</h1>"));
  EXPECT_TRUE(Has(page.body, "id=\"kpi-items\""));
  EXPECT_TRUE(Has(page.body, std::string("href=\"/people/") + kDale + "\">" + kDale + "</a>"));
  EXPECT_TRUE(Has(page.body, "<td class=\"govuk-table__cell\">Yes</td>"));

  page = GetAs("demo.spo1", "/reports/kpi/unallocated_cases" + query);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page.body, std::string(">") + kRestricted + "</a>")) << "the SPO may open it";
  page = GetAs("demo.analyst", "/reports/kpi/unallocated_cases" + query);
  ASSERT_EQ(page.status, 200);
  EXPECT_FALSE(Has(page.body, kRestricted)) << "withheld from the analyst";
  EXPECT_TRUE(Has(page.body, "Restricted case"));
  EXPECT_TRUE(Has(page.body, std::string(">") + kWaiting + "</a>"));

  EXPECT_EQ(GetAs("demo.spo1", "/reports/kpi/no_such_figure" + query).status, 404);
  EXPECT_EQ(GetAs("demo.po1", "/reports/kpi/rearrangements" + query).status, 403);
}

TEST_P(ReportPagesTest, TheIntegrityReportListsTheAmendmentWithWhoAndOnWhoseInstruction) {
  const auto page =
      GetAs("demo.spo1", std::string("/reports/integrity?") + kPeriod + "&team=NE-TYN-A");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(Has(page.body, "data-section=\"unacceptable_to_acceptable\" data-count=\"1\""));
  EXPECT_TRUE(Has(page.body, "id=\"integrity-unacceptable_to_acceptable\""));
  EXPECT_TRUE(Has(page.body, "Medical evidence received after the appointment"));
  EXPECT_TRUE(Has(page.body, "<td class=\"govuk-table__cell\">Sandra Price</td>"));
  EXPECT_TRUE(Has(page.body,
                  "href=\"/api/v1/reports/"
                  "integrity.csv?from=2026-10-01&amp;to=2026-11-30&amp;team=NE-TYN-A\""));
  EXPECT_TRUE(Has(page.body, "id=\"report-source\""));
}

// Every figure on the page, recomputed from the event log alone: every row, no filter, grouped
// by subject, each registered person's rows folded, the organisation from all of them.
TEST_P(ReportPagesTest, EveryFigureOnThePageIsRecomputedFromTheLogAlone) {
  Session("demo.analyst");  // signing in is an event: before the page reads the log
  const auto page = GetAs("demo.analyst", std::string("/reports?") + kPeriod);
  ASSERT_EQ(page.status, 200) << page.body;
  const auto shown = Figures(page.body);

  std::map<std::string, std::vector<store::EventRow>> by_subject;
  reporting::OrgLog org;
  int64_t rows = 0, last_seq = 0;
  {
    auto tx = db_->BeginRead();
    store::StreamEvents(tx, [&](const store::EventRow& row) {
      ++rows;
      last_seq = row.seq;
      org.Apply(row);
      by_subject[row.subject].push_back(row);
      return true;
    });
  }
  std::vector<reporting::CaseLog> cases;
  for (const auto& [subject, events] : by_subject)
    if (std::any_of(events.begin(), events.end(),
                    [](const store::EventRow& e) { return e.kind == "person.registered"; }))
      cases.push_back(reporting::FoldCase(subject, events));
  ASSERT_EQ(cases.size(), 3u);
  EXPECT_TRUE(Has(page.body, "data-through-seq=\"" + std::to_string(last_seq) + "\""))
      << "the page read the log as it stands";

  const reporting::Period period{*ParseDate("2026-10-01"), *ParseDate("2026-11-30")};
  const auto kpis = reporting::ComputeKpis(cases, period, reporting::Scope{}, org, clock_.Now());
  ASSERT_EQ(kpis.size(), reporting::KpiCodes().size());
  for (const auto& k : kpis) {
    SCOPED_TRACE(k.code);
    ASSERT_TRUE(shown.count(k.code));
    EXPECT_EQ(shown.at(k.code).first, k.numerator);
    EXPECT_EQ(shown.at(k.code).second, k.denominator);
  }
  // The scenario is not vacuous: each kind of thing it did is counted.
  EXPECT_EQ(shown.at("first_appointment_in_time"), (std::pair<int64_t, int64_t>{1, 3}))
      << "Dale in time; the two waiting cases never seen";
  EXPECT_EQ(shown.at("absences_amended_to_acceptable"), (std::pair<int64_t, int64_t>{1, 2}));
  EXPECT_GE(shown.at("rearrangements").first, 1);
  EXPECT_GE(shown.at("enforcement_decision_in_time").second, 1);
  EXPECT_EQ(shown.at("unallocated_cases").first, 2);
  EXPECT_GT(rows, 0);
}

PROBITY_ON_BOTH_BACKENDS(ReportPagesTest);

}  // namespace
}  // namespace probity

// Honest reporting over HTTP and the CLI on both backends: a record gamed the way practitioners
// describe (a first appointment booked in time then moved past its due day, an unacceptable
// absence made acceptable on a manager's instruction), each attempt in the figures and the
// integrity report; the API, the CLI and a fold of the whole log agree; who may see what; and
// bad input refused.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app_server.h"
#include "program_runner.h"
#include "reporting/integrity.h"
#include "reporting/kpi.h"
#include "store/event_log.h"

namespace probity {
namespace {

using nlohmann::json;

constexpr const char* kCrn = "X400001";
const std::string kPerson = std::string("/api/v1/people/") + kCrn;
const std::string kAutumn = "from=2026-10-01&to=2026-11-30";

class ReportsTest : public testing::AppServerTest {
 protected:
  void SetUp() override {
    AppServerTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    AddAccount("analyst", access::Role::kPerformanceAnalyst);
    clock_.Set(*ParseUtc("2026-10-01T08:00:00.000000Z"));
    AddDale(kCrn);
    if (HasFatalFailure()) return;
    // Sentenced Thursday 1 October 2026: the first appointment is due by Thursday 8 October.
    const auto sentence = As("demo.po1", "POST", kPerson + "/sentences",
                             {{"kind", "community_order"},
                              {"court", "Newcastle Magistrates' Court"},
                              {"offence", "Theft from a shop"},
                              {"offence_group", "theft_non_motor"},
                              {"sentence_date", "2026-10-01"},
                              {"length_months", 12}});
    ASSERT_EQ(sentence.status, 201) << sentence.body;
    sentence_ = json::parse(sentence.body)["id"];
  }

  // The gamed record: booked for 2 October (in time), moved by the service to 12 October, and
  // attended then; an absence on 2 November judged unacceptable, amended to acceptable by the
  // practitioner on the SPO's instruction.
  void GameTheRecord() {
    const auto booked = As("demo.po1", "POST", kPerson + "/appointments",
                           {{"type", "supervision"},
                            {"starts_at", "2026-10-02T10:00"},
                            {"duration_minutes", 30},
                            {"office", "NE-WALL"},
                            {"sentence_id", sentence_}});
    ASSERT_EQ(booked.status, 201) << booked.body;
    const int64_t first = json::parse(booked.body)["id"];
    const auto moved =
        As("demo.po1", "POST", kPerson + "/appointments/" + std::to_string(first) + "/rearrange",
           {{"version", 1},
            {"requested_by", "service"},
            {"reason", "Officer on a training course"},
            {"starts_at", "2026-10-12T10:00"}});
    ASSERT_EQ(moved.status, 201) << moved.body;
    const int64_t replacement = json::parse(moved.body)["replacement"]["id"];
    clock_.Set(*ParseUtc("2026-10-12T10:30:00.000000Z"));
    const auto attended = As("demo.po1", "POST",
                             kPerson + "/appointments/" + std::to_string(replacement) + "/outcome",
                             {{"version", 1}, {"outcome", "attended_complied"}});
    ASSERT_EQ(attended.status, 200) << attended.body;

    const int64_t absence = RecordFailure(kCrn, sentence_, "2026-11-02T10:00");
    ASSERT_NE(absence, 0);
    const auto amended =
        As("demo.po1", "POST",
           kPerson + "/appointments/" + std::to_string(absence) + "/outcome/amendments",
           {{"version", 2},
            {"outcome", "failed_to_attend"},
            {"judgement", "acceptable"},
            {"judgement_reason", "illness"},
            {"note", "Said he was ill"},
            {"reason", "Manager says we are over the breach target"},
            {"instructed_by", "demo.spo1"}});
    ASSERT_EQ(amended.status, 200) << amended.body;
    clock_.Set(*ParseUtc("2026-12-01T09:00:00.000000Z"));
  }

  json Kpis(const std::string& who, const std::string& query, int status = 200) {
    const auto r = As(who, "GET", "/api/v1/reports/kpi?" + query);
    EXPECT_EQ(r.status, status) << r.body;
    return json::parse(r.body, nullptr, false);
  }

  static const json& Kpi(const json& report, const std::string& code) {
    for (const auto& k : report["kpis"])
      if (k["code"] == code) return k;
    static const json none;
    ADD_FAILURE() << "no " << code;
    return none;
  }

  int64_t sentence_ = 0;
};

TEST_P(ReportsTest, EachGamingOfTheRecordShowsInTheFigures) {
  GameTheRecord();
  if (HasFatalFailure()) return;
  const auto report = Kpis("analyst", kAutumn + "&team=NE-TYN-A");
  const auto& first = Kpi(report, "first_appointment_in_time");
  EXPECT_EQ(first["numerator"], 0);
  EXPECT_EQ(first["denominator"], 1);
  const auto& amended = Kpi(report, "absences_amended_to_acceptable");
  EXPECT_EQ(amended["numerator"], 1);
  EXPECT_EQ(amended["denominator"], 1);
  EXPECT_EQ(amended["rate"], "100.0%");
  ASSERT_EQ(amended["breakdown"].size(), 1u);
  EXPECT_EQ(amended["breakdown"][0]["label"], "Priya Okafor (on the instruction of Sandra Price)");
  const auto& moved = Kpi(report, "rearrangements");
  EXPECT_EQ(moved["numerator"], 1);
  EXPECT_EQ(report["scope"]["name"], "Team NE-TYN-A (North Tyneside Team A)");
  EXPECT_GT(report["source"]["through_seq"].get<int64_t>(), 0);

  const auto integrity = As("analyst", "GET", "/api/v1/reports/integrity?" + kAutumn);
  ASSERT_EQ(integrity.status, 200) << integrity.body;
  const auto sections = json::parse(integrity.body)["sections"];
  std::map<std::string, json> by_code;
  for (const auto& s : sections) by_code[s["code"]] = s;
  ASSERT_EQ(by_code["unacceptable_to_acceptable"]["count"], 1);
  const auto& change = by_code["unacceptable_to_acceptable"]["entries"][0];
  EXPECT_EQ(change["crn"], kCrn);
  EXPECT_EQ(change["who"], "Priya Okafor");
  EXPECT_EQ(change["instructed_by"], "Sandra Price");
  EXPECT_EQ(change["reason"], "Manager says we are over the breach target");
  ASSERT_EQ(by_code["first_appointment_moved_past_due"]["count"], 1);
  EXPECT_EQ(by_code["first_appointment_moved_past_due"]["entries"][0]["reason"],
            "Officer on a training course");
}

TEST_P(ReportsTest, TheFiguresAreThoseOfAFoldOfTheWholeLog) {
  GameTheRecord();
  if (HasFatalFailure()) return;
  // Every row, unfiltered, grouped by subject: no index, no kind filter, no scope pruning.
  std::map<std::string, std::vector<store::EventRow>> by_subject;
  reporting::OrgLog org;
  {
    auto tx = db_->BeginRead();
    store::StreamEvents(tx, [&](const store::EventRow& e) {
      by_subject[e.subject].push_back(e);
      org.Apply(e);
      return true;
    });
  }
  std::vector<reporting::CaseLog> cases;
  for (const auto& [subject, rows] : by_subject) {
    const bool is_case = std::any_of(rows.begin(), rows.end(), [](const store::EventRow& e) {
      return e.kind == "person.registered";
    });
    if (is_case) cases.push_back(reporting::FoldCase(subject, rows));
  }
  const reporting::Period autumn{*ParseDate("2026-10-01"), *ParseDate("2026-11-30")};
  for (const auto& [query, scope] : std::vector<std::pair<std::string, reporting::Scope>>{
           {kAutumn, {}},
           {kAutumn + "&team=NE-TYN-A", {reporting::Scope::Level::kTeam, "NE-TYN-A", 0}},
           {kAutumn + "&region=NE", {reporting::Scope::Level::kRegion, "NE", 0}}}) {
    SCOPED_TRACE(query);
    const auto expected = reporting::ComputeKpis(cases, autumn, scope, org, clock_.Now());
    const auto report = Kpis("analyst", query);
    ASSERT_EQ(report["kpis"].size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
      EXPECT_EQ(report["kpis"][i]["code"], expected[i].code);
      EXPECT_EQ(report["kpis"][i]["numerator"], expected[i].numerator) << expected[i].code;
      EXPECT_EQ(report["kpis"][i]["denominator"], expected[i].denominator) << expected[i].code;
    }
  }
}

TEST_P(ReportsTest, TheCliPrintsTheSameFiguresAsTheApi) {
  GameTheRecord();
  if (HasFatalFailure()) return;
  const auto api = Kpis("analyst", kAutumn + "&team=NE-TYN-A");
  const auto run = testing::Shell(testing::ProgramPath() + " report kpi --db '" + url() +
                                  "' --from 2026-10-01 --to 2026-11-30 --team NE-TYN-A");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const auto cli = json::parse(run.output);
  ASSERT_EQ(cli["kpis"].size(), api["kpis"].size());
  for (size_t i = 0; i < cli["kpis"].size(); ++i) {
    EXPECT_EQ(cli["kpis"][i]["numerator"], api["kpis"][i]["numerator"]);
    EXPECT_EQ(cli["kpis"][i]["denominator"], api["kpis"][i]["denominator"]);
  }
  const auto csv = testing::Shell(testing::ProgramPath() + " report integrity --db '" + url() +
                                  "' --from 2026-10-01 --to 2026-11-30 --format csv");
  ASSERT_EQ(csv.exit_code, 0) << csv.output;
  EXPECT_EQ(csv.output.rfind("\"section\",\"crn\",\"at\"", 0), 0u) << csv.output;
  EXPECT_NE(csv.output.find("\"unacceptable_to_acceptable\",\"X400001\""), std::string::npos);
  EXPECT_NE(csv.output.find("\"Manager says we are over the breach target\""), std::string::npos);

  const auto bad = testing::Shell(testing::ProgramPath() + " report kpi --db '" + url() +
                                  "' --from 2026-11-30 --to 2026-10-01");
  EXPECT_EQ(bad.exit_code, 2) << bad.output;
  EXPECT_NE(bad.output.find("before its start"), std::string::npos) << bad.output;
}

TEST_P(ReportsTest, PractitionersSeeTheirOwnFiguresAndSposTheirTeams) {
  Kpis("demo.po1", kAutumn + "&team=NE-TYN-A", 403);
  Kpis("demo.po1", kAutumn, 403);
  const auto staff = json::parse(As("demo.po1", "GET", "/api/v1/me").body);
  Kpis("demo.po1", kAutumn + "&staff_id=" + std::to_string(staff["staff_id"].get<int64_t>()));
  Kpis("demo.spo1", kAutumn + "&team=NE-TYN-A");
  Kpis("demo.spo1", kAutumn + "&team=NE-DUR-A", 403);
  Kpis("demo.manager1", kAutumn + "&region=NE");
  EXPECT_EQ(As("demo.po1", "GET", "/api/v1/reports/integrity?" + kAutumn).status, 403);
}

TEST_P(ReportsTest, BadQueriesAreRefusedWithTheParameterAtFault) {
  const auto field = [&](const std::string& query) {
    const auto body = Kpis("analyst", query, 400);
    EXPECT_FALSE(body["error"]["message"].get<std::string>().empty());
    return body["error"]["field"].get<std::string>();
  };
  EXPECT_EQ(field("to=2026-11-30"), "from");
  EXPECT_EQ(field("from=2026-02-30&to=2026-11-30"), "from");
  EXPECT_EQ(field("from=2026-11-30&to=2026-10-01"), "to");
  EXPECT_EQ(field("from=2020-01-01&to=2026-01-01"), "to");
  EXPECT_EQ(field(kAutumn + "&team=NOPE"), "team");
  EXPECT_EQ(field(kAutumn + "&team=NE-TYN-A&pdu=NE-TYN"), "team");
  EXPECT_EQ(field(kAutumn + "&staff_id=abc"), "staff_id");
  EXPECT_EQ(As("analyst", "GET", "/api/v1/reports/kpi/no_such_figure?" + kAutumn).status, 404);
}

TEST_P(ReportsTest, ARestrictedCaseIsCountedButNotNamedToThoseWhoMayNotOpenIt) {
  GameTheRecord();
  if (HasFatalFailure()) return;
  ASSERT_EQ(As("demo.spo1", "POST", kPerson + "/restrictions",
               {{"username", "demo.spo1"}, {"reason", "high-profile case"}})
                .status,
            201);
  const auto r =
      As("analyst", "GET",
         "/api/v1/reports/kpi/absences_amended_to_acceptable?" + kAutumn + "&team=NE-TYN-A");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto kpi = json::parse(r.body)["kpi"];
  EXPECT_EQ(kpi["numerator"], 1);
  ASSERT_EQ(kpi["items"].size(), 1u);
  EXPECT_EQ(kpi["items"][0]["crn"], "");
  const auto spo = json::parse(
      As("demo.spo1", "GET",
         "/api/v1/reports/kpi/absences_amended_to_acceptable?" + kAutumn + "&team=NE-TYN-A")
          .body)["kpi"];
  EXPECT_EQ(spo["items"][0]["crn"], kCrn);
}

TEST_P(ReportsTest, CsvIsRfc4180WithOneRowAFigure) {
  GameTheRecord();
  if (HasFatalFailure()) return;
  const auto r = As("analyst", "GET", "/api/v1/reports/kpi.csv?" + kAutumn);
  ASSERT_EQ(r.status, 200) << r.body;
  size_t lines = 0;
  for (size_t at = 0; (at = r.body.find("\r\n", at)) != std::string::npos; at += 2) ++lines;
  EXPECT_EQ(lines, 1 + reporting::KpiCodes().size());
  EXPECT_NE(r.body.find("\"absences_amended_to_acceptable\",\"Unacceptable absences later made "
                        "acceptable\",\"1\",\"1\",\"100.0\""),
            std::string::npos)
      << r.body;
  const auto items = As("analyst", "GET",
                        "/api/v1/reports/kpi.csv?" + kAutumn + "&items=true&code=rearrangements");
  ASSERT_EQ(items.status, 200);
  EXPECT_NE(items.body.find("\"rearrangements\",\"X400001\""), std::string::npos) << items.body;
}

PROBITY_ON_BOTH_BACKENDS(ReportsTest);

}  // namespace
}  // namespace probity

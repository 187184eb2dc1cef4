// The event-log reads behind reports, on both backends: which cases a team or an officer ever
// held, each case's events of the kinds reports fold up to a seq, and the indexes of migration 0020
// matching the queries (a partial index whose kinds drift from reporting::CaseKinds() would
// leave a region's year reading a random page per event again).
#include "store/report_reads.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "db_fixture.h"
#include "reporting/case_log.h"
#include "store/migrate.h"

namespace probity {
namespace {

using nlohmann::json;
using Subjects = std::vector<std::string>;

const store::Actor kTester{"staff:1", std::nullopt};
const UtcTime kNow = ParseUtc("2026-11-23T10:00:00.000000Z").value();

class ReportReadsTest : public testing::DbTest {
 protected:
  void SetUp() override {
    DbTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    db_ = OpenMigrated();
  }

  int64_t Append(const std::string& subject, const std::string& kind, const json& payload) {
    auto tx = db_->BeginWrite();
    const auto row = store::AppendEvent(tx, kTester, {subject, kind, payload}, kNow);
    tx.Commit();
    return row.seq;
  }

  Subjects Teams(const Subjects& teams, int64_t through = 1'000'000) {
    auto tx = db_->BeginRead();
    return store::SubjectsAllocatedToTeams(tx, teams, through);
  }
  Subjects Officer(int64_t staff_id, int64_t through = 1'000'000) {
    auto tx = db_->BeginRead();
    return store::SubjectsAllocatedToOfficer(tx, staff_id, through);
  }

  std::unique_ptr<store::Db> db_;
};

TEST_P(ReportReadsTest, ATeamOrOfficerFindsEveryCaseItEverHeldUpToTheSeq) {
  Append("X1", "person.registered", {{"crn", "X1"}, {"team_code", "T-A"}});
  Append("X2", "person.registered", {{"crn", "X2"}, {"team_code", "T-B"}});
  Append("X3", "person.registered", {{"crn", "X3"}, {"team_code", "T-A"}});
  // Moves from T-A to T-B with officer 7: T-A held it once and still finds it.
  Append("X1", "case.allocated", {{"id", 1}, {"team_code", "T-B"}, {"officer_staff_id", 7}});
  const auto before_last =
      Append("X3", "case.allocated", {{"id", 2}, {"team_code", "T-A"}, {"officer_staff_id", 8}});
  // Other kinds naming a team or officer are not holdings.
  Append("X4", "contact.recorded", {{"team_code", "T-A"}, {"officer_staff_id", 7}});
  Append("X2", "case.allocated", {{"id", 3}, {"team_code", "T-B"}, {"officer_staff_id", 7}});

  EXPECT_EQ(Teams({"T-A"}), (Subjects{"X1", "X3"}));
  EXPECT_EQ(Teams({"T-B"}), (Subjects{"X1", "X2"}));
  EXPECT_EQ(Teams({"T-B", "T-A"}), (Subjects{"X1", "X2", "X3"}));
  EXPECT_EQ(Teams({"T-C"}), Subjects{});
  EXPECT_EQ(Teams({}), Subjects{});
  EXPECT_EQ(Officer(7), (Subjects{"X1", "X2"}));
  EXPECT_EQ(Officer(8), (Subjects{"X3"}));
  EXPECT_EQ(Officer(9), Subjects{});
  // As the log stood before X2's allocation, officer 7 held only X1.
  EXPECT_EQ(Officer(7, before_last), (Subjects{"X1"}));
  EXPECT_EQ(Teams({"T-B"}, 2), (Subjects{"X2"}));
}

TEST_P(ReportReadsTest, ReadsOnlyTheKindsReportsFoldOfTheSubjectsAskedUpToTheSeq) {
  Append("X1", "person.registered", {{"crn", "X1"}, {"team_code", "T-A"}});
  Append("X2", "person.registered", {{"crn", "X2"}, {"team_code", "T-A"}});
  Append("X1", "contact.recorded", {{"note", "not a report kind"}});
  const auto through = Append("X1", "appointment.booked", {{"id", 1}});
  Append("X1", "appointment.booked", {{"id", 2}});
  Append("X3", "appointment.booked", {{"id", 3}});

  auto tx = db_->BeginRead();
  const Subjects subjects{"X1", "X2"};
  const auto rows = store::EventsOfSubjects(tx, subjects, reporting::CaseKinds(), through);
  std::vector<std::pair<std::string, std::string>> got;
  for (const auto& r : rows) got.emplace_back(r.subject, r.kind);
  EXPECT_EQ(got, (std::vector<std::pair<std::string, std::string>>{{"X1", "person.registered"},
                                                                   {"X1", "appointment.booked"},
                                                                   {"X2", "person.registered"}}));
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows[0].actor, "staff:1");
  EXPECT_EQ(json::parse(rows[0].payload).at("team_code"), "T-A");
}

TEST_P(ReportReadsTest, ACaseReadIsTheCoveringIndexAloneOnSqlite) {
  if (backend() != store::Backend::kSqlite) GTEST_SKIP() << "SQLite's planner only";
  auto tx = db_->BeginRead();
  std::string plan;
  soci::rowset<soci::row> rows =
      tx.sql().prepare << "EXPLAIN QUERY PLAN "
                       << store::EventsOfSubjectsSql(backend(), 400, reporting::CaseKinds());
  for (const auto& r : rows) plan += r.get<std::string>(3) + "\n";
  EXPECT_NE(plan.find("USING COVERING INDEX event_log_case_report"), std::string::npos) << plan;
}

TEST_P(ReportReadsTest, AnyOtherListOfKindsIsRefusedOnSqliteRatherThanReadSlowly) {
  if (backend() != store::Backend::kSqlite) GTEST_SKIP() << "SQLite's planner only";
  auto tx = db_->BeginRead();
  const std::vector<std::string_view> kinds{"appointment.booked"};
  const Subjects subjects{"X1"};
  EXPECT_THROW(store::EventsOfSubjects(tx, subjects, kinds, 10), soci::soci_error);
}

// The kinds inside `WHERE kind IN (...)` after the index's name in a migration script.
std::set<std::string> IndexKinds(const std::string& script, const std::string& index) {
  const auto at = script.find("CREATE INDEX " + index);
  if (at == std::string::npos) return {};
  const auto open = script.find("kind IN (", at);
  const auto close = script.find(')', open);
  const std::string list = script.substr(open, close - open);
  std::set<std::string> kinds;
  const std::regex quoted("'([a-z_.]+)'");
  for (std::sregex_iterator it(list.begin(), list.end(), quoted), end; it != end; ++it)
    kinds.insert((*it)[1]);
  return kinds;
}

TEST(ReportIndexes, TheCaseReportIndexHoldsExactlyTheKindsReportsFold) {
  const auto& migrations = store::BuiltInMigrations();
  const auto it = std::find_if(migrations.begin(), migrations.end(), [](const store::Migration& m) {
    return m.name == "report_indexes";
  });
  ASSERT_NE(it, migrations.end());
  std::set<std::string> folded;
  for (const auto kind : reporting::CaseKinds()) folded.insert(std::string(kind));
  EXPECT_EQ(IndexKinds(it->sqlite_sql, "event_log_case_report"), folded);
  EXPECT_EQ(IndexKinds(it->postgres_sql, "event_log_case_report"), folded);
}

PROBITY_ON_BOTH_BACKENDS(ReportReadsTest);

}  // namespace
}  // namespace probity

// The demo caseload on both backends: a small seed gives people in every part the demo needs
// (demo.po1's caseload, unallocated cases in NE-TYN-A, a restricted case, a case excluding
// demo.po2), contacts only in the past, a chain that verifies, and a second run changes nothing.
#include "app/seed_demo_caseload.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <string>
#include <vector>

#include "app/seed_demo.h"
#include "db_fixture.h"
#include "store/event_log.h"

namespace probity {
namespace {

const std::string kPassword = "correct horse battery staple";
const UtcTime kNow = ParseUtc("2026-11-23T09:00:00.000000Z").value();
constexpr int kPeople = 60;

class SeedDemoCaseloadTest : public testing::DbTest {
 protected:
  void SetUp() override {
    DbTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    db_ = OpenMigrated(2);
    ASSERT_TRUE(app::SeedDemo(*db_, kPassword, kNow));
  }

  long long Count(const std::string& sql) {
    auto tx = db_->BeginRead();
    long long n = 0;
    tx.sql() << sql, soci::into(n);
    return n;
  }
  std::vector<std::string> Usernames(const std::string& list_table) {
    auto tx = db_->BeginRead();
    std::vector<std::string> names(16);
    tx.sql() << "SELECT a.username FROM " + list_table +
                    " l JOIN account a ON a.staff_id = l.staff_id ORDER BY a.username",
        soci::into(names);
    return names;
  }
  int64_t Head() {
    auto tx = db_->BeginRead();
    return store::ReadChainHead(tx).seq;
  }

  std::unique_ptr<store::Db> db_;
};

TEST_P(SeedDemoCaseloadTest, BuildsACaseloadThroughTheUseCasesOnce) {
  const int64_t before = Head();
  ASSERT_TRUE(app::SeedDemoCaseload(*db_, 0, 42, kNow));  // no people: nothing at all
  EXPECT_EQ(Head(), before);

  const auto seeded = app::SeedDemoCaseload(*db_, kPeople, 42, kNow);
  ASSERT_TRUE(seeded) << seeded.error().message;

  EXPECT_EQ(Count("SELECT COUNT(*) FROM person"), kPeople);
  EXPECT_GT(Count("SELECT COUNT(*) FROM person p JOIN account a ON a.staff_id = "
                  "p.officer_staff_id WHERE a.username = 'demo.po1'"),
            0);
  EXPECT_GT(Count("SELECT COUNT(*) FROM person p JOIN team t ON t.id = p.team_id "
                  "WHERE t.code = 'NE-TYN-A' AND p.officer_staff_id IS NULL"),
            0);
  EXPECT_GT(Count("SELECT COUNT(*) FROM account"), 6);  // staff beyond the demo accounts
  EXPECT_EQ(Count("SELECT COUNT(DISTINCT person_id) FROM case_restriction"), 1);
  EXPECT_EQ(Usernames("case_restriction"),
            (std::vector<std::string>{"demo.manager1", "demo.spo1"}));
  EXPECT_EQ(Usernames("case_exclusion"), std::vector<std::string>{"demo.po2"});
  EXPECT_GT(Count("SELECT COUNT(*) FROM sentence"), kPeople - 1);
  EXPECT_GE(Count("SELECT COUNT(*) FROM contact WHERE system = 0"), 8 * kPeople);
  EXPECT_EQ(
      Count("SELECT COUNT(*) FROM contact WHERE system = 0 AND at >= '" + FormatUtc(kNow) + "'"),
      0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM contact WHERE system = 0 AND author NOT LIKE 'staff:%'"),
            0);

  const int64_t head = Head();
  const auto again = app::SeedDemoCaseload(*db_, kPeople, 42, kNow);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(Head(), head);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM person"), kPeople);

  const auto report = store::VerifyChain(*db_);
  EXPECT_TRUE(report.intact) << report.problem;
}

PROBITY_ON_BOTH_BACKENDS(SeedDemoCaseloadTest);

}  // namespace
}  // namespace probity

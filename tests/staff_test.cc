// Changing staff records and account roles, and who may read staff: the use cases on both
// backends.
#include "app/staff.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "access/store.h"
#include "app/accounts.h"
#include "app/seed_demo.h"
#include "db_fixture.h"
#include "store/event_log.h"

namespace probity {
namespace {

const store::Actor kAdmin{"staff:999", std::nullopt};
const UtcTime kNow = ParseUtc("2026-11-23T09:00:00.000000Z").value();
const std::string kPassword = "correct horse battery staple";

class StaffTest : public testing::DbTest {
 protected:
  void SetUp() override {
    DbTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    db_ = OpenMigrated(4);
    ASSERT_TRUE(app::SeedDemo(*db_, kPassword, kNow));
  }

  int64_t StaffIdOf(const std::string& username) {
    auto tx = db_->BeginRead();
    auto account = access::FindAccount(tx, username);
    EXPECT_TRUE(account) << username;
    return account ? account->account.staff_id : 0;
  }

  access::StaffRecord Load(int64_t staff_id) {
    auto tx = db_->BeginRead();
    auto record = access::LoadStaff(tx, staff_id);
    EXPECT_TRUE(record);
    return record ? *record : access::StaffRecord{};
  }

  std::vector<store::EventRow> Events(const std::string& subject) {
    auto tx = db_->BeginRead();
    return store::EventsForSubject(tx, subject);
  }

  access::Principal PrincipalOf(const std::string& username) {
    auto tx = db_->BeginRead();
    auto account = access::FindAccount(tx, username);
    EXPECT_TRUE(account) << username;
    auto principal = access::LoadPrincipal(tx, account ? account->account.id : 0);
    EXPECT_TRUE(principal) << username;
    return principal ? *principal : access::Principal{};
  }

  static std::vector<std::string> Names(const std::vector<access::StaffRecord>& records) {
    std::vector<std::string> names;
    for (const auto& r : records) names.push_back(r.staff.name);
    return names;
  }

  std::unique_ptr<store::Db> db_;
};

app::StaffChange Named(const std::string& name) {
  app::StaffChange change;
  change.name = name;
  return change;
}

TEST_P(StaffTest, ChangesEachFieldAndBumpsTheVersionEachTime) {
  const int64_t id = StaffIdOf("demo.po1");
  int version = 1;
  const auto change = [&](const app::StaffChange& c) {
    auto changed = app::ChangeStaff(*db_, kAdmin, id, c, version, kNow);
    EXPECT_TRUE(changed) << changed.error().message;
    if (!changed) return access::StaffRecord{};
    EXPECT_EQ(changed->version, version + 1);
    version = changed->version;
    return *changed;
  };

  EXPECT_EQ(change(Named("Priya Okafor-Hall")).staff.name, "Priya Okafor-Hall");
  app::StaffChange grade;
  grade.grade = access::Grade::kSpo;
  EXPECT_EQ(change(grade).staff.grade, access::Grade::kSpo);
  app::StaffChange minutes;
  minutes.contracted_minutes = 22 * 60 + 30;
  EXPECT_EQ(change(minutes).staff.contracted_minutes, 1350);
  app::StaffChange start;
  start.start_date = "2020-01-06";
  EXPECT_EQ(change(start).staff.start_date, "2020-01-06");
  app::StaffChange qualified;
  qualified.qualified_on = std::optional<std::string>("2022-03-01");
  EXPECT_EQ(change(qualified).staff.qualified_on, "2022-03-01");
  app::StaffChange cleared;
  cleared.qualified_on = std::optional<std::string>();
  EXPECT_EQ(change(cleared).staff.qualified_on, std::nullopt);

  const auto stored = Load(id);
  EXPECT_EQ(stored.version, 7);
  EXPECT_EQ(stored.staff.name, "Priya Okafor-Hall");
  EXPECT_EQ(stored.staff.grade, access::Grade::kSpo);
  EXPECT_EQ(stored.staff.contracted_minutes, 1350);
  EXPECT_EQ(stored.staff.start_date, "2020-01-06");
  EXPECT_EQ(stored.staff.qualified_on, std::nullopt);
  EXPECT_EQ(stored.staff.team_codes, std::vector<std::string>{"NE-TYN-A"}) << "teams untouched";
  EXPECT_EQ(Events("staff:" + std::to_string(id)).size(), 7u) << "created, then six changes";
}

TEST_P(StaffTest, ReplacesTheTeamSetAndTheNewScopeAppliesAtOnce) {
  const int64_t id = StaffIdOf("demo.po1");
  app::StaffChange teams;
  teams.team_codes = std::vector<std::string>{"NE-TYN-B", "NE-DUR-A", "NE-TYN-B"};
  auto changed = app::ChangeStaff(*db_, kAdmin, id, teams, 1, kNow);
  ASSERT_TRUE(changed) << changed.error().message;
  EXPECT_EQ(changed->staff.team_codes, (std::vector<std::string>{"NE-DUR-A", "NE-TYN-B"}))
      << "replaced, not added to; repeats collapse; code order";
  ASSERT_EQ(changed->teams.size(), 2u);
  const auto who = PrincipalOf("demo.po1");
  EXPECT_EQ(who.team_ids.size(), 2u);
  EXPECT_EQ(who.pdu_ids.size(), 2u);

  app::StaffChange none;
  none.team_codes = std::vector<std::string>{};
  auto emptied = app::ChangeStaff(*db_, kAdmin, id, none, 2, kNow);
  ASSERT_TRUE(emptied) << emptied.error().message;
  EXPECT_TRUE(Load(id).staff.team_codes.empty());
}

TEST_P(StaffTest, AStaleVersionIsAConflictThatChangesNothing) {
  const int64_t id = StaffIdOf("demo.po1");
  const std::string subject = "staff:" + std::to_string(id);
  app::StaffChange grade;
  grade.grade = access::Grade::kSpo;
  ASSERT_TRUE(app::ChangeStaff(*db_, kAdmin, id, grade, 1, kNow));
  const auto before = Load(id);
  const size_t events = Events(subject).size();

  // A second administrator still holding version 1 must not overwrite the first change.
  auto stale = app::ChangeStaff(*db_, kAdmin, id, Named("Someone Else"), 1, kNow);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(stale.error().code, "stale_version");
  EXPECT_EQ(stale.error().field, "version");
  const std::string& message = stale.error().message;
  EXPECT_NE(message.find("now version 2"), std::string::npos) << message;
  EXPECT_NE(message.find("changed since: grade"), std::string::npos) << message;
  EXPECT_NE(message.find("grade spo"), std::string::npos) << message;
  EXPECT_NE(message.find("Priya Okafor"), std::string::npos) << message;

  const auto after = Load(id);
  EXPECT_EQ(after.version, before.version);
  EXPECT_EQ(after.staff.name, "Priya Okafor");
  EXPECT_EQ(Events(subject).size(), events) << "no event for a refused change";

  auto ahead = app::ChangeStaff(*db_, kAdmin, id, Named("Someone Else"), 9, kNow);
  ASSERT_FALSE(ahead);
  EXPECT_EQ(ahead.error().code, "stale_version");
}

TEST_P(StaffTest, AStaleVersionMessageListsEveryFieldChangedSince) {
  const int64_t id = StaffIdOf("demo.po1");
  ASSERT_TRUE(app::ChangeStaff(*db_, kAdmin, id, Named("Priya Hall"), 1, kNow));
  app::StaffChange teams;
  teams.team_codes = std::vector<std::string>{"NE-TYN-B"};
  ASSERT_TRUE(app::ChangeStaff(*db_, kAdmin, id, teams, 2, kNow));
  app::StaffChange hours;
  hours.contracted_minutes = 30 * 60;
  ASSERT_TRUE(app::ChangeStaff(*db_, kAdmin, id, hours, 3, kNow));

  auto from_one = app::ChangeStaff(*db_, kAdmin, id, Named("X Y"), 1, kNow);
  ASSERT_FALSE(from_one);
  EXPECT_NE(from_one.error().message.find("changed since: contracted_minutes, name, team_codes"),
            std::string::npos)
      << from_one.error().message;
  auto from_three = app::ChangeStaff(*db_, kAdmin, id, Named("X Y"), 3, kNow);
  ASSERT_FALSE(from_three);
  EXPECT_NE(from_three.error().message.find("changed since: contracted_minutes."),
            std::string::npos)
      << from_three.error().message;
  EXPECT_NE(from_three.error().message.find("contracted hours 30"), std::string::npos);
  EXPECT_NE(from_three.error().message.find("teams NE-TYN-B"), std::string::npos);
}

TEST_P(StaffTest, UnknownStaffIsNotFound) {
  auto missing = app::ChangeStaff(*db_, kAdmin, 424242, Named("No One"), 1, kNow);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(missing.error().field, "id");
}

TEST_P(StaffTest, AnUnknownTeamIsNotFoundAndChangesNothing) {
  const int64_t id = StaffIdOf("demo.po1");
  app::StaffChange teams;
  teams.name = "Priya Renamed";
  teams.team_codes = std::vector<std::string>{"NE-TYN-B", "NO-SUCH"};
  auto refused = app::ChangeStaff(*db_, kAdmin, id, teams, 1, kNow);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(refused.error().field, "team_codes");
  const auto after = Load(id);
  EXPECT_EQ(after.version, 1);
  EXPECT_EQ(after.staff.name, "Priya Okafor");
  EXPECT_EQ(after.staff.team_codes, std::vector<std::string>{"NE-TYN-A"});
  EXPECT_EQ(Events("staff:" + std::to_string(id)).size(), 1u);
}

TEST_P(StaffTest, AnEmptyOrUnchangingChangeIsInvalidAndWritesNothing) {
  const int64_t id = StaffIdOf("demo.po1");
  auto empty = app::ChangeStaff(*db_, kAdmin, id, {}, 1, kNow);
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(empty.error().code, "empty_change");

  app::StaffChange same = Named("Priya Okafor");
  same.team_codes = std::vector<std::string>{"NE-TYN-A"};
  auto unchanged = app::ChangeStaff(*db_, kAdmin, id, same, 1, kNow);
  ASSERT_FALSE(unchanged);
  EXPECT_EQ(unchanged.error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(unchanged.error().code, "no_change");
  EXPECT_EQ(Load(id).version, 1);
  EXPECT_EQ(Events("staff:" + std::to_string(id)).size(), 1u);
}

TEST_P(StaffTest, BadValuesAreInvalidNamingTheFieldAndWriteNothing) {
  const int64_t id = StaffIdOf("demo.po1");
  app::StaffChange blank = Named("   ");
  app::StaffChange hours;
  hours.contracted_minutes = 10;
  app::StaffChange start;
  start.start_date = "2026-02-30";
  app::StaffChange qualified;
  qualified.qualified_on = std::optional<std::string>("yesterday");
  const struct {
    const char* why;
    app::StaffChange change;
    const char* field;
  } cases[] = {
      {"blank name", blank, "name"},
      {"ten minutes a week", hours, "contracted_hours"},
      {"no 30th of February", start, "start_date"},
      {"not a date", qualified, "qualified_on"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    auto refused = app::ChangeStaff(*db_, kAdmin, id, c.change, 1, kNow);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, ErrorKind::kInvalid);
    EXPECT_EQ(refused.error().field, c.field);
  }
  EXPECT_EQ(Load(id).version, 1);
  EXPECT_EQ(Events("staff:" + std::to_string(id)).size(), 1u);
}

TEST_P(StaffTest, TheChangedEventListsEachFieldFromAndTo) {
  const int64_t id = StaffIdOf("demo.po1");
  app::StaffChange change = Named("Priya Hall");
  change.grade = access::Grade::kSpo;
  change.contracted_minutes = 30 * 60;
  change.start_date = "2019-04-01";  // the same as now: not listed
  change.qualified_on = std::optional<std::string>();
  change.team_codes = std::vector<std::string>{"NE-TYN-B", "NE-TYN-A"};
  ASSERT_TRUE(app::ChangeStaff(*db_, kAdmin, id, change, 1, kNow));

  const auto events = Events("staff:" + std::to_string(id));
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].kind, "staff.changed");
  EXPECT_EQ(events[1].actor, "staff:999");
  const nlohmann::json want = {{"id", id},
                               {"version", 2},
                               {"changes",
                                {{"name", {{"from", "Priya Okafor"}, {"to", "Priya Hall"}}},
                                 {"grade", {{"from", "po"}, {"to", "spo"}}},
                                 {"contracted_minutes", {{"from", 37 * 60}, {"to", 30 * 60}}},
                                 {"qualified_on", {{"from", "2021-07-01"}, {"to", nullptr}}},
                                 {"team_codes",
                                  {{"from", std::vector<std::string>{"NE-TYN-A"}},
                                   {"to", std::vector<std::string>{"NE-TYN-A", "NE-TYN-B"}}}}}}};
  EXPECT_EQ(nlohmann::json::parse(events[1].payload), want);
}

TEST_P(StaffTest, ChangeRoleChangesTheRoleAndEventsIt) {
  auto changed = app::ChangeRole(*db_, kAdmin, "demo.po2", access::Role::kSpo, 1, kNow);
  ASSERT_TRUE(changed) << changed.error().message;
  EXPECT_EQ(*changed, 2);
  EXPECT_EQ(PrincipalOf("demo.po2").role, access::Role::kSpo);
  const auto events = Events("account:demo.po2");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].kind, "account.role_changed");
  auto tx = db_->BeginRead();
  const auto account = access::FindAccount(tx, "demo.po2");
  ASSERT_TRUE(account);
  const nlohmann::json want = {{"id", account->account.id},
                               {"username", "demo.po2"},
                               {"from", "practitioner"},
                               {"to", "spo"},
                               {"version", 2}};
  EXPECT_EQ(nlohmann::json::parse(events[1].payload), want);
}

TEST_P(StaffTest, ChangeRoleRefusesStaleUnknownUnchangedAndTheLastAdministrator) {
  ASSERT_TRUE(app::ChangeRole(*db_, kAdmin, "demo.po2", access::Role::kSpo, 1, kNow));
  auto stale = app::ChangeRole(*db_, kAdmin, "demo.po2", access::Role::kRecallTeam, 1, kNow);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(stale.error().code, "stale_version");
  EXPECT_NE(stale.error().message.find("now version 2 with role spo"), std::string::npos)
      << stale.error().message;
  EXPECT_EQ(PrincipalOf("demo.po2").role, access::Role::kSpo);

  auto unknown = app::ChangeRole(*db_, kAdmin, "nobody", access::Role::kSpo, 1, kNow);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(unknown.error().field, "username");

  auto same = app::ChangeRole(*db_, kAdmin, "demo.po2", access::Role::kSpo, 2, kNow);
  ASSERT_FALSE(same);
  EXPECT_EQ(same.error().code, "no_change");

  auto last = app::ChangeRole(*db_, kAdmin, "demo.admin", access::Role::kPractitioner, 1, kNow);
  ASSERT_FALSE(last);
  EXPECT_EQ(last.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(last.error().code, "last_administrator");
  EXPECT_EQ(PrincipalOf("demo.admin").role, access::Role::kAdministrator);
  EXPECT_EQ(Events("account:demo.admin").size(), 1u) << "the refused change left no event";

  // With a second administrator, the first may step down.
  ASSERT_TRUE(app::ChangeRole(*db_, kAdmin, "demo.po1", access::Role::kAdministrator, 1, kNow));
  EXPECT_TRUE(app::ChangeRole(*db_, kAdmin, "demo.admin", access::Role::kPractitioner, 1, kNow));
}

TEST_P(StaffTest, AdministratorsSeeAllStaffAndCanFilterByTeam) {
  const auto admin = PrincipalOf("demo.admin");
  auto all = app::StaffVisibleTo(*db_, admin, std::nullopt);
  ASSERT_TRUE(all) << all.error().message;
  EXPECT_EQ(Names(*all), (std::vector<std::string>{"Alex Morgan", "Erin Walsh", "Martin Reid",
                                                   "Priya Okafor", "Sandra Price", "Tom Hedley"}))
      << "everyone, by name, even staff in no team";
  auto durham = app::StaffVisibleTo(*db_, admin, "NE-DUR-A");
  ASSERT_TRUE(durham);
  EXPECT_EQ(Names(*durham), std::vector<std::string>{"Tom Hedley"});
  ASSERT_TRUE((*durham)[0].account);
  EXPECT_EQ((*durham)[0].account->username, "demo.po2");
  auto unknown = app::StaffVisibleTo(*db_, admin, "NO-SUCH");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(unknown.error().field, "team");
}

TEST_P(StaffTest, ManagersSeeTheStaffOfTheirTeamsOrPdusAndPractitionersNone) {
  // demo.spo1 leads NE-TYN-A; demo.manager1 covers the NE-TYN PDU; demo.po2 is in NE-DUR-A.
  auto spo = app::StaffVisibleTo(*db_, PrincipalOf("demo.spo1"), std::nullopt);
  ASSERT_TRUE(spo) << spo.error().message;
  EXPECT_EQ(Names(*spo), (std::vector<std::string>{"Erin Walsh", "Martin Reid", "Priya Okafor",
                                                   "Sandra Price"}));
  auto manager = app::StaffVisibleTo(*db_, PrincipalOf("demo.manager1"), std::nullopt);
  ASSERT_TRUE(manager);
  EXPECT_EQ(Names(*manager), Names(*spo)) << "NE-TYN-B has nobody else in the demo";

  auto elsewhere = app::StaffVisibleTo(*db_, PrincipalOf("demo.spo1"), "NE-DUR-A");
  ASSERT_FALSE(elsewhere);
  EXPECT_EQ(elsewhere.error().kind, ErrorKind::kForbidden);
  auto one = app::StaffRecordFor(*db_, PrincipalOf("demo.manager1"), StaffIdOf("demo.po2"));
  ASSERT_FALSE(one);
  EXPECT_EQ(one.error().kind, ErrorKind::kForbidden);
  EXPECT_TRUE(app::StaffRecordFor(*db_, PrincipalOf("demo.spo1"), StaffIdOf("demo.po1")));

  for (const char* username : {"demo.po1", "demo.enforcement"}) {
    SCOPED_TRACE(username);
    auto refused = app::StaffVisibleTo(*db_, PrincipalOf(username), std::nullopt);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, ErrorKind::kForbidden);
    auto self = app::StaffRecordFor(*db_, PrincipalOf(username), StaffIdOf(username));
    ASSERT_FALSE(self);
    EXPECT_EQ(self.error().kind, ErrorKind::kForbidden);
    auto nobody = app::StaffRecordFor(*db_, PrincipalOf(username), 424242);
    ASSERT_FALSE(nobody);
    EXPECT_EQ(nobody.error().kind, ErrorKind::kForbidden) << "403 whatever the id: no probing";
  }
}

PROBITY_ON_BOTH_BACKENDS(StaffTest);

}  // namespace
}  // namespace probity

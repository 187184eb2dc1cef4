// Changing staff records and account roles, and who may read staff: the use cases on both
// backends, then the same over HTTP with the application's own router, including every role on
// every staff route.
#include "app/staff.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <functional>
#include <map>
#include <nlohmann/json.hpp>

#include "access/store.h"
#include "app/accounts.h"
#include "app_server.h"
#include "store/event_log.h"

namespace probity {
namespace {

using testing::ClientResponse;

const store::Actor kAdmin{"staff:999", std::nullopt};
const UtcTime kNow = ParseUtc("2026-11-23T09:00:00.000000Z").value();
using testing::kDemoPassword;

// The use cases run on the server's database; the HTTP tests below call the server itself.
class StaffTest : public testing::AppServerTest {
 protected:
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

// --- Over HTTP ---

class StaffHttpTest : public StaffTest {
 protected:
  Headers BearerFor(const std::string& username) {
    auto token = app::CreateToken(*db_, kAdmin, username, kNow);
    EXPECT_TRUE(token);
    return {{"Authorization", "Bearer " + (token ? token->secret : std::string())}};
  }

  std::string StaffPath(const std::string& username) {
    return "/api/v1/staff/" + std::to_string(StaffIdOf(username));
  }
};

TEST_P(StaffHttpTest, PatchChangesTheRecordAndAnswersWithTheNewVersion) {
  const auto admin = BearerFor("demo.admin");
  const nlohmann::json change = {{"version", 1},
                                 {"name", "Priya Hall"},
                                 {"grade", "spo"},
                                 {"contracted_hours", 22.5},
                                 {"start_date", "2020-01-06"},
                                 {"qualified_on", nullptr},
                                 {"team_codes", {"NE-TYN-B"}}};
  const auto r = Send("PATCH", StaffPath("demo.po1"), change.dump(), admin);
  ASSERT_EQ(r.status, 200) << r.body;
  const nlohmann::json body = r.Json();
  EXPECT_EQ(body["version"], 2);
  EXPECT_EQ(body["name"], "Priya Hall");
  EXPECT_EQ(body["grade"], "spo");
  EXPECT_EQ(body["contracted_minutes"], 1350);
  EXPECT_EQ(body["contracted_hours"], 22.5);
  EXPECT_EQ(body["start_date"], "2020-01-06");
  EXPECT_TRUE(body["qualified_on"].is_null());
  EXPECT_EQ(body["team_codes"], nlohmann::json({"NE-TYN-B"}));
  EXPECT_EQ(body["account"]["username"], "demo.po1");

  const auto read = Send("GET", StaffPath("demo.po1"), {}, admin);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.Json(), body);
}

TEST_P(StaffHttpTest, AStalePatchIs409AndChangesNothing) {
  const auto admin = BearerFor("demo.admin");
  const std::string path = StaffPath("demo.po1");
  ASSERT_EQ(
      Send("PATCH", path, nlohmann::json{{"version", 1}, {"grade", "pso"}}.dump(), admin).status,
      200);
  const auto stale =
      Send("PATCH", path, nlohmann::json{{"version", 1}, {"name", "Other Name"}}.dump(), admin);
  EXPECT_EQ(stale.status, 409);
  const nlohmann::json error = stale.Json()["error"];
  EXPECT_EQ(error["code"], "stale_version");
  EXPECT_EQ(error["field"], "version");
  EXPECT_NE(error["message"].get<std::string>().find("changed since: grade"), std::string::npos);
  const nlohmann::json now = Send("GET", path, {}, admin).Json();
  EXPECT_EQ(now["name"], "Priya Okafor");
  EXPECT_EQ(now["version"], 2);
}

TEST_P(StaffHttpTest, BadInputIs400NamingTheField) {
  const auto admin = BearerFor("demo.admin");
  const std::string path = StaffPath("demo.po1");
  const struct {
    const char* why;
    nlohmann::json body;
    const char* field;
  } cases[] = {
      {"unknown grade", {{"version", 1}, {"grade", "wizard"}}, "grade"},
      {"no hours", {{"version", 1}, {"contracted_hours", 0}}, "contracted_hours"},
      {"too many hours", {{"version", 1}, {"contracted_hours", 61}}, "contracted_hours"},
      {"hours as text", {{"version", 1}, {"contracted_hours", "37"}}, "contracted_hours"},
      {"no 13th month", {{"version", 1}, {"start_date", "2026-13-01"}}, "start_date"},
      {"misspelt field", {{"version", 1}, {"grdae", "spo"}}, "grdae"},
      {"start date cannot be cleared", {{"version", 1}, {"start_date", nullptr}}, "start_date"},
      {"qualified on not a date", {{"version", 1}, {"qualified_on", "soon"}}, "qualified_on"},
      {"blank name", {{"version", 1}, {"name", ""}}, "name"},
      {"teams not a list", {{"version", 1}, {"team_codes", "NE-TYN-A"}}, "team_codes"},
      {"a field that cannot be changed", {{"version", 1}, {"role", "spo"}}, "role"},
      {"no version", {{"name", "New Name"}}, "version"},
      {"a version that would wrap", {{"version", 4294967297LL}, {"name", "New Name"}}, "version"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    const auto r = Send("PATCH", path, c.body.dump(), admin);
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(r.Json()["error"]["field"], c.field);
  }
  const auto nothing = Send("PATCH", path, nlohmann::json{{"version", 1}}.dump(), admin);
  EXPECT_EQ(nothing.status, 400);
  EXPECT_EQ(nothing.Json()["error"]["code"], "empty_change");
  EXPECT_EQ(Send("GET", path, {}, admin).Json()["version"], 1) << "nothing was written";
}

TEST_P(StaffHttpTest, UnknownStaffAndTeamsAre404) {
  const auto admin = BearerFor("demo.admin");
  const std::string rename = nlohmann::json{{"version", 1}, {"name", "New Name"}}.dump();
  for (const char* path :
       {"/api/v1/staff/424242", "/api/v1/staff/abc", "/api/v1/staff/0", "/api/v1/staff/1x"}) {
    SCOPED_TRACE(path);
    EXPECT_EQ(Send("PATCH", path, rename, admin).status, 404);
    EXPECT_EQ(Send("GET", path, {}, admin).status, 404);
  }
  const auto team = Send("PATCH", StaffPath("demo.po1"),
                         nlohmann::json{{"version", 1}, {"team_codes", {"NO-SUCH"}}}.dump(), admin);
  EXPECT_EQ(team.status, 404);
  EXPECT_EQ(team.Json()["error"]["field"], "team_codes");
  EXPECT_EQ(Send("GET", "/api/v1/staff?team=NO-SUCH", {}, admin).status, 404);
  EXPECT_EQ(Send("PATCH", "/api/v1/users/nobody",
                 nlohmann::json{{"role", "spo"}, {"version", 1}}.dump(), admin)
                .status,
            404);
}

TEST_P(StaffHttpTest, ARoleChangeAppliesFromTheNextRequest) {
  const auto admin = BearerFor("demo.admin");
  const auto po2 = BearerFor("demo.po2");
  EXPECT_EQ(Send("GET", "/api/v1/staff", {}, po2).status, 403);
  const auto changed = Send("PATCH", "/api/v1/users/demo.po2",
                            nlohmann::json{{"role", "spo"}, {"version", 1}}.dump(), admin);
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.Json(),
            (nlohmann::json{{"username", "demo.po2"}, {"role", "spo"}, {"version", 2}}));
  EXPECT_EQ(Send("GET", "/api/v1/me", {}, po2).Json()["role"], "spo");
  const auto listing = Send("GET", "/api/v1/staff", {}, po2);
  ASSERT_EQ(listing.status, 200) << listing.body;
  const nlohmann::json staff = listing.Json()["staff"];
  ASSERT_EQ(staff.size(), 1u) << "an SPO of NE-DUR-A sees its one member";
  EXPECT_EQ(staff[0]["account"]["version"], 2);

  const auto stale = Send("PATCH", "/api/v1/users/demo.po2",
                          nlohmann::json{{"role", "recall_team"}, {"version", 1}}.dump(), admin);
  EXPECT_EQ(stale.status, 409);
  const auto bad = Send("PATCH", "/api/v1/users/demo.po2",
                        nlohmann::json{{"role", "king"}, {"version", 2}}.dump(), admin);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.Json()["error"]["field"], "role");
}

TEST_P(StaffHttpTest, ACookiePatchWithoutTheCsrfTokenIsRefused) {
  const auto in =
      Send("POST", "/api/v1/session",
           nlohmann::json{{"username", "demo.admin"}, {"password", kDemoPassword}}.dump());
  ASSERT_EQ(in.status, 201) << in.body;
  const std::string set_cookie = in.Header("Set-Cookie");
  const std::string cookie = set_cookie.substr(0, set_cookie.find(';'));
  const std::string csrf = in.Json().value("csrf_token", "");
  const std::string change = nlohmann::json{{"version", 1}, {"name", "Forged Name"}}.dump();

  const auto forged = Send("PATCH", StaffPath("demo.po1"), change, {{"Cookie", cookie}});
  EXPECT_EQ(forged.status, 403);
  EXPECT_EQ(forged.Json()["error"]["code"], "csrf");
  EXPECT_EQ(Load(StaffIdOf("demo.po1")).staff.name, "Priya Okafor");

  const auto made =
      Send("PATCH", StaffPath("demo.po1"), change, {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
  EXPECT_EQ(made.status, 200) << made.body;
}

// Every role on every staff route: the exact status each must get. These rows belong in the
// authorisation matrix in auth_http_test.cc.
TEST_P(StaffHttpTest, AuthorisationForEveryRoleOnTheStaffRoutes) {
  for (const auto& [username, role] :
       {std::pair{"demo.recall", access::Role::kRecallTeam},
        std::pair{"demo.analyst", access::Role::kPerformanceAnalyst}}) {
    access::Staff staff;
    staff.name = "Extra Person";
    staff.grade = access::Grade::kAdministrative;
    ASSERT_TRUE(app::AddUser(*db_, kAdmin, {username, staff, role, kDemoPassword}, kNow));
  }
  const std::vector<std::string> users = {"demo.po1",         "demo.spo1",   "demo.manager1",
                                          "demo.enforcement", "demo.recall", "demo.analyst",
                                          "demo.admin"};
  std::map<std::string, Headers> bearer;
  for (const auto& user : users) bearer[user] = BearerFor(user);

  const int64_t po2 = StaffIdOf("demo.po2");
  int n = 0;
  // Valid changes at the current version, so only authorisation decides the status.
  const auto rename_po2 = [&] {
    return nlohmann::json{{"version", Load(po2).version}, {"name", "Tom " + std::to_string(++n)}}
        .dump();
  };
  const auto flip_po2_role = [&] {
    auto tx = db_->BeginRead();
    const auto account = access::FindAccount(tx, "demo.po2");
    const bool practitioner = account->account.role == access::Role::kPractitioner;
    return nlohmann::json{{"role", practitioner ? "recall_team" : "practitioner"},
                          {"version", account->account.version}}
        .dump();
  };
  const auto none = [] { return std::string(); };
  struct Row {
    std::string method, target;
    std::function<std::string()> body;
    std::map<std::string, int> want;  // username -> status
  };
  const auto by_role = [&users](std::vector<int> statuses) {
    std::map<std::string, int> out;
    for (size_t i = 0; i < users.size(); ++i) out[users[i]] = statuses[i];
    return out;
  };
  //                        po1  spo1 mgr1 enf  recall analyst admin
  const std::vector<Row> rows = {
      {"GET", "/api/v1/staff", none, by_role({403, 200, 200, 403, 403, 200, 200})},
      {"GET", "/api/v1/staff?team=NE-TYN-A", none, by_role({403, 200, 200, 403, 403, 200, 200})},
      {"GET", "/api/v1/staff?team=NE-DUR-A", none, by_role({403, 403, 403, 403, 403, 200, 200})},
      {"GET", StaffPath("demo.po1"), none, by_role({403, 200, 200, 403, 403, 200, 200})},
      {"GET", StaffPath("demo.po2"), none, by_role({403, 403, 403, 403, 403, 200, 200})},
      {"PATCH", StaffPath("demo.po2"), rename_po2, by_role({403, 403, 403, 403, 403, 403, 200})},
      {"PATCH", "/api/v1/users/demo.po2", flip_po2_role,
       by_role({403, 403, 403, 403, 403, 403, 200})},
  };
  for (const auto& row : rows) {
    for (const auto& user : users) {
      SCOPED_TRACE(row.method + " " + row.target + " as " + user);
      const auto r = Send(row.method, row.target, row.body(), bearer[user]);
      EXPECT_EQ(r.status, row.want.at(user)) << r.body;
    }
  }
}

PROBITY_ON_BOTH_BACKENDS(StaffHttpTest);

}  // namespace
}  // namespace probity

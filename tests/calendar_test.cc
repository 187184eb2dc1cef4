// The working-days calendar with its database: the use cases that add and remove local
// adjustments on both backends, the same over HTTP with the application's own router (the
// calculator, the year's holidays, who may change the calendar), and `probity calc working-days`
// as a real process.
#include "app/calendar.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "app_server.h"
#include "calendar/store.h"
#include "program_runner.h"
#include "store/event_log.h"
#include "store/migrate.h"

namespace probity {
namespace {

using calendar::Adjustment;
using calendar::AdjustmentKind;
using testing::ClientResponse;

const store::Actor kAdmin{"staff:999", std::nullopt};
const UtcTime kNow = ParseUtc("2026-11-23T09:00:00.000000Z").value();

Date D(const char* text) {
  auto d = ParseDate(text);
  EXPECT_TRUE(d) << text;
  return d.value_or(Date{});
}

class CalendarTest : public testing::AppServerTest {
 protected:
  std::vector<store::EventRow> Events() {
    auto tx = db_->BeginRead();
    return store::EventsForSubject(tx, "calendar");
  }

  std::vector<Adjustment> Stored() {
    auto tx = db_->BeginRead();
    return calendar::LoadAdjustments(tx);
  }

  // POST /api/v1/calculators/working-days as demo.po1.
  ClientResponse Calculate(const nlohmann::json& body) {
    return As("demo.po1", "POST", "/api/v1/calculators/working-days", body);
  }
  std::string DateAfter(const char* from, int n) {
    const auto r = Calculate({{"from", from}, {"add_working_days", n}});
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.Json()["date"].get<std::string>() : std::string();
  }
};

TEST_P(CalendarTest, AnEmptyDatabaseHasTheRulesAndProclaimedDaysOnly) {
  const auto calendar = app::LoadWorkingCalendar(*db_);
  EXPECT_TRUE(calendar.LocalAdjustments().empty());
  EXPECT_FALSE(calendar.IsWorkingDay(D("2026-12-28")));
  EXPECT_FALSE(calendar.IsWorkingDay(D("2022-06-03")));
  EXPECT_TRUE(calendar.IsWorkingDay(D("2022-05-30")));
}

TEST_P(CalendarTest, AddingAnAdjustmentStoresItAppendsItsEventAndChangesTheCalendar) {
  const Adjustment closure{D("2026-11-30"), AdjustmentKind::kHoliday, "Office closure"};
  auto added = app::AddCalendarAdjustment(*db_, kAdmin, closure, kNow);
  ASSERT_TRUE(added) << added.error().message;
  EXPECT_EQ(*added, closure);
  const Adjustment moved{D("2026-08-31"), AdjustmentKind::kWorkingDay, "Moved to 1 September"};
  ASSERT_TRUE(app::AddCalendarAdjustment(*db_, kAdmin, moved, kNow));
  EXPECT_EQ(Stored(), (std::vector<Adjustment>{moved, closure})) << "by date";

  // Inside a caller's own transaction, as other use cases load it.
  auto tx = db_->BeginRead();
  const auto calendar = app::LoadWorkingCalendar(tx);
  EXPECT_FALSE(calendar.IsWorkingDay(D("2026-11-30")));
  EXPECT_TRUE(calendar.IsWorkingDay(D("2026-08-31")));
  EXPECT_EQ(FormatDate(*calendar.AddWorkingDays(D("2026-11-27"), 1)), "2026-12-01");

  const auto events = Events();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].kind, "calendar.adjustment_added");
  EXPECT_EQ(events[0].actor, "staff:999");
  EXPECT_EQ(
      nlohmann::json::parse(events[0].payload),
      (nlohmann::json{{"date", "2026-11-30"}, {"kind", "holiday"}, {"name", "Office closure"}}));
  EXPECT_EQ(nlohmann::json::parse(events[1].payload)["kind"], "working_day");
}

TEST_P(CalendarTest, RemovingAnAdjustmentRestoresTheRulesAndAppendsItsEvent) {
  ASSERT_TRUE(app::AddCalendarAdjustment(
      *db_, kAdmin, {D("2026-08-31"), AdjustmentKind::kWorkingDay, "Moved"}, kNow));
  EXPECT_TRUE(app::LoadWorkingCalendar(*db_).IsWorkingDay(D("2026-08-31")));
  auto removed = app::RemoveCalendarAdjustment(*db_, kAdmin, D("2026-08-31"), kNow);
  ASSERT_TRUE(removed) << removed.error().message;
  EXPECT_EQ(removed->name, "Moved");
  EXPECT_FALSE(app::LoadWorkingCalendar(*db_).IsWorkingDay(D("2026-08-31")));
  EXPECT_TRUE(Stored().empty());
  const auto events = Events();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].kind, "calendar.adjustment_removed");
  EXPECT_EQ(nlohmann::json::parse(events[1].payload),
            (nlohmann::json{{"date", "2026-08-31"}, {"kind", "working_day"}, {"name", "Moved"}}));
}

TEST_P(CalendarTest, RefusesADuplicateDateAnInvalidOneAndRemovingNothing) {
  ASSERT_TRUE(app::AddCalendarAdjustment(
      *db_, kAdmin, {D("2026-11-30"), AdjustmentKind::kHoliday, "Closure"}, kNow));
  for (const auto kind : {AdjustmentKind::kHoliday, AdjustmentKind::kWorkingDay}) {
    auto again = app::AddCalendarAdjustment(*db_, kAdmin, {D("2026-11-30"), kind, "Again"}, kNow);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().kind, ErrorKind::kConflict);
    EXPECT_EQ(again.error().code, "adjustment_exists");
  }
  auto weekend = app::AddCalendarAdjustment(
      *db_, kAdmin, {D("2026-11-28"), AdjustmentKind::kHoliday, "Saturday"}, kNow);
  ASSERT_FALSE(weekend);
  EXPECT_EQ(weekend.error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(weekend.error().field, "date");
  auto nothing = app::RemoveCalendarAdjustment(*db_, kAdmin, D("2026-12-25"), kNow);
  ASSERT_FALSE(nothing);
  EXPECT_EQ(nothing.error().kind, ErrorKind::kNotFound) << "a rule holiday is not local";
  EXPECT_EQ(Stored().size(), 1u);
  EXPECT_EQ(Events().size(), 1u) << "nothing refused left an event";
}

TEST_P(CalendarTest, TheUniqueIndexRefusesASecondRowForADate) {
  // What a concurrent insert meets once the use case's own check has passed.
  auto tx = db_->BeginWrite();
  const Adjustment a{D("2026-11-30"), AdjustmentKind::kHoliday, "Closure"};
  ASSERT_TRUE(calendar::InsertAdjustment(tx, a, kAdmin.id, kNow));
  auto second = calendar::InsertAdjustment(tx, a, kAdmin.id, kNow);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().kind, ErrorKind::kConflict);
}

// --- Over HTTP ---

TEST_P(CalendarTest, TheCalculatorAnswersAnySignedInUser) {
  EXPECT_EQ(DateAfter("2026-12-24", 1), "2026-12-29");
  EXPECT_EQ(DateAfter("2026-04-02", 1), "2026-04-07");
  EXPECT_EQ(DateAfter("2026-11-23", 10), "2026-12-07");
  EXPECT_EQ(DateAfter("2026-12-29", -1), "2026-12-24");
  EXPECT_EQ(DateAfter("2026-11-28", 0), "2026-11-28");
  for (const char* username : {"demo.admin", "demo.spo1", "demo.enforcement"}) {
    SCOPED_TRACE(username);
    const auto r = As(username, "POST", "/api/v1/calculators/working-days",
                      {{"from", "2027-12-24"}, {"add_working_days", 1}});
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.Json(), (nlohmann::json{{"date", "2027-12-29"}}));
  }
}

TEST_P(CalendarTest, TheCalculatorNeedsCredentials) {
  const std::string body = nlohmann::json{{"from", "2026-12-24"}, {"add_working_days", 1}}.dump();
  EXPECT_EQ(Send("POST", "/api/v1/calculators/working-days", body).status, 401);
  EXPECT_EQ(Send("GET", "/api/v1/calendar/holidays?year=2026").status, 401);
}

TEST_P(CalendarTest, TheCalculatorRefusesBadInputNamingTheField) {
  const struct {
    const char* why;
    nlohmann::json body;
    const char* field;
  } cases[] = {
      {"no from", {{"add_working_days", 1}}, "from"},
      {"from not text", {{"from", 20261224}, {"add_working_days", 1}}, "from"},
      {"from not a real date", {{"from", "2026-02-30"}, {"add_working_days", 1}}, "from"},
      {"from in another format", {{"from", "24/12/2026"}, {"add_working_days", 1}}, "from"},
      {"no step", {{"from", "2026-12-24"}}, "add_working_days"},
      {"step as text", {{"from", "2026-12-24"}, {"add_working_days", "1"}}, "add_working_days"},
      {"step not whole", {{"from", "2026-12-24"}, {"add_working_days", 1.5}}, "add_working_days"},
      {"step null", {{"from", "2026-12-24"}, {"add_working_days", nullptr}}, "add_working_days"},
      {"step too large", {{"from", "2026-12-24"}, {"add_working_days", 3661}}, "add_working_days"},
      {"step beyond an int",
       {{"from", "2026-12-24"}, {"add_working_days", 4294967297LL}},
       "add_working_days"},
      {"from before 1990", {{"from", "1989-06-01"}, {"add_working_days", 1}}, "from"},
      {"answer after 2199", {{"from", "2199-12-30"}, {"add_working_days", 5}}, "from"},
      {"a misspelt field",
       {{"from", "2026-12-24"}, {"add_working_day", 1}, {"add_working_days", 1}},
       "add_working_day"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    const auto r = Calculate(c.body);
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(r.Json()["error"]["field"], c.field) << r.body;
    EXPECT_FALSE(r.Json()["error"]["message"].get<std::string>().empty());
  }
  // Bodies that are not a JSON object, sent as they are.
  const Headers bearer = {{"Authorization", "Bearer " + tokens_["demo.po1"]}};
  for (const char* body : {"[]", "\"2026-12-24\"", "{\"from\":", "null", "{}"}) {
    SCOPED_TRACE(body);
    const auto r = Send("POST", "/api/v1/calculators/working-days", body, bearer);
    EXPECT_EQ(r.status, 400) << r.body;
  }
  EXPECT_TRUE(Events().empty());
  EXPECT_TRUE(Stored().empty());
}

TEST_P(CalendarTest, AnAdministratorsAdjustmentsChangeTheCalculatorsAnswers) {
  EXPECT_EQ(DateAfter("2026-11-27", 1), "2026-11-30");
  const auto add = As("demo.admin", "POST", "/api/v1/calendar/adjustments",
                      {{"date", "2026-11-30"}, {"kind", "holiday"}, {"name", "Office closure"}});
  ASSERT_EQ(add.status, 201) << add.body;
  EXPECT_EQ(
      add.Json(),
      (nlohmann::json{{"date", "2026-11-30"}, {"kind", "holiday"}, {"name", "Office closure"}}));
  EXPECT_EQ(DateAfter("2026-11-27", 1), "2026-12-01");

  EXPECT_EQ(DateAfter("2026-12-24", 1), "2026-12-29");
  ASSERT_EQ(As("demo.admin", "POST", "/api/v1/calendar/adjustments",
               {{"date", "2026-12-28"}, {"kind", "working_day"}, {"name", "Worked this year"}})
                .status,
            201);
  EXPECT_EQ(DateAfter("2026-12-24", 1), "2026-12-28");

  const auto holidays = As("demo.po1", "GET", "/api/v1/calendar/holidays?year=2026");
  ASSERT_EQ(holidays.status, 200) << holidays.body;
  const nlohmann::json list = holidays.Json()["holidays"];
  ASSERT_EQ(list.size(), 8u) << "eight by rule, less the one worked, plus the local one";
  EXPECT_EQ(list[6], (nlohmann::json{
                         {"date", "2026-11-30"}, {"name", "Office closure"}, {"source", "local"}}));
  EXPECT_EQ(list[7]["date"], "2026-12-25");

  const auto removed = As("demo.admin", "DELETE", "/api/v1/calendar/adjustments/2026-11-30");
  EXPECT_EQ(removed.status, 204) << removed.body;
  EXPECT_TRUE(removed.body.empty());
  EXPECT_EQ(DateAfter("2026-11-27", 1), "2026-11-30");

  const auto events = Events();
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].kind, "calendar.adjustment_added");
  EXPECT_EQ(events[2].kind, "calendar.adjustment_removed");
  EXPECT_EQ(events[2].actor, events[0].actor);
  EXPECT_EQ(events[0].actor.rfind("staff:", 0), 0u) << events[0].actor;
}

TEST_P(CalendarTest, OnlyAdministratorsChangeTheCalendar) {
  ASSERT_EQ(As("demo.admin", "POST", "/api/v1/calendar/adjustments",
               {{"date", "2026-11-30"}, {"kind", "holiday"}, {"name", "Closure"}})
                .status,
            201);
  for (const char* username :
       {"demo.po1", "demo.spo1", "demo.manager1", "demo.enforcement", "demo.po2"}) {
    SCOPED_TRACE(username);
    EXPECT_EQ(As(username, "POST", "/api/v1/calendar/adjustments",
                 {{"date", "2026-12-01"}, {"kind", "holiday"}, {"name", "Mine"}})
                  .status,
              403);
    EXPECT_EQ(As(username, "DELETE", "/api/v1/calendar/adjustments/2026-11-30").status, 403);
  }
  EXPECT_EQ(Send("DELETE", "/api/v1/calendar/adjustments/2026-11-30").status, 401);
  EXPECT_EQ(Stored().size(), 1u);
  EXPECT_EQ(Events().size(), 1u);
}

TEST_P(CalendarTest, WritesBySessionCarryTheCsrfToken) {
  const auto [cookie, csrf] = SignIn("demo.admin");
  const std::string body =
      nlohmann::json{{"date", "2026-11-30"}, {"kind", "holiday"}, {"name", "Closure"}}.dump();
  EXPECT_EQ(Send("POST", "/api/v1/calendar/adjustments", body, {{"Cookie", cookie}}).status, 403);
  EXPECT_TRUE(Stored().empty());
  EXPECT_EQ(Send("POST", "/api/v1/calendar/adjustments", body,
                 {{"Cookie", cookie}, {"X-CSRF-Token", csrf}})
                .status,
            201);
  EXPECT_EQ(
      Send("DELETE", "/api/v1/calendar/adjustments/2026-11-30", {}, {{"Cookie", cookie}}).status,
      403);
  EXPECT_EQ(Send("DELETE", "/api/v1/calendar/adjustments/2026-11-30", {},
                 {{"Cookie", cookie}, {"X-CSRF-Token", csrf}})
                .status,
            204);
}

TEST_P(CalendarTest, AdjustmentsRefuseBadInputDuplicatesAndUnknownDates) {
  const struct {
    const char* why;
    nlohmann::json body;
    int status;
    const char* field;
  } cases[] = {
      {"no date", {{"kind", "holiday"}, {"name", "x"}}, 400, "date"},
      {"not a date", {{"date", "2026-11-31"}, {"kind", "holiday"}, {"name", "x"}}, 400, "date"},
      {"unknown kind", {{"date", "2026-11-30"}, {"kind", "closure"}, {"name", "x"}}, 400, "kind"},
      {"no name", {{"date", "2026-11-30"}, {"kind", "holiday"}}, 400, "name"},
      {"a misspelt field",
       {{"date", "2026-11-30"}, {"kind", "holiday"}, {"name", "x"}, {"notes", "y"}},
       400,
       "notes"},
      {"a holiday at a weekend",
       {{"date", "2026-11-29"}, {"kind", "holiday"}, {"name", "x"}},
       400,
       "date"},
      {"Christmas again",
       {{"date", "2026-12-25"}, {"kind", "holiday"}, {"name", "x"}},
       400,
       "date"},
      {"working an ordinary day",
       {{"date", "2026-11-30"}, {"kind", "working_day"}, {"name", "x"}},
       400,
       "date"},
      {"after the calendar",
       {{"date", "2200-01-06"}, {"kind", "holiday"}, {"name", "x"}},
       400,
       "date"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    const auto r = As("demo.admin", "POST", "/api/v1/calendar/adjustments", c.body);
    EXPECT_EQ(r.status, c.status) << r.body;
    EXPECT_EQ(r.Json()["error"]["field"], c.field) << r.body;
  }
  EXPECT_TRUE(Stored().empty());
  EXPECT_TRUE(Events().empty());

  const nlohmann::json closure = {{"date", "2026-11-30"}, {"kind", "holiday"}, {"name", "x"}};
  ASSERT_EQ(As("demo.admin", "POST", "/api/v1/calendar/adjustments", closure).status, 201);
  const auto again = As("demo.admin", "POST", "/api/v1/calendar/adjustments", closure);
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.Json()["error"]["code"], "adjustment_exists");
  for (const char* date : {"2026-12-01", "2026-12-25", "2026-13-01", "yesterday"}) {
    SCOPED_TRACE(date);
    EXPECT_EQ(
        As("demo.admin", "DELETE", std::string("/api/v1/calendar/adjustments/") + date).status,
        404);
  }
  EXPECT_EQ(Events().size(), 1u);
}

TEST_P(CalendarTest, HolidaysListTheYearWithTheirSources) {
  const auto r = As("demo.po1", "GET", "/api/v1/calendar/holidays?year=2022");
  ASSERT_EQ(r.status, 200) << r.body;
  const nlohmann::json body = r.Json();
  EXPECT_EQ(body["year"], 2022);
  ASSERT_EQ(body["holidays"].size(), 10u);
  EXPECT_EQ(body["holidays"][0], (nlohmann::json{{"date", "2022-01-03"},
                                                 {"name", "New Year's Day (substitute day)"},
                                                 {"source", "rule"}}));
  EXPECT_EQ(body["holidays"][5]["date"], "2022-06-03");
  EXPECT_EQ(body["holidays"][5]["source"], "proclaimed");
  for (const char* query : {"", "?year=", "?year=22", "?year=2026x", "?year=1989", "?year=2200",
                            "?year=-2026", "?year=+202"}) {
    SCOPED_TRACE(query);
    const auto bad = As("demo.po1", "GET", std::string("/api/v1/calendar/holidays") + query);
    EXPECT_EQ(bad.status, 400) << bad.body;
    EXPECT_EQ(bad.Json()["error"]["field"], "year");
  }
}

PROBITY_ON_BOTH_BACKENDS(CalendarTest);

// --- probity calc working-days ---

using testing::ProgramPath;
using testing::Shell;

std::string Quote(const std::string& s) { return "'" + s + "'"; }

// `probity calc working-days ARGS` with `input` on standard input and PROBITY_DB unset.
testing::Run CalcWorkingDays(const std::string& input, const std::string& args = {}) {
  return Shell("printf '%s' " + Quote(input) + " | env -u PROBITY_DB " + ProgramPath() +
               " calc working-days " + args);
}

TEST(CalcCli, WorkingDaysPrintsTheDateAsOneLineOfJson) {
  const struct {
    const char* input;
    const char* output;
  } cases[] = {
      {R"({"from":"2026-12-24","add_working_days":1})", "{\"date\":\"2026-12-29\"}\n"},
      {R"({"from":"2026-04-02","add_working_days":1})", "{\"date\":\"2026-04-07\"}\n"},
      {R"({"add_working_days":-1,"from":"2026-12-29"})", "{\"date\":\"2026-12-24\"}\n"},
      {R"({"from":"2022-06-01","add_working_days":1})", "{\"date\":\"2022-06-06\"}\n"},
      {" {\"from\":\"2026-11-28\",\"add_working_days\":0}\n", "{\"date\":\"2026-11-28\"}\n"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    const auto run = CalcWorkingDays(c.input);
    EXPECT_EQ(run.exit_code, 0) << run.output;
    EXPECT_EQ(run.output, c.output);
  }
}

TEST(CalcCli, WorkingDaysRefusesBadInputWithOneLineAndExit2) {
  for (const char* input : {"", "not json", "[1]", R"({"from":"2026-12-24"})",
                            R"({"from":"2026-12-32","add_working_days":1})",
                            R"({"from":"2026-12-24","add_working_days":"1"})",
                            R"({"from":"2026-12-24","add_working_days":1,"extra":true})",
                            R"({"from":"2026-12-24","add_working_days":99999})"}) {
    SCOPED_TRACE(input);
    const auto run = CalcWorkingDays(input);
    EXPECT_EQ(run.exit_code, 2) << run.output;
    EXPECT_EQ(run.Lines(), 1) << run.output;
    EXPECT_EQ(run.output.rfind("probity: ", 0), 0u) << run.output;
  }
}

TEST(CalcCli, CalcNeedsACalculatorAndHasHelp) {
  const auto bare = Shell("env -u PROBITY_DB " + ProgramPath() + " calc");
  EXPECT_EQ(bare.exit_code, 2) << bare.output;
  EXPECT_EQ(bare.Lines(), 1) << bare.output;
  for (const char* sub : {"calc", "calc working-days"}) {
    SCOPED_TRACE(sub);
    const auto help = Shell(ProgramPath() + " " + sub + " --help");
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_NE(help.output.find("Usage:"), std::string::npos);
  }
}

class CalcCliDbTest : public testing::DbTest {};

TEST_P(CalcCliDbTest, WithDbTheDatabasesLocalAdjustmentsApply) {
  {
    auto db = OpenMigrated(1);
    ASSERT_TRUE(app::AddCalendarAdjustment(
        *db, kAdmin, {D("2026-12-29"), AdjustmentKind::kHoliday, "Closure"}, kNow));
  }
  const std::string question = R"({"from":"2026-12-24","add_working_days":1})";
  const auto with = CalcWorkingDays(question, "--db " + Quote(url()));
  EXPECT_EQ(with.exit_code, 0) << with.output;
  EXPECT_EQ(with.output, "{\"date\":\"2026-12-30\"}\n");
  const auto without = CalcWorkingDays(question);
  EXPECT_EQ(without.output, "{\"date\":\"2026-12-29\"}\n");
  const auto from_env =
      Shell("printf '%s' " + Quote(question) + " | env PROBITY_DB=" + Quote(url()) + " " +
            ProgramPath() + " calc working-days");
  EXPECT_EQ(from_env.output, "{\"date\":\"2026-12-30\"}\n");
}

TEST_P(CalcCliDbTest, AnUnmigratedDatabaseIsReadNeverMigrated) {
  { auto db = Open(1); }  // the database exists, empty
  const auto run =
      CalcWorkingDays(R"({"from":"2026-12-24","add_working_days":1})", "--db " + Quote(url()));
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_EQ(run.Lines(), 1) << run.output;
  EXPECT_NE(run.output.find("probity migrate"), std::string::npos) << run.output;
  auto db = Open(1);
  EXPECT_EQ(store::SchemaVersion(*db), 0) << "left as it was";
}

PROBITY_ON_BOTH_BACKENDS(CalcCliDbTest);

}  // namespace
}  // namespace probity

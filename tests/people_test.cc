// People on probation over the JSON API, on both backends: registering (and refusing bad input
// without writing anything), reading the record, changing it with optimistic concurrency,
// registrations, addresses with history, needs, keep-apart links, allocation with its history,
// search within scope and the caseload.
#include <gtest/gtest.h>

#include "app_server.h"
#include "store/event_log.h"

namespace probity {
namespace {

using nlohmann::json;

class PeopleTest : public testing::AppServerTest {
 protected:
  json NewPerson(const std::string& crn, const std::string& last = "Walker") {
    return {{"crn", crn},
            {"first_name", "Jamie"},
            {"last_name", last},
            {"date_of_birth", "1990-04-12"},
            {"gender", "male"}};
  }
  int64_t CountEvents() {
    auto tx = db_->BeginRead();
    return store::ReadChainHead(tx).seq;
  }
};

TEST_P(PeopleTest, RegisteringAPersonPutsThemUnallocatedInTheCallersTeam) {
  const auto r = As("demo.po1", "POST", "/api/v1/people", NewPerson("X123456"));
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.Header("Location"), "/api/v1/people/X123456");
  const auto person = r.Json();
  EXPECT_EQ(person["crn"], "X123456");
  EXPECT_EQ(person["team_code"], "NE-TYN-A");
  EXPECT_TRUE(person["officer"].is_null());
  EXPECT_EQ(person["version"], 1);

  const auto read = As("demo.po1", "GET", "/api/v1/people/X123456");
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.Json()["last_name"], "Walker");
  EXPECT_EQ(read.Header("Cache-Control"), "no-store");

  auto tx = db_->BeginRead();
  const auto events = store::EventsForSubject(tx, "X123456");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, "person.registered");
  EXPECT_EQ(events[0].actor.rfind("staff:", 0), 0u);
}

TEST_P(PeopleTest, BadInputNamesTheFieldAndWritesNothing) {
  As("demo.po1", "GET", "/api/v1/me");  // its API token is an event of its own
  const int64_t before = CountEvents();
  const struct {
    const char* field;
    json value;
  } cases[] = {
      {"crn", "123"},
      {"crn", "x123456"},
      {"crn", "X12345"},
      {"first_name", ""},
      {"last_name", std::string(101, 'a')},
      {"date_of_birth", "1990-02-30"},
      {"date_of_birth", "12/04/1990"},
      {"date_of_birth", "2020-01-01"},  // aged 6
      {"gender", "robot"},
      {"phone", "call me"},
      {"email", "not-an-address"},
      {"iom", "yes"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.field) + " = " + c.value.dump());
    auto body = NewPerson("X200000");
    body[c.field] = c.value;
    const auto r = As("demo.po1", "POST", "/api/v1/people", body);
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(r.Json()["error"]["field"], c.field);
  }
  auto missing = NewPerson("X200000");
  missing.erase("date_of_birth");
  const auto r = As("demo.po1", "POST", "/api/v1/people", missing);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.Json()["error"]["field"], "date_of_birth");
  EXPECT_EQ(CountEvents(), before);
  EXPECT_EQ(As("demo.po1", "GET", "/api/v1/people/X200000").status, 404);
}

TEST_P(PeopleTest, ADuplicateCrnIsAConflict) {
  ASSERT_EQ(As("demo.po1", "POST", "/api/v1/people", NewPerson("X123456")).status, 201);
  As("demo.spo1", "GET", "/api/v1/me");  // its API token is an event of its own
  const int64_t before = CountEvents();
  const auto r = As("demo.spo1", "POST", "/api/v1/people", NewPerson("X123456", "Other"));
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(r.Json()["error"]["code"], "crn_taken");
  EXPECT_EQ(CountEvents(), before);
}

TEST_P(PeopleTest, PractitionersRegisterOnlyInTheirOwnTeam) {
  auto body = NewPerson("X123457");
  body["team_code"] = "NE-DUR-A";
  EXPECT_EQ(As("demo.po1", "POST", "/api/v1/people", body).status, 403);
  EXPECT_EQ(As("demo.po2", "POST", "/api/v1/people", body).status, 201);
  body["crn"] = "X123458";
  body["team_code"] = "NOPE";
  const auto unknown = As("demo.po2", "POST", "/api/v1/people", body);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.Json()["error"]["field"], "team_code");
  EXPECT_EQ(As("demo.admin", "POST", "/api/v1/people", NewPerson("X123459")).status, 400)
      << "an administrator has no team to register into";
}

TEST_P(PeopleTest, AStaleVersionIsAConflictAndOverwritesNothing) {
  ASSERT_EQ(As("demo.po1", "POST", "/api/v1/people", NewPerson("X123456")).status, 201);
  const auto first = As("demo.po1", "PATCH", "/api/v1/people/X123456",
                        {{"version", 1}, {"phone", "0191 496 0000"}});
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.Json()["version"], 2);
  const auto stale = As("demo.spo1", "PATCH", "/api/v1/people/X123456",
                        {{"version", 1}, {"last_name", "Overwritten"}});
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(stale.Json()["error"]["code"], "stale_version");
  const auto now = As("demo.po1", "GET", "/api/v1/people/X123456").Json();
  EXPECT_EQ(now["last_name"], "Walker");
  EXPECT_EQ(now["phone"], "0191 496 0000");
  EXPECT_EQ(As("demo.po1", "PATCH", "/api/v1/people/X123456", {{"version", 2}}).status, 400)
      << "a change naming nothing";

  auto tx = db_->BeginRead();
  const auto events = store::EventsForSubject(tx, "X123456");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(json::parse(events[1].payload)["changes"]["phone"]["from"], nullptr);
}

TEST_P(PeopleTest, RegistrationsNeedTheRightLevelAndEndWithoutDisappearing) {
  ASSERT_EQ(As("demo.po1", "POST", "/api/v1/people", NewPerson("X123456")).status, 201);
  const std::string base = "/api/v1/people/X123456/registrations";
  EXPECT_EQ(As("demo.po1", "POST", base, {{"type", "rosh"}, {"start_date", "2026-01-01"}})
                .Json()["error"]["field"],
            "level");
  EXPECT_EQ(As("demo.po1", "POST", base,
               {{"type", "mappa"}, {"level", "2"}, {"start_date", "2026-01-01"}})
                .Json()["error"]["field"],
            "category");
  EXPECT_EQ(As("demo.po1", "POST", base,
               {{"type", "self_harm"}, {"level", "high"}, {"start_date", "2026-01-01"}})
                .status,
            400);
  EXPECT_EQ(As("demo.po1", "POST", base,
               {{"type", "rosh"}, {"level", "high"}, {"start_date", "2027-01-01"}})
                .Json()["error"]["field"],
            "start_date");
  const auto added = As("demo.po1", "POST", base,
                        {{"type", "rosh"}, {"level", "high"}, {"start_date", "2026-01-01"}});
  ASSERT_EQ(added.status, 201) << added.body;
  const int64_t id = added.Json()["id"];
  const std::string end = base + "/" + std::to_string(id) + "/end";
  EXPECT_EQ(As("demo.po1", "POST", end,
               {{"version", 1}, {"end_date", "2025-12-31"}, {"reason", "reviewed"}})
                .status,
            400)
      << "ends before it starts";
  ASSERT_EQ(As("demo.po1", "POST", end,
               {{"version", 1}, {"end_date", "2026-11-01"}, {"reason", "risk reduced"}})
                .status,
            200);
  EXPECT_EQ(
      As("demo.po1", "POST", end, {{"version", 2}, {"end_date", "2026-11-02"}, {"reason", "again"}})
          .status,
      409);
  const auto record = As("demo.po1", "GET", "/api/v1/people/X123456").Json();
  ASSERT_EQ(record["registrations"].size(), 1u);
  EXPECT_EQ(record["registrations"][0]["active"], false);
  EXPECT_EQ(record["registrations"][0]["end_reason"], "risk reduced");
  EXPECT_EQ(record["registrations"][0]["added_by"], "Priya Okafor");
}

TEST_P(PeopleTest, ANewMainAddressKeepsTheOldOneInTheHistory) {
  ASSERT_EQ(As("demo.po1", "POST", "/api/v1/people", NewPerson("X123456")).status, 201);
  const std::string base = "/api/v1/people/X123456/addresses";
  ASSERT_EQ(As("demo.po1", "POST", base,
               {{"line1", "1 Old Road"},
                {"town", "Newcastle"},
                {"postcode", "NE1 1AA"},
                {"start_date", "2024-01-01"}})
                .status,
            201);
  ASSERT_EQ(As("demo.po1", "POST", base,
               {{"line1", "2 New Street"},
                {"town", "Gateshead"},
                {"postcode", "NE8 1BB"},
                {"start_date", "2026-06-01"}})
                .status,
            201);
  EXPECT_EQ(As("demo.po1", "POST", base, {{"line1", "x"}, {"town", "y"}, {"start_date", "z"}})
                .Json()["error"]["field"],
            "postcode");
  const auto addresses = As("demo.po1", "GET", "/api/v1/people/X123456").Json()["addresses"];
  ASSERT_EQ(addresses.size(), 2u);
  EXPECT_EQ(addresses[0]["line1"], "2 New Street");
  EXPECT_EQ(addresses[0]["status"], "main");
  EXPECT_EQ(addresses[1]["status"], "previous");
  EXPECT_EQ(addresses[1]["end_date"], "2026-06-01");
}

TEST_P(PeopleTest, NeedsAliasesConvictionsAndKeepApartLinksAreRecorded) {
  ASSERT_EQ(As("demo.po1", "POST", "/api/v1/people", NewPerson("X123456")).status, 201);
  ASSERT_EQ(As("demo.po1", "POST", "/api/v1/people", NewPerson("X654321", "Harper")).status, 201);
  const std::string base = "/api/v1/people/X123456";
  EXPECT_EQ(As("demo.po1", "POST", base + "/needs",
               {{"assessed_on", "2026-11-01"},
                {"needs", {{"accommodation", "severe"}, {"alcohol", "standard"}}}})
                .status,
            201);
  EXPECT_EQ(As("demo.po1", "POST", base + "/needs",
               {{"assessed_on", "2026-11-20"}, {"needs", {{"accommodation", "none"}}}})
                .status,
            201);
  EXPECT_EQ(As("demo.po1", "POST", base + "/needs",
               {{"assessed_on", "2026-11-20"}, {"needs", {{"astrology", "none"}}}})
                .Json()["error"]["field"],
            "need");
  EXPECT_EQ(
      As("demo.po1", "POST", base + "/aliases", {{"first_name", "Jim"}, {"last_name", "W"}}).status,
      201);
  EXPECT_EQ(As("demo.po1", "POST", base + "/convictions",
               {{"conviction_date", "2019-05-01"}, {"offence_group", "burglary_domestic"}})
                .status,
            201);
  EXPECT_EQ(As("demo.po1", "POST", base + "/convictions",
               {{"conviction_date", "2019-05-01"}, {"offence_group", "jaywalking"}})
                .Json()["error"]["field"],
            "offence_group");
  EXPECT_EQ(
      As("demo.po1", "POST", base + "/keep-apart", {{"other_crn", "X123456"}, {"reason", "self"}})
          .Json()["error"]["field"],
      "other_crn");
  EXPECT_EQ(
      As("demo.po1", "POST", base + "/keep-apart", {{"other_crn", "X999999"}, {"reason", "victim"}})
          .status,
      404);
  ASSERT_EQ(As("demo.po1", "POST", base + "/keep-apart",
               {{"other_crn", "X654321"}, {"reason", "domestic abuse: victim and perpetrator"}})
                .status,
            201);
  EXPECT_EQ(As("demo.po1", "POST", "/api/v1/people/X654321/keep-apart",
               {{"other_crn", "X123456"}, {"reason", "again, the other way round"}})
                .status,
            409);

  const auto record = As("demo.po1", "GET", base).Json();
  ASSERT_EQ(record["needs"].size(), 2u);
  for (const auto& need : record["needs"])
    if (need["need"] == "accommodation") {
      EXPECT_EQ(need["severity"], "none") << "latest counts";
    }
  EXPECT_EQ(record["aliases"].size(), 1u);
  EXPECT_EQ(record["convictions"][0]["offence_group"], "burglary_domestic");
  EXPECT_EQ(record["keep_apart"][0]["other_crn"], "X654321");
  EXPECT_EQ(As("demo.po1", "GET", "/api/v1/people/X654321").Json()["keep_apart"][0]["other_crn"],
            "X123456");
}

TEST_P(PeopleTest, AllocationKeepsItsHistoryAndFillsTheCaseload) {
  ASSERT_EQ(As("demo.po1", "POST", "/api/v1/people", NewPerson("X123456")).status, 201);
  const std::string allocate = "/api/v1/people/X123456/allocation";
  EXPECT_EQ(As("demo.po1", "POST", allocate, {{"officer_username", "demo.po1"}, {"reason", "mine"}})
                .status,
            403)
      << "practitioners do not allocate";
  EXPECT_EQ(
      As("demo.spo1", "POST", allocate, {{"officer_username", "demo.po2"}, {"reason", "other PDU"}})
          .status,
      400)
      << "demo.po2 is not in the team, and the SPO cannot move it there";
  EXPECT_EQ(As("demo.spo1", "POST", allocate, {{"officer_username", "demo.po1"}}).status, 400);
  const auto allocated =
      As("demo.spo1", "POST", allocate, {{"officer_username", "demo.po1"}, {"reason", "capacity"}});
  ASSERT_EQ(allocated.status, 201) << allocated.body;
  EXPECT_EQ(allocated.Json()["officer"]["name"], "Priya Okafor");
  EXPECT_EQ(
      As("demo.spo1", "POST", allocate, {{"officer_username", "demo.po1"}, {"reason", "again"}})
          .status,
      409);

  const auto caseload = As("demo.po1", "GET", "/api/v1/caseload").Json();
  ASSERT_EQ(caseload["items"].size(), 1u);
  EXPECT_EQ(caseload["items"][0]["crn"], "X123456");
  EXPECT_TRUE(As("demo.spo1", "GET", "/api/v1/caseload").Json()["items"].empty());

  const auto history = As("demo.po1", "GET", "/api/v1/people/X123456/allocations").Json();
  ASSERT_EQ(history["items"].size(), 1u);
  EXPECT_EQ(history["items"][0]["reason"], "capacity");

  ASSERT_EQ(
      As("demo.spo1", "POST", allocate, {{"team_code", "NE-DUR-A"}, {"reason", "moved house"}})
          .status,
      403)
      << "the SPO has no reach into another PDU's team";
  ASSERT_EQ(
      As("demo.manager1", "POST", allocate, {{"team_code", "NE-TYN-B"}, {"reason", "rebalancing"}})
          .status,
      201);
  EXPECT_TRUE(As("demo.po1", "GET", "/api/v1/caseload").Json()["items"].empty());
  EXPECT_EQ(As("demo.po1", "GET", "/api/v1/people/X123456").status, 404)
      << "the case left demo.po1's team";
  EXPECT_EQ(As("demo.manager1", "GET", "/api/v1/people/X123456/allocations").Json()["items"].size(),
            2u);
}

TEST_P(PeopleTest, SearchFindsByCrnNameAndBirthWithinScopeOnly) {
  ASSERT_EQ(As("demo.po1", "POST", "/api/v1/people", NewPerson("X100001", "Smith")).status, 201);
  ASSERT_EQ(As("demo.po1", "POST", "/api/v1/people", NewPerson("X100002", "Smithson")).status, 201);
  ASSERT_EQ(As("demo.po1", "POST", "/api/v1/people", NewPerson("X100003", "Jones")).status, 201);
  auto durham = NewPerson("X100004", "Smith");
  durham["team_code"] = "NE-DUR-A";
  ASSERT_EQ(As("demo.po2", "POST", "/api/v1/people", durham).status, 201);

  EXPECT_EQ(As("demo.po1", "GET", "/api/v1/people?name=smi").Json()["items"].size(), 2u);
  EXPECT_EQ(As("demo.po1", "GET", "/api/v1/people?name=jamie%20smith").Json()["items"].size(), 2u);
  EXPECT_EQ(As("demo.po1", "GET", "/api/v1/people?crn=X100003").Json()["items"].size(), 1u);
  EXPECT_EQ(As("demo.po1", "GET", "/api/v1/people?crn=X100004").Json()["items"].size(), 0u)
      << "another PDU's case is absent from search";
  EXPECT_EQ(As("demo.po2", "GET", "/api/v1/people?name=smith").Json()["items"].size(), 1u);
  EXPECT_EQ(As("demo.po1", "GET", "/api/v1/people?date_of_birth=1990-04-12").Json()["items"].size(),
            3u);
  EXPECT_EQ(As("demo.po1", "GET", "/api/v1/people?crn=123").Json()["error"]["field"], "crn");
  EXPECT_EQ(As("demo.po1", "GET", "/api/v1/people?cursor=garbage").Json()["error"]["field"],
            "cursor");
  EXPECT_EQ(As("demo.admin", "GET", "/api/v1/people?name=smith").status, 403);

  // Cursor pages cover every row once, in name order.
  std::vector<std::string> seen;
  std::string target = "/api/v1/people?limit=1";
  for (int guard = 0; guard < 10; ++guard) {
    const auto page = As("demo.po1", "GET", target).Json();
    for (const auto& item : page["items"]) seen.push_back(item["crn"]);
    if (page["next_cursor"].is_null()) break;
    target = "/api/v1/people?limit=1&cursor=" + page["next_cursor"].get<std::string>();
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"X100003", "X100001", "X100002"}));
}

PROBITY_ON_BOTH_BACKENDS(PeopleTest);

}  // namespace
}  // namespace probity

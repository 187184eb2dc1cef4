// The rooms API on both backends (web/room_routes.h): administrators add and change rooms with
// their opening hours and accessibility, refused input writes nothing, a stale change is 409;
// anyone signed in reads the rooms, the room finder and an office's diary, where a case the
// caller may not see shows the room taken and nothing more; the keep-apart margin.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "app_server.h"
#include "store/event_log.h"

namespace probity {
namespace {

using nlohmann::json;
using testing::ClientResponse;

constexpr const char* kDale = "X310001";
constexpr const char* kRooms = "/api/v1/offices/NE-WALL/rooms";

class RoomRoutesTest : public testing::AppServerTest {
 protected:
  static std::string Code(const ClientResponse& r) {
    const auto body = json::parse(r.body, nullptr, false);
    return body.is_object() && body.contains("error") ? body["error"]["code"].get<std::string>()
                                                      : "";
  }
  static std::string Field(const ClientResponse& r) {
    const auto body = json::parse(r.body, nullptr, false);
    return body.is_object() && body.contains("error") ? body["error"].value("field", "") : "";
  }
  int64_t Events() {
    auto tx = db_->BeginRead();
    return store::ReadChainHead(tx).seq;
  }
  json Rooms(const std::string& query = "") {
    const auto r = As("demo.po1", "GET", kRooms + query);
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body)["items"];
  }
  static json QuietRoom() {
    return {{"name", "Quiet room"},  {"privacy", "private"},
            {"capacity", 2},         {"accessibility", {"step_free", "quiet"}},
            {"opens", "10:00"},      {"closes", "16:30"},
            {"open_days", "mon,wed"}};
  }
  // Registers Dale in demo.po1's team and books him at NE-WALL at `uk_time`; the booking.
  json BookDale(const std::string& uk_time) {
    AddDale(kDale);
    const auto r = As("demo.po1", "POST", std::string("/api/v1/people/") + kDale + "/appointments",
                      {{"type", "supervision"},
                       {"starts_at", uk_time},
                       {"duration_minutes", 60},
                       {"office", "NE-WALL"}});
    EXPECT_EQ(r.status, 201) << r.body;
    return json::parse(r.body, nullptr, false);
  }
};

TEST_P(RoomRoutesTest, AnAdministratorAddsARoomWithItsHoursAndAccessibility) {
  const auto made = As("demo.admin", "POST", kRooms, QuietRoom());
  ASSERT_EQ(made.status, 201) << made.body;
  const auto room = json::parse(made.body);
  EXPECT_EQ(room["office"], "NE-WALL");
  EXPECT_EQ(room["privacy_label"], "Private interview room");
  EXPECT_EQ(room["accessibility"], json({"step_free", "quiet"}));
  EXPECT_EQ(room["opens"], "10:00");
  EXPECT_EQ(room["closes"], "16:30");
  EXPECT_EQ(room["open_days"], "mon,wed");
  EXPECT_EQ(room["active"], true);
  EXPECT_EQ(room["version"], 1);
  const auto items = Rooms();
  ASSERT_EQ(items.size(), 9u);
  bool listed = false;
  for (const auto& r : items) listed = listed || r == room;
  EXPECT_TRUE(listed) << items.dump();

  // Without hours: 09:00 to 17:00, Monday to Friday, no accessibility features.
  const auto plain = As("demo.admin", "POST", kRooms,
                        {{"name", "Room 9"}, {"privacy", "shared"}, {"capacity", 4}});
  ASSERT_EQ(plain.status, 201) << plain.body;
  const auto p = json::parse(plain.body);
  EXPECT_EQ(p["opens"], "09:00");
  EXPECT_EQ(p["closes"], "17:00");
  EXPECT_EQ(p["open_days"], "mon,tue,wed,thu,fri");
  EXPECT_EQ(p["accessibility"], json::array());
}

TEST_P(RoomRoutesTest, BadRoomsAreRefusedNamingTheFieldAndNothingIsWritten) {
  ASSERT_EQ(As("demo.admin", "GET", kRooms).status, 200);  // the token, before counting
  const auto before = Events();
  const struct {
    const char* why;
    const char* field;
    json value;
    int status;
    const char* want_field;
  } cases[] = {
      {"privacy not a code", "privacy", "cupboard", 400, "privacy"},
      {"no seats", "capacity", 0, 400, "capacity"},
      {"capacity not a number", "capacity", "two", 400, "capacity"},
      {"unknown feature", "accessibility", {"lift"}, 400, "accessibility"},
      {"a feature twice", "accessibility", {"quiet", "quiet"}, 400, "accessibility"},
      {"not a list", "accessibility", "quiet", 400, "accessibility"},
      {"opens not HH:MM", "opens", "9am", 400, "opens"},
      {"closes before opens", "closes", "08:00", 400, "closes"},
      {"not a day", "open_days", "mon,funday", 400, "open_days"},
      {"a day twice", "open_days", "mon,mon", 400, "open_days"},
      {"no name", "name", "", 400, "name"},
      {"a name the office has", "name", "Interview room 1", 409, "name"},
      {"an unknown member", "colour", "blue", 400, "colour"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    json body = QuietRoom();
    body[c.field] = c.value;
    const auto r = As("demo.admin", "POST", kRooms, body);
    EXPECT_EQ(r.status, c.status) << r.body;
    EXPECT_EQ(Field(r), c.want_field) << r.body;
  }
  EXPECT_EQ(As("demo.admin", "POST", "/api/v1/offices/NOWHERE/rooms", QuietRoom()).status, 404);
  EXPECT_EQ(Events(), before);
  EXPECT_EQ(Rooms().size(), 8u);
}

TEST_P(RoomRoutesTest, AChangeNeedsTheVersionReadAndKeepsWhatItDoesNotName) {
  const auto made = As("demo.admin", "POST", kRooms, QuietRoom());
  ASSERT_EQ(made.status, 201) << made.body;
  const std::string url =
      kRooms + std::string("/") + std::to_string(json::parse(made.body)["id"].get<int64_t>());

  const auto bigger = As("demo.admin", "PATCH", url, {{"version", 1}, {"capacity", 4}});
  ASSERT_EQ(bigger.status, 200) << bigger.body;
  EXPECT_EQ(json::parse(bigger.body)["capacity"], 4);
  EXPECT_EQ(json::parse(bigger.body)["version"], 2);
  EXPECT_EQ(json::parse(bigger.body)["name"], "Quiet room");

  const auto before = Events();
  const auto stale = As("demo.admin", "PATCH", url, {{"version", 1}, {"name", "Snug"}});
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(Code(stale), "stale_version");
  const auto no_version = As("demo.admin", "PATCH", url, {{"name", "Snug"}});
  EXPECT_EQ(no_version.status, 400) << no_version.body;
  EXPECT_EQ(Field(no_version), "version");
  EXPECT_EQ(As("demo.admin", "PATCH", url, {{"version", 2}, {"closes", "09:00"}}).status, 400);
  EXPECT_EQ(As("demo.admin", "PATCH", url, {{"version", 2}, {"floor", 2}}).status, 400);
  EXPECT_EQ(As("demo.admin", "PATCH", kRooms + std::string("/999999"), {{"version", 1}}).status,
            404);
  EXPECT_EQ(Events(), before);

  // Hours given in part keep the rest.
  const auto later = As("demo.admin", "PATCH", url, {{"version", 2}, {"closes", "18:00"}});
  ASSERT_EQ(later.status, 200) << later.body;
  EXPECT_EQ(json::parse(later.body)["opens"], "10:00");
  EXPECT_EQ(json::parse(later.body)["closes"], "18:00");
  EXPECT_EQ(json::parse(later.body)["open_days"], "mon,wed");

  // Out of use: gone from the list, there with include_inactive.
  const auto closed = As("demo.admin", "PATCH", url, {{"version", 3}, {"active", false}});
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(Rooms().size(), 8u);
  const auto all = Rooms("?include_inactive=true");
  ASSERT_EQ(all.size(), 9u);
  bool inactive = false;
  for (const auto& r : all) inactive = inactive || (r["name"] == "Quiet room" && !r["active"]);
  EXPECT_TRUE(inactive);
}

TEST_P(RoomRoutesTest, OnlyAnAdministratorChangesRoomsOrTheMargin) {
  ASSERT_EQ(As("demo.spo1", "GET", kRooms).status, 200);
  const auto id = Rooms()[0]["id"].get<int64_t>();
  const auto before = Events();
  EXPECT_EQ(As("demo.spo1", "POST", kRooms, QuietRoom()).status, 403);
  EXPECT_EQ(As("demo.spo1", "PATCH", kRooms + std::string("/") + std::to_string(id),
               {{"version", 1}, {"capacity", 9}})
                .status,
            403);
  EXPECT_EQ(
      As("demo.spo1", "PUT", "/api/v1/keep-apart/margin", {{"minutes", 10}, {"reason", "Shorter"}})
          .status,
      403);
  EXPECT_EQ(Events(), before);
  EXPECT_EQ(Send("GET", kRooms).status, 401);
  EXPECT_EQ(Send("GET", "/api/v1/keep-apart/margin").status, 401);
}

TEST_P(RoomRoutesTest, TheRoomFinderGivesFreeRoomsMostPrivateFirstAndTheFreeTimes) {
  const std::string finder = "/api/v1/offices/NE-WALL/free-rooms?duration_minutes=60&starts_at=";
  auto r = As("demo.po1", "GET", finder + "2026-11-24T10:00");
  ASSERT_EQ(r.status, 200) << r.body;
  auto free = json::parse(r.body);
  ASSERT_EQ(free["rooms"].size(), 8u);
  EXPECT_EQ(free["rooms"][0]["name"], "Interview room 1");
  EXPECT_EQ(free["rooms"][7]["privacy"], "open_plan");
  EXPECT_EQ(free["starts_at_uk"], "2026-11-24T10:00+00:00");
  ASSERT_FALSE(free["times"].empty());
  EXPECT_EQ(free["times"][0]["starts_at_uk"], "2026-11-24T08:00+00:00");

  BookDale("2026-11-24T10:00");
  free = json::parse(As("demo.po1", "GET", finder + "2026-11-24T10:30").body);
  ASSERT_EQ(free["rooms"].size(), 7u);
  EXPECT_EQ(free["rooms"][0]["name"], "Interview room 2");

  // Closed on Sunday: no room, no time.
  free = json::parse(As("demo.po1", "GET", finder + "2026-11-29T10:00").body);
  EXPECT_TRUE(free["rooms"].empty());
  EXPECT_TRUE(free["times"].empty());

  const struct {
    const char* why;
    std::string target;
    int status;
    const char* field;
  } refused[] = {
      {"too short",
       "/api/v1/offices/NE-WALL/free-rooms?duration_minutes=1&starts_at=2026-11-24T10:00", 400,
       "duration_minutes"},
      {"no duration", "/api/v1/offices/NE-WALL/free-rooms?starts_at=2026-11-24T10:00", 400,
       "duration_minutes"},
      {"duration not a number",
       finder.substr(0, finder.find("60")) + "an%20hour&starts_at=2026-11-24T10:00", 400,
       "duration_minutes"},
      {"not a time", finder + "tomorrow", 400, "starts_at"},
      {"skipped by the clocks", finder + "2027-03-28T01:30", 400, "starts_at"},
      {"no time", "/api/v1/offices/NE-WALL/free-rooms?duration_minutes=60", 400, "starts_at"},
      {"no such office",
       "/api/v1/offices/NOWHERE/free-rooms?duration_minutes=60&starts_at=2026-11-24T10:00", 404,
       "code"},
  };
  for (const auto& c : refused) {
    SCOPED_TRACE(c.why);
    const auto answer = As("demo.po1", "GET", c.target);
    EXPECT_EQ(answer.status, c.status) << answer.body;
    EXPECT_EQ(Field(answer), c.field) << answer.body;
  }
}

TEST_P(RoomRoutesTest, TheDiaryShowsARoomTakenWithoutNamingACaseTheViewerMayNotSee) {
  const auto booked = BookDale("2026-11-24T10:00");
  const auto room_id = booked["place"]["room_id"];
  const std::string diary = "/api/v1/offices/NE-WALL/diary?date=2026-11-24";

  const auto mine = json::parse(As("demo.po1", "GET", diary).body);
  EXPECT_EQ(mine["office"], "NE-WALL");
  EXPECT_EQ(mine["date"], "2026-11-24");
  EXPECT_EQ(mine["rooms"].size(), 8u);
  ASSERT_EQ(mine["bookings"].size(), 1u);
  const auto& seen = mine["bookings"][0];
  EXPECT_EQ(seen["restricted"], false);
  EXPECT_EQ(seen["crn"], kDale);
  EXPECT_EQ(seen["name"], "Dale Robson");
  EXPECT_EQ(seen["room_id"], room_id);
  EXPECT_EQ(seen["starts_at_uk"], "2026-11-24T10:00+00:00");
  EXPECT_EQ(seen["ends_at_uk"], "2026-11-24T11:00+00:00");

  // A practitioner excluded from the case sees the room taken, and nothing of who or what.
  ASSERT_EQ(As("demo.spo1", "POST", std::string("/api/v1/people/") + kDale + "/exclusions",
               {{"username", "demo.po2"}, {"reason", "a neighbour of the officer"}})
                .status,
            201);
  const auto other = As("demo.po2", "GET", diary);
  ASSERT_EQ(other.status, 200) << other.body;
  const auto theirs = json::parse(other.body);
  ASSERT_EQ(theirs["bookings"].size(), 1u);
  const auto& hidden = theirs["bookings"][0];
  EXPECT_EQ(hidden["restricted"], true);
  EXPECT_EQ(hidden["room_id"], room_id);
  EXPECT_EQ(hidden["starts_at_uk"], "2026-11-24T10:00+00:00");
  for (const char* field : {"crn", "name", "type", "with", "appointment_id"})
    EXPECT_FALSE(hidden.contains(field)) << field;
  EXPECT_EQ(other.body.find(kDale), std::string::npos);
  EXPECT_EQ(other.body.find("Robson"), std::string::npos);

  EXPECT_TRUE(
      json::parse(
          As("demo.po1", "GET", "/api/v1/offices/NE-WALL/diary?date=2026-11-25").body)["bookings"]
          .empty());
  const auto today = As("demo.po1", "GET", "/api/v1/offices/NE-WALL/diary");
  ASSERT_EQ(today.status, 200);
  EXPECT_EQ(json::parse(today.body)["date"], "2026-11-23");
  const auto bad = As("demo.po1", "GET", "/api/v1/offices/NE-WALL/diary?date=24/11/2026");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(Field(bad), "date");
  EXPECT_EQ(As("demo.po1", "GET", "/api/v1/offices/NOWHERE/diary").status, 404);
}

TEST_P(RoomRoutesTest, TheKeepApartMarginIsReadByAnyoneAndChangedWithAReason) {
  auto margin = json::parse(As("demo.po1", "GET", "/api/v1/keep-apart/margin").body);
  EXPECT_EQ(margin["minutes"], 60);
  ASSERT_EQ(margin["history"].size(), 1u);

  ASSERT_EQ(As("demo.admin", "GET", "/api/v1/keep-apart/margin").status, 200);
  const auto before = Events();
  const struct {
    const char* why;
    json body;
    const char* field;
  } refused[] = {
      {"too long a margin", {{"minutes", 481}, {"reason", "All day"}}, "minutes"},
      {"negative", {{"minutes", -5}, {"reason", "Less"}}, "minutes"},
      {"not a number", {{"minutes", "ninety"}, {"reason", "Less"}}, "minutes"},
      {"no reason", {{"minutes", 90}}, "reason"},
      {"a blank reason", {{"minutes", 90}, {"reason", "   "}}, "reason"},
      {"an unknown member", {{"minutes", 90}, {"reason", "More"}, {"office", "NE-WALL"}}, "office"},
  };
  for (const auto& c : refused) {
    SCOPED_TRACE(c.why);
    const auto r = As("demo.admin", "PUT", "/api/v1/keep-apart/margin", c.body);
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(Field(r), c.field) << r.body;
  }
  EXPECT_EQ(Events(), before);

  const auto changed = As("demo.admin", "PUT", "/api/v1/keep-apart/margin",
                          {{"minutes", 90}, {"reason", "After an incident in the car park"}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(json::parse(changed.body)["minutes"], 90);
  margin = json::parse(As("demo.po1", "GET", "/api/v1/keep-apart/margin").body);
  EXPECT_EQ(margin["minutes"], 90);
  ASSERT_EQ(margin["history"].size(), 2u);
  EXPECT_EQ(margin["history"][0]["reason"], "After an incident in the car park");
  EXPECT_EQ(margin["history"][1]["minutes"], 60);
}

PROBITY_ON_BOTH_BACKENDS(RoomRoutesTest);

}  // namespace
}  // namespace probity

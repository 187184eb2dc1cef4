// The room pages on both backends (web/pages/room_pages.h): the offices, an office's room diary
// (a case the viewer may not see is "Booked (restricted case)"), the room finder, the
// administrators' forms to add and change rooms (refusals re-render with the errors and write
// nothing), and the booking page's room refusals beside the right fields, with the free times.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "page_client.h"

namespace probity {
namespace {

using nlohmann::json;

constexpr const char* kDale = "X320001";

class RoomPagesTest : public testing::PageTest {
 protected:
  void SetUp() override {
    PageTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    At("2026-11-23T09:00:00.000000Z");
    AddCase(kDale, "Dale", "Robson");
    if (HasFatalFailure()) return;
    const auto rooms = json::parse(As("demo.po1", "GET", "/api/v1/offices/NE-WALL/rooms").body);
    for (const auto& r : rooms["items"]) room_[r["name"].get<std::string>()] = r["id"];
    ASSERT_EQ(room_.size(), 8u);
  }

  static bool Has(const std::string& body, const std::string& text) {
    return body.find(text) != std::string::npos;
  }

  // The booking form's fields for Dale at NE-WALL.
  std::vector<std::pair<std::string, std::string>> Booking(const std::string& time,
                                                           const std::string& room = "",
                                                           const std::string& reason = "") {
    return {{"type", "supervision"},    {"date", "2026-11-24"}, {"time", time},
            {"duration_minutes", "60"}, {"place", "office"},    {"office", "NE-WALL"},
            {"room_id", room},          {"location", ""},       {"room_reason", reason}};
  }
  testing::ClientResponse Book(const std::string& time, const std::string& room = "",
                               const std::string& reason = "") {
    return PostAs("demo.po1", std::string("/people/") + kDale + "/appointments/new",
                  Booking(time, room, reason));
  }
  std::string Id(const std::string& room) { return std::to_string(room_.at(room)); }

  std::map<std::string, int64_t> room_;
};

TEST_P(RoomPagesTest, TheOfficesLinkToTheirDiaryAndRoomFinder) {
  const auto page = GetAs("demo.po1", "/offices");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(Has(page.body, "Wallsend Probation Office"));
  EXPECT_TRUE(Has(page.body, R"(href="/offices/NE-WALL/diary")"));
  EXPECT_TRUE(Has(page.body, R"(href="/offices/NE-WALL/room-finder")"));
  EXPECT_FALSE(Has(page.body, R"(href="/offices/NE-WALL/rooms")"));
  EXPECT_TRUE(Has(page.body, R"(href="/offices">Rooms</a>)"));
  EXPECT_TRUE(Has(GetAs("demo.admin", "/offices").body, R"(href="/offices/NE-WALL/rooms")"));
}

TEST_P(RoomPagesTest, TheDiaryShowsEachRoomsBookingsAndHidesWhoForARestrictedCase) {
  ASSERT_EQ(Book("10:00").status, 303);
  ASSERT_EQ(Book("14:00", Id("Reception booth"), "Only room with a hearing loop free").status, 303);
  const auto mine = GetAs("demo.po1", "/offices/NE-WALL/diary?date=2026-11-24");
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_TRUE(Has(mine.body, "Room diary: Tuesday 24 November 2026"));
  EXPECT_TRUE(Has(mine.body, "Interview room 1"));
  EXPECT_TRUE(Has(mine.body, "Private interview room"));
  EXPECT_TRUE(Has(mine.body, "Step-free access"));
  EXPECT_TRUE(Has(mine.body, "10am to 11am"));
  EXPECT_TRUE(Has(mine.body, std::string(R"(href="/people/)") + kDale + "\""));
  EXPECT_TRUE(Has(mine.body, std::string("Dale Robson (") + kDale + ")"));
  EXPECT_TRUE(Has(mine.body, "Open space"));
  EXPECT_TRUE(Has(mine.body, R"(href="/offices/NE-WALL/diary?date=2026-11-23")"));
  EXPECT_TRUE(Has(mine.body, R"(href="/offices/NE-WALL/diary?date=2026-11-25")"));

  // A practitioner excluded from the case sees the rooms taken, and not who is in them.
  ASSERT_EQ(As("demo.spo1", "POST", std::string("/api/v1/people/") + kDale + "/exclusions",
               {{"username", "demo.po2"}, {"reason", "a neighbour of the officer"}})
                .status,
            201);
  const auto theirs = GetAs("demo.po2", "/offices/NE-WALL/diary?date=2026-11-24");
  ASSERT_EQ(theirs.status, 200) << theirs.body;
  EXPECT_TRUE(Has(theirs.body, "10am to 11am"));
  EXPECT_TRUE(Has(theirs.body, "Booked (restricted case)"));
  EXPECT_FALSE(Has(theirs.body, kDale));
  EXPECT_FALSE(Has(theirs.body, "Robson"));

  const auto bad = GetAs("demo.po1", "/offices/NE-WALL/diary?date=next%20week");
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(Has(bad.body, "Enter a real date as YYYY-MM-DD"));
  EXPECT_EQ(GetAs("demo.po1", "/offices/NOWHERE/diary").status, 404);
}

TEST_P(RoomPagesTest, TheRoomFinderListsFreeRoomsMostPrivateFirstAndTheFreeTimes) {
  const auto empty = GetAs("demo.po1", "/offices/NE-WALL/room-finder");
  ASSERT_EQ(empty.status, 200) << empty.body;
  EXPECT_TRUE(Has(empty.body, "Find a free room"));
  EXPECT_FALSE(Has(empty.body, R"(id="results")"));

  ASSERT_EQ(Book("10:00").status, 303);
  const auto found =
      GetAs("demo.po1", "/offices/NE-WALL/room-finder?date=2026-11-24&time=10:00&duration=60");
  ASSERT_EQ(found.status, 200) << found.body;
  EXPECT_TRUE(Has(found.body, R"(id="results")"));
  EXPECT_FALSE(Has(found.body, "id=\"free-room-" + Id("Interview room 1") + "\""));
  EXPECT_TRUE(Has(found.body, "id=\"free-room-" + Id("Interview room 2") + "\""));
  EXPECT_LT(found.body.find("Interview room 2"), found.body.find("Reception booth"));
  EXPECT_TRUE(Has(found.body, "Open-plan space"));
  EXPECT_TRUE(Has(found.body, "Hearing loop"));
  EXPECT_TRUE(Has(
      found.body,
      R"(href="/offices/NE-WALL/room-finder?date=2026-11-24&amp;time=08:00&amp;duration=60">8am</a>)"));

  const auto bad =
      GetAs("demo.po1", "/offices/NE-WALL/room-finder?date=2026-11-24&time=10am&duration=0");
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(Has(bad.body, "Enter the time as HH:MM in UK time"));
  EXPECT_TRUE(Has(bad.body, "Enter a length from 5 to 480 minutes"));
  EXPECT_EQ(GetAs("demo.po1", "/offices/NOWHERE/room-finder").status, 404);
}

TEST_P(RoomPagesTest, AnAdministratorAddsAndChangesRoomsAndRefusalsWriteNothing) {
  EXPECT_EQ(GetAs("demo.po1", "/offices/NE-WALL/rooms").status, 403);
  const auto list = GetAs("demo.admin", "/offices/NE-WALL/rooms");
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_TRUE(Has(list.body, "Interview room 1"));
  EXPECT_TRUE(Has(list.body, "Add a room"));

  const auto before = Events();
  const auto refused =
      PostAs("demo.admin", "/offices/NE-WALL/rooms",
             {{"name", " "}, {"capacity", "lots"}, {"opens", "9"}, {"closes", "17:00"}});
  EXPECT_EQ(refused.status, 400) << refused.body;
  for (const char* message :
       {"Enter the room", "Select how private the room is", "Enter how many people the room seats",
        "Enter the time the room opens as HH:MM", "Select the days the room is open"})
    EXPECT_TRUE(Has(refused.body, message)) << message;
  const auto duplicate = PostAs("demo.admin", "/offices/NE-WALL/rooms",
                                {{"name", "Interview room 1"},
                                 {"privacy", "private"},
                                 {"capacity", "2"},
                                 {"opens", "09:00"},
                                 {"closes", "17:00"},
                                 {"days", "mon"}});
  EXPECT_EQ(duplicate.status, 409) << duplicate.body;
  EXPECT_EQ(PostAs("demo.po1", "/offices/NE-WALL/rooms",
                   {{"name", "Snug"}, {"privacy", "private"}, {"capacity", "2"}})
                .status,
            403);
  EXPECT_EQ(Events(), before);

  const auto added = PostAs("demo.admin", "/offices/NE-WALL/rooms",
                            {{"name", "Quiet room"},
                             {"privacy", "private"},
                             {"capacity", "2"},
                             {"accessibility", "step_free"},
                             {"accessibility", "quiet"},
                             {"opens", "10:00"},
                             {"closes", "16:30"},
                             {"days", "mon"},
                             {"days", "wed"}});
  ASSERT_EQ(added.status, 303) << added.body;
  json room;
  const auto items = As("demo.admin", "GET", "/api/v1/offices/NE-WALL/rooms").Json()["items"];
  for (const auto& r : items)
    if (r["name"] == "Quiet room") room = r;
  ASSERT_TRUE(room.is_object()) << items.dump();
  EXPECT_EQ(room["accessibility"], json({"step_free", "quiet"}));
  EXPECT_EQ(room["open_days"], "mon,wed");
  EXPECT_EQ(room["closes"], "16:30");

  const std::string url = "/offices/NE-WALL/rooms/" + std::to_string(room["id"].get<int64_t>());
  const auto form = GetAs("demo.admin", url);
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_TRUE(Has(form.body, R"(name="version" value="1")"));
  EXPECT_TRUE(Has(form.body, R"(value="quiet" checked)"));
  const std::vector<std::pair<std::string, std::string>> change = {
      {"version", "1"},   {"name", "Quiet room"}, {"privacy", "shared"}, {"capacity", "3"},
      {"opens", "10:00"}, {"closes", "16:30"},    {"days", "mon"}};
  const auto changed = PostAs("demo.admin", url, change);
  ASSERT_EQ(changed.status, 303) << changed.body;
  EXPECT_EQ(changed.Header("Location"), "/offices/NE-WALL/rooms?done=changed");
  const auto stale = PostAs("demo.admin", url, change);
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_TRUE(Has(stale.body, R"(name="version" value="2")"));
  const auto after = GetAs("demo.admin", "/offices/NE-WALL/rooms");
  EXPECT_TRUE(Has(after.body, "Out of use"));  // "active" was not ticked
}

TEST_P(RoomPagesTest, TheBookingPageShowsRoomRefusalsBesideTheirFieldsWithTheFreeTimes) {
  const std::string url = std::string("/people/") + kDale + "/appointments/new";
  const auto form = GetAs("demo.po1", url);
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_TRUE(Has(form.body, R"(name="room_reason")"));
  EXPECT_TRUE(Has(form.body, "Needed if the room is open-plan or public: others can overhear"));
  EXPECT_TRUE(Has(form.body, R"(href="/offices/NE-WALL/room-finder")"));

  ASSERT_EQ(Book("10:00", Id("Interview room 3")).status, 303);
  const auto before = Events();
  const auto taken = Book("10:30", Id("Interview room 3"));
  EXPECT_EQ(taken.status, 409) << taken.body;
  EXPECT_TRUE(Has(taken.body, R"(id="room_id-error")"));
  EXPECT_TRUE(Has(taken.body, "Interview room 3 is booked then"));
  EXPECT_TRUE(Has(taken.body, "Free that day from"));

  const auto no_reason = Book("12:00", Id("Reception booth"));
  EXPECT_EQ(no_reason.status, 400) << no_reason.body;
  EXPECT_TRUE(Has(no_reason.body, R"(id="room_reason-error")"));

  const auto closed = Book("21:00", Id("Interview room 3"));
  EXPECT_EQ(closed.status, 400) << closed.body;
  EXPECT_TRUE(Has(closed.body, R"(id="time-error")"));
  EXPECT_EQ(Events(), before);

  // With a reason: booked, and shown as an open space with why.
  const auto booked = Book("12:00", Id("Reception booth"), "Only room with a hearing loop free");
  ASSERT_EQ(booked.status, 303) << booked.body;
  const auto list = GetAs("demo.po1", booked.Header("Location"));
  EXPECT_TRUE(Has(list.body, "Open space"));
  EXPECT_TRUE(Has(list.body, "Only room with a hearing loop free"));
}

PROBITY_ON_BOTH_BACKENDS(RoomPagesTest);

}  // namespace
}  // namespace probity

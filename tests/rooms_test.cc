// Rooms booked with appointments, on both backends: two bookings never overlap in one room even
// when requests race; people kept apart are never at one office within the margin, and the
// refusal names neither them nor their case; open spaces need a reason and are flagged; the
// refusals offer the free rooms and times.
#include "app/rooms.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "app/appointments.h"
#include "app/case_access.h"
#include "app_server.h"
#include "core/uk_time.h"

namespace probity {
namespace {

using nlohmann::json;
using testing::ClientResponse;

constexpr const char* kDale = "X300001";
constexpr const char* kOther = "X300002";  // kept apart from Dale; in another PDU's team

class RoomsTest : public testing::AppServerTest {
 protected:
  void SetUp() override {
    AppServerTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    AddDale(kDale);
    if (HasFatalFailure()) return;
    const auto other = As("demo.po2", "POST", "/api/v1/people",
                          {{"crn", kOther},
                           {"first_name", "Kerry"},
                           {"last_name", "Nightingale"},
                           {"date_of_birth", "1990-06-01"},
                           {"gender", "female"},
                           {"team_code", "NE-DUR-A"}});
    ASSERT_EQ(other.status, 201) << other.body;
    const auto rooms = json::parse(As("demo.po1", "GET", "/api/v1/offices/NE-WALL/rooms").body);
    for (const auto& r : rooms["items"]) room_[r["name"].get<std::string>()] = r["id"];
    ASSERT_EQ(room_.size(), 8u);
  }

  static json Booking(const std::string& uk_time, std::optional<int64_t> room = std::nullopt,
                      const std::string& office = "NE-WALL") {
    json b = {{"type", "supervision"},
              {"starts_at", uk_time},
              {"duration_minutes", 60},
              {"office", office}};
    if (room) b["room_id"] = *room;
    return b;
  }

  ClientResponse Book(const std::string& who, const std::string& crn, const json& booking) {
    return As(who, "POST", std::string("/api/v1/people/") + crn + "/appointments", booking);
  }

  static std::string Code(const ClientResponse& r) {
    const auto body = json::parse(r.body, nullptr, false);
    return body.is_object() && body.contains("error") ? body["error"]["code"].get<std::string>()
                                                      : "";
  }
  static std::string Message(const ClientResponse& r) {
    return json::parse(r.body)["error"]["message"].get<std::string>();
  }

  size_t BookedAt(const std::string& uk_time, int64_t room) {
    auto tx = db_->BeginRead();
    const auto at = ParseUkLocalTime(uk_time, "t");
    long long n = 0;
    const std::string text = FormatUtc(*at);
    const long long r = room;
    tx.sql() << "SELECT COUNT(*) FROM appointment WHERE room_id = :r AND starts_at = :s AND "
                "status = 'booked'",
        soci::use(r), soci::use(text), soci::into(n);
    return static_cast<size_t>(n);
  }

  void KeepApart() {
    const auto linked =
        As("demo.po1", "POST", std::string("/api/v1/people/") + kDale + "/keep-apart",
           {{"other_crn", kOther}, {"reason", "Victim and perpetrator"}});
    ASSERT_EQ(linked.status, 201) << linked.body;
  }

  std::map<std::string, int64_t> room_;
};

TEST_P(RoomsTest, AnOfficeBookingTakesTheMostPrivateFreeRoom) {
  const auto first = Book("demo.po1", kDale, Booking("2026-11-24T10:00"));
  ASSERT_EQ(first.status, 201) << first.body;
  const auto a = json::parse(first.body);
  EXPECT_EQ(a["place"]["room_privacy"], "private");
  EXPECT_EQ(a["place"]["room_name"], "Interview room 1");
  EXPECT_EQ(a["place"]["open_space"], false);
  const auto second = json::parse(Book("demo.po1", kDale, Booking("2026-11-24T10:30")).body);
  EXPECT_EQ(second["place"]["room_name"], "Interview room 2");
}

TEST_P(RoomsTest, ConcurrentRequestsForOneRoomLeaveExactlyOneBooking) {
  // Tokens first: the requests below only read them.
  ASSERT_EQ(As("demo.po1", "GET", "/api/v1/offices/NE-WALL/rooms").status, 200);
  const int64_t room = room_.at("Interview room 3");
  constexpr int kRequests = 8;
  std::atomic<int> created{0}, taken{0}, other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kRequests; ++i)
    threads.emplace_back([&] {
      const auto r = Book("demo.po1", kDale, Booking("2026-11-25T14:00", room));
      if (r.status == 201)
        ++created;
      else if (r.status == 409 && Code(r) == "room_taken")
        ++taken;
      else
        ++other;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(created.load(), 1);
  EXPECT_EQ(taken.load(), kRequests - 1);
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(BookedAt("2026-11-25T14:00", room), 1u);
}

TEST_P(RoomsTest, TwoServersRacingForOneRoomLeaveExactlyOneBooking) {
  // Two connection pools, as two servers on one database would have, booking through the use
  // case at once: overlapping times (14:00 and 14:30) in one room.
  auto a = Open(4), b = Open(4);
  const auto on = [&](store::Db& db) {
    auto tx = db.BeginRead();
    long long id = 0;
    const std::string crn = kDale;  // soci binds a reference: it must outlive the statement
    tx.sql() << "SELECT id FROM person WHERE crn = :c", soci::use(crn), soci::into(id);
    return app::CaseRef{id, kDale};
  };
  const app::CaseRef dale = on(*a);
  const store::Actor by{"staff:1", std::nullopt};
  const UtcTime now = clock_.Now();
  constexpr int kRounds = 6;
  const std::array<const char*, kRounds> weekdays = {"2026-11-24", "2026-11-25", "2026-11-26",
                                                     "2026-11-27", "2026-11-30", "2026-12-01"};
  for (int round = 0; round < kRounds; ++round) {
    const std::string day = weekdays[round];
    std::atomic<int> created{0};
    const auto book = [&](store::Db& db, const std::string& time) {
      appointments::NewAppointment n;
      n.type = "supervision";
      n.starts_at = *ParseUkLocalTime(day + "T" + time, "t");
      n.duration_minutes = 60;
      n.office_code = "NE-WALL";
      n.room_id = room_.at("Interview room 4");
      if (app::BookAppointment(db, by, dale, n, now)) ++created;
    };
    std::thread t1([&] { book(*a, "14:00"); });
    std::thread t2([&] { book(*b, "14:30"); });
    t1.join();
    t2.join();
    EXPECT_EQ(created.load(), 1) << day;
  }
}

TEST_P(RoomsTest, ATakenRoomIsRefusedWithTheFreeRoomsAndTimes) {
  ASSERT_EQ(
      Book("demo.po1", kDale, Booking("2026-11-24T10:00", room_.at("Interview room 1"))).status,
      201);
  const auto again =
      Book("demo.po1", kDale, Booking("2026-11-24T10:30", room_.at("Interview room 1")));
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(Code(again), "room_taken");
  const auto message = Message(again);
  EXPECT_NE(message.find("Interview room 2 (Private interview room"), std::string::npos) << message;
  // The free times nearest the one wanted: before 10am and from 11am.
  EXPECT_NE(message.find("Interview room 1: Free that day from 9am, 11am, 11:15am"),
            std::string::npos)
      << message;
  EXPECT_EQ(BookedAt("2026-11-24T10:30", room_.at("Interview room 1")), 0u);

  const auto closed =
      Book("demo.po1", kDale, Booking("2026-11-24T07:00", room_.at("Interview room 1")));
  EXPECT_EQ(closed.status, 400) << closed.body;
  EXPECT_EQ(Code(closed), "room_closed");
  EXPECT_NE(Message(closed).find("Mon, Tue, Wed, Thu, Fri 08:00 to 20:00"), std::string::npos);
}

TEST_P(RoomsTest, AnOpenSpaceNeedsAReasonIsFlaggedAndIsTheLastResort) {
  const int64_t booth = room_.at("Reception booth");
  const auto bare = Book("demo.po1", kDale, Booking("2026-11-26T11:00", booth));
  EXPECT_EQ(bare.status, 400) << bare.body;
  EXPECT_EQ(Code(bare), "missing_field");
  EXPECT_EQ(json::parse(bare.body)["error"]["field"], "room_reason");
  auto with_reason = Booking("2026-11-26T11:00", booth);
  with_reason["room_reason"] = "Drop-in after court; he cannot wait for a room";
  const auto made = Book("demo.po1", kDale, with_reason);
  ASSERT_EQ(made.status, 201) << made.body;
  const auto a = json::parse(made.body);
  EXPECT_EQ(a["place"]["open_space"], true);
  EXPECT_EQ(a["place"]["room_privacy"], "open_plan");
  EXPECT_EQ(a["place"]["room_reason"], "Drop-in after court; he cannot wait for a room");

  // Fill every closed room at 15:00: the next booking is told only open spaces are left.
  for (int i = 0; i < 7; ++i)
    ASSERT_EQ(Book("demo.po1", kDale, Booking("2026-11-26T15:00")).status, 201) << i;
  const auto only_open = Book("demo.po1", kDale, Booking("2026-11-26T15:00"));
  EXPECT_EQ(only_open.status, 400) << only_open.body;
  EXPECT_NE(Message(only_open).find("The only rooms free then are open spaces"), std::string::npos);
  auto in_booth = Booking("2026-11-26T15:00");
  in_booth["room_reason"] = "Every interview room is in use";
  ASSERT_EQ(Book("demo.po1", kDale, in_booth).status, 201);
  const auto full = Book("demo.po1", kDale, Booking("2026-11-26T15:30"));
  EXPECT_EQ(full.status, 409) << full.body;
  EXPECT_EQ(Code(full), "no_room_free");
  EXPECT_NE(Message(full).find("Free that day from"), std::string::npos);
}

TEST_P(RoomsTest, PeopleKeptApartAreNeverBookedAtOneOfficeWithinTheMargin) {
  KeepApart();
  if (HasFatalFailure()) return;
  ASSERT_EQ(Book("demo.po2", kOther, Booking("2026-11-24T10:00")).status, 201);
  const auto before =
      As("demo.po1", "GET", std::string("/api/v1/people/") + kDale + "/appointments");
  // Dale in another room half an hour later, and just inside the hour after it ends.
  for (const char* time : {"2026-11-24T10:30", "2026-11-24T11:59", "2026-11-24T08:01"}) {
    const auto r = Book("demo.po1", kDale, Booking(time));
    EXPECT_EQ(r.status, 409) << time << r.body;
    EXPECT_EQ(Code(r), "keep_apart");
    const auto message = Message(r);
    // The refusal says there is a conflict and when is free, never who.
    EXPECT_EQ(message.find(kOther), std::string::npos) << message;
    EXPECT_EQ(message.find("Nightingale"), std::string::npos) << message;
    EXPECT_EQ(message.find("Kerry"), std::string::npos) << message;
    EXPECT_NE(message.find("within 60 minutes"), std::string::npos) << message;
    EXPECT_NE(message.find("midday, 12:15pm"), std::string::npos) << message;
  }
  EXPECT_EQ(As("demo.po1", "GET", std::string("/api/v1/people/") + kDale + "/appointments").body,
            before.body);
  // An hour after it ends, or another office at the same time, is fine.
  EXPECT_EQ(Book("demo.po1", kDale, Booking("2026-11-24T12:00")).status, 201);
  EXPECT_EQ(Book("demo.po1", kDale, Booking("2026-11-24T10:00", std::nullopt, "NE-DURH")).status,
            201);
}

TEST_P(RoomsTest, TheKeepApartMarginIsPolicyAnAdministratorChanges) {
  KeepApart();
  if (HasFatalFailure()) return;
  ASSERT_EQ(Book("demo.po2", kOther, Booking("2026-11-24T10:00")).status, 201);
  const store::Actor admin{"staff:1", std::nullopt};
  EXPECT_FALSE(app::SetKeepApartMargin(*db_, admin, 481, "too long", clock_.Now()));
  EXPECT_FALSE(app::SetKeepApartMargin(*db_, admin, 120, " ", clock_.Now()));
  ASSERT_TRUE(app::SetKeepApartMargin(*db_, admin, 120,
                                      "Two hours after an incident in the car "
                                      "park",
                                      clock_.Now()));
  const auto margins = app::KeepApartMargins(*db_);
  ASSERT_EQ(margins.size(), 2u);
  EXPECT_EQ(margins[0].minutes, 120);
  EXPECT_EQ(margins[1].minutes, 60);
  const auto r = Book("demo.po1", kDale, Booking("2026-11-24T12:00"));
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_NE(Message(r).find("within 120 minutes"), std::string::npos);
  EXPECT_EQ(Book("demo.po1", kDale, Booking("2026-11-24T13:00")).status, 201);
  // The policy table keeps every change.
  auto tx = db_->BeginWrite();
  EXPECT_ANY_THROW(tx.sql() << "UPDATE keep_apart_policy SET margin_minutes = 5");
}

TEST_P(RoomsTest, ARearrangementKeepsItsRoomWhenFreeAndIsCheckedLikeABooking) {
  const auto made =
      Book("demo.po1", kDale, Booking("2026-11-24T10:00", room_.at("Interview room 5")));
  ASSERT_EQ(made.status, 201) << made.body;
  const auto a = json::parse(made.body);
  const std::string base = std::string("/api/v1/people/") + kDale + "/appointments/" +
                           std::to_string(a["id"].get<int64_t>());
  // Moving it half an hour later overlaps only itself.
  const auto moved = As("demo.po1", "POST", base + "/rearrange",
                        {{"version", a["version"]},
                         {"requested_by", "service"},
                         {"reason", "Officer in court"},
                         {"starts_at", "2026-11-24T10:30"}});
  ASSERT_EQ(moved.status, 201) << moved.body;
  const auto replacement = json::parse(moved.body)["replacement"];
  EXPECT_EQ(replacement["place"]["room_name"], "Interview room 5");

  KeepApart();
  if (HasFatalFailure()) return;
  ASSERT_EQ(Book("demo.po2", kOther, Booking("2026-11-25T10:00")).status, 201);
  const std::string next = std::string("/api/v1/people/") + kDale + "/appointments/" +
                           std::to_string(replacement["id"].get<int64_t>());
  const auto clash = As("demo.po1", "POST", next + "/rearrange",
                        {{"version", replacement["version"]},
                         {"requested_by", "person"},
                         {"reason", "Working"},
                         {"starts_at", "2026-11-25T10:30"}});
  EXPECT_EQ(clash.status, 409) << clash.body;
  EXPECT_EQ(Code(clash), "keep_apart");
}

TEST_P(RoomsTest, TheDiaryKeepsARoomTakenOutOfUseWhileItHoldsABooking) {
  ASSERT_EQ(
      Book("demo.po1", kDale, Booking("2026-11-24T10:00", room_.at("Interview room 6"))).status,
      201);
  const store::Actor admin{"staff:1", std::nullopt};
  app::RoomChange out;
  out.active = false;
  for (const char* name : {"Interview room 5", "Interview room 6"})
    ASSERT_TRUE(app::ChangeRoom(*db_, admin, "NE-WALL", room_.at(name), out, 1, clock_.Now()));
  const auto diary = app::RoomDiary(*db_, "NE-WALL", 1, *ParseDate("2026-11-24"));
  ASSERT_TRUE(diary);
  std::vector<std::string> names;
  for (const auto& r : diary->rooms) names.push_back(r.name + (r.active ? "" : " (out of use)"));
  // Room 6 stays, out of use, with its booking; room 5, out of use and empty, is gone.
  EXPECT_NE(std::find(names.begin(), names.end(), "Interview room 6 (out of use)"), names.end());
  EXPECT_EQ(std::find(names.begin(), names.end(), "Interview room 5 (out of use)"), names.end());
  EXPECT_EQ(std::find(names.begin(), names.end(), "Interview room 5"), names.end());
  ASSERT_EQ(diary->entries.size(), 1u);
  EXPECT_EQ(diary->entries[0].room_id, room_.at("Interview room 6"));
}

PROBITY_ON_BOTH_BACKENDS(RoomsTest);

}  // namespace
}  // namespace probity

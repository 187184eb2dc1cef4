#include "rooms/booking.h"

#include <gtest/gtest.h>

#include "core/uk_time.h"

namespace probity::rooms {
namespace {

using std::chrono::minutes;

// 10:00 on Tuesday 24 November 2026 (GMT) plus `offset` minutes.
UtcTime At(int offset = 0) { return *ParseUtc("2026-11-24T10:00:00.000000Z") + minutes{offset}; }
Span For(int offset, int length) { return {At(offset), At(offset + length)}; }

Room MakeRoom(int64_t id, std::string name, std::string privacy) {
  Room r;
  r.id = id;
  r.office_id = 1;
  r.name = std::move(name);
  r.privacy = std::move(privacy);
  r.capacity = 2;
  return r;
}

OfficeState Office() {
  OfficeState s;
  s.rooms = {MakeRoom(1, "Booth", "open_plan"), MakeRoom(2, "Interview 2", "private"),
             MakeRoom(3, "Group", "shared"), MakeRoom(4, "Interview 1", "private")};
  return s;
}

TEST(RoomBooking, BookingsThatTouchDoNotOverlap) {
  EXPECT_TRUE(Overlaps(For(0, 60), For(30, 60)));
  EXPECT_TRUE(Overlaps(For(0, 60), For(10, 5)));
  EXPECT_FALSE(Overlaps(For(0, 60), For(60, 60)));
  EXPECT_FALSE(Overlaps(For(60, 60), For(0, 60)));
}

TEST(RoomBooking, ARoomIsTakenByAnOverlappingBookingButNotByTheOneBeingMoved) {
  auto s = Office();
  s.bookings = {{10, 100, 2, For(0, 60)}};
  EXPECT_TRUE(RoomTaken(s, 2, For(45, 30)));
  EXPECT_FALSE(RoomTaken(s, 2, For(60, 30)));
  EXPECT_FALSE(RoomTaken(s, 4, For(0, 60)));
  s.except = 10;
  EXPECT_FALSE(RoomTaken(s, 2, For(0, 60)));
}

TEST(RoomBooking, FreeRoomsAreTheMostPrivateFirstAndOpenSpacesLast) {
  auto s = Office();
  s.bookings = {{10, 100, 4, For(0, 60)}};
  const auto free = FreeRooms(s, For(30, 30));
  ASSERT_EQ(free.size(), 3u);
  EXPECT_EQ(free[0].name, "Interview 2");
  EXPECT_EQ(free[1].name, "Group");
  EXPECT_EQ(free[2].name, "Booth");
}

TEST(RoomBooking, PeopleKeptApartAreNotAtTheOfficeWithinTheMargin) {
  auto s = Office();
  s.bookings = {{10, 200, 2, For(0, 60)}};  // the other person, 10:00-11:00
  s.keep_apart_from = {200};
  s.margin = minutes{60};
  EXPECT_TRUE(KeepApartClash(s, For(0, 30)));     // at the same time, another room
  EXPECT_TRUE(KeepApartClash(s, For(119, 30)));   // 11:59: within the hour after
  EXPECT_FALSE(KeepApartClash(s, For(120, 30)));  // 12:00: an hour after it ends
  EXPECT_TRUE(KeepApartClash(s, For(-89, 30)));   // ends 08:31... within the hour before
  EXPECT_FALSE(KeepApartClash(s, For(-90, 30)));  // ends 09:00, an hour before
  EXPECT_TRUE(FreeRooms(s, For(0, 30)).empty());
  s.keep_apart_from = {300};  // someone else: no clash
  EXPECT_FALSE(KeepApartClash(s, For(0, 30)));
  s.keep_apart_from = {200};
  s.margin = minutes{0};
  EXPECT_TRUE(KeepApartClash(s, For(30, 30)));  // no margin still means not at the same time
  EXPECT_FALSE(KeepApartClash(s, For(60, 30)));
}

TEST(RoomBooking, ARoomIsBookedOnlyWhileOpenInUkTime) {
  const OpeningHours weekdays{9 * 60, 17 * 60, 0b0011111};
  EXPECT_TRUE(IsOpenFor(weekdays, For(0, 60)));          // Tuesday 10:00
  EXPECT_FALSE(IsOpenFor(weekdays, For(-61, 60)));       // 08:59
  EXPECT_TRUE(IsOpenFor(weekdays, For(360, 60)));        // 16:00 to 17:00
  EXPECT_FALSE(IsOpenFor(weekdays, For(390, 60)));       // past closing
  EXPECT_FALSE(IsOpenFor(weekdays, For(4 * 1440, 60)));  // Saturday
  // In summer time 09:00 in the UK is 08:00 UTC.
  const UtcTime june = *ParseUtc("2027-06-15T08:00:00.000000Z");
  EXPECT_TRUE(IsOpenFor(weekdays, {june, june + minutes{30}}));
  EXPECT_FALSE(IsOpenFor(weekdays, {june - minutes{15}, june + minutes{30}}));
}

TEST(RoomBooking, AnOpenSpaceNeedsAReasonAndAPrivateRoomDoesNot) {
  EXPECT_TRUE(CheckRoomReason(MakeRoom(2, "Interview", "private"), std::nullopt));
  EXPECT_TRUE(CheckRoomReason(MakeRoom(3, "Group", "shared"), std::nullopt));
  const auto missing = CheckRoomReason(MakeRoom(1, "Booth", "open_plan"), std::nullopt);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().field, "room_reason");
  EXPECT_FALSE(CheckRoomReason(MakeRoom(1, "Library", "public"), std::string("  ")));
  EXPECT_TRUE(CheckRoomReason(MakeRoom(1, "Booth", "open_plan"),
                              std::string("Every private room is flooded")));
  EXPECT_EQ(CheckRoomReason(MakeRoom(1, "Booth", "open_plan"), std::string(501, 'x')).error().code,
            "too_long");
  EXPECT_TRUE(IsOpenSpace("public"));
  EXPECT_FALSE(IsOpenSpace("shared"));
}

TEST(RoomBooking, FreeTimesSkipTakenRoomsKeepApartAndThePast) {
  auto s = Office();
  s.rooms = {MakeRoom(2, "Interview 2", "private")};
  s.bookings = {{10, 100, 2, For(0, 60)}, {11, 200, std::nullopt, For(180, 30)}};
  s.keep_apart_from = {200};
  s.margin = minutes{30};
  const Date day = UkDateOf(At());
  const auto times = FreeTimes(s, std::nullopt, day, minutes{60}, At(-60), 40);
  ASSERT_FALSE(times.empty());
  EXPECT_EQ(times.front(), At(-60));  // 09:00 to 10:00 before the booking
  for (const auto t : times) {
    const Span span{t, t + minutes{60}};
    EXPECT_FALSE(Overlaps(span, For(0, 60))) << FormatUtc(t);
    EXPECT_FALSE(Overlaps(span, For(150, 90))) << FormatUtc(t);  // 12:30-14:00 kept apart
    EXPECT_TRUE(IsOpenFor(s.rooms[0].hours, span)) << FormatUtc(t);
  }
  EXPECT_EQ(times[1], At(60));  // 11:00, once the room is free
  EXPECT_EQ(FreeTimes(s, std::nullopt, day, minutes{60}, At(24 * 60), 10).size(), 0u);
  EXPECT_EQ(DescribeTimes({At(0), At(15), At(240)}), "10am, 10:15am and 2pm");
  EXPECT_EQ(DescribeTimes({}), "no free time that day");
}

TEST(RoomBooking, PrivacyRanksPrivateFirst) {
  EXPECT_LT(PrivacyRank("private"), PrivacyRank("shared"));
  EXPECT_LT(PrivacyRank("shared"), PrivacyRank("open_plan"));
  EXPECT_LT(PrivacyRank("open_plan"), PrivacyRank("public"));
  EXPECT_LT(PrivacyRank("public"), PrivacyRank("cupboard"));
}

}  // namespace
}  // namespace probity::rooms

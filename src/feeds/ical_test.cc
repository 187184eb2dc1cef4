// The feed's iCalendar text, parsed back with libical: what each event holds and what it never
// holds, and UK wall-clock times that convert to the right instants either side of both clock
// changes through the feed's own VTIMEZONE.
#include "feeds/ical.h"

#include <gtest/gtest.h>
#include <libical/ical.h>

#include <map>
#include <memory>

namespace probity::feeds {
namespace {

UtcTime At(const char* utc) { return *ParseUtc(utc); }

FeedItem Item(int64_t id, const char* starts_utc, std::string status = "booked", int version = 1) {
  FeedItem item;
  auto& a = item.appointment;
  a.id = id;
  a.type = "supervision";
  a.type_label = "Supervision";
  a.starts_at = At(starts_utc);
  a.duration_minutes = 45;
  a.place.office_id = 3;
  a.place.office_code = "NE-WALL";
  a.place.office_name = "Wallsend Office";
  a.place.room_id = 7;
  a.place.room_name = "Interview room 2";
  a.status = std::move(status);
  a.version = version;
  item.crn = "X123456";
  item.first_name = "Jordan";
  item.last_name = "Smith";
  item.changed_at = At("2026-11-23T09:00:00.000000Z");
  return item;
}

struct CalendarFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Calendar = std::unique_ptr<icalcomponent, CalendarFree>;

Calendar Parse(const std::string& text) { return Calendar(icalparser_parse_string(text.c_str())); }

// UID -> the event's DTSTART as a UTC instant, worked out by libical from the TZID and the
// calendar's own VTIMEZONE.
std::map<std::string, std::string> StartsInUtc(icalcomponent* cal) {
  std::map<std::string, std::string> out;
  for (auto* e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); e;
       e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
    const icaltimetype start = icalcomponent_get_dtstart(e);
    const time_t t = icaltime_as_timet_with_zone(start, start.zone);
    out[icalcomponent_get_uid(e)] = FormatUtc(UtcTime{std::chrono::seconds{t}}).substr(0, 16) + "Z";
  }
  return out;
}

TEST(Initials, TakeTheFirstLetterOfEachNameAndSkipBlanks) {
  const struct {
    const char* first;
    const char* last;
    const char* want;
  } cases[] = {
      {"Jordan", "Smith", "J.S."}, {"jordan", "smith", "J.S."}, {" Ann", "O'Neill", "A.O."},
      {"Zoë", "Ćwik", "Z.Ć."},     {"", "Smith", "S."},         {"Jordan", "", "J."},
      {"   ", "   ", ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.first) + "|" + c.last);
    EXPECT_EQ(Initials(c.first, c.last), c.want);
  }
}

TEST(FeedLocation, NamesTheOfficeAndRoomButNeverALocationOutsideAnOffice) {
  appointments::Place office;
  office.office_id = 1;
  office.office_name = "Wallsend Office";
  office.room_name = "Interview room 2";
  EXPECT_EQ(LocationOf(office), "Wallsend Office, Interview room 2");
  office.room_name.clear();
  EXPECT_EQ(LocationOf(office), "Wallsend Office");
  appointments::Place home;
  home.location = "Home address: 4 Quay Road, Wallsend";
  EXPECT_EQ(LocationOf(home), "Away from the office");
}

TEST(RenderFeed, HoldsTheCalendarHeaderAndOneEventPerAppointment) {
  const std::string text = RenderFeed({Item(41, "2026-12-01T10:00:00.000000Z"),
                                       Item(42, "2026-12-02T10:00:00.000000Z", "rearranged", 2)});
  auto cal = Parse(text);
  ASSERT_TRUE(cal);
  EXPECT_NE(text.find("PRODID:-//Probity//Calendar feed//EN\r\n"), std::string::npos);
  EXPECT_NE(text.find("METHOD:PUBLISH\r\n"), std::string::npos);
  EXPECT_NE(text.find("X-WR-CALNAME:Probity appointments\r\n"), std::string::npos);
  EXPECT_NE(text.find("BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n"), std::string::npos);
  EXPECT_NE(text.find("BEGIN:DAYLIGHT"), std::string::npos);
  EXPECT_NE(text.find("BEGIN:STANDARD"), std::string::npos);
  EXPECT_EQ(text.find("freeassociation"), std::string::npos) << "libical's own TZID prefix";
  EXPECT_EQ(icalcomponent_count_components(cal.get(), ICAL_VEVENT_COMPONENT), 2);

  auto* first = icalcomponent_get_first_component(cal.get(), ICAL_VEVENT_COMPONENT);
  EXPECT_STREQ(icalcomponent_get_uid(first), "appointment-41@probity");
  EXPECT_STREQ(icalcomponent_get_summary(first), "X123456 J.S.: Supervision");
  EXPECT_STREQ(icalcomponent_get_location(first), "Wallsend Office, Interview room 2");
  EXPECT_EQ(icalcomponent_get_status(first), ICAL_STATUS_CONFIRMED);
  EXPECT_EQ(icalcomponent_get_sequence(first), 1);
  EXPECT_NE(text.find("DTSTART;TZID=Europe/London:20261201T100000\r\n"), std::string::npos);
  EXPECT_NE(text.find("DTEND;TZID=Europe/London:20261201T104500\r\n"), std::string::npos);
  EXPECT_NE(text.find("DTSTAMP:20261123T090000Z\r\n"), std::string::npos);

  auto* second = icalcomponent_get_next_component(cal.get(), ICAL_VEVENT_COMPONENT);
  EXPECT_STREQ(icalcomponent_get_uid(second), "appointment-42@probity");
  EXPECT_EQ(icalcomponent_get_status(second), ICAL_STATUS_CANCELLED);
  EXPECT_EQ(icalcomponent_get_sequence(second), 2);

  for (const char* personal : {"Jordan", "Smith", "Quay Road"})
    EXPECT_EQ(text.find(personal), std::string::npos) << personal;
}

TEST(RenderFeed, IsTheSameBytesForTheSameAppointments) {
  const std::vector<FeedItem> items = {Item(1, "2026-12-01T10:00:00.000000Z")};
  EXPECT_EQ(RenderFeed(items), RenderFeed(items));
}

TEST(RenderFeed, EscapesTextAndNeverShowsALocationOutsideAnOffice) {
  FeedItem visit = Item(5, "2026-12-01T10:00:00.000000Z");
  visit.appointment.place = {};
  visit.appointment.place.location = "Home address: 4 Quay Road, Wallsend";
  visit.appointment.type_label = "Home visit; initial, with partner";
  const std::string text = RenderFeed({visit});
  EXPECT_EQ(text.find("Quay Road"), std::string::npos);
  EXPECT_NE(text.find("LOCATION:Away from the office\r\n"), std::string::npos);
  auto cal = Parse(text);
  auto* e = icalcomponent_get_first_component(cal.get(), ICAL_VEVENT_COMPONENT);
  EXPECT_STREQ(icalcomponent_get_summary(e), "X123456 J.S.: Home visit; initial, with partner");
}

TEST(RenderFeed, UkTimesConvertToTheRightInstantsEitherSideOfBothClockChanges) {
  // UK 10:00 on each day: GMT before 28 March 2027 and from 31 October 2027, BST between.
  const struct {
    int64_t id;
    const char* utc;
    const char* local;
  } cases[] = {
      {1, "2027-03-26T10:00:00.000000Z", "20270326T100000"},
      {2, "2027-03-29T09:00:00.000000Z", "20270329T100000"},
      {3, "2027-10-29T09:00:00.000000Z", "20271029T100000"},
      {4, "2027-11-01T10:00:00.000000Z", "20271101T100000"},
      {5, "2027-03-28T00:30:00.000000Z", "20270328T003000"},  // just before the change
      {6, "2027-03-28T01:30:00.000000Z", "20270328T023000"},  // just after it
  };
  std::vector<FeedItem> items;
  for (const auto& c : cases) items.push_back(Item(c.id, c.utc));
  const std::string text = RenderFeed(items);
  auto cal = Parse(text);
  ASSERT_TRUE(cal);
  const auto starts = StartsInUtc(cal.get());
  for (const auto& c : cases) {
    SCOPED_TRACE(c.utc);
    EXPECT_NE(text.find(std::string("DTSTART;TZID=Europe/London:") + c.local), std::string::npos);
    EXPECT_EQ(starts.at("appointment-" + std::to_string(c.id) + "@probity"),
              std::string(c.utc).substr(0, 16) + "Z");
  }
}

}  // namespace
}  // namespace probity::feeds

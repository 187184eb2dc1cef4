// The iCalendar (RFC 5545) text of a practitioner's feed, built with libical: pure, no I/O, no
// clock. The same items always give the same bytes, so an ETag over the body is stable until an
// appointment changes.
//
// What each event holds, and never holds (docs/calendar-feeds.md): a UID that never changes
// ("appointment-<id>@probity"), SEQUENCE from the appointment's version, DTSTART and DTEND in
// Europe/London with the zone's VTIMEZONE (from the system's zoneinfo, through libical), STATUS
// CONFIRMED while booked and CANCELLED once rearranged, SUMMARY of the CRN, the person's initials
// and the appointment type, LOCATION of the office and room or "Away from the office". Never a
// name, an address, a note or an outcome.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "feeds/model.h"

namespace probity::feeds {

inline constexpr std::string_view kProdId = "-//Probity//Calendar feed//EN";
inline constexpr std::string_view kTimeZone = "Europe/London";
inline constexpr std::string_view kCalendarName = "Probity appointments";
// What a feed says in place of a location that is not an office: the location text is free text
// and may be a home address, which is personal data.
inline constexpr std::string_view kAwayFromOffice = "Away from the office";

// "J.S." from the first letter of each name (a whole UTF-8 character, upper-cased when ASCII);
// a blank name contributes nothing.
std::string Initials(std::string_view first_name, std::string_view last_name);

// "X123456 J.S.: Supervision".
std::string SummaryOf(const FeedItem& item);

// "Wallsend Office, Interview room 2", the office alone when there is no room, or
// kAwayFromOffice when the appointment is not at an office.
std::string LocationOf(const appointments::Place& place);

// "CONFIRMED" for a booked appointment; "CANCELLED" for anything else (a rearranged one).
std::string_view StatusOf(const appointments::Appointment& appointment);

// The whole VCALENDAR (METHOD:PUBLISH, CRLF line endings, folded at 75 octets), one VEVENT per
// item in the order given. Throws std::runtime_error only if libical cannot load the
// Europe/London zone: a machine without its time zone database, not an input.
std::string RenderFeed(const std::vector<FeedItem>& items);

}  // namespace probity::feeds

// Rules for contacts and the timeline: what a recorded contact must be, how an amendment reads,
// the opaque timeline cursor, and the timeline's filters. Pure: no database, no clock (now
// arrives as a value), no HTTP. Each failure is kInvalid naming the one field at fault.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cases/contact_model.h"
#include "cases/model.h"
#include "core/result.h"
#include "core/time.h"

namespace probity::cases {

// A note is 1 to 20,000 characters (Unicode code points, not bytes).
inline constexpr size_t kMaxNoteCharacters = 20'000;
// A recorded contact has happened. Clocks differ, so up to 5 minutes ahead of the server still
// counts as now; anything later is an appointment (planned), a later capability.
inline constexpr std::chrono::minutes kClockSkew{5};
// Nothing before the service's records begin: a year typed as 199 or 0026 is a mistake.
inline constexpr std::string_view kEarliestContact = "1990-01-01";
// Most types one timeline filter may name.
inline constexpr size_t kMaxFilterTypes = 30;
// Timeline pages: default and most rows.
inline constexpr int kDefaultTimelineLimit = 50;
inline constexpr int kMaxTimelineLimit = 200;

// Unicode code points in UTF-8 text (bytes that do not continue a sequence).
size_t CountCharacters(std::string_view utf8);

// Policy for contacts recorded by people (issue 5, item 4):
// type from ContactTypes() (field "type"); a note (field "note", see CheckNote); `at`, when
// given, as CheckContactTime. The sentence is the use case's to check: it needs the database.
Status CheckNewContact(const NewContact& contact, UtcTime now);
// Not after now + kClockSkew ("future_contact"), not before kEarliestContact ("too_early").
Status CheckContactTime(UtcTime at, UtcTime now, const char* field = "at");
// Required, at most kMaxNoteCharacters, line breaks and tabs allowed, no other control character.
Status CheckNote(std::string_view note, const char* field = "note");
// An amendment: the corrected note (field "note", as CheckNote) and a one-line reason of at most
// 500 characters (field "reason").
Status CheckAmendment(std::string_view note, std::string_view reason);

// The note of an amendment's timeline row: "Amendment to contact 12: <reason>", a blank line,
// then the corrected text in full, so the timeline reads on its own.
std::string AmendmentNote(int64_t contact_id, std::string_view reason, std::string_view note);

// What a person reads for a timeline row's type: the contact type's label, or for a system entry
// its event kind in words ("person.registered" -> "Person registered").
std::string TimelineTypeLabel(std::string_view type);

// The timeline cursor, opaque to clients: base64url (no padding) of "<FormatUtc(at)>|<id>".
// Not a secret and not signed: it names a position in a timeline the caller may already read,
// so a forged one reveals nothing. DecodeCursor returns nullopt for anything EncodeCursor could
// not have produced (bad base64, no separator, a malformed instant, an id that is not a positive
// integer, more than 128 characters).
std::string EncodeCursor(const TimelineCursor& cursor);
std::optional<TimelineCursor> DecodeCursor(std::string_view text);

// An ISO 8601 instant with seconds: "2026-11-23T09:15:02Z", with up to 6 fractional digits, and
// "Z" or an offset "+01:00"/"-05:30" (converted to UTC). FormatUtc's form is one of these.
// nullopt for anything else.
std::optional<UtcTime> ParseInstant(std::string_view text);

// A timeline bound: "YYYY-MM-DD" (a UTC day: `from` its start, `to` the start of the next day, so
// to=2026-11-23 includes all of that day) or an instant (ParseInstant). kInvalid naming `field`.
enum class Bound { kFrom, kTo };
Result<UtcTime> ParseTimelineBound(std::string_view text, Bound bound, const char* field);

// The timeline's query parameters as sent, before checking.
struct TimelineFilter {
  std::vector<std::string> types;  // each "a" or "a,b": repeated and comma-separated both work
  std::optional<std::string> from;
  std::optional<std::string> to;
  std::optional<std::string> cursor;
  std::optional<std::string> limit;
};
// The query they describe (person_id left 0 for the caller). kInvalid naming the field:
// "type" (neither a contact type nor a dotted event kind such as "person.registered", or more
// than kMaxFilterTypes), "from", "to" (also when not after from), "cursor" (DecodeCursor),
// "limit" (not a whole number from 1 to kMaxTimelineLimit). Repeated types count once.
Result<TimelineQuery> ParseTimelineFilter(const TimelineFilter& filter);

}  // namespace probity::cases

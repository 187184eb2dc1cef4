#include "rooms/booking.h"

#include <algorithm>

#include "cases/contact_rules.h"
#include "core/uk_time.h"
#include "rooms/rules.h"

namespace probity::rooms {

namespace {
using std::chrono::minutes;
constexpr size_t kMaxReason = 500;
constexpr minutes kStep{15};
constexpr OpeningHours kOfficeHours{};  // an office with no rooms recorded: 09:00-17:00 weekdays

// Minutes after UK midnight of `day` at which `at` falls (negative or past 1440 off that day).
int MinutesInto(Date day, UtcTime at) {
  return static_cast<int>(std::chrono::duration_cast<minutes>(at - UkStartOfDay(day)).count());
}

// Monday 0 ... Sunday 6.
unsigned DayIndex(Date day) {
  const unsigned c = std::chrono::weekday{day}.c_encoding();  // Sunday 0
  return (c + 6) % 7;
}
}  // namespace

int PrivacyRank(std::string_view privacy) {
  const auto all = Privacies();
  for (size_t i = 0; i < all.size(); ++i)
    if (all[i].code == privacy) return static_cast<int>(i);
  return static_cast<int>(all.size());
}

bool IsOpenSpace(std::string_view privacy) { return privacy == "open_plan" || privacy == "public"; }

bool IsOpenFor(const OpeningHours& hours, const Span& span) {
  if (span.end <= span.start) return false;
  const Date day = UkDateOf(span.start);
  if ((hours.days & (1u << DayIndex(day))) == 0) return false;
  return MinutesInto(day, span.start) >= hours.opens && MinutesInto(day, span.end) <= hours.closes;
}

Status CheckRoomReason(const Room& room, const std::optional<std::string>& reason) {
  if (!IsOpenSpace(room.privacy)) return {};
  const bool blank = !reason || reason->find_first_not_of(" \t\r\n") == std::string::npos;
  if (blank)
    return Error::Invalid("missing_field",
                          room.name + " is an " +
                              (room.privacy == "public" ? "public space" : "open-plan space") +
                              ": others can overhear. Give the reason it has to be there, or "
                              "choose a private room",
                          "room_reason");
  if (cases::CountCharacters(*reason) > kMaxReason)
    return Error::Invalid("too_long", "room_reason is at most 500 characters", "room_reason");
  return {};
}

bool RoomTaken(const OfficeState& state, int64_t room_id, const Span& span) {
  return std::any_of(state.bookings.begin(), state.bookings.end(), [&](const Booking& b) {
    return b.room_id == room_id && b.appointment_id != state.except && Overlaps(b.span, span);
  });
}

bool KeepApartClash(const OfficeState& state, const Span& span) {
  if (state.keep_apart_from.empty()) return false;
  const Span widened{span.start - state.margin, span.end + state.margin};
  return std::any_of(state.bookings.begin(), state.bookings.end(), [&](const Booking& b) {
    return b.appointment_id != state.except && Overlaps(b.span, widened) &&
           std::find(state.keep_apart_from.begin(), state.keep_apart_from.end(), b.person_id) !=
               state.keep_apart_from.end();
  });
}

std::vector<Room> FreeRooms(const OfficeState& state, const Span& span) {
  std::vector<Room> out;
  if (KeepApartClash(state, span)) return out;
  for (const auto& room : state.rooms)
    if (room.active && IsOpenFor(room.hours, span) && !RoomTaken(state, room.id, span))
      out.push_back(room);
  std::stable_sort(out.begin(), out.end(), [](const Room& a, const Room& b) {
    const int ra = PrivacyRank(a.privacy), rb = PrivacyRank(b.privacy);
    return ra != rb ? ra < rb : a.name < b.name;
  });
  return out;
}

std::vector<UtcTime> FreeTimes(const OfficeState& state, const std::optional<int64_t>& room_id,
                               Date day, minutes duration, UtcTime not_before, size_t limit) {
  std::vector<UtcTime> out;
  const UtcTime midnight = UkStartOfDay(day);
  const UtcTime next_midnight = UkStartOfDay(day + std::chrono::days{1});
  for (UtcTime start = midnight; start + duration <= next_midnight && out.size() < limit;
       start += kStep) {
    if (start < not_before) continue;
    const Span span{start, start + duration};
    if (KeepApartClash(state, span)) continue;
    bool free = false;
    if (state.rooms.empty()) {
      free = !room_id && IsOpenFor(kOfficeHours, span);
    } else {
      for (const auto& room : state.rooms)
        if ((!room_id || room.id == *room_id) && room.active && IsOpenFor(room.hours, span) &&
            !RoomTaken(state, room.id, span))
          free = true;
    }
    if (free) out.push_back(start);
  }
  return out;
}

std::string DescribeTimes(const std::vector<UtcTime>& times) {
  if (times.empty()) return "no free time that day";
  std::string out;
  for (size_t i = 0; i < times.size(); ++i) {
    if (i > 0) out += i + 1 == times.size() ? " and " : ", ";
    out += LongTime(times[i]);
  }
  return out;
}

}  // namespace probity::rooms

#include "app/room_booking.h"

#include <algorithm>

#include "core/uk_time.h"
#include "rooms/hours.h"
#include "rooms/rules.h"
#include "rooms/store.h"

namespace probity::app {

namespace {
using std::chrono::duration_cast;
using std::chrono::minutes;
constexpr size_t kTimesOffered = 6;
constexpr size_t kRoomsOffered = 6;

rooms::OfficeState LoadState(store::Transaction& tx, int64_t office_id, const rooms::Span& span,
                             std::optional<int64_t> person_id, std::optional<int64_t> except) {
  rooms::OfficeState state;
  state.rooms = rooms::LoadRooms(tx, office_id);
  if (person_id) {
    state.keep_apart_from = rooms::KeepApartFrom(tx, *person_id);
    state.margin = rooms::CurrentMargin(tx);
  }
  state.except = except;
  // The whole UK day of the booking, widened by the margin, so the free times offered that day
  // are right too.
  const Date day = UkDateOf(span.start);
  const UtcTime from = std::min(UkStartOfDay(day), span.start) - state.margin;
  const UtcTime to = std::max(UkStartOfDay(day + std::chrono::days{1}), span.end) + state.margin;
  state.bookings = rooms::BookingsAtOffice(tx, office_id, from, to);
  return state;
}

// The free start times that day nearest the one wanted, in time order.
std::string FreeTimesText(const rooms::OfficeState& state, const std::optional<int64_t>& room_id,
                          const rooms::Span& span, UtcTime now) {
  constexpr size_t kEveryQuarterOfADay = 96;
  auto times =
      rooms::FreeTimes(state, room_id, UkDateOf(span.start),
                       duration_cast<minutes>(span.end - span.start), now, kEveryQuarterOfADay);
  const auto distance = [&](UtcTime t) { return std::chrono::abs(t - span.start); };
  std::stable_sort(times.begin(), times.end(),
                   [&](UtcTime a, UtcTime b) { return distance(a) < distance(b); });
  if (times.size() > kTimesOffered) times.resize(kTimesOffered);
  std::sort(times.begin(), times.end());
  return times.empty() ? "There is no free time that day."
                       : "Free that day from " + rooms::DescribeTimes(times) + ".";
}

std::string RoomsText(const std::vector<rooms::Room>& free) {
  std::string out;
  const size_t n = std::min(free.size(), kRoomsOffered);
  for (size_t i = 0; i < n; ++i) {
    if (i > 0) out += i + 1 == n ? " and " : ", ";
    out += free[i].name + " (" + std::string(cases::LabelOf(rooms::Privacies(), free[i].privacy)) +
           ", id " + std::to_string(free[i].id) + ")";
  }
  return out;
}
}  // namespace

Result<std::optional<rooms::Room>> ReserveRoom(store::Transaction& tx, const RoomRequest& request,
                                               UtcTime now) {
  rooms::LockOfficeBookings(tx, request.office_id);
  const auto state =
      LoadState(tx, request.office_id, request.span, request.person_id, request.except);
  const auto& span = request.span;
  if (rooms::KeepApartClash(state, span))
    return Error{ErrorKind::kConflict, "keep_apart",
                 "Someone who must be kept apart from this person is booked at " +
                     request.office_name + " within " + std::to_string(state.margin.count()) +
                     " minutes of that time. Choose another time or office. " +
                     FreeTimesText(state, std::nullopt, span, now),
                 "starts_at"};
  if (state.rooms.empty() && !request.room_id) return std::optional<rooms::Room>{};

  std::optional<rooms::Room> chosen;
  if (request.room_id) {
    const auto wanted =
        std::find_if(state.rooms.begin(), state.rooms.end(),
                     [&](const rooms::Room& r) { return r.id == *request.room_id; });
    if (wanted == state.rooms.end())
      return Error::Invalid(
          "unknown_room",
          request.office_name + " has no room " + std::to_string(*request.room_id) + " in use",
          "room_id");
    const bool open = rooms::IsOpenFor(wanted->hours, span);
    const bool taken = rooms::RoomTaken(state, wanted->id, span);
    if (open && !taken) {
      chosen = *wanted;
    } else if (request.room_required) {
      if (!open)
        return Error::Invalid("room_closed",
                              wanted->name + " is open " +
                                  rooms::DescribeOpeningHours(wanted->hours) +
                                  " (UK time), not for the whole appointment. " +
                                  FreeTimesText(state, wanted->id, span, now),
                              "starts_at");
      const auto free = rooms::FreeRooms(state, span);
      return Error{ErrorKind::kConflict, "room_taken",
                   wanted->name + " is booked then. " +
                       (free.empty() ? std::string("No other room is free at that time. ")
                                     : "Free at that time: " + RoomsText(free) + ". ") +
                       wanted->name + ": " + FreeTimesText(state, wanted->id, span, now),
                   "room_id"};
    }
  }
  if (!chosen) {
    const auto free = rooms::FreeRooms(state, span);
    if (free.empty())
      return Error{ErrorKind::kConflict, "no_room_free",
                   "Every room at " + request.office_name + " is booked or closed then. " +
                       FreeTimesText(state, std::nullopt, span, now),
                   "starts_at"};
    // The most private room free; an open space only when nothing else is.
    chosen = free.front();
  }
  if (auto s = rooms::CheckRoomReason(*chosen, request.reason); !s) {
    Error e = s.error();
    if (!request.room_id || *request.room_id != chosen->id)
      e.message = "The only rooms free then are open spaces. " + e.message + ". " +
                  FreeTimesText(state, std::nullopt, span, now);
    return e;
  }
  return chosen;
}

void ApplyRoom(appointments::Place& place, const std::optional<rooms::Room>& room,
               const std::optional<std::string>& reason) {
  place.room_id.reset();
  place.room_name.clear();
  place.room_privacy.clear();
  place.open_space = false;
  place.room_reason.reset();
  if (!room) return;
  place.room_id = room->id;
  place.room_name = room->name;
  place.room_privacy = room->privacy;
  place.open_space = rooms::IsOpenSpace(room->privacy);
  if (place.open_space) place.room_reason = reason;
}

FreeRoomsAnswer FindFreeRooms(store::Transaction& tx, int64_t office_id, UtcTime starts_at,
                              int duration_minutes, UtcTime now) {
  const rooms::Span span{starts_at, starts_at + minutes{duration_minutes}};
  const auto state = LoadState(tx, office_id, span, std::nullopt, std::nullopt);
  return {rooms::FreeRooms(state, span), rooms::FreeTimes(state, std::nullopt, UkDateOf(starts_at),
                                                          minutes{duration_minutes}, now, 32)};
}

}  // namespace probity::app

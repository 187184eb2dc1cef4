#include "app/rooms.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "appointments/store.h"
#include "cases/contact_rules.h"
#include "core/uk_time.h"
#include "rooms/hours.h"
#include "rooms/rules.h"

namespace probity::app {

// FROZEN event kinds and payload fields:
//   room.created                {id, office, name, privacy, capacity, accessibility, opens,
//                                closes, open_days}                    subject "office:<code>"
//   room.changed                {id, office, name, privacy, capacity, accessibility, opens,
//                                closes, open_days, active, version}    subject "office:<code>"
//   keep_apart.margin_changed   {id, minutes, previous_minutes, reason} subject "policy:keep_apart"

namespace {
constexpr int kMaxMargin = 480;
constexpr size_t kMaxReason = 500;

Error UnknownOffice(const std::string& code) {
  return Error{ErrorKind::kNotFound, "unknown_office", "there is no office with code " + code,
               "code"};
}

nlohmann::json RoomPayload(const rooms::Room& room) {
  return {{"id", room.id},
          {"office", room.office_code},
          {"name", room.name},
          {"privacy", room.privacy},
          {"capacity", room.capacity},
          {"accessibility", room.accessibility},
          {"opens", rooms::FormatTimeOfDay(room.hours.opens)},
          {"closes", rooms::FormatTimeOfDay(room.hours.closes)},
          {"open_days", rooms::FormatDays(room.hours.days)}};
}
}  // namespace

Result<rooms::Room> CreateRoom(store::Db& db, const store::Actor& by,
                               const std::string& office_code, const rooms::Room& in, UtcTime now) {
  if (auto s = rooms::CheckRoom(in); !s) return s.error();
  auto tx = db.BeginWrite();
  const auto office = appointments::FindOffice(tx, office_code);
  if (!office) return UnknownOffice(office_code);
  rooms::Room room = in;
  room.office_id = *office->office_id;
  room.office_code = office->office_code;
  room.version = 1;
  room.active = true;
  auto id = rooms::InsertRoom(tx, room);
  if (!id) return id.error();
  room.id = *id;
  store::AppendEvent(tx, by, {"office:" + room.office_code, "room.created", RoomPayload(room)},
                     now);
  tx.Commit();
  return room;
}

Result<rooms::Room> ChangeRoom(store::Db& db, const store::Actor& by,
                               const std::string& office_code, int64_t room_id,
                               const RoomChange& change, int expected_version, UtcTime now) {
  auto tx = db.BeginWrite();
  const auto office = appointments::FindOffice(tx, office_code);
  if (!office) return UnknownOffice(office_code);
  auto room = rooms::FindAnyRoom(tx, *office->office_id, room_id);
  if (!room)
    return Error{ErrorKind::kNotFound, "unknown_room",
                 office_code + " has no room " + std::to_string(room_id), "id"};
  if (room->version != expected_version)
    return Error{ErrorKind::kConflict, "stale_version",
                 room->name + " has been changed since version " +
                     std::to_string(expected_version) + " (it is at version " +
                     std::to_string(room->version) + "): reload it and make your change again",
                 "version"};
  if (change.name) room->name = *change.name;
  if (change.privacy) room->privacy = *change.privacy;
  if (change.capacity) room->capacity = *change.capacity;
  if (change.accessibility) room->accessibility = *change.accessibility;
  // Hours given in part keep the rest as the room has them, read in this transaction.
  if (change.opens) room->hours.opens = *change.opens;
  if (change.closes) room->hours.closes = *change.closes;
  if (change.days) room->hours.days = *change.days;
  if (change.active) room->active = *change.active;
  if (auto s = rooms::CheckRoom(*room); !s) return s.error();
  auto version = rooms::UpdateRoom(tx, *room);
  if (!version) return version.error();
  room->version = *version;
  auto payload = RoomPayload(*room);
  payload["active"] = room->active;
  payload["version"] = room->version;
  store::AppendEvent(tx, by, {"office:" + room->office_code, "room.changed", payload}, now);
  tx.Commit();
  return *room;
}

Result<std::vector<rooms::Room>> ListRooms(store::Db& db, const std::string& office_code,
                                           bool with_inactive) {
  auto tx = db.BeginRead();
  const auto office = appointments::FindOffice(tx, office_code);
  if (!office) return UnknownOffice(office_code);
  return rooms::LoadRooms(tx, *office->office_id, with_inactive);
}

Result<OfficeDiary> RoomDiary(store::Db& db, const std::string& office_code, int64_t viewer,
                              Date day) {
  auto tx = db.BeginRead();
  const auto office = appointments::FindOffice(tx, office_code);
  if (!office) return UnknownOffice(office_code);
  OfficeDiary out;
  out.office_code = office->office_code;
  out.office_name = office->office_name;
  out.day = day;
  out.entries = rooms::DiaryAtOffice(tx, *office->office_id, viewer, UkStartOfDay(day),
                                     UkStartOfDay(day + std::chrono::days{1}));
  // Rooms in use, and any taken out of use that still hold a booking that day.
  for (auto& room : rooms::LoadRooms(tx, *office->office_id, /*with_inactive=*/true)) {
    const bool booked =
        std::any_of(out.entries.begin(), out.entries.end(),
                    [&](const rooms::DiaryEntry& e) { return e.room_id == room.id; });
    if (room.active || booked) out.rooms.push_back(std::move(room));
  }
  return out;
}

Result<FreeRoomsAnswer> FreeRoomsAt(store::Db& db, const std::string& office_code,
                                    UtcTime starts_at, int duration_minutes, UtcTime now) {
  if (duration_minutes < 5 || duration_minutes > 480)
    return Error::Invalid("out_of_range", "duration_minutes is from 5 to 480", "duration_minutes");
  auto tx = db.BeginRead();
  const auto office = appointments::FindOffice(tx, office_code);
  if (!office) return UnknownOffice(office_code);
  return FindFreeRooms(tx, *office->office_id, starts_at, duration_minutes, now);
}

std::vector<rooms::MarginChange> KeepApartMargins(store::Db& db) {
  auto tx = db.BeginRead();
  return rooms::MarginHistory(tx);
}

Result<rooms::MarginChange> SetKeepApartMargin(store::Db& db, const store::Actor& by, int minutes,
                                               const std::string& reason, UtcTime now) {
  if (minutes < 0 || minutes > kMaxMargin)
    return Error::Invalid("out_of_range", "minutes is from 0 to 480", "minutes");
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
    return Error::Invalid("missing_field", "give the reason for the change", "reason");
  if (cases::CountCharacters(reason) > kMaxReason)
    return Error::Invalid("too_long", "reason is at most 500 characters", "reason");
  auto tx = db.BeginWrite();
  const auto previous = rooms::CurrentMargin(tx);
  rooms::MarginChange change{0, minutes, reason, by.id, now};
  change.id = rooms::InsertMargin(tx, change);
  store::AppendEvent(tx, by,
                     {"policy:keep_apart",
                      "keep_apart.margin_changed",
                      {{"id", change.id},
                       {"minutes", minutes},
                       {"previous_minutes", previous.count()},
                       {"reason", reason}}},
                     now);
  tx.Commit();
  return change;
}

}  // namespace probity::app

#include "app/rooms.h"

#include <nlohmann/json.hpp>

#include "appointments/store.h"
#include "rooms/rules.h"
#include "rooms/store.h"

namespace probity::app {

// FROZEN event kind and payload fields, subject "office:<code>":
//   room.created {id, office, name, privacy, capacity}

namespace {
Error UnknownOffice(const std::string& code) {
  return Error{ErrorKind::kNotFound, "unknown_office", "there is no office with code " + code,
               "code"};
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
  auto id = rooms::InsertRoom(tx, room);
  if (!id) return id.error();
  room.id = *id;
  store::AppendEvent(tx, by,
                     {"office:" + room.office_code,
                      "room.created",
                      {{"id", room.id},
                       {"office", room.office_code},
                       {"name", room.name},
                       {"privacy", room.privacy},
                       {"capacity", room.capacity}}},
                     now);
  tx.Commit();
  return room;
}

Result<std::vector<rooms::Room>> ListRooms(store::Db& db, const std::string& office_code) {
  auto tx = db.BeginRead();
  const auto office = appointments::FindOffice(tx, office_code);
  if (!office) return UnknownOffice(office_code);
  return rooms::LoadRooms(tx, *office->office_id);
}

}  // namespace probity::app

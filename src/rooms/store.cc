#include "rooms/store.h"

#include <soci/soci.h>

#include "store/row.h"
#include "store/rows.h"

namespace probity::rooms {

namespace {
using store::GetInt;
using store::GetText;

constexpr const char* kSelect =
    "SELECT r.id, r.office_id, o.code, r.name, r.privacy, r.capacity, r.version FROM room r JOIN "
    "office o ON o.id = r.office_id ";

Room ReadRoom(const soci::row& r) {
  return {GetInt(r, 0),
          GetInt(r, 1),
          GetText(r, 2),
          GetText(r, 3),
          GetText(r, 4),
          static_cast<int>(GetInt(r, 5)),
          static_cast<int>(GetInt(r, 6))};
}
}  // namespace

std::optional<Room> FindRoom(store::Transaction& tx, int64_t office_id, int64_t room_id) {
  const long long office = office_id, id = room_id;
  std::optional<Room> out;
  store::Rows(tx).Use(id).Use(office).Read(
      std::string(kSelect) + "WHERE r.id = :id AND r.office_id = :o AND r.active = 1",
      [&](const soci::row& r) { out = ReadRoom(r); });
  return out;
}

std::vector<Room> LoadRooms(store::Transaction& tx, int64_t office_id) {
  const long long office = office_id;
  std::vector<Room> out;
  store::Rows(tx).Use(office).Read(
      std::string(kSelect) + "WHERE r.office_id = :o AND r.active = 1 ORDER BY r.name, r.id",
      [&](const soci::row& r) { out.push_back(ReadRoom(r)); });
  return out;
}

Result<int64_t> InsertRoom(store::Transaction& tx, const Room& room) {
  const long long office = room.office_id;
  long long taken = 0;
  tx.sql() << "SELECT COUNT(*) FROM room WHERE office_id = :o AND name = :n", soci::use(office),
      soci::use(room.name), soci::into(taken);
  if (taken > 0)
    return Error{ErrorKind::kConflict, "duplicate_room",
                 "this office already has a room called " + room.name, "name"};
  long long id = 0;
  tx.sql() << "INSERT INTO room (office_id, name, privacy, capacity) VALUES (:o, :n, :p, :c) "
              "RETURNING id",
      soci::use(office), soci::use(room.name), soci::use(room.privacy), soci::use(room.capacity),
      soci::into(id);
  return id;
}

}  // namespace probity::rooms

#include "rooms/store.h"

#include <soci/soci.h>

#include "cases/store.h"
#include "rooms/hours.h"
#include "store/row.h"
#include "store/rows.h"

namespace probity::rooms {

namespace {
using store::GetInt;
using store::GetOptionalInt;
using store::GetText;

constexpr const char* kSelect =
    "SELECT r.id, r.office_id, o.code, r.name, r.privacy, r.capacity, r.version, r.accessibility, "
    "r.opens, r.closes, r.open_days, r.active FROM room r JOIN office o ON o.id = r.office_id ";

std::vector<std::string> SplitCodes(const std::string& text) {
  std::vector<std::string> out;
  size_t from = 0;
  while (from < text.size()) {
    const auto comma = text.find(',', from);
    const auto end = comma == std::string::npos ? text.size() : comma;
    if (end > from) out.push_back(text.substr(from, end - from));
    from = end + 1;
  }
  return out;
}

std::string JoinCodes(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : ",") + c;
  return out;
}

// A room's accessibility and hours as the table holds them.
struct StoredText {
  std::string accessibility, opens, closes, days;
};
StoredText TextOf(const Room& room) {
  return {JoinCodes(room.accessibility), FormatTimeOfDay(room.hours.opens),
          FormatTimeOfDay(room.hours.closes), FormatDays(room.hours.days)};
}

Room ReadRoom(const soci::row& r) {
  Room room;
  room.id = GetInt(r, 0);
  room.office_id = GetInt(r, 1);
  room.office_code = GetText(r, 2);
  room.name = GetText(r, 3);
  room.privacy = GetText(r, 4);
  room.capacity = static_cast<int>(GetInt(r, 5));
  room.version = static_cast<int>(GetInt(r, 6));
  room.accessibility = SplitCodes(GetText(r, 7));
  room.hours.opens = ParseTimeOfDay(GetText(r, 8)).value_or(room.hours.opens);
  room.hours.closes = ParseTimeOfDay(GetText(r, 9)).value_or(room.hours.closes);
  room.hours.days = ParseDays(GetText(r, 10)).value_or(room.hours.days);
  room.active = GetInt(r, 11) != 0;
  return room;
}

bool NameTaken(store::Transaction& tx, const Room& room) {
  const long long office = room.office_id, id = room.id;
  long long taken = 0;
  tx.sql() << "SELECT COUNT(*) FROM room WHERE office_id = :o AND name = :n AND id <> :id",
      soci::use(office), soci::use(room.name), soci::use(id), soci::into(taken);
  return taken > 0;
}

Error DuplicateRoom(const Room& room) {
  return Error{ErrorKind::kConflict, "duplicate_room",
               "this office already has a room called " + room.name, "name"};
}
}  // namespace

std::optional<Room> FindAnyRoom(store::Transaction& tx, int64_t office_id, int64_t room_id) {
  const long long office = office_id, id = room_id;
  std::optional<Room> out;
  store::Rows(tx).Use(id).Use(office).Read(
      std::string(kSelect) + "WHERE r.id = :id AND r.office_id = :o",
      [&](const soci::row& r) { out = ReadRoom(r); });
  return out;
}

std::vector<Room> LoadRooms(store::Transaction& tx, int64_t office_id, bool with_inactive) {
  const long long office = office_id;
  std::vector<Room> out;
  store::Rows(tx).Use(office).Read(std::string(kSelect) + "WHERE r.office_id = :o" +
                                       (with_inactive ? "" : " AND r.active = 1") +
                                       " ORDER BY r.name, r.id",
                                   [&](const soci::row& r) { out.push_back(ReadRoom(r)); });
  return out;
}

Result<int64_t> InsertRoom(store::Transaction& tx, const Room& room) {
  if (NameTaken(tx, room)) return DuplicateRoom(room);
  const long long office = room.office_id;
  const StoredText t = TextOf(room);
  const int active = room.active ? 1 : 0;
  long long id = 0;
  tx.sql() << "INSERT INTO room (office_id, name, privacy, capacity, accessibility, opens, closes, "
              "open_days, active) VALUES (:o, :n, :p, :c, :a, :op, :cl, :d, :ac) RETURNING id",
      soci::use(office), soci::use(room.name), soci::use(room.privacy), soci::use(room.capacity),
      soci::use(t.accessibility), soci::use(t.opens), soci::use(t.closes), soci::use(t.days),
      soci::use(active), soci::into(id);
  return id;
}

Result<int> UpdateRoom(store::Transaction& tx, const Room& room) {
  if (NameTaken(tx, room)) return DuplicateRoom(room);
  const long long id = room.id;
  const StoredText t = TextOf(room);
  const int active = room.active ? 1 : 0, version = room.version, next = room.version + 1;
  soci::statement st =
      (tx.sql().prepare << "UPDATE room SET name = :n, privacy = :p, capacity = :c, "
                           "accessibility = :a, opens = :op, closes = :cl, open_days = :d, "
                           "active = :ac, version = :next WHERE id = :id AND version = :v",
       soci::use(room.name), soci::use(room.privacy), soci::use(room.capacity),
       soci::use(t.accessibility), soci::use(t.opens), soci::use(t.closes), soci::use(t.days),
       soci::use(active), soci::use(next), soci::use(id), soci::use(version));
  st.execute(true);
  if (st.get_affected_rows() != 1)
    return Error{ErrorKind::kConflict, "stale_version",
                 "room " + room.name +
                     " was changed by someone else since you read it: reload "
                     "it and make your change again",
                 "version"};
  return next;
}

void LockOfficeBookings(store::Transaction& tx, int64_t office_id) {
  if (tx.backend() != store::Backend::kPostgres) return;
  const long long office = office_id;
  long long locked = 0;
  tx.sql() << "SELECT id FROM office WHERE id = :o FOR UPDATE", soci::use(office),
      soci::into(locked);
}

std::vector<Booking> BookingsAtOffice(store::Transaction& tx, int64_t office_id, UtcTime from,
                                      UtcTime to) {
  const long long office = office_id;
  // Appointments are at most a day long, so one starting a day before `from` is the earliest
  // that can reach into the window; starts_at is indexed with the office.
  const std::string lo = FormatUtc(from - std::chrono::hours{24}), hi = FormatUtc(to);
  const std::string from_text = FormatUtc(from);
  std::vector<Booking> out;
  store::Rows(tx).Use(office).Use(lo).Use(hi).Use(from_text).Read(
      "SELECT id, person_id, room_id, starts_at, ends_at FROM appointment WHERE office_id = :o "
      "AND starts_at >= :lo AND starts_at < :hi AND ends_at > :f AND status = 'booked'",
      [&](const soci::row& r) {
        Booking b;
        b.appointment_id = GetInt(r, 0);
        b.person_id = GetInt(r, 1);
        b.room_id = GetOptionalInt(r, 2);
        b.span = {ParseUtc(GetText(r, 3)).value_or(UtcTime{}),
                  ParseUtc(GetText(r, 4)).value_or(UtcTime{})};
        out.push_back(b);
      });
  return out;
}

std::vector<DiaryEntry> DiaryAtOffice(store::Transaction& tx, int64_t office_id, int64_t viewer,
                                      UtcTime from, UtcTime to) {
  const long long office = office_id, v = viewer;
  const std::string lo = FormatUtc(from - std::chrono::hours{24}), hi = FormatUtc(to);
  const std::string from_text = FormatUtc(from);
  std::vector<DiaryEntry> out;
  store::Rows(tx)
      .Use(v, "viewer")
      .Use(v, "viewer2")
      .Use(office, "o")
      .Use(lo, "lo")
      .Use(hi, "hi")
      .Use(from_text, "f")
      .Read(std::string("SELECT a.id, a.room_id, a.starts_at, a.ends_at, t.label, p.id, p.crn, "
                        "p.first_name || ' ' || p.last_name, CASE WHEN ") +
                cases::kVisibleTo +
                " THEN 1 ELSE 0 END, "
                "s.name, a.open_space FROM appointment a JOIN "
                "appointment_type t ON t.code = a.type JOIN person p ON p.id = a.person_id JOIN "
                "staff s ON "
                "s.id = a.staff_id WHERE a.office_id = :o AND a.starts_at >= :lo AND a.starts_at < "
                ":hi AND "
                "a.ends_at > :f AND a.status = 'booked' ORDER BY a.starts_at, a.id",
            [&](const soci::row& r) {
              DiaryEntry e;
              e.appointment_id = GetInt(r, 0);
              e.room_id = GetOptionalInt(r, 1);
              e.span = {ParseUtc(GetText(r, 2)).value_or(UtcTime{}),
                        ParseUtc(GetText(r, 3)).value_or(UtcTime{})};
              e.type_label = GetText(r, 4);
              e.person_id = GetInt(r, 5);
              e.crn = GetText(r, 6);
              e.person_name = GetText(r, 7);
              e.visible = GetInt(r, 8) != 0;
              e.staff_name = GetText(r, 9);
              e.open_space = GetInt(r, 10) != 0;
              out.push_back(e);
            });
  return out;
}

std::vector<int64_t> KeepApartFrom(store::Transaction& tx, int64_t person_id) {
  const long long person = person_id;
  std::vector<int64_t> out;
  store::Rows(tx).Use(person).Use(person).Use(person).Read(
      "SELECT CASE WHEN person_a = :p1 THEN person_b ELSE person_a END FROM keep_apart WHERE "
      "(person_a = :p2 OR person_b = :p3) AND ended_at IS NULL",
      [&](const soci::row& r) { out.push_back(GetInt(r, 0)); });
  return out;
}

std::chrono::minutes CurrentMargin(store::Transaction& tx) {
  long long minutes = 60;
  soci::indicator ind = soci::i_null;
  tx.sql() << "SELECT margin_minutes FROM keep_apart_policy ORDER BY id DESC LIMIT 1",
      soci::into(minutes, ind);
  return std::chrono::minutes{ind == soci::i_ok ? minutes : 60};
}

std::vector<MarginChange> MarginHistory(store::Transaction& tx) {
  std::vector<MarginChange> out;
  store::Rows(tx).Read(
      "SELECT id, margin_minutes, reason, changed_by, changed_at FROM keep_apart_policy ORDER BY "
      "id DESC",
      [&](const soci::row& r) {
        out.push_back({GetInt(r, 0), static_cast<int>(GetInt(r, 1)), GetText(r, 2), GetText(r, 3),
                       ParseUtc(GetText(r, 4)).value_or(UtcTime{})});
      });
  return out;
}

int64_t InsertMargin(store::Transaction& tx, const MarginChange& change) {
  const std::string at = FormatUtc(change.changed_at);
  long long id = 0;
  tx.sql() << "INSERT INTO keep_apart_policy (margin_minutes, reason, changed_by, changed_at) "
              "VALUES (:m, :r, :b, :a) RETURNING id",
      soci::use(change.minutes), soci::use(change.reason), soci::use(change.changed_by),
      soci::use(at), soci::into(id);
  return id;
}

}  // namespace probity::rooms

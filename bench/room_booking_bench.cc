// Booking a room with its conflict checks at national scale (issue 11), on the shared
// national-shaped database (national_db.h):
//   BM_BookRoom_*: app::BookAppointment at the office holding the most appointments, on its
//     busiest days (those no earlier run booked rooms on): the office serialised, its rooms and that day's bookings read, the person's
//     keep-apart links and the margin read, a room chosen (or the refusal with its free times
//     worked out), the appointment and its event written and committed. The office is given
//     eight rooms ("Bench room 1".."8") the first time. Counters: booked and refused (every room
//     taken: the refusal path, with its free times, is measured too).
//   BM_FreeRooms_*: app::FreeRoomsAt, the room finder, at that office on its busiest day.
//   BM_BookingRules_Pure: rooms::FreeRooms and FreeTimes over a day of 400 bookings in 8 rooms.
#include <benchmark/benchmark.h>

#include <map>
#include <mutex>
#include <random>

#include "app/appointments.h"
#include "app/rooms.h"
#include "core/uk_time.h"
#include "national_db.h"
#include "rooms/booking.h"
#include "store/row.h"
#include "store/rows.h"

namespace probity::bench {

namespace {

using std::chrono::minutes;

struct Rig {
  NationalDb national;
  std::string office;
  std::vector<app::CaseRef> people;  // with appointments at the office
  std::vector<Date> busy_days;       // its busiest days without rooms booked, busiest first
  int64_t bookings_that_day = 0;     // on the busiest
};

Rig& RigFor(store::Backend backend) {
  static std::mutex mutex;
  static std::map<store::Backend, Rig> rigs;
  const std::lock_guard lock(mutex);
  if (auto it = rigs.find(backend); it != rigs.end()) return it->second;
  Rig& rig = rigs[backend];
  rig.national = OpenNationalDb(backend);
  if (!rig.national.skip.empty()) return rig;
  store::Db& db = *rig.national.db;
  int64_t office_id = 0;
  {
    auto tx = db.BeginRead();
    store::Rows(tx).Read(
        "SELECT a.office_id, o.code FROM appointment a JOIN office o ON o.id = a.office_id "
        "GROUP BY a.office_id, o.code ORDER BY COUNT(*) DESC LIMIT 1",
        [&](const soci::row& r) {
          office_id = store::GetInt(r, 0);
          rig.office = store::GetText(r, 1);
        });
    if (rig.office.empty()) {
      rig.national.skip = "no appointments at an office in the database";
      return rig;
    }
    const long long office = office_id;
    store::Rows(tx).Use(office).Read(
        // Days no earlier run has booked rooms on, so the rooms are as free as the day.
        "SELECT substr(starts_at, 1, 10), COUNT(*) FROM appointment WHERE office_id = :o GROUP "
        "BY substr(starts_at, 1, 10) HAVING COUNT(room_id) = 0 ORDER BY COUNT(*) DESC LIMIT 400",
        [&](const soci::row& r) {
          if (rig.busy_days.empty()) rig.bookings_that_day = store::GetInt(r, 1);
          rig.busy_days.push_back(*ParseDate(store::GetText(r, 0)));
        });
    store::Rows(tx).Use(office).Read(
        "SELECT DISTINCT p.id, p.crn FROM appointment a JOIN person p ON p.id = a.person_id "
        "WHERE a.office_id = :o ORDER BY p.id LIMIT 500",
        [&](const soci::row& r) {
          rig.people.push_back({store::GetInt(r, 0), store::GetText(r, 1), false});
        });
  }
  const auto rooms = app::ListRooms(db, rig.office);
  const store::Actor admin{"system:bench", std::nullopt};
  for (int n = static_cast<int>(rooms ? rooms->size() : 0) + 1; n <= 8; ++n) {
    rooms::Room room;
    room.name = "Bench room " + std::to_string(n);
    room.privacy = n <= 6 ? "private" : n == 7 ? "shared" : "open_plan";
    room.capacity = 3;
    room.hours = {8 * 60, 20 * 60, 0b1111111};
    if (auto made = app::CreateRoom(db, admin, rig.office, room, UtcTime{}); !made) {
      rig.national.skip = made.error().message;
      return rig;
    }
  }
  return rig;
}

void BookRoom(benchmark::State& state, store::Backend backend) {
  Rig& rig = RigFor(backend);
  if (!rig.national.skip.empty()) {
    state.SkipWithError(rig.national.skip.c_str());
    return;
  }
  std::mt19937 random(static_cast<unsigned>(std::random_device{}()));
  const store::Actor by{"staff:1", std::nullopt};
  int64_t booked = 0, refused = 0;
  for (auto _ : state) {
    const Date day = rig.busy_days[random() % rig.busy_days.size()];
    appointments::NewAppointment n;
    n.type = "supervision";
    n.starts_at = UkStartOfDay(day) + minutes{8 * 60 + 15 * static_cast<int>(random() % 44)};
    n.duration_minutes = 45;
    n.office_code = rig.office;
    const auto& on = rig.people[random() % rig.people.size()];
    const auto done =
        app::BookAppointment(*rig.national.db, by, on, n, UkStartOfDay(day) - std::chrono::days{1});
    if (done)
      ++booked;
    else if (done.error().kind == ErrorKind::kConflict || done.error().field == "room_reason")
      ++refused;
    else {
      state.SkipWithError(done.error().message.c_str());
      break;
    }
  }
  state.counters["booked"] = static_cast<double>(booked);
  state.counters["refused"] = static_cast<double>(refused);
  state.counters["bookings_that_day"] = static_cast<double>(rig.bookings_that_day);
  state.SetItemsProcessed(state.iterations());
}

void FreeRooms(benchmark::State& state, store::Backend backend) {
  Rig& rig = RigFor(backend);
  if (!rig.national.skip.empty()) {
    state.SkipWithError(rig.national.skip.c_str());
    return;
  }
  const UtcTime at = UkStartOfDay(rig.busy_days.front()) + minutes{11 * 60};
  size_t times = 0;
  for (auto _ : state) {
    auto free = app::FreeRoomsAt(*rig.national.db, rig.office, at, 60, at - std::chrono::days{1});
    if (!free) {
      state.SkipWithError(free.error().message.c_str());
      break;
    }
    times = free->times.size();
    benchmark::DoNotOptimize(free);
  }
  state.counters["free_times"] = static_cast<double>(times);
}

void BM_BookingRules_Pure(benchmark::State& state) {
  std::mt19937 random(1);
  rooms::OfficeState office;
  for (int r = 1; r <= 8; ++r) {
    rooms::Room room;
    room.id = r;
    room.name = "Room " + std::to_string(r);
    room.privacy = r <= 6 ? "private" : "shared";
    room.hours = {8 * 60, 20 * 60, 0b1111111};
    office.rooms.push_back(room);
  }
  const UtcTime day = *ParseUtc("2027-01-12T00:00:00.000000Z");
  for (int i = 0; i < 400; ++i) {
    const UtcTime start = day + minutes{8 * 60 + 15 * static_cast<int>(random() % 44)};
    office.bookings.push_back(
        {i, 1000 + i, static_cast<int64_t>(1 + random() % 8), {start, start + minutes{45}}});
  }
  office.keep_apart_from = {1001, 1002, 1003};
  for (auto _ : state) {
    const rooms::Span span{day + minutes{11 * 60}, day + minutes{12 * 60}};
    benchmark::DoNotOptimize(rooms::FreeRooms(office, span));
    benchmark::DoNotOptimize(
        rooms::FreeTimes(office, std::nullopt, DateOf(day), minutes{60}, day, 96));
  }
}

void BM_BookRoom_Sqlite(benchmark::State& s) { BookRoom(s, store::Backend::kSqlite); }
void BM_BookRoom_Postgres(benchmark::State& s) { BookRoom(s, store::Backend::kPostgres); }
void BM_FreeRooms_Sqlite(benchmark::State& s) { FreeRooms(s, store::Backend::kSqlite); }
void BM_FreeRooms_Postgres(benchmark::State& s) { FreeRooms(s, store::Backend::kPostgres); }

}  // namespace

BENCHMARK(BM_BookingRules_Pure)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_BookRoom_Sqlite)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);
BENCHMARK(BM_BookRoom_Postgres)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);
BENCHMARK(BM_FreeRooms_Sqlite)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_FreeRooms_Postgres)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace probity::bench

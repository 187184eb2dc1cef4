// A practitioner's calendar feed (docs/calendar-feeds.md):
//   BM_RenderFeed_Pure: feeds::RenderFeed over a year of one practitioner's appointments (1,500:
//     about six a working day), one in ten rearranged, at offices and away: the VCALENDAR built
//     with libical, its VTIMEZONE cloned, every time converted to UK time, and the text written.
//   BM_CalendarFeed_*: app::RenderCalendarFeed on the shared national-shaped database
//     (national_db.h) for the member of staff with the most appointments, at an instant whose
//     window (90 days back, 365 ahead) holds their busiest stretch: the secret looked up, the
//     appointments read, the feed rendered. Counters: events, bytes.
#include <benchmark/benchmark.h>

#include <map>
#include <mutex>

#include "access/store.h"
#include "app/calendar_feed.h"
#include "feeds/ical.h"
#include "national_db.h"
#include "store/row.h"
#include "store/rows.h"

namespace probity::bench {

namespace {

std::vector<feeds::FeedItem> YearOfAppointments(int count) {
  std::vector<feeds::FeedItem> items;
  UtcTime at = *ParseUtc("2026-11-23T09:00:00.000000Z");
  for (int i = 0; i < count; ++i) {
    feeds::FeedItem item;
    auto& a = item.appointment;
    a.id = 100000 + i;
    a.type = i % 5 == 0 ? "home_visit" : "supervision";
    a.type_label = i % 5 == 0 ? "Home visit" : "Supervision";
    // Six a working day, an hour apart from 09:00 UTC; weekends skipped.
    a.starts_at = at + std::chrono::hours{i % 6};
    if (i % 6 == 5) {
      at += std::chrono::days{1};
      if (const auto d = std::chrono::weekday(std::chrono::floor<std::chrono::days>(at));
          d == std::chrono::Saturday)
        at += std::chrono::days{2};
    }
    a.duration_minutes = 45;
    if (i % 5 == 0) {
      a.place.location = "Home address";
    } else {
      a.place.office_id = 1;
      a.place.office_name = "Wallsend Office";
      a.place.room_name = "Interview room " + std::to_string(i % 6 + 1);
    }
    a.status = i % 10 == 3 ? "rearranged" : "booked";
    a.version = i % 10 == 3 ? 2 : 1;
    item.crn = "X" + std::to_string(100000 + i % 40);
    item.first_name = "Jordan";
    item.last_name = "Smith";
    item.changed_at = *ParseUtc("2026-11-01T09:00:00.000000Z");
    items.push_back(std::move(item));
  }
  return items;
}

void BM_RenderFeed_Pure(benchmark::State& state) {
  const auto items = YearOfAppointments(static_cast<int>(state.range(0)));
  size_t bytes = 0;
  for (auto _ : state) {
    const std::string text = feeds::RenderFeed(items);
    bytes = text.size();
    benchmark::DoNotOptimize(text.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(items.size()));
  state.counters["bytes"] = static_cast<double>(bytes);
}

struct Rig {
  NationalDb national;
  std::string secret;
  UtcTime now{};
  int64_t appointments = 0;
};

Rig& RigFor(store::Backend backend) {
  static std::mutex mutex;
  static std::map<store::Backend, Rig> rigs;
  const std::lock_guard lock(mutex);
  auto [it, made] = rigs.try_emplace(backend);
  Rig& rig = it->second;
  if (!made) return rig;
  rig.national = OpenNationalDb(backend);
  if (!rig.national.skip.empty()) return rig;
  // The member of staff with the most appointments; generated staff have no account, so the
  // first run gives them one (a feed opens only for an enabled account).
  access::Principal who;
  std::string last;
  {
    auto tx = rig.national.db->BeginWrite();
    store::Rows(tx).Read(
        "SELECT staff_id, MAX(starts_at) FROM appointment GROUP BY staff_id ORDER BY COUNT(*) "
        "DESC LIMIT 1",
        [&](const soci::row& r) {
          who.staff_id = store::GetInt(r, 0);
          last = store::GetText(r, 1);
        });
    who.username = "bench.feed." + std::to_string(who.staff_id);
    if (!last.empty() && !access::FindAccount(tx, who.username)) {
      if (!access::InsertAccount(tx, who.staff_id, who.username, "!", access::Role::kPractitioner))
        last.clear();
    }
    tx.Commit();
  }
  if (last.empty()) {
    rig.national.skip = "no appointments in the database";
    return rig;
  }
  // The window ends just after their last appointment.
  rig.now = *ParseUtc(last) - std::chrono::days{app::kFeedDaysAhead} + std::chrono::minutes{1};
  rig.secret = app::IssueCalendarFeed(*rig.national.db, who, rig.now).secret;
  return rig;
}

void CalendarFeed(benchmark::State& state, store::Backend backend) {
  Rig& rig = RigFor(backend);
  if (!rig.national.skip.empty()) {
    state.SkipWithError(rig.national.skip.c_str());
    return;
  }
  std::string last;
  for (auto _ : state) {
    auto text = app::RenderCalendarFeed(*rig.national.db, rig.secret, rig.now);
    if (!text) {
      state.SkipWithError(text.error().message.c_str());
      return;
    }
    last = std::move(*text);
  }
  int64_t events = 0;
  for (size_t at = last.find("BEGIN:VEVENT"); at != std::string::npos;
       at = last.find("BEGIN:VEVENT", at + 1))
    ++events;
  state.counters["events"] = static_cast<double>(events);
  state.counters["bytes"] = static_cast<double>(last.size());
}

void BM_CalendarFeed_Sqlite(benchmark::State& state) {
  CalendarFeed(state, store::Backend::kSqlite);
}
void BM_CalendarFeed_Postgres(benchmark::State& state) {
  CalendarFeed(state, store::Backend::kPostgres);
}

}  // namespace

BENCHMARK(BM_RenderFeed_Pure)->Arg(1500)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CalendarFeed_Sqlite)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_CalendarFeed_Postgres)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace probity::bench

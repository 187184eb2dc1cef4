// Recording an appointment's outcome, durably: the whole use case (load the appointment and its
// history, check the rules, append the event and its timeline row, write the outcome row and the
// appointment's current outcome, commit) one at a time, on SQLite and PostgreSQL. Compare with
// BM_RawCommit_* (one-row commits on the same disk) from event_append_bench.cc.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <map>

#include "app/appointments.h"
#include "app/people.h"
#include "app/seed_demo.h"
#include "bench_db.h"
#include "store/migrate.h"

namespace probity {
namespace {

struct Setup {
  std::unique_ptr<store::Db> db;
  app::CaseRef on;
  store::Actor officer;
};

// A migrated database with the demo organisation and one person to book for (a CRN of this
// process, so runs on one PostgreSQL database do not meet).
Setup Prepare(const std::string& url, UtcTime now) {
  auto db = store::Db::Open(url, 2);
  if (!db) throw std::runtime_error(db.error().message);
  if (auto m = store::Migrate(**db); !m) throw std::runtime_error(m.error().message);
  if (auto s = app::SeedDemo(**db, "correct horse battery staple", now); !s)
    throw std::runtime_error(s.error().message);
  const std::string digits = std::to_string(::getpid() % 1000000);
  const std::string crn = "B" + std::string(6 - digits.size(), '0') + digits;
  cases::NewPerson p;
  p.crn = crn;
  p.first_name = "Bench";
  p.last_name = "Mark";
  p.date_of_birth = "1990-01-01";
  p.gender = "male";
  p.team_code = "NE-TYN-A";
  const store::Actor seeder{"system:bench", std::nullopt};
  auto registered = app::RegisterPerson(**db, seeder, p, now);
  if (!registered) throw std::runtime_error(registered.error().message);
  return {std::move(*db), {registered->person_id, crn, false}, {"staff:1", std::nullopt}};
}

void RunOn(benchmark::State& state, const std::string& url) {
  if (url.empty()) {
    state.SkipWithError("no PostgreSQL: set PROBITY_BENCH_PG or PROBITY_TEST_PG");
    return;
  }
  // Google Benchmark calls this more than once: one database and person for all the runs, the
  // appointments an hour apart from where the last run stopped.
  static std::map<std::string, Setup> setups;
  static UtcTime at = *ParseUtc("2027-01-04T10:00:00.000000Z");
  auto it = setups.find(url);
  if (it == setups.end()) it = setups.emplace(url, Prepare(url, at - std::chrono::days{30})).first;
  auto& setup = it->second;
  for (auto _ : state) {
    state.PauseTiming();
    appointments::NewAppointment booking;
    booking.type = "supervision";
    booking.starts_at = at;
    booking.duration_minutes = 45;
    // Somewhere else, not an office: the appointments run round the clock, when rooms are closed.
    booking.location = "Home visit";
    auto booked = app::BookAppointment(*setup.db, setup.officer, setup.on, booking,
                                       at - std::chrono::days{7});
    if (!booked) {
      state.SkipWithError(booked.error().message.c_str());
      break;
    }
    state.ResumeTiming();
    auto recorded = app::RecordOutcome(*setup.db, setup.officer, setup.on, booked->id,
                                       {"failed_to_attend", "unacceptable", {}, "No contact"},
                                       booked->version, at + std::chrono::hours{1});
    if (!recorded) {
      state.SkipWithError(recorded.error().message.c_str());
      break;
    }
    at += std::chrono::hours{1};
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_RecordOutcome_Sqlite(benchmark::State& s) {
  static const std::string url = bench::FreshSqliteUrl("outcome");
  RunOn(s, url);
}
void BM_RecordOutcome_Postgres(benchmark::State& s) { RunOn(s, bench::PostgresUrl()); }

BENCHMARK(BM_RecordOutcome_Sqlite)->UseRealTime()->MinTime(2.0);
BENCHMARK(BM_RecordOutcome_Postgres)->UseRealTime()->MinTime(2.0);

}  // namespace
}  // namespace probity

// Durable event appends per second (one transaction each: lock the chain, read the head, hash,
// insert, commit) beside the raw commit rate of the same database with a one-row insert, on
// SQLite (a file in $PROBITY_BENCH_DIR or /var/tmp) and PostgreSQL ($PROBITY_BENCH_PG or
// $PROBITY_TEST_PG). main.cc prints the pairs side by side with their ratio.
#include <benchmark/benchmark.h>
#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "bench_db.h"
#include "store/event_log.h"
#include "store/migrate.h"

namespace probity {
namespace {

// A migrated database with an empty event log and raw-commit table.
std::unique_ptr<store::Db> Fresh(const std::string& url) {
  auto db = store::Db::Open(url, 1);
  if (!db) throw std::runtime_error(db.error().message);
  if (auto m = store::Migrate(**db); !m) throw std::runtime_error(m.error().message);
  auto tx = (*db)->BeginWrite();
  tx.sql() << "CREATE TABLE IF NOT EXISTS bench_raw_commit (id BIGINT PRIMARY KEY, v TEXT)";
  tx.sql() << "DELETE FROM bench_raw_commit";
  tx.Commit();
  return std::move(*db);
}

void RunOn(benchmark::State& state, const std::string& url, bool append_event) {
  if (url.empty()) {
    state.SkipWithError("no PostgreSQL: set PROBITY_BENCH_PG or PROBITY_TEST_PG");
    return;
  }
  static std::unique_ptr<store::Db> db;
  static std::string db_url;
  if (!db || db_url != url) {
    db.reset();
    db = Fresh(url);
    db_url = url;
  }
  const store::Actor actor{"staff:1", std::nullopt};
  const nlohmann::json payload = {{"appointment", 12345},
                                  {"outcome", "failed_to_attend"},
                                  {"judgement", "unacceptable"},
                                  {"note", "no contact made"}};
  const SystemClock clock;
  long long id = 0;
  {
    auto tx = db->BeginRead();
    tx.sql() << "SELECT COALESCE(MAX(id), 0) FROM bench_raw_commit", soci::into(id);
  }
  for (auto _ : state) {
    auto tx = db->BeginWrite();
    if (append_event) {
      store::AppendEvent(tx, actor, {"X123456", "outcome.recorded", payload}, clock.Now());
    } else {
      ++id;
      const std::string v = payload.dump();
      tx.sql() << "INSERT INTO bench_raw_commit (id, v) VALUES (:id, :v)", soci::use(id),
          soci::use(v);
    }
    tx.Commit();
  }
  state.SetItemsProcessed(state.iterations());
}

const std::string& SqliteBenchUrl() {
  static const std::string url = bench::FreshSqliteUrl("bench");
  return url;
}

void BM_RawCommit_Sqlite(benchmark::State& s) { RunOn(s, SqliteBenchUrl(), false); }
void BM_EventAppend_Sqlite(benchmark::State& s) { RunOn(s, SqliteBenchUrl(), true); }
void BM_RawCommit_Postgres(benchmark::State& s) { RunOn(s, bench::PostgresUrl(), false); }
void BM_EventAppend_Postgres(benchmark::State& s) { RunOn(s, bench::PostgresUrl(), true); }

BENCHMARK(BM_RawCommit_Sqlite)->UseRealTime()->MinTime(2.0);
BENCHMARK(BM_EventAppend_Sqlite)->UseRealTime()->MinTime(2.0);
BENCHMARK(BM_RawCommit_Postgres)->UseRealTime()->MinTime(2.0);
BENCHMARK(BM_EventAppend_Postgres)->UseRealTime()->MinTime(2.0);

}  // namespace
}  // namespace probity

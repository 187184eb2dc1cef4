// Enforcement at national scale (issue 8's bar): re-evaluating every current sentence in seconds,
// and the worklist of a PDU in milliseconds, on the shared national-shaped database
// (national_db.h; gen-data's appointments carry the unacceptable failures). And the pure engine on
// one sentence, which both rest on.
//   BM_EvaluateAll_*: app::EvaluateAll, reading one snapshot and evaluating every current
//     sentence. The first call brings the stored alerts up to date (a backfill after the bulk
//     load: timed on its own and printed); the timed calls then find nothing to write.
//   BM_PduWorklist_*: the first page (50 rows) of a PDU's worklist as an enforcement
//     administrator sees it, a PDU drawn at random each time.
//   BM_EvaluateSentence: enforcement::Evaluate on a licence with 12 failures and 6 decisions.
#include <benchmark/benchmark.h>
#include <soci/soci.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>
#include <random>

#include "app/enforcement.h"
#include "enforcement/engine.h"
#include "national_db.h"

namespace probity::bench {

namespace {

struct Rig {
  NationalDb national;
  std::vector<int64_t> pdus;
  bool backfilled = false;
};

Rig& RigFor(store::Backend backend) {
  static std::map<store::Backend, Rig> rigs;
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  auto [it, made] = rigs.try_emplace(backend);
  Rig& rig = it->second;
  if (!made) return rig;
  rig.national = OpenNationalDb(backend);
  if (!rig.national.skip.empty()) return rig;
  auto tx = rig.national.db->BeginRead();
  soci::rowset<long long> rows = (tx.sql().prepare << "SELECT id FROM pdu ORDER BY id");
  for (long long id : rows) rig.pdus.push_back(id);
  return rig;
}

const store::Actor kSystem{"system:enforcement-bench", std::nullopt};

// Brings the stored alerts up to date once, printing what that took.
void Backfill(Rig& rig) {
  if (rig.backfilled) return;
  rig.backfilled = true;
  const auto run = app::EvaluateAll(*rig.national.db, kSystem, SystemClock().Now());
  std::fprintf(stderr,
               "enforcement_bench: backfill on %s: %lld sentences, %lld alerts (%lld open), %lld "
               "sentences written; read %.2f s, evaluate %.2f s, write %.2f s\n",
               rig.national.db->url().display.c_str(), static_cast<long long>(run.sentences),
               static_cast<long long>(run.alerts), static_cast<long long>(run.open_alerts),
               static_cast<long long>(run.sentences_written), run.read_seconds,
               run.evaluate_seconds, run.write_seconds);
}

void EvaluateAll(benchmark::State& state, store::Backend backend) {
  Rig& rig = RigFor(backend);
  if (!rig.national.skip.empty()) {
    state.SkipWithError(rig.national.skip.c_str());
    return;
  }
  Backfill(rig);
  app::EvaluationRun last;
  for (auto _ : state) last = app::EvaluateAll(*rig.national.db, kSystem, SystemClock().Now());
  state.counters["sentences"] = static_cast<double>(last.sentences);
  state.counters["alerts"] = static_cast<double>(last.alerts);
  state.counters["open"] = static_cast<double>(last.open_alerts);
  state.counters["written"] = static_cast<double>(last.sentences_written);
  state.counters["read_s"] = last.read_seconds;
  state.counters["evaluate_s"] = last.evaluate_seconds;
  state.counters["sentences/s"] = benchmark::Counter(
      static_cast<double>(last.sentences) * state.iterations(), benchmark::Counter::kIsRate);
}

void PduWorklist(benchmark::State& state, store::Backend backend) {
  Rig& rig = RigFor(backend);
  if (!rig.national.skip.empty() || rig.pdus.empty()) {
    state.SkipWithError(rig.pdus.empty() ? "no PDUs" : rig.national.skip.c_str());
    return;
  }
  Backfill(rig);
  std::mt19937_64 rng(7);
  size_t rows = 0;
  for (auto _ : state) {
    enforcement::WorklistQuery q;
    q.scope.kind = access::CaseScope::Kind::kPdus;
    q.scope.ids = {rig.pdus[rng() % rig.pdus.size()]};
    q.viewer = 1;
    rows += app::ListWorklist(*rig.national.db, q).size();
  }
  state.counters["rows/page"] = static_cast<double>(rows) / static_cast<double>(state.iterations());
}

void BM_EvaluateAll_Sqlite(benchmark::State& s) { EvaluateAll(s, store::Backend::kSqlite); }
void BM_EvaluateAll_Postgres(benchmark::State& s) { EvaluateAll(s, store::Backend::kPostgres); }
void BM_PduWorklist_Sqlite(benchmark::State& s) { PduWorklist(s, store::Backend::kSqlite); }
void BM_PduWorklist_Postgres(benchmark::State& s) { PduWorklist(s, store::Backend::kPostgres); }

void BM_EvaluateSentence(benchmark::State& state) {
  using std::chrono::days;
  enforcement::SentenceFacts facts;
  facts.sentence_id = 1;
  facts.track = enforcement::Track::kLicence;
  const Date start = Date{std::chrono::year{2026} / 1 / 5};
  facts.starts_on = start;
  for (int i = 0; i < 12; ++i) {
    const Date day = start + days{14 * i};
    facts.failures.push_back({100 + i, UtcTime{day} + std::chrono::hours{10}, day});
    if (i % 2 == 0) {
      enforcement::Decision d;
      d.id = i + 1;
      d.appointment_id = 100 + i;
      d.kind = enforcement::DecisionKind::kNotEnforced;
      d.decided_at = UtcTime{day + days{1}};
      d.countersigned = true;
      facts.decisions.push_back(d);
    }
  }
  const enforcement::Policy policy{{enforcement::DefaultPolicy()}};
  const calendar::WorkingCalendar calendar;
  const Date today = start + days{200};
  for (auto _ : state)
    benchmark::DoNotOptimize(enforcement::Evaluate(facts, policy, calendar, today));
}

}  // namespace

BENCHMARK(BM_EvaluateSentence);
BENCHMARK(BM_EvaluateAll_Sqlite)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);
BENCHMARK(BM_EvaluateAll_Postgres)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);
BENCHMARK(BM_PduWorklist_Sqlite)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);
BENCHMARK(BM_PduWorklist_Postgres)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);

}  // namespace probity::bench

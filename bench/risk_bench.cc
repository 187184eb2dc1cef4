// The tier kept from the record (issue 9's bar): one calculation's latency, and recalculating
// every person's tier at national scale on the shared national-shaped database (national_db.h).
//   BM_TierOneCalculation: risk::FactsOf + TierFromRecord + CalculateTier on a realistic record
//     (a licence, requirements, registrations, a full needs assessment, convictions): pure, what
//     GetRisk and every write that changes an input spend on rules.
//   BM_RecalculateAllTiers_*: app::RecalculateAllTiers, every person in write transactions of a
//     few hundred. The first call brings person.tier to what the record gives (gen-data sets
//     tiers of its own: a backfill, timed on its own and printed); the timed calls then find
//     nothing to change, so they measure reading and tiering every record.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <mutex>

#include "app/risk.h"
#include "national_db.h"
#include "risk/from_record.h"
#include "risk/tier.h"

namespace probity::bench {

namespace {

struct Rig {
  NationalDb national;
  bool backfilled = false;
};

Rig& RigFor(store::Backend backend) {
  static std::map<store::Backend, Rig> rigs;
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  auto [it, made] = rigs.try_emplace(backend);
  if (made) it->second.national = OpenNationalDb(backend);
  return it->second;
}

const store::Actor kSystem{"system:tiering-bench", std::nullopt};

void Backfill(Rig& rig) {
  if (rig.backfilled) return;
  rig.backfilled = true;
  const auto run = app::RecalculateAllTiers(*rig.national.db, kSystem, SystemClock().Now());
  std::fprintf(stderr,
               "risk_bench: backfill on %s: %lld people, %lld tiers changed, %lld refused; read "
               "%.2f s, recalculate and write %.2f s\n",
               rig.national.db->url().display.c_str(), static_cast<long long>(run.people),
               static_cast<long long>(run.changed), static_cast<long long>(run.refused),
               run.read_seconds, run.write_seconds);
}

void RecalculateAll(benchmark::State& state, store::Backend backend) {
  Rig& rig = RigFor(backend);
  if (!rig.national.skip.empty()) {
    state.SkipWithError(rig.national.skip.c_str());
    return;
  }
  Backfill(rig);
  app::TierRun last;
  for (auto _ : state)
    last = app::RecalculateAllTiers(*rig.national.db, kSystem, SystemClock().Now());
  state.counters["people"] = static_cast<double>(last.people);
  state.counters["changed"] = static_cast<double>(last.changed);
  state.counters["people/s"] = benchmark::Counter(
      static_cast<double>(last.people) * state.iterations(), benchmark::Counter::kIsRate);
}

void BM_RecalculateAllTiers_Sqlite(benchmark::State& s) {
  RecalculateAll(s, store::Backend::kSqlite);
}
void BM_RecalculateAllTiers_Postgres(benchmark::State& s) {
  RecalculateAll(s, store::Backend::kPostgres);
}

cases::CaseRecord RealisticRecord() {
  cases::CaseRecord r;
  r.person.date_of_birth = "1988-02-14";
  r.person.gender = "male";
  r.person.iom = true;
  cases::Sentence old;
  old.id = 1;
  old.kind = "community_order";
  old.status = "terminated";
  old.offence_group = "theft_non_motor";
  old.sentence_date = "2019-03-01";
  cases::Sentence licence;
  licence.id = 2;
  licence.kind = "licence";
  licence.status = "active";
  licence.offence_group = "robbery";
  licence.sentence_date = "2024-05-01";
  licence.release_date = "2026-01-15";
  r.sentences = {licence, old};
  cases::Requirement rar;
  rar.id = 1;
  rar.sentence_id = 1;
  rar.type = "rehabilitation_activity";
  rar.status = "terminated";
  rar.start_date = "2019-03-01";
  r.requirements = {rar};
  for (const char* type :
       {"rosh", "mappa", "self_harm", "mental_health_issues", "domestic_abuse_perpetrator"}) {
    cases::Registration reg;
    reg.type = type;
    reg.start_date = "2026-01-20";
    if (std::string(type) == "rosh") reg.level = "high";
    if (std::string(type) == "mappa") {
      reg.level = "1";
      reg.category = "2";
    }
    r.registrations.push_back(reg);
  }
  const char* severities[] = {"standard", "severe", "none"};
  int i = 0;
  for (const char* need :
       {"accommodation", "education_training_employment", "finance", "relationships", "lifestyle",
        "drugs", "alcohol", "thinking_behaviour", "attitudes", "mental_health"})
    r.needs.push_back({++i, need, severities[i % 3], "2026-02-01", "staff:1", {}});
  for (const char* day : {"2006-07-01", "2009-01-15", "2012-10-02", "2019-02-01", "2024-04-10"})
    r.convictions.push_back({++i, day, "theft_non_motor", std::nullopt});
  return r;
}

void BM_TierOneCalculation(benchmark::State& state) {
  const auto record = RealisticRecord();
  const Date today = *ParseDate("2026-11-23");
  risk::RsrAssessment rsr{risk::Decimal::Whole(7), risk::RsrKind::kDynamic, today, "Jo Bloggs"};
  for (auto _ : state) {
    auto facts = risk::FactsOf(record);
    facts.rsr = rsr;
    const auto question = risk::TierFromRecord(facts, today);
    benchmark::DoNotOptimize(risk::CalculateTier(question.input));
  }
}

}  // namespace

BENCHMARK(BM_TierOneCalculation);
BENCHMARK(BM_RecalculateAllTiers_Sqlite)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(2);
BENCHMARK(BM_RecalculateAllTiers_Postgres)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(2);

}  // namespace probity::bench

// Workload at national scale (issue 10's bars: every practitioner's workload recomputed in under a
// second; candidates for one case ranked in under 10 ms).
//   BM_WorkloadAllStaff_Pure: workload::FigureOf for 12,000 practitioners holding 21 cases each
//     (250,000 cases), with reductions and court reports: the rules alone.
//   BM_RecomputeAllWorkloads_*: app::AllFigures, every practitioner's live figure on the shared
//     national-shaped database (national_db.h): their facts read in bulk, then the rules.
//   BM_RecordWeek_*: app::RecordWeek on the shared national-shaped database (national_db.h):
//     every practitioner's facts read in bulk, their figures worked out and this week's row
//     written for each, in one transaction. At PROBITY_BENCH_DB made by `probity gen-data
//     --people 250000` that is about 12,000 staff.
//   BM_RankCandidates_Pure: allocation::Recommend over a team of 12.
//   BM_RecommendForOneCase_*: app::RecommendFor an unallocated case, as its SPO: the case, its
//     team's staff and their live figures read, then ranked.
#include <benchmark/benchmark.h>

#include <map>
#include <mutex>
#include <random>

#include "allocation/recommend.h"
#include "app/workload.h"
#include "core/uk_time.h"
#include "national_db.h"
#include "store/rows.h"
#include "workload/caseload.h"

namespace probity::bench {

namespace {

Date Day(const char* text) { return *ParseDate(text); }

struct SyntheticStaff {
  workload::Hours contracted = 3700;
  std::vector<workload::CaseFacts> cases;
  std::vector<workload::Reduction> reductions;
  int64_t standard = 0, fast = 0;
};

const std::vector<SyntheticStaff>& NationalStaff() {
  static const std::vector<SyntheticStaff> staff = [] {
    std::mt19937 random(1);
    const char* kinds[] = {"community_order", "suspended_sentence_order", "licence", "pss"};
    std::vector<SyntheticStaff> out(12000);
    int64_t person = 0;
    for (auto& s : out) {
      s.contracted = random() % 4 == 0 ? 2220 : 3700;
      for (int c = 0; c < 21; ++c) {
        workload::CaseFacts f;
        f.person_id = ++person;
        f.date_of_birth = Day("1970-01-01") + std::chrono::days{random() % 15000};
        if (random() % 20 != 0)
          f.tier = std::string(workload::kTierCodes[random() % workload::kTierCodes.size()]);
        const char* kind = kinds[random() % 4];
        f.sentences.push_back({kind, Day("2025-06-01"),
                               random() % 3 ? std::optional(Day("2026-02-01")) : std::nullopt});
        if (random() % 10 == 0) f.sentences.push_back({"community_order", Day("2026-03-01"), {}});
        s.cases.push_back(std::move(f));
      }
      if (random() % 5 == 0) s.reductions.push_back({740, Day("2026-06-01"), Day("2027-03-01")});
      s.standard = random() % 3;
      s.fast = random() % 2;
    }
    return out;
  }();
  return staff;
}

void BM_WorkloadAllStaff_Pure(benchmark::State& state) {
  const auto& staff = NationalStaff();
  const workload::Settings settings;
  const Date today = Day("2026-12-03");
  int64_t points = 0;
  for (auto _ : state) {
    for (const auto& s : staff) {
      auto f = workload::FigureOf(settings, s.contracted, s.cases, s.reductions, s.standard, s.fast,
                                  today);
      points += f->points.total;
    }
    benchmark::DoNotOptimize(points);
  }
  state.counters["staff"] = static_cast<double>(staff.size());
  state.counters["staff/s"] = benchmark::Counter(
      static_cast<double>(staff.size()) * state.iterations(), benchmark::Counter::kIsRate);
}

struct Rig {
  NationalDb national;
  std::string crn;  // an unallocated case to place
  access::Principal spo;
};

Rig& RigFor(store::Backend backend) {
  static std::map<store::Backend, Rig> rigs;
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  auto [it, made] = rigs.try_emplace(backend);
  if (!made) return it->second;
  Rig& rig = it->second;
  rig.national = OpenNationalDb(backend);
  if (!rig.national.skip.empty()) return rig;
  auto tx = rig.national.db->BeginRead();
  int64_t team = 0, pdu = 0;
  store::Rows(tx).Read(
      "SELECT p.crn, p.team_id, t.pdu_id FROM person p JOIN team t ON t.id = p.team_id WHERE "
      "p.officer_staff_id IS NULL AND p.limited = 0 ORDER BY p.id LIMIT 1",
      [&](const soci::row& r) {
        rig.crn = r.get<std::string>(0);
        team = static_cast<int64_t>(r.get<long long>(1));
        pdu = static_cast<int64_t>(r.get<long long>(2));
      });
  rig.spo.role = access::Role::kSpo;
  rig.spo.staff_id = 1;
  rig.spo.team_ids = {team};
  rig.spo.pdu_ids = {pdu};
  if (rig.crn.empty()) rig.national.skip = "no unallocated case in the database";
  return rig;
}

void RecordWeek(benchmark::State& state, store::Backend backend) {
  Rig& rig = RigFor(backend);
  if (!rig.national.skip.empty()) {
    state.SkipWithError(rig.national.skip.c_str());
    return;
  }
  int64_t staff = 0;
  for (auto _ : state) staff = app::RecordWeek(*rig.national.db, SystemClock().Now());
  state.counters["staff"] = static_cast<double>(staff);
}

void RecomputeAll(benchmark::State& state, store::Backend backend) {
  Rig& rig = RigFor(backend);
  if (!rig.national.skip.empty()) {
    state.SkipWithError(rig.national.skip.c_str());
    return;
  }
  size_t staff = 0;
  for (auto _ : state)
    staff = app::AllFigures(*rig.national.db, UkDateOf(SystemClock().Now())).size();
  state.counters["staff"] = static_cast<double>(staff);
}

void BM_RecomputeAllWorkloads_Sqlite(benchmark::State& s) {
  RecomputeAll(s, store::Backend::kSqlite);
}
void BM_RecomputeAllWorkloads_Postgres(benchmark::State& s) {
  RecomputeAll(s, store::Backend::kPostgres);
}
void BM_RecordWeek_Sqlite(benchmark::State& s) { RecordWeek(s, store::Backend::kSqlite); }
void BM_RecordWeek_Postgres(benchmark::State& s) { RecordWeek(s, store::Backend::kPostgres); }

void BM_RankCandidates_Pure(benchmark::State& state) {
  std::vector<allocation::Candidate> team;
  for (int i = 0; i < 12; ++i) {
    allocation::Candidate c;
    c.staff_id = i + 1;
    c.name = "Officer " + std::to_string(i);
    c.grade = i % 4 == 0   ? access::Grade::kPso
              : i % 5 == 0 ? access::Grade::kPqip
                           : access::Grade::kPo;
    c.qualified_on = Day("2020-01-01");
    c.points = 1500 + 60 * i;
    c.available_points = 2176;
    team.push_back(c);
  }
  const allocation::CaseToPlace to_place{"B2", false, 115};
  for (auto _ : state)
    benchmark::DoNotOptimize(allocation::Recommend(to_place, team, Day("2026-12-03")));
}

void RecommendForOne(benchmark::State& state, store::Backend backend) {
  Rig& rig = RigFor(backend);
  if (!rig.national.skip.empty()) {
    state.SkipWithError(rig.national.skip.c_str());
    return;
  }
  size_t ranked = 0;
  for (auto _ : state) {
    auto r = app::RecommendFor(*rig.national.db, rig.spo, rig.crn, SystemClock().Now());
    if (!r) {
      state.SkipWithError(r.error().message.c_str());
      return;
    }
    ranked = r->ranked.size();
  }
  state.counters["candidates"] = static_cast<double>(ranked);
}

void BM_RecommendForOneCase_Sqlite(benchmark::State& s) {
  RecommendForOne(s, store::Backend::kSqlite);
}
void BM_RecommendForOneCase_Postgres(benchmark::State& s) {
  RecommendForOne(s, store::Backend::kPostgres);
}

}  // namespace

BENCHMARK(BM_WorkloadAllStaff_Pure)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RecomputeAllWorkloads_Sqlite)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(3);
BENCHMARK(BM_RecomputeAllWorkloads_Postgres)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(3);
BENCHMARK(BM_RecordWeek_Sqlite)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);
BENCHMARK(BM_RecordWeek_Postgres)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);
BENCHMARK(BM_RankCandidates_Pure)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_RecommendForOneCase_Sqlite)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_RecommendForOneCase_Postgres)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace probity::bench

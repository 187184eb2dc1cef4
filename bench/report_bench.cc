// Honest reporting (issue 12) at national scale:
//   BM_KpiRegionYear_*: app::KpiReportFromLog for the first region over the year up to the
//     latest appointment in the database: the log's organisation, the region's cases found from
//     their registrations and allocations, then every case folded from its events by subject.
//     At PROBITY_BENCH_DB made by `probity gen-data --people 250000` a region is about 21,000
//     cases and a million events.
//   BM_IntegrityRegionYear_*: the integrity report over the same.
//   BM_FoldCase_Pure: reporting::FoldCase and KpiBuilder::Add over one case of 200 events
//     (a year of weekly appointments with outcomes): the per-case cost without the database.
#include <benchmark/benchmark.h>

#include <map>
#include <nlohmann/json.hpp>

#include "app/reports.h"
#include "core/uk_time.h"
#include "national_db.h"
#include "reporting/case_log.h"
#include "reporting/kpi.h"
#include "store/rows.h"

namespace probity::bench {

namespace {

struct Rig {
  NationalDb national;
  app::ReportQuery query;
};

Rig& RigFor(store::Backend backend) {
  static std::map<store::Backend, Rig> rigs;
  auto [it, made] = rigs.try_emplace(backend);
  if (!made) return it->second;
  Rig& rig = it->second;
  rig.national = OpenNationalDb(backend);
  if (!rig.national.skip.empty()) return rig;
  auto tx = rig.national.db->BeginRead();
  std::string region;
  std::string latest;
  store::Rows(tx).Read("SELECT code FROM region ORDER BY id LIMIT 1",
                       [&](const soci::row& r) { region = r.get<std::string>(0); });
  store::Rows(tx).Read("SELECT MAX(starts_at) FROM appointment", [&](const soci::row& r) {
    if (r.get_indicator(0) == soci::i_ok) latest = r.get<std::string>(0);
  });
  const auto last = ParseUtc(latest);
  if (region.empty() || !last) {
    rig.national.skip = "no region or no appointment in the database";
    return rig;
  }
  const Date to = UkDateOf(*last);
  rig.query.period = {to - std::chrono::days{364}, to};
  rig.query.scope = {reporting::Scope::Level::kRegion, region, 0};
  return rig;
}

template <class Run>
void RegionYear(benchmark::State& state, store::Backend backend, Run run) {
  Rig& rig = RigFor(backend);
  if (!rig.national.skip.empty()) {
    state.SkipWithError(rig.national.skip.c_str());
    return;
  }
  app::ReportSource source;
  for (auto _ : state) source = run(*rig.national.db, rig.query);
  state.counters["cases"] = static_cast<double>(source.cases_read);
  state.counters["events"] = static_cast<double>(source.events_read);
}

void BM_KpiRegionYear(benchmark::State& state, store::Backend backend) {
  int64_t items = 0;
  RegionYear(state, backend, [&](store::Db& db, const app::ReportQuery& query) {
    auto report = app::KpiReportFromLog(db, query, SystemClock().Now());
    if (!report) {
      state.SkipWithError(report.error().message.c_str());
      return app::ReportSource{};
    }
    items = 0;
    for (const auto& k : report->kpis) items += static_cast<int64_t>(k.items.size());
    return report->source;
  });
  state.counters["items"] = static_cast<double>(items);
}

void BM_IntegrityRegionYear(benchmark::State& state, store::Backend backend) {
  RegionYear(state, backend, [&](store::Db& db, const app::ReportQuery& query) {
    auto report = app::IntegrityReportFromLog(db, query, SystemClock().Now());
    if (!report) {
      state.SkipWithError(report.error().message.c_str());
      return app::ReportSource{};
    }
    return report->source;
  });
}

void BM_KpiRegionYear_Sqlite(benchmark::State& s) { BM_KpiRegionYear(s, store::Backend::kSqlite); }
void BM_KpiRegionYear_Postgres(benchmark::State& s) {
  BM_KpiRegionYear(s, store::Backend::kPostgres);
}
void BM_IntegrityRegionYear_Sqlite(benchmark::State& s) {
  BM_IntegrityRegionYear(s, store::Backend::kSqlite);
}
void BM_IntegrityRegionYear_Postgres(benchmark::State& s) {
  BM_IntegrityRegionYear(s, store::Backend::kPostgres);
}

store::EventRow Row(int64_t seq, UtcTime at, const char* kind, const nlohmann::json& payload) {
  store::EventRow e;
  e.seq = seq;
  e.recorded_at = FormatUtc(at);
  e.actor = "staff:1";
  e.subject = "X1";
  e.kind = kind;
  e.payload = payload.dump();
  return e;
}

void BM_FoldCase_Pure(benchmark::State& state) {
  const UtcTime start = *ParseUtc("2026-01-05T10:00:00.000000Z");
  std::vector<store::EventRow> rows;
  int64_t seq = 0;
  rows.push_back(Row(++seq, start, "person.registered", {{"team_code", "T1"}}));
  rows.push_back(Row(++seq, start, "sentence.added",
                     {{"id", 1}, {"kind", "community_order"}, {"sentence_date", "2026-01-05"}}));
  for (int week = 0; week < 66; ++week) {
    const UtcTime at = start + std::chrono::days{7 * week};
    const std::string when = FormatUtc(at);
    rows.push_back(Row(++seq, at - std::chrono::days{2}, "appointment.booked",
                       {{"id", week + 1},
                        {"type", "supervision"},
                        {"starts_at", when},
                        {"duration_minutes", 45},
                        {"office", "T1-OFFICE"},
                        {"staff_id", 1},
                        {"sentence_id", 1},
                        {"open_space", false}}));
    const bool failed = week % 9 == 4;
    rows.push_back(Row(++seq, at + std::chrono::hours{1}, "appointment.outcome_recorded",
                       {{"id", week + 1},
                        {"outcome", failed ? "failed_to_attend" : "attended_complied"},
                        {"judgement", failed ? nlohmann::json("unacceptable") : nullptr},
                        {"note", "seen"},
                        {"version", 2}}));
    if (failed) {
      rows.push_back(Row(++seq, at + std::chrono::hours{1}, "enforcement.alert_raised",
                         {{"sentence_id", 1},
                          {"appointment_id", week + 1},
                          {"failure_day", FormatDate(UkDateOf(at))},
                          {"nth", 1},
                          {"kind", "warning"},
                          {"due_on", FormatDate(UkDateOf(at) + std::chrono::days{14})}}));
    }
  }
  reporting::OrgLog org;
  const reporting::Period year{*ParseDate("2026-01-01"), *ParseDate("2026-12-31")};
  for (auto _ : state) {
    reporting::KpiBuilder builder(year, {}, org, *ParseUtc("2027-01-10T00:00:00.000000Z"));
    builder.Add(reporting::FoldCase("X1", rows));
    auto kpis = std::move(builder).Finish();
    benchmark::DoNotOptimize(kpis);
  }
  state.counters["events"] = static_cast<double>(rows.size());
}

}  // namespace

BENCHMARK(BM_KpiRegionYear_Sqlite)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2);
BENCHMARK(BM_KpiRegionYear_Postgres)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2);
BENCHMARK(BM_IntegrityRegionYear_Sqlite)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(2);
BENCHMARK(BM_IntegrityRegionYear_Postgres)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(2);
BENCHMARK(BM_FoldCase_Pure)->Unit(benchmark::kMicrosecond);

}  // namespace probity::bench

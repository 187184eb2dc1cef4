// The two reads a practitioner makes most, on a national-shaped database (DESIGN section 9):
//   PersonPage: the person page's data in one read transaction: cases::FindPerson,
//     cases::LoadCaseRecord (sentences, requirements, registrations...) and the last 50 timeline
//     rows (cases::ReadTimeline);
//   Caseload: a practitioner's caseload list (cases::FindPeople with officer_staff_id), as their
//     own teams' scope sees it.
//   PersonPageHtml, CaseloadHtml: the same two as the server renders them, whole HTML pages
//     (web/pages: the case gate, the reads, the Mustache templates and the GOV.UK layout), as a
//     recall-team reader (who may read any case) and as the practitioner.
// CRNs and practitioners are drawn at random (a fixed seed) from the whole database, so caches do
// not flatter the figures. Each iteration is timed on its own: the median, p90 and p99 are
// printed per backend and thread count, with pages/s, after the run (PrintCasePageSummary).
//
// The database: bench/national_db.h (PROBITY_BENCH_DB, or a generated one reused between runs).
#include <benchmark/benchmark.h>
#include <soci/soci.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <random>

#include "access/policy.h"
#include "cases/store.h"
#include "cases/timeline_store.h"
#include "national_db.h"
#include "store/migrate.h"
#include "web/auth.h"
#include "web/pages/caseload_page.h"
#include "web/pages/person_pages.h"
#include "web/routes.h"

namespace probity::bench {

namespace {

struct Practitioner {
  int64_t staff_id = 0;
  std::vector<int64_t> team_ids;
};

// One database to read, with what to draw from it.
struct Target {
  std::string label;  // what is printed: "sqlite 20000 people"
  std::unique_ptr<store::Db> db;
  std::vector<std::string> crns;
  std::vector<Practitioner> practitioners;
  std::string skip;  // why there is nothing to measure
};

struct Figure {
  std::string backend, what;
  int threads = 1;
  double p50 = 0, p90 = 0, p99 = 0, per_second = 0;
  size_t samples = 0;
  int64_t run = 0;  // the run's iteration target: each thread of one run shares it
};

std::mutex& SummaryMutex() {
  static std::mutex m;
  return m;
}
std::vector<Figure>& Summary() {
  static std::vector<Figure> figures;
  return figures;
}

void Load(Target& t) {
  auto tx = t.db->BeginRead();
  {
    soci::rowset<std::string> rows = (tx.sql().prepare << "SELECT crn FROM person ORDER BY id");
    for (const auto& crn : rows) t.crns.push_back(crn);
  }
  {
    // Everyone holding a case, with their teams (the scope a practitioner lists within).
    soci::rowset<soci::row> rows =
        (tx.sql().prepare << "SELECT DISTINCT p.officer_staff_id, st.team_id FROM person p JOIN "
                             "staff_team st ON st.staff_id = p.officer_staff_id ORDER BY 1, 2");
    for (const auto& r : rows) {
      const auto staff = static_cast<int64_t>(r.get<long long>(0));
      const auto team = static_cast<int64_t>(r.get<long long>(1));
      if (t.practitioners.empty() || t.practitioners.back().staff_id != staff)
        t.practitioners.push_back({staff, {}});
      t.practitioners.back().team_ids.push_back(team);
    }
  }
  if (t.crns.empty()) t.skip = "the database holds no people";
}

Target& TargetFor(store::Backend backend) {
  static std::map<store::Backend, Target> targets;
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  auto [it, made] = targets.try_emplace(backend);
  Target& t = it->second;
  if (!made) return t;
  auto opened = OpenNationalDb(backend);
  if (!opened.skip.empty()) {
    t.skip = opened.skip;
    return t;
  }
  t.db = std::move(opened.db);
  try {
    Load(t);
  } catch (const std::exception& e) {
    t.skip = e.what();
    return t;
  }
  t.label = std::string(backend == store::Backend::kSqlite ? "sqlite" : "postgresql") + " " +
            std::to_string(t.crns.size()) + " people";
  return t;
}

double Percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const size_t at = std::min(sorted.size() - 1, static_cast<size_t>(p * (sorted.size() - 1) + 0.5));
  return sorted[at];
}

enum class Read { kPersonPage, kCaseload, kPersonHtml, kCaseloadHtml };

// The pages' surroundings: an Auth over the target's database with the real clock, no assets.
struct PageRig {
  SystemClock clock;
  web::Auth auth;
  web::pages::Site site;
  explicit PageRig(store::Db& db)
      : auth(db, clock, web::AuthOptions{}), site{auth, web::NoAssets()} {}
};

// One whole HTML page; returns its size in bytes (0 for an error page: a restricted case).
size_t RenderOne(PageRig& rig, Read read, const Target& t, std::mt19937_64& rng) {
  web::Request request;
  request.method = "GET";
  request.request_id = "bench";
  access::Principal who;
  if (read == Read::kPersonHtml) {
    who.role = access::Role::kRecallTeam;  // reads any case
    who.staff_id = 1;
    request.params["crn"] = t.crns[rng() % t.crns.size()];
    auto page = web::pages::PersonPage(rig.site, request, who);
    return page ? page->body.size() : 0;
  }
  const Practitioner& p = t.practitioners[rng() % t.practitioners.size()];
  who.role = access::Role::kPractitioner;
  who.staff_id = p.staff_id;
  who.team_ids = p.team_ids;
  auto page = web::pages::CaseloadPage(rig.site, request, who);
  return page ? page->body.size() : 0;
}

void Measure(benchmark::State& state, store::Backend backend, Read read) {
  Target& t = TargetFor(backend);
  if (!t.skip.empty()) {
    state.SkipWithError(t.skip.c_str());
    return;
  }
  std::mt19937_64 rng(0x5eed + static_cast<uint64_t>(state.thread_index()));
  std::vector<double> ms;
  ms.reserve(1 << 16);
  size_t rows = 0;
  std::optional<PageRig> rig;
  if (read == Read::kPersonHtml || read == Read::kCaseloadHtml) rig.emplace(*t.db);
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    if (rig) {
      rows += RenderOne(*rig, read, t, rng);
      ms.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
              .count());
      continue;
    }
    auto tx = t.db->BeginRead();
    if (read == Read::kPersonPage) {
      const std::string& crn = t.crns[rng() % t.crns.size()];
      auto person = cases::FindPerson(tx, crn);
      if (!person) {
        state.SkipWithError(("no person " + crn).c_str());
        return;
      }
      const auto record = cases::LoadCaseRecord(tx, *person);
      cases::TimelineQuery query;
      query.person_id = person->id;
      query.limit = 50;
      const auto timeline = cases::ReadTimeline(tx, query);
      rows += record.sentences.size() + record.registrations.size() + timeline.items.size();
    } else {
      const Practitioner& who = t.practitioners[rng() % t.practitioners.size()];
      cases::PeopleQuery query;
      query.scope = {access::CaseScope::Kind::kTeams, who.team_ids};
      query.viewer_staff_id = who.staff_id;
      query.officer_staff_id = who.staff_id;
      query.limit = 50;
      rows += cases::FindPeople(tx, query).items.size();
    }
    tx.Rollback();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                     .count());
  }
  benchmark::DoNotOptimize(rows);
  std::sort(ms.begin(), ms.end());
  const double p50 = Percentile(ms, 0.5), p90 = Percentile(ms, 0.9), p99 = Percentile(ms, 0.99);
  state.counters["p50_ms"] = benchmark::Counter(p50, benchmark::Counter::kAvgThreads);
  state.counters["p99_ms"] = benchmark::Counter(p99, benchmark::Counter::kAvgThreads);
  state.SetItemsProcessed(state.iterations());
  double total_ms = 0;
  for (double m : ms) total_ms += m;
  Figure f;
  f.backend = t.label;
  f.what = read == Read::kPersonPage   ? "person page"
           : read == Read::kCaseload   ? "caseload"
           : read == Read::kPersonHtml ? "person HTML"
                                       : "caseload HTML";
  f.threads = state.threads();
  f.p50 = p50;
  f.p90 = p90;
  f.p99 = p99;
  // Pages a second from this thread's own time; summed over threads below.
  f.per_second = total_ms > 0 ? 1000.0 * static_cast<double>(ms.size()) / total_ms : 0;
  f.samples = ms.size();
  f.run = static_cast<int64_t>(state.max_iterations);
  std::lock_guard lock(SummaryMutex());
  for (auto& g : Summary()) {
    if (g.backend == f.backend && g.what == f.what && g.threads == f.threads) {
      // Google Benchmark runs again with more iterations until the time is reached; the last run
      // is the one reported, so it replaces an earlier one.
      if (g.run != f.run) {
        if (f.run > g.run) g = f;
        return;
      }
      // Another thread of the same run: merge (medians averaged, rates summed).
      const double n = static_cast<double>(g.samples), m = static_cast<double>(f.samples);
      g.p50 = (g.p50 * n + f.p50 * m) / (n + m);
      g.p90 = (g.p90 * n + f.p90 * m) / (n + m);
      g.p99 = std::max(g.p99, f.p99);
      g.per_second += f.per_second;
      g.samples += f.samples;
      return;
    }
  }
  Summary().push_back(f);
}

void BM_PersonPage_Sqlite(benchmark::State& s) {
  Measure(s, store::Backend::kSqlite, Read::kPersonPage);
}
void BM_Caseload_Sqlite(benchmark::State& s) {
  Measure(s, store::Backend::kSqlite, Read::kCaseload);
}
void BM_PersonPage_Postgres(benchmark::State& s) {
  Measure(s, store::Backend::kPostgres, Read::kPersonPage);
}
void BM_Caseload_Postgres(benchmark::State& s) {
  Measure(s, store::Backend::kPostgres, Read::kCaseload);
}

void BM_PersonPageHtml_Sqlite(benchmark::State& s) {
  Measure(s, store::Backend::kSqlite, Read::kPersonHtml);
}
void BM_CaseloadHtml_Sqlite(benchmark::State& s) {
  Measure(s, store::Backend::kSqlite, Read::kCaseloadHtml);
}
void BM_PersonPageHtml_Postgres(benchmark::State& s) {
  Measure(s, store::Backend::kPostgres, Read::kPersonHtml);
}
void BM_CaseloadHtml_Postgres(benchmark::State& s) {
  Measure(s, store::Backend::kPostgres, Read::kCaseloadHtml);
}

BENCHMARK(BM_PersonPage_Sqlite)->UseRealTime()->MinTime(3.0)->Threads(1)->Threads(2);
BENCHMARK(BM_Caseload_Sqlite)->UseRealTime()->MinTime(3.0)->Threads(1)->Threads(2);
BENCHMARK(BM_PersonPage_Postgres)->UseRealTime()->MinTime(3.0)->Threads(1)->Threads(2);
BENCHMARK(BM_Caseload_Postgres)->UseRealTime()->MinTime(3.0)->Threads(1)->Threads(2);
BENCHMARK(BM_PersonPageHtml_Sqlite)->UseRealTime()->MinTime(3.0)->Threads(1)->Threads(2);
BENCHMARK(BM_CaseloadHtml_Sqlite)->UseRealTime()->MinTime(3.0)->Threads(1)->Threads(2);
BENCHMARK(BM_PersonPageHtml_Postgres)->UseRealTime()->MinTime(3.0)->Threads(1)->Threads(2);
BENCHMARK(BM_CaseloadHtml_Postgres)->UseRealTime()->MinTime(3.0)->Threads(1)->Threads(2);

}  // namespace

void PrintCasePageSummary() {
  std::lock_guard lock(SummaryMutex());
  if (Summary().empty()) return;
  std::printf("\n%-28s %-12s %7s %9s %9s %9s %10s\n", "database", "read", "threads", "p50 ms",
              "p90 ms", "p99 ms", "pages/s");
  for (const auto& f : Summary())
    std::printf("%-28s %-12s %7d %9.2f %9.2f %9.2f %10.0f\n", f.backend.c_str(), f.what.c_str(),
                f.threads, f.p50, f.p90, f.p99, f.per_second);
}

}  // namespace probity::bench

#include "national_db.h"

#include <soci/soci.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "gen/writer.h"
#include "store/migrate.h"

namespace probity::bench {

namespace {

int64_t People() {
  if (const char* v = std::getenv("PROBITY_BENCH_PEOPLE"); v && *v) return std::atoll(v);
  return 20'000;
}

int64_t CountPeople(store::Db& db) {
  auto tx = db.BeginRead();
  long long n = 0;
  tx.sql() << "SELECT COUNT(*) FROM person", soci::into(n);
  return n;
}

// Generates `people` into the database at `url` unless it already holds exactly that many.
std::unique_ptr<store::Db> Prepared(const std::string& url, int64_t people, size_t pool) {
  auto db = store::Db::Open(url, pool);
  if (!db) throw std::runtime_error(db.error().message);
  if (auto m = store::Migrate(**db); !m) throw std::runtime_error(m.error().message);
  if (CountPeople(**db) == people) return std::move(*db);
  std::fprintf(stderr, "national_db: generating %lld people into %s\n",
               static_cast<long long>(people), (*db)->url().display.c_str());
  int last = -1;
  auto report = gen::Load(**db, {people, 1}, 1000, [&](const gen::LoadProgress& p) {
    const int percent = static_cast<int>(100 * p.people_done / p.people_total);
    if (percent / 10 == last / 10) return;
    last = percent;
    std::fprintf(stderr, "national_db: %d%% (%.0f s)\n", percent, p.seconds);
  });
  if (!report) throw std::runtime_error(report.error().message);
  std::fprintf(stderr, "national_db: generated %lld rows and %lld events in %.1f s\n",
               static_cast<long long>(report->rows), static_cast<long long>(report->events),
               report->seconds);
  return std::move(*db);
}

std::string FreshSqliteUrl(int64_t people) {
  const char* dir = std::getenv("PROBITY_BENCH_DIR");
  const std::filesystem::path path = std::filesystem::path(dir ? dir : "/var/tmp") /
                                     ("probity_case_bench_" + std::to_string(people) + ".db");
  // A file that holds another number of people (an interrupted load) starts again.
  if (std::filesystem::exists(path)) {
    auto db = store::Db::Open("sqlite:" + path.string(), 1);
    bool complete = false;
    try {
      complete = db && CountPeople(**db) == people;
    } catch (const std::exception&) {
    }
    if (!complete)
      for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path.string() + suffix);
  }
  return "sqlite:" + path.string();
}

// A schema of the PostgreSQL database for the generated data, made when missing.
std::string PostgresUrl(const std::string& base, int64_t people) {
  const std::string schema = "probity_case_bench_" + std::to_string(people);
  auto admin = store::Db::Open(base, 1);
  if (!admin) throw std::runtime_error(admin.error().message);
  {
    auto tx = (*admin)->BeginWrite();
    tx.sql() << "CREATE SCHEMA IF NOT EXISTS " + schema;
    tx.Commit();
  }
  const std::string url = base + (base.find('?') == std::string::npos ? "?" : "&") +
                          "options=-csearch_path%3D" + schema;
  auto db = store::Db::Open(url, 1);
  bool complete = false;
  try {
    complete = db && CountPeople(**db) == people;
  } catch (const std::exception&) {
  }
  if (!complete) {
    auto tx = (*admin)->BeginWrite();
    tx.sql() << "DROP SCHEMA " + schema + " CASCADE";
    tx.sql() << "CREATE SCHEMA " + schema;
    tx.Commit();
  }
  return url;
}

}  // namespace

NationalDb OpenNationalDb(store::Backend backend, size_t pool) {
  NationalDb out;
  const int64_t people = People();
  try {
    const char* given = std::getenv("PROBITY_BENCH_DB");
    if (given && *given) {
      const bool sqlite = std::string(given).rfind("sqlite:", 0) == 0;
      if (sqlite != (backend == store::Backend::kSqlite)) {
        out.skip = "PROBITY_BENCH_DB names the other backend";
        return out;
      }
      auto db = store::Db::Open(given, pool);
      if (!db) throw std::runtime_error(db.error().message);
      if (auto m = store::Migrate(**db); !m) throw std::runtime_error(m.error().message);
      out.db = std::move(*db);
    } else if (backend == store::Backend::kSqlite) {
      out.db = Prepared(FreshSqliteUrl(people), people, pool);
    } else {
      const char* pg = std::getenv("PROBITY_BENCH_PG");
      if (!pg || !*pg) {
        out.skip = "no PostgreSQL: set PROBITY_BENCH_PG";
        return out;
      }
      out.db = Prepared(PostgresUrl(pg, people), people, pool);
    }
  } catch (const std::exception& e) {
    out.db.reset();
    out.skip = e.what();
  }
  return out;
}

}  // namespace probity::bench

// Where the storage benchmarks write: SQLite files in $PROBITY_BENCH_DIR (default /var/tmp), and
// the PostgreSQL database in $PROBITY_BENCH_PG or $PROBITY_TEST_PG.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace probity::bench {

// A new, empty SQLite file named for `name` and this process (any older one removed).
inline std::string FreshSqliteUrl(const std::string& name) {
  const char* dir = std::getenv("PROBITY_BENCH_DIR");
  const std::filesystem::path base = dir ? dir : "/var/tmp";
  const auto path = base / ("probity_" + name + "_" + std::to_string(::getpid()) + ".db");
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  return "sqlite:" + path.string();
}

// The PostgreSQL URL, or "" when none is set (the benchmark then skips).
inline std::string PostgresUrl() {
  for (const char* var : {"PROBITY_BENCH_PG", "PROBITY_TEST_PG"})
    if (const char* v = std::getenv(var); v && *v) return v;
  return {};
}

}  // namespace probity::bench

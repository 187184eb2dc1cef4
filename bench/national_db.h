// The national-shaped database the read benchmarks share (DESIGN section 9):
// PROBITY_BENCH_DB when set (e.g. one made by `probity gen-data --people 250000`), used as it is.
// Otherwise PROBITY_BENCH_PEOPLE people (default 20000, seed 1) are generated once into
// $PROBITY_BENCH_DIR (or /var/tmp)/probity_case_bench_<people>.db and, when PROBITY_BENCH_PG
// names a PostgreSQL database, into its schema probity_case_bench_<people>; later runs reuse
// them. docs/benchmarks.md says how to run at national scale.
#pragma once

#include <memory>
#include <string>

#include "store/db.h"

namespace probity::bench {

struct NationalDb {
  std::unique_ptr<store::Db> db;
  std::string skip;  // why there is nothing to measure on this backend
};

// Opens (generating when needed) the database for `backend`, with `pool` connections. Never
// throws: a failure is in `skip`.
NationalDb OpenNationalDb(store::Backend backend, size_t pool = 4);

}  // namespace probity::bench

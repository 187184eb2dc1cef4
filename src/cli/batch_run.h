// What the whole-record batch commands (`probity enforcement evaluate`, `probity risk
// recalculate`) share: the instant to run as of (--at, default now) and the database opened and
// migrated, or the exit code and one line on standard error.
#pragma once

#include <memory>
#include <string>

#include "core/time.h"
#include "store/db.h"

namespace probity::cli {

struct BatchRun {
  std::unique_ptr<store::Db> db;  // null when the run cannot start
  UtcTime now{};
  int exit_code = 0;  // 2 for a bad --at, 1 when the database cannot be opened or migrated
};

// Parses `at` ("" is now), opens `db_url` with one connection and migrates it. On failure prints
// "probity: <why>" to standard error and returns the exit code with no database.
BatchRun StartBatchRun(const std::string& db_url, const std::string& at);

}  // namespace probity::cli

#include "cli/batch_run.h"

#include <iostream>

#include "store/migrate.h"

namespace probity::cli {

BatchRun StartBatchRun(const std::string& db_url, const std::string& at) {
  BatchRun run;
  auto fail = [&run](const std::string& why, int code) {
    std::cerr << "probity: " << why << "\n";
    run.db.reset();
    run.exit_code = code;
    return std::move(run);
  };
  run.now = SystemClock().Now();
  if (!at.empty()) {
    auto parsed = ParseUtc(at);
    if (!parsed) return fail("--at is an instant like 2026-11-23T09:00:00.000000Z (UTC)", 2);
    run.now = *parsed;
  }
  auto db = store::Db::Open(db_url, 1);
  if (!db) return fail(db.error().message, 1);
  run.db = std::move(*db);
  auto migrated = store::Migrate(*run.db);
  if (!migrated) return fail(migrated.error().message, 1);
  return run;
}

}  // namespace probity::cli

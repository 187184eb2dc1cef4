#include "cli/workload_command.h"

#include <CLI/CLI.hpp>
#include <chrono>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "app/workload.h"
#include "cli/batch_run.h"
#include "core/uk_time.h"
#include "workload/caseload.h"

namespace probity::cli {

namespace {
struct Options {
  std::string db;
  std::string at;  // the instant whose week is recorded (tests, catching up); default now
};

int RecordWeek(const Options& o) {
  auto started = StartBatchRun(o.db, o.at);
  if (!started.db) return started.exit_code;
  const auto begun = std::chrono::steady_clock::now();
  const int64_t staff = app::RecordWeek(*started.db, started.now);
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - begun;
  std::cout << nlohmann::json{{"week_start",
                               FormatDate(workload::WeekStart(UkDateOf(started.now)))},
                              {"staff", staff},
                              {"seconds", took.count()}}
                   .dump()
            << "\n";
  return 0;
}
}  // namespace

void AddWorkloadCommand(CLI::App& app, std::function<int()>& chosen) {
  auto* workload = app.add_subcommand("workload", "Workloads across the whole record");
  workload->require_subcommand(1);
  auto options = std::make_shared<Options>();  // owned by the callback, which CLI11 keeps
  auto* record = workload->add_subcommand(
      "record-week",
      "Record every practitioner's workload for this week (nightly), for the dashboards' trend; "
      "prints the count as JSON");
  record->add_option("--db", options->db, "Database URL: sqlite:PATH or postgresql://...")
      ->envname("PROBITY_DB")
      ->required();
  record->add_option("--at", options->at, "Record the week of this instant (default: now)");
  record->callback([options, &chosen] { chosen = [options] { return RecordWeek(*options); }; });
}

}  // namespace probity::cli

#include "cli/risk_command.h"

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "app/risk.h"
#include "cli/batch_run.h"

namespace probity::cli {

namespace {
struct Options {
  std::string db;
  std::string at;  // an instant to tier as of (tests, replays); default now
};

int Recalculate(const Options& o) {
  auto started = StartBatchRun(o.db, o.at);
  if (!started.db) return started.exit_code;
  const store::Actor system{"system:tiering", std::nullopt};
  const auto run = app::RecalculateAllTiers(*started.db, system, started.now);
  std::cout << nlohmann::json{{"people", run.people},
                              {"changed", run.changed},
                              {"refused", run.refused},
                              {"read_seconds", run.read_seconds},
                              {"write_seconds", run.write_seconds}}
                   .dump()
            << "\n";
  return 0;
}
}  // namespace

void AddRiskCommand(CLI::App& app, std::function<int()>& chosen) {
  auto* risk = app.add_subcommand("risk", "Risk and tiers across the whole record");
  risk->require_subcommand(1);
  auto options = std::make_shared<Options>();  // owned by the callback, which CLI11 keeps
  auto* recalculate = risk->add_subcommand(
      "recalculate",
      "Recalculate every person's tier from their record, recording each change; prints counts "
      "and timings as JSON");
  recalculate->add_option("--db", options->db, "Database URL: sqlite:PATH or postgresql://...")
      ->envname("PROBITY_DB")
      ->required();
  recalculate->add_option("--at", options->at, "Tier as of this instant (default: now)");
  recalculate->callback(
      [options, &chosen] { chosen = [options] { return Recalculate(*options); }; });
}

}  // namespace probity::cli

#include "cli/report_command.h"

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <string>

#include "app/report_output.h"
#include "app/reports.h"
#include "cli/batch_run.h"

namespace probity::cli {

namespace {
struct Options {
  std::string db;
  app::ReportQueryText query;
  std::string format = "json";
  bool items = false;
};

// Runs the report: 0 with it on standard output; 2 for bad options (a message on standard
// error); 1 when the database cannot be read.
template <class Run>
int Report(const Options& o, Run run) {
  auto query = app::ParseReportQuery(o.query);
  if (!query) {
    std::cerr << "probity: " << query.error().message << " (--"
              << (query.error().field == "staff_id" ? "staff-id" : query.error().field) << ")\n";
    return 2;
  }
  auto started = StartBatchRun(o.db, "");
  if (!started.db) return started.exit_code;
  return run(*started.db, *query, started.now);
}

int Kpi(const Options& o) {
  return Report(o, [&o](store::Db& db, const app::ReportQuery& query, UtcTime now) {
    auto report = app::KpiReportFromLog(db, query, now);
    if (!report) {
      std::cerr << "probity: " << report.error().message << "\n";
      return 2;
    }
    if (o.format == "csv") {
      std::cout << (o.items ? app::KpiItemsCsv(*report, "") : app::KpiCsv(*report));
    } else {
      std::cout << app::KpiJson(*report, o.items).dump(2) << "\n";
    }
    return 0;
  });
}

int Integrity(const Options& o) {
  return Report(o, [&o](store::Db& db, const app::ReportQuery& query, UtcTime now) {
    auto report = app::IntegrityReportFromLog(db, query, now);
    if (!report) {
      std::cerr << "probity: " << report.error().message << "\n";
      return 2;
    }
    if (o.format == "csv") {
      std::cout << app::IntegrityCsv(*report);
    } else {
      std::cout << app::IntegrityJson(*report).dump(2) << "\n";
    }
    return 0;
  });
}

void AddQueryOptions(CLI::App* command, Options& o) {
  command->add_option("--db", o.db, "Database URL: sqlite:PATH or postgresql://...")
      ->envname("PROBITY_DB")
      ->required();
  command->add_option("--from", o.query.from, "First day of the period, YYYY-MM-DD")->required();
  command->add_option("--to", o.query.to, "Last day of the period, YYYY-MM-DD")->required();
  auto* team = command->add_option("--team", o.query.team, "One team, by code");
  auto* pdu = command->add_option("--pdu", o.query.pdu, "One PDU, by code");
  auto* region = command->add_option("--region", o.query.region, "One region, by code");
  auto* staff = command->add_option("--staff-id", o.query.staff_id, "One officer, by staff id");
  team->excludes(pdu)->excludes(region)->excludes(staff);
  pdu->excludes(region)->excludes(staff);
  region->excludes(staff);
  command->add_option("--format", o.format, "json (default) or csv")
      ->check(CLI::IsMember({"json", "csv"}));
}
}  // namespace

void AddReportCommand(CLI::App& app, std::function<int()>& chosen) {
  auto* report = app.add_subcommand(
      "report", "Performance figures and the integrity report, from the event log alone");
  report->require_subcommand(1);
  auto kpi_options = std::make_shared<Options>();  // owned by the callback, which CLI11 keeps
  auto* kpi = report->add_subcommand("kpi", "The KPIs for a period and a unit");
  AddQueryOptions(kpi, *kpi_options);
  kpi->add_flag("--items", kpi_options->items,
                "JSON: include the items behind each figure; CSV: list the items instead");
  kpi->callback([kpi_options, &chosen] { chosen = [kpi_options] { return Kpi(*kpi_options); }; });

  auto integrity_options = std::make_shared<Options>();
  auto* integrity = report->add_subcommand(
      "integrity",
      "Every amended judgement, changed outcome, first appointment moved past its "
      "due day, completion with an open alert and uncountersigned decision");
  AddQueryOptions(integrity, *integrity_options);
  integrity->callback([integrity_options, &chosen] {
    chosen = [integrity_options] { return Integrity(*integrity_options); };
  });
}

}  // namespace probity::cli

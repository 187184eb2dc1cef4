#include "cli/calc_command.h"

#include <CLI/CLI.hpp>
#include <iostream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "app/calendar.h"
#include "store/db.h"
#include "store/migrate.h"
#include "web/calendar_routes.h"
#include "web/risk_json.h"
#include "web/workload_json.h"

namespace probity::cli {

namespace {
// More than any calculator's question: refuse rather than read without end.
constexpr size_t kMaxInput = 64 * 1024;

int Fail(const Error& e) {
  std::cerr << "probity: " << e.message << "\n";
  return e.kind == ErrorKind::kInvalid || e.kind == ErrorKind::kTooLarge ? 2 : 1;
}

// Standard input as one JSON value.
Result<nlohmann::json> ReadQuestion(std::istream& in) {
  std::string text;
  char buffer[4096];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<size_t>(in.gcount()));
    if (text.size() > kMaxInput)
      return Error::TooLarge("too_large", "standard input is over 64 KiB: send one JSON object");
  }
  auto json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded())
    return Error::Invalid("malformed_json", "standard input must be one JSON object");
  return json;
}

// The calendar: rules and proclaimed days, plus the local adjustments of `db_url` when given.
// The database is read, never migrated: kConflict when its schema is behind this program's.
Result<calendar::WorkingCalendar> CalendarOf(const std::string& db_url) {
  if (db_url.empty()) return calendar::WorkingCalendar();
  auto db = store::Db::Open(db_url, 1);
  if (!db) return db.error();
  const int have = store::SchemaVersion(**db);
  const int want = store::BuiltInMigrations().back().version;
  if (have < want)
    return Error::Conflict("schema_behind", "the database is at schema version " +
                                                std::to_string(have) + ", this program needs " +
                                                std::to_string(want) + ": run 'probity migrate'");
  return app::LoadWorkingCalendar(**db);
}

int WorkingDays(const std::string& db_url) {
  auto body = ReadQuestion(std::cin);
  if (!body) return Fail(body.error());
  auto question = web::ParseWorkingDaysQuestion(*body);
  if (!question) return Fail(question.error());
  auto calendar = CalendarOf(db_url);
  if (!calendar) return Fail(calendar.error());
  auto answer = web::AnswerWorkingDays(*calendar, *question);
  if (!answer) return Fail(answer.error());
  std::cout << answer->dump() << "\n";
  return 0;
}

// A calculator that needs nothing but its question: `answer` parses, calculates and answers.
int Calculate(Result<nlohmann::json> (*answer)(const nlohmann::json&)) {
  auto body = ReadQuestion(std::cin);
  if (!body) return Fail(body.error());
  auto json = answer(*body);
  if (!json) return Fail(json.error());
  std::cout << json->dump() << "\n";
  return 0;
}
}  // namespace

void AddCalcCommand(CLI::App& app, std::function<int()>& chosen) {
  auto* calc = app.add_subcommand(
      "calc", "Calculators: a JSON question on standard input, a JSON answer on standard output");
  calc->require_subcommand(1);

  auto db = std::make_shared<std::string>();  // owned by the callback, which CLI11 keeps
  auto* working_days = calc->add_subcommand(
      "working-days",
      "The date N working days (England and Wales) from another: reads "
      "{\"from\":\"YYYY-MM-DD\",\"add_working_days\":N}, prints {\"date\":\"YYYY-MM-DD\"}");
  working_days
      ->add_option("--db", *db,
                   "Also apply this database's local adjustments (default: bank holidays by rule "
                   "and proclamation only)")
      ->envname("PROBITY_DB");
  working_days->callback([db, &chosen] { chosen = [db] { return WorkingDays(*db); }; });

  auto* ogrs3 = calc->add_subcommand(
      "ogrs3",
      "OGRS3, the chance of proven reoffending in one and two years: reads {\"gender\", "
      "\"date_of_birth\", \"conviction_date\", \"follow_up_start\", \"total_sanctions\", "
      "\"age_at_first_sanction\", \"offence_group\"}, prints {\"one_year_percent\", "
      "\"two_year_percent\", \"band\", ...} (docs/risk.md)");
  ogrs3->callback([&chosen] { chosen = [] { return Calculate(web::AnswerOgrs3); }; });

  auto* tier = calc->add_subcommand(
      "tier",
      "The tier: reads {\"gender\", \"rsr_percent\", \"rosh\", \"mappa_level\", "
      "\"complexity\", \"mandate_for_change\", \"needs\", \"ogrs3_two_year_percent\", ...}, "
      "prints {\"tier\", \"protect_level\", \"protect_points\", \"change_level\", "
      "\"change_points\", \"breakdown\", ...} (docs/risk.md)");
  tier->callback([&chosen] { chosen = [] { return Calculate(web::AnswerTier); }; });

  auto* workload = calc->add_subcommand(
      "workload",
      "Workload points and capacity: reads {\"nominal_target\", \"default_hours\", "
      "\"contracted_hours\", \"reduction_hours\", \"cases\", \"standard_reports\", "
      "\"fast_reports\", \"candidate\"}, prints {\"points\", \"available_points\", "
      "\"capacity_percent\", ...} (docs/workload.md)");
  workload->callback([&chosen] { chosen = [] { return Calculate(web::AnswerWorkload); }; });
}

}  // namespace probity::cli

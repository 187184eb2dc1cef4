#include "cli/gen_data_command.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "gen/writer.h"
#include "store/db.h"
#include "store/migrate.h"

namespace probity::cli {

namespace {
struct GenDataOptions {
  std::string db;
  long long people = 0;
  unsigned long long seed = 1;
  int batch = 500;
};

int Fail(const Error& e) {
  std::cerr << "probity: " << e.message << "\n";
  return e.kind == ErrorKind::kInvalid ? 2 : 1;
}

std::string Duration(double seconds) {
  const long long s = static_cast<long long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%lldh%02lldm", s / 3600, s % 3600 / 60);
  else if (s >= 60)
    std::snprintf(buf, sizeof buf, "%lldm%02llds", s / 60, s % 60);
  else
    std::snprintf(buf, sizeof buf, "%llds", s);
  return buf;
}

// On a terminal: one bar redrawn in place. Otherwise (a log, a pipe): a plain line about every
// 5%, so logs stay readable.
class ProgressPrinter {
 public:
  explicit ProgressPrinter(bool terminal) : terminal_(terminal) {}

  void operator()(const gen::LoadProgress& p) {
    const double fraction =
        p.people_total > 0 ? static_cast<double>(p.people_done) / p.people_total : 1;
    const double people_rate = p.seconds > 0 ? p.people_done / p.seconds : 0;
    const double row_rate = p.seconds > 0 ? (p.rows + p.events) / p.seconds : 0;
    const double eta = people_rate > 0 ? (p.people_total - p.people_done) / people_rate : 0;
    char line[256];
    if (terminal_) {
      constexpr int kWidth = 30;
      const int filled = static_cast<int>(fraction * kWidth);
      std::string bar(filled, '#');
      bar.resize(kWidth, '-');
      std::snprintf(line, sizeof line,
                    "\r[%s] %5.1f%%  %lld/%lld people  %.0f people/s  %.0f rows/s  ETA %s   ",
                    bar.c_str(), fraction * 100, static_cast<long long>(p.people_done),
                    static_cast<long long>(p.people_total), people_rate, row_rate,
                    Duration(eta).c_str());
      std::cerr << line << std::flush;
      drawn_ = true;
      return;
    }
    const int step = static_cast<int>(fraction * 20);  // 5% steps
    if (step <= last_step_ && p.people_done < p.people_total) return;
    last_step_ = step;
    std::snprintf(line, sizeof line,
                  "gen-data: %5.1f%%  %lld/%lld people  %.0f people/s  %.0f rows/s  %s elapsed\n",
                  fraction * 100, static_cast<long long>(p.people_done),
                  static_cast<long long>(p.people_total), people_rate, row_rate,
                  Duration(p.seconds).c_str());
    std::cerr << line << std::flush;
  }

  void Finish() {
    if (drawn_) std::cerr << "\n";
  }

 private:
  bool terminal_;
  bool drawn_ = false;
  int last_step_ = 0;
};

int GenData(const GenDataOptions& o) {
  if (o.people < 1 || o.people > gen::kMaxPeople)
    return Fail(Error::Invalid("bad_people", "--people must be a whole number from 1 to " +
                                                 std::to_string(gen::kMaxPeople)));
  if (o.batch < 1 || o.batch > 100'000)
    return Fail(Error::Invalid("bad_batch", "--batch must be a whole number from 1 to 100000"));
  auto db = store::Db::Open(o.db, 1);
  if (!db) return Fail(db.error());
  if (auto migrated = store::Migrate(**db); !migrated) return Fail(migrated.error());
  ProgressPrinter printer(::isatty(STDERR_FILENO) == 1);
  auto report =
      gen::Load(**db, {o.people, o.seed}, o.batch, [&](const gen::LoadProgress& p) { printer(p); });
  printer.Finish();
  if (!report) return Fail(report.error());
  const auto& r = *report;
  const double rate = r.seconds > 0 ? (r.rows + r.events) / r.seconds : 0;
  std::cout << "generated " << r.people << " people, " << r.staff << " staff in " << r.teams
            << " teams (" << r.pdus << " PDUs, " << r.regions << " regions), " << r.sentences
            << " sentences, " << r.registrations << " registrations, " << r.contacts
            << " contacts, " << r.appointments << " appointments (" << r.outcomes
            << " outcomes): " << r.rows << " rows and " << r.events << " events in "
            << static_cast<long long>(r.seconds * 10 + 0.5) / 10.0 << " s ("
            << static_cast<long long>(rate) << " rows/s); seed " << o.seed << ", head "
            << r.head_hash << "\n";
  return 0;
}
}  // namespace

void AddGenDataCommand(CLI::App& app, std::function<int()>& chosen) {
  auto options = std::make_shared<GenDataOptions>();
  auto* cmd = app.add_subcommand(
      "gen-data",
      "Generate deterministic synthetic data at national scale into an empty database "
      "(migrates first): the same seed gives the same history");
  cmd->add_option("--db", options->db, "Database URL: sqlite:PATH or postgresql://user@host/db")
      ->envname("PROBITY_DB")
      ->required();
  cmd->add_option("--people", options->people,
                  "People on probation to generate, 1 to 2000000 (a national service: 250000)")
      ->required();
  cmd->add_option("--seed", options->seed, "Seed: the same seed gives the same data")
      ->capture_default_str();
  cmd->add_option("--batch", options->batch, "People per write transaction")->capture_default_str();
  cmd->callback([options, &chosen] { chosen = [options] { return GenData(*options); }; });
}

}  // namespace probity::cli

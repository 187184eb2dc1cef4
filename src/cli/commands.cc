#include "cli/commands.h"

#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <memory>

#include "access/model.h"
#include "access/rules.h"
#include "app/accounts.h"
#include "app/seed_demo.h"
#include "app/seed_demo_caseload.h"
#include "cli/calc_command.h"
#include "cli/enforcement_command.h"
#include "cli/gen_data_command.h"
#include "cli/listen_address.h"
#include "cli/password_input.h"
#include "cli/report_command.h"
#include "cli/risk_command.h"
#include "cli/sample_command.h"
#include "cli/workload_command.h"
#include "store/db.h"
#include "store/event_log.h"
#include "store/migrate.h"
#include "web/router.h"
#include "web/routes.h"
#include "web/server.h"

namespace probity::cli {

namespace {
int Fail(const Error& e) {
  std::cerr << "probity: " << e.message << "\n";
  return e.kind == ErrorKind::kInvalid ? 2 : 1;
}

void AddDbOption(CLI::App* cmd, std::string& db) {
  cmd->add_option("--db", db, "Database URL: sqlite:PATH or postgresql://user@host/db")
      ->envname("PROBITY_DB")
      ->required();
}

Result<std::unique_ptr<store::Db>> OpenMigrated(const std::string& url, size_t pool) {
  auto db = store::Db::Open(url, pool);
  if (!db) return db.error();
  auto migrated = store::Migrate(**db);
  if (!migrated) return migrated.error();
  return db;
}

int Migrate(const std::string& url) {
  auto db = store::Db::Open(url, 1);
  if (!db) return Fail(db.error());
  auto report = store::Migrate(**db);
  if (!report) return Fail(report.error());
  if (report->applied.empty())
    std::cout << "schema is up to date at version " << report->current << "\n";
  else
    std::cout << "applied " << report->applied.size() << " migration(s); schema is at version "
              << report->current << "\n";
  return 0;
}

int SeedDemo(const std::string& url, const std::string& password, int people) {
  auto db = OpenMigrated(url, 1);
  if (!db) return Fail(db.error());
  const UtcTime now = SystemClock().Now();
  auto report = app::SeedDemo(**db, password, now);
  if (!report) return Fail(report.error());
  if (report->already_seeded) {
    std::cout << "demo data is already loaded; nothing changed\n";
    return 0;
  }
  std::cout << "loaded demo data: " << report->regions << " regions, " << report->pdus << " PDUs, "
            << report->teams << " teams, " << report->offices << " offices, " << report->rooms
            << " rooms, " << report->usernames.size() << " accounts\n";
  std::string names;
  for (const auto& u : report->usernames) names += (names.empty() ? "" : ", ") + u;
  std::cout << "demo accounts: " << names << "\n";
  if (!report->generated_password.empty())
    std::cout << "demo password (shown once; choose your own with --demo-password): "
              << report->generated_password << "\n";
  // The caseload after the accounts are printed: a failure here still leaves the password shown.
  if (auto caseload = app::SeedDemoCaseload(**db, people, 20261123, now); !caseload)
    return Fail(caseload.error());
  std::cout << "demo caseload: " << people << " people\n";
  return 0;
}

int AuditVerify(const std::string& url) {
  auto db = store::Db::Open(url, 1);
  if (!db) return Fail(db.error());
  const auto report = store::VerifyChain(**db);
  if (!report.intact) {
    std::cout << "BROKEN at seq " << report.broken_seq << ": " << report.problem << "\n";
    std::cout << "verified " << report.count << " events before the break; last good hash "
              << report.head_hash << "\n";
    std::cerr << "probity: the event log has been tampered with at seq " << report.broken_seq
              << "; preserve the database and investigate\n";
    return 1;
  }
  std::cout << "ok: " << report.count << " events; head " << report.head_hash << "\n";
  return 0;
}

const store::Actor kCliActor{"system:cli", std::nullopt};

Result<access::Staff> StaffFrom(const std::string& name, const std::string& grade_text,
                                const std::vector<std::string>& teams, double hours,
                                const std::string& start_date, const std::string& qualified_on) {
  auto grade = access::ParseGrade(grade_text);
  if (!grade)
    return Error::Invalid("bad_grade", "--grade must be one of: " + access::GradeChoices(),
                          "grade");
  access::Staff staff;
  staff.name = name;
  staff.grade = *grade;
  staff.team_codes = teams;
  auto minutes = access::ContractedMinutes(hours);
  if (!minutes) return minutes.error();
  staff.contracted_minutes = *minutes;
  if (!start_date.empty()) staff.start_date = start_date;
  if (!qualified_on.empty()) staff.qualified_on = qualified_on;
  return staff;
}

int UserAdd(const std::string& url, const std::string& username, const std::string& role_text,
            Result<access::Staff> staff) {
  if (!staff) return Fail(staff.error());
  auto role = access::ParseRole(role_text);
  if (!role)
    return Fail(
        Error::Invalid("bad_role", "--role must be one of: " + access::RoleChoices(), "role"));
  auto password = ReadPassword("Password for the new account: ");
  if (!password) return Fail(password.error());
  auto db = OpenMigrated(url, 1);
  if (!db) return Fail(db.error());
  auto added =
      app::AddUser(**db, kCliActor, {username, *staff, *role, *password}, SystemClock().Now());
  if (!added) return Fail(added.error());
  std::cout << "added " << username << " (" << access::ToString(*role) << "), staff id "
            << added->staff_id << "\n";
  return 0;
}

int UserDisable(const std::string& url, const std::string& username) {
  auto db = OpenMigrated(url, 1);
  if (!db) return Fail(db.error());
  if (auto s = app::DisableUser(**db, kCliActor, username, SystemClock().Now()); !s)
    return Fail(s.error());
  std::cout << "disabled " << username << "; their sessions ended and tokens revoked\n";
  return 0;
}

int TokenCreate(const std::string& url, const std::string& username) {
  auto db = OpenMigrated(url, 1);
  if (!db) return Fail(db.error());
  auto token = app::CreateToken(**db, kCliActor, username, SystemClock().Now());
  if (!token) return Fail(token.error());
  std::cout << "token id " << token->id << " for " << username
            << " (shown once; revoke with: probity token revoke --id " << token->id << ")\n"
            << token->secret << "\n";
  return 0;
}

int TokenRevoke(const std::string& url, long long id) {
  auto db = OpenMigrated(url, 1);
  if (!db) return Fail(db.error());
  if (auto s = app::RevokeToken(**db, kCliActor, id, SystemClock().Now()); !s)
    return Fail(s.error());
  std::cout << "revoked token " << id << "\n";
  return 0;
}

// The assets folder: --assets, else assets/ beside the program (where scripts/build.sh puts it).
std::string AssetsDir(const std::string& chosen) {
  if (!chosen.empty()) return chosen;
  return (std::filesystem::read_symlink("/proc/self/exe").parent_path() / "assets").string();
}

int Serve(const std::string& url, const std::string& listen, int threads, bool secure_cookies,
          const std::string& assets_dir) {
  auto address = ParseListenAddress(listen);
  if (!address) return Fail(address.error());
  if (threads < 1 || threads > 256)
    return Fail(Error::Invalid("bad_threads", "--threads must be between 1 and 256", "threads"));
  auto db = OpenMigrated(url, static_cast<size_t>(threads) + 2);
  if (!db) return Fail(db.error());
  store::Db& database = **db;

  const SystemClock clock;
  web::AuthOptions auth_options;
  auth_options.secure_cookies = secure_cookies;
  const web::Auth auth(database, clock, auth_options);
  web::Assets assets;
  const std::string dir = AssetsDir(assets_dir);
  if (auto loaded = web::Assets::Load(dir)) {
    assets = std::move(*loaded);
    spdlog::info("serving {} assets from {}", assets.size(), dir);
  } else if (!assets_dir.empty()) {
    return Fail(loaded.error());
  } else {
    spdlog::warn("{}; pages will be unstyled", loaded.error().message);
  }
  web::Router router;
  web::AddApplicationRoutes(router, database, auth, assets);

  web::ServerOptions options;
  options.host = address->host;
  options.port = address->port;
  options.threads = threads;
  web::Server server(router, options);
  auto port = server.Start();
  if (!port) return Fail(port.error());
  spdlog::info("probity serving {} on http://{}:{}", database.url().display, address->host, *port);
  server.RunUntilSignal();
  spdlog::info("probity stopped");
  return 0;
}
}  // namespace

Commands::Commands(CLI::App& app) {
  auto* serve = app.add_subcommand("serve", "Run the web server (migrates the database first)");
  AddDbOption(serve, db_);
  serve->add_option("--listen", listen_, "Address to listen on, HOST:PORT")->capture_default_str();
  serve->add_option("--threads", threads_, "Worker threads")->capture_default_str();
  serve->add_flag("--secure-cookies", secure_cookies_,
                  "Mark the session cookie Secure (when users reach Probity over TLS)");
  serve->add_option("--assets", assets_,
                    "Folder of built front-end assets with manifest.json (default: assets/ beside "
                    "the program)");
  serve->callback([this] {
    chosen_ = [this] { return Serve(db_, listen_, threads_, secure_cookies_, assets_); };
  });

  auto* migrate = app.add_subcommand("migrate", "Apply pending schema migrations");
  AddDbOption(migrate, db_);
  migrate->callback([this] { chosen_ = [this] { return Migrate(db_); }; });

  auto* seed = app.add_subcommand("seed-demo", "Load demonstration data (migrates first)");
  AddDbOption(seed, db_);
  seed->add_option("--demo-password", demo_password_,
                   "Password for every demo account (default: a random one, printed once)");
  auto people = std::make_shared<int>(400);  // owned by the callback, which CLI11 keeps
  seed->add_option("--people", *people, "People on probation in the demo caseload (0: none)")
      ->check(CLI::Range(0, 100000))
      ->envname("PROBITY_DEMO_PEOPLE")
      ->capture_default_str();
  seed->callback([this, people] {
    chosen_ = [this, people] { return SeedDemo(db_, demo_password_, *people); };
  });

  auto* user = app.add_subcommand("user", "Manage accounts");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand(
      "add", "Add a member of staff and their account; the password is read from standard input");
  AddDbOption(user_add, db_);
  user_add->add_option("--username", username_, "Sign-in name, e.g. j.smith")->required();
  user_add->add_option("--name", name_, "Full name")->required();
  user_add->add_option("--grade", grade_, "Grade: " + access::GradeChoices())->required();
  user_add->add_option("--team", teams_, "Team code (repeat for several teams)");
  user_add->add_option("--role", role_, "Role: " + access::RoleChoices())->required();
  user_add->add_option("--hours", hours_, "Contracted hours a week")->capture_default_str();
  user_add->add_option("--start-date", start_date_, "Start date, YYYY-MM-DD");
  user_add->add_option("--qualified-on", qualified_on_,
                       "Qualification date, YYYY-MM-DD (newly qualified officers, trainees)");
  user_add->callback([this] {
    chosen_ = [this] {
      return UserAdd(db_, username_, role_,
                     StaffFrom(name_, grade_, teams_, hours_, start_date_, qualified_on_));
    };
  });
  auto* user_disable = user->add_subcommand(
      "disable", "Disable an account: it can no longer sign in; sessions and tokens end");
  AddDbOption(user_disable, db_);
  user_disable->add_option("--username", username_, "The account")->required();
  user_disable->callback([this] { chosen_ = [this] { return UserDisable(db_, username_); }; });

  auto* token = app.add_subcommand("token", "Manage API tokens");
  token->require_subcommand(1);
  auto* token_create = token->add_subcommand(
      "create", "Create an API token; prints it once, as the last line (only its hash is kept)");
  AddDbOption(token_create, db_);
  token_create->add_option("--username", username_, "The account the token acts as")->required();
  token_create->callback([this] { chosen_ = [this] { return TokenCreate(db_, username_); }; });
  auto* token_revoke = token->add_subcommand("revoke", "Revoke an API token at once");
  AddDbOption(token_revoke, db_);
  token_revoke->add_option("--id", token_id_, "The token id printed by 'token create'")->required();
  token_revoke->callback([this] { chosen_ = [this] { return TokenRevoke(db_, token_id_); }; });

  auto* audit = app.add_subcommand("audit", "Check the integrity of the record");
  audit->require_subcommand(1);
  auto* verify = audit->add_subcommand(
      "verify", "Verify the event log's hash chain; exit 1 naming the first broken seq");
  AddDbOption(verify, db_);
  verify->callback([this] { chosen_ = [this] { return AuditVerify(db_); }; });

  AddGenDataCommand(app, chosen_);
  AddCalcCommand(app, chosen_);
  AddEnforcementCommand(app, chosen_);
  AddRiskCommand(app, chosen_);
  AddWorkloadCommand(app, chosen_);
  AddReportCommand(app, chosen_);
  AddSampleCommand(app, chosen_);
}

int Commands::Run() { return chosen_ ? chosen_() : 2; }

}  // namespace probity::cli

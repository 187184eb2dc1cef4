#include "cli/commands.h"

#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "app/seed_demo.h"
#include "cli/listen_address.h"
#include "store/db.h"
#include "store/event_log.h"
#include "store/migrate.h"
#include "web/router.h"
#include "web/server.h"
#include "web/system_routes.h"

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

int SeedDemo(const std::string& url, const std::string& password) {
  auto db = OpenMigrated(url, 1);
  if (!db) return Fail(db.error());
  auto report = app::SeedDemo(**db, password, SystemClock().Now());
  if (!report) return Fail(report.error());
  if (report->already_seeded) {
    std::cout << "demo data is already loaded; nothing changed\n";
    return 0;
  }
  std::cout << "loaded demo data: " << report->regions << " regions, " << report->pdus << " PDUs, "
            << report->teams << " teams, " << report->offices << " offices\n";
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

int Serve(const std::string& url, const std::string& listen, int threads) {
  auto address = ParseListenAddress(listen);
  if (!address) return Fail(address.error());
  if (threads < 1 || threads > 256)
    return Fail(Error::Invalid("bad_threads", "--threads must be between 1 and 256", "threads"));
  auto db = OpenMigrated(url, static_cast<size_t>(threads) + 2);
  if (!db) return Fail(db.error());
  store::Db& database = **db;

  web::Router router;
  web::AddSystemRoutes(router, [&database] { return database.Ping(); });

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
  serve->callback([this] { chosen_ = [this] { return Serve(db_, listen_, threads_); }; });

  auto* migrate = app.add_subcommand("migrate", "Apply pending schema migrations");
  AddDbOption(migrate, db_);
  migrate->callback([this] { chosen_ = [this] { return Migrate(db_); }; });

  auto* seed = app.add_subcommand("seed-demo", "Load demonstration data (migrates first)");
  AddDbOption(seed, db_);
  seed->add_option("--demo-password", demo_password_,
                   "Password for the demo accounts (at least 12 characters)");
  seed->callback([this] { chosen_ = [this] { return SeedDemo(db_, demo_password_); }; });

  auto* audit = app.add_subcommand("audit", "Check the integrity of the record");
  audit->require_subcommand(1);
  auto* verify = audit->add_subcommand(
      "verify", "Verify the event log's hash chain; exit 1 naming the first broken seq");
  AddDbOption(verify, db_);
  verify->callback([this] { chosen_ = [this] { return AuditVerify(db_); }; });
}

int Commands::Run() { return chosen_ ? chosen_() : 2; }

}  // namespace probity::cli

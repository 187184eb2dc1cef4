// The probity program as an operator meets it: real processes, exit codes and one-line errors.
// PROBITY_BIN names the program (CTest sets it); otherwise it is looked for beside this test.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "app/sign_in.h"
#include "db_fixture.h"
#include "http_client.h"
#include "program_runner.h"

namespace probity {
namespace {

using testing::ProgramPath;
using testing::Run;
using testing::Shell;

Run Probity(const std::string& args) { return Shell(ProgramPath() + " " + args); }

std::string Quote(const std::string& s) { return "'" + s + "'"; }

uint16_t FreePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

TEST(Cli, EverySubcommandHasHelp) {
  for (const char* sub : {"", "serve", "migrate", "seed-demo", "audit", "audit verify"}) {
    SCOPED_TRACE(sub);
    const auto run = Probity(std::string(sub) + " --help");
    EXPECT_EQ(run.exit_code, 0);
    EXPECT_NE(run.output.find("Usage:"), std::string::npos);
  }
}

TEST(Cli, BadArgumentsGiveOneLineAndExit2) {
  for (const char* args :
       {"", "frobnicate", "migrate", "migrate --db", "serve --db sqlite:x.db --listen nowhere",
        "migrate --db mysql://x/y", "audit"}) {
    SCOPED_TRACE(args);
    const auto run = Shell(std::string("env -u PROBITY_DB ") + ProgramPath() + " " + args);
    EXPECT_EQ(run.exit_code, 2) << run.output;
    EXPECT_EQ(run.Lines(), 1) << run.output;
    EXPECT_EQ(run.output.rfind("probity: ", 0), 0u) << run.output;
  }
}

TEST(Cli, UnreachableDatabaseGivesOneLineAndExit1) {
  const auto run = Probity("migrate --db 'postgresql://nobody@127.0.0.1:1/none?connect_timeout=2'");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.Lines(), 1) << run.output;
  EXPECT_NE(run.output.find("PROBITY_DB"), std::string::npos);
}

class CliDbTest : public testing::DbTest {};

TEST_P(CliDbTest, MigrateSeedAndVerify) {
  const std::string db = "--db " + Quote(url());
  auto migrate = Probity("migrate " + db);
  EXPECT_EQ(migrate.exit_code, 0) << migrate.output;
  EXPECT_NE(migrate.output.find("applied"), std::string::npos);
  migrate = Probity("migrate " + db);
  EXPECT_EQ(migrate.exit_code, 0);
  EXPECT_NE(migrate.output.find("up to date"), std::string::npos);

  const auto seed = Probity("seed-demo --people 3 " + db);
  EXPECT_EQ(seed.exit_code, 0) << seed.output;
  EXPECT_EQ(Probity("seed-demo --people 3 " + db).exit_code, 0);

  const auto verify = Probity("audit verify " + db);
  EXPECT_EQ(verify.exit_code, 0) << verify.output;
  EXPECT_EQ(verify.output.rfind("ok: ", 0), 0u) << verify.output;
  EXPECT_NE(verify.output.find("head "), std::string::npos);
}

// Every person's tier recalculated from the seeded record, with the counts as one line of JSON;
// a bad --at is refused with exit 2.
TEST_P(CliDbTest, RiskRecalculateTiersEveryoneAndReportsTheCounts) {
  const std::string db = "--db " + Quote(url());
  ASSERT_EQ(Probity("seed-demo --people 3 " + db).exit_code, 0);
  const auto run = Probity("risk recalculate --at 2026-11-23T09:00:00.000000Z " + db);
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const auto counts = nlohmann::json::parse(run.output.substr(run.output.rfind("{\"")));
  EXPECT_GE(counts["people"].get<int>(), 3);
  EXPECT_EQ(counts["refused"], 0);
  EXPECT_EQ(Probity("risk recalculate --at tomorrow " + db).exit_code, 2);
}

// Every practitioner's workload recorded for the week of --at (a Monday's week), once however
// often it runs; a bad --at is refused with exit 2.
TEST_P(CliDbTest, WorkloadRecordWeekWritesEachPractitionersWeekOnce) {
  const std::string db = "--db " + Quote(url());
  ASSERT_EQ(Probity("seed-demo --people 3 " + db).exit_code, 0);
  for (int i = 0; i < 2; ++i) {
    const auto run = Probity("workload record-week --at 2026-11-26T21:00:00.000000Z " + db);
    ASSERT_EQ(run.exit_code, 0) << run.output;
    const auto out = nlohmann::json::parse(run.output.substr(run.output.rfind("{\"")));
    EXPECT_EQ(out["week_start"], "2026-11-23");
    EXPECT_GE(out["staff"].get<int>(), 2) << "demo.po1, demo.po2 and the seeded practitioners";
  }
  {
    auto opened = Open(1);
    auto tx = opened->BeginRead();
    long long weeks = 0, staff = 0;
    tx.sql() << "SELECT COUNT(*) FROM workload_week WHERE week_start = '2026-11-23'",
        soci::into(weeks);
    tx.sql() << "SELECT COUNT(*) FROM staff WHERE grade IN ('po', 'pso', 'pqip')",
        soci::into(staff);
    EXPECT_EQ(weeks, staff);
  }
  EXPECT_EQ(Probity("workload record-week --at someday " + db).exit_code, 2);
}

TEST_P(CliDbTest, DbMayComeFromTheEnvironment) {
  const auto run = Shell("env PROBITY_DB=" + Quote(url()) + " " + ProgramPath() + " migrate");
  EXPECT_EQ(run.exit_code, 0) << run.output;
}

TEST_P(CliDbTest, AuditVerifyExits1NamingTheBrokenSeq) {
  ASSERT_EQ(Probity("seed-demo --people 0 --db " + Quote(url())).exit_code, 0);
  {
    auto db = Open(1);
    auto tx = db->BeginWrite();
    if (backend() == store::Backend::kSqlite)
      tx.sql() << "DROP TRIGGER event_log_no_update";
    else
      tx.sql() << "DROP TRIGGER event_log_no_update ON event_log";
    tx.sql() << "UPDATE event_log SET payload = '{}' WHERE seq = 4";
    tx.Commit();
  }
  const auto run = Probity("audit verify --db " + Quote(url()));
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.output.find("seq 4"), std::string::npos) << run.output;
}

TEST_P(CliDbTest, ServeAnswersThenStopsCleanlyOnSigterm) {
  const uint16_t port = FreePort();
  const std::string listen = "127.0.0.1:" + std::to_string(port);
  const std::string program = ProgramPath();
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    const std::string db = url();
    ::execl(program.c_str(), program.c_str(), "serve", "--db", db.c_str(), "--listen",
            listen.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  bool answered = false;
  for (int i = 0; i < 100 && !answered; ++i) {
    try {
      testing::HttpClient client(port);
      const auto health = client.Send("GET", "/healthz");
      EXPECT_EQ(health.status, 200);
      EXPECT_EQ(health.Json()["status"], "ok");
      EXPECT_EQ(client.Send("GET", "/readyz").status, 200);
      EXPECT_EQ(client.Send("GET", "/api/v1/openapi.json").Json()["openapi"], "3.1.0");
      answered = true;
    } catch (const std::exception&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  EXPECT_TRUE(answered) << "the server never answered on " << listen;
  ::kill(pid, SIGTERM);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

std::string LastLine(const std::string& output) {
  std::string text = output;
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text.substr(text.rfind('\n') + 1);
}

TEST_P(CliDbTest, UserAddReadsThePasswordFromStandardInputAndTokensWork) {
  const std::string db = "--db " + Quote(url());
  ASSERT_EQ(
      Probity("seed-demo --people 0 " + db + " --demo-password 'correct horse battery staple'")
          .exit_code,
      0);
  const std::string add = "user add " + db +
                          " --username j.smith --name 'Jo Smith' --grade po --team NE-TYN-A "
                          "--role practitioner";
  const auto added = Shell("printf 'a long enough pass phrase\\n' | " + ProgramPath() + " " + add);
  EXPECT_EQ(added.exit_code, 0) << added.output;
  EXPECT_EQ(added.output.find("a long enough pass phrase"), std::string::npos);

  const auto again = Shell("printf 'a long enough pass phrase\\n' | " + ProgramPath() + " " + add);
  EXPECT_EQ(again.exit_code, 1) << again.output;
  EXPECT_NE(again.output.find("already in use"), std::string::npos);

  const auto weak = Shell("printf 'password\\n' | " + ProgramPath() + " user add " + db +
                          " --username k.weak --name 'K Weak' --grade po --role practitioner");
  EXPECT_EQ(weak.exit_code, 2) << weak.output;
  EXPECT_EQ(weak.Lines(), 1) << weak.output;
  const auto empty = Shell(ProgramPath() + " " + add + " < /dev/null");
  EXPECT_NE(empty.exit_code, 0);
  EXPECT_EQ(Probity("user add " + db +
                    " --username x.y --name X --grade wizard --role practitioner "
                    "< /dev/null")
                .exit_code,
            2);

  const auto token = Probity("token create " + db + " --username j.smith");
  ASSERT_EQ(token.exit_code, 0) << token.output;
  const std::string secret = LastLine(token.output);
  EXPECT_EQ(secret.size(), 43u) << token.output;
  auto database = Open(1);
  EXPECT_TRUE(app::AuthenticateToken(*database, secret));

  const auto id_at = token.output.find("token id ");
  ASSERT_NE(id_at, std::string::npos);
  const std::string id =
      token.output.substr(id_at + 9, token.output.find(' ', id_at + 9) - id_at - 9);
  EXPECT_EQ(Probity("token revoke " + db + " --id " + id).exit_code, 0);
  EXPECT_FALSE(app::AuthenticateToken(*database, secret));
  EXPECT_EQ(Probity("token revoke " + db + " --id " + id).exit_code, 1);

  EXPECT_EQ(Probity("user disable " + db + " --username j.smith").exit_code, 0);
  EXPECT_EQ(Probity("token create " + db + " --username j.smith").exit_code, 1);
  EXPECT_EQ(Probity("user disable " + db + " --username nobody").exit_code, 1);
}

TEST_P(CliDbTest, SeedDemoPrintsAGeneratedPasswordOnce) {
  const auto seed = Probity("seed-demo --people 0 --db " + Quote(url()));
  ASSERT_EQ(seed.exit_code, 0) << seed.output;
  EXPECT_NE(seed.output.find("demo.po1"), std::string::npos);
  EXPECT_NE(seed.output.find("demo password"), std::string::npos);
  const auto again = Probity("seed-demo --people 0 --db " + Quote(url()));
  EXPECT_EQ(again.output.find("demo password"), std::string::npos);
}

PROBITY_ON_BOTH_BACKENDS(CliDbTest);

}  // namespace
}  // namespace probity

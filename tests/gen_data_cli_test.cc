// `probity gen-data` as an operator meets it: exit codes, one-line errors, progress lines when
// standard error is not a terminal, and a final line with the counts.
#include <gtest/gtest.h>

#include <filesystem>

#include "db_fixture.h"
#include "program_runner.h"

namespace probity {
namespace {

using testing::ProgramPath;
using testing::Run;
using testing::Shell;

Run Probity(const std::string& args) {
  return Shell("env -u PROBITY_DB " + ProgramPath() + " " + args);
}

std::string Quote(const std::string& s) { return "'" + s + "'"; }

TEST(GenDataCli, HasHelp) {
  const auto run = Probity("gen-data --help");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_NE(run.output.find("--people"), std::string::npos);
  EXPECT_NE(run.output.find("--seed"), std::string::npos);
}

TEST(GenDataCli, BadInputGivesOneLineAndExit2) {
  const auto dir = std::filesystem::temp_directory_path() / "probity_gen_cli_bad";
  std::filesystem::create_directories(dir);
  const std::string db = "--db " + Quote("sqlite:" + (dir / "x.db").string());
  for (const std::string& args : std::vector<std::string>{
           "gen-data", "gen-data " + db, "gen-data " + db + " --people 0",
           "gen-data " + db + " --people 2000001", "gen-data " + db + " --people many",
           "gen-data " + db + " --people 10 --batch 0", "gen-data --people 10",
           "gen-data --db mysql://x/y --people 10"}) {
    SCOPED_TRACE(args);
    const auto run = Probity(args);
    EXPECT_EQ(run.exit_code, 2) << run.output;
    EXPECT_EQ(run.Lines(), 1) << run.output;
    EXPECT_EQ(run.output.rfind("probity: ", 0), 0u) << run.output;
  }
  std::filesystem::remove_all(dir);
}

class GenDataCliDbTest : public testing::DbTest {};

TEST_P(GenDataCliDbTest, GeneratesThenRefusesToGenerateAgain) {
  const std::string db = "--db " + Quote(url());
  const auto run = Probity("gen-data " + db + " --people 40 --seed 3 --batch 10");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  // Not a terminal: plain progress lines, then the counts.
  EXPECT_NE(run.output.find("gen-data: 100.0%"), std::string::npos) << run.output;
  EXPECT_EQ(run.output.find('\r'), std::string::npos) << "no bar redrawn off a terminal";
  EXPECT_NE(run.output.find("generated 40 people, 40 staff"), std::string::npos) << run.output;
  const auto head = run.output.find("head ");
  ASSERT_NE(head, std::string::npos);
  const std::string head_hash = run.output.substr(head + 5, 64);

  const auto verify = Probity("audit verify " + db);
  EXPECT_EQ(verify.exit_code, 0) << verify.output;
  EXPECT_NE(verify.output.find("head " + head_hash), std::string::npos) << verify.output;

  const auto again = Probity("gen-data " + db + " --people 40 --seed 3");
  EXPECT_EQ(again.exit_code, 1) << again.output;
  EXPECT_EQ(again.Lines(), 1) << again.output;
  EXPECT_EQ(again.output.rfind("probity: the database already holds people", 0), 0u)
      << again.output;
}

PROBITY_ON_BOTH_BACKENDS(GenDataCliDbTest);

}  // namespace
}  // namespace probity

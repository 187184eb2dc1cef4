#include "db_fixture.h"

#include <soci/soci.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <sstream>

#include "store/migrate.h"

namespace probity::testing {

// Process ids repeat, between runs of the suite and within a long one, and a run killed
// part-way leaves its schemas behind in a database that outlives it; a random part keeps a
// new name clear of every earlier one.
std::string UniqueName(const std::string& prefix) {
  static std::atomic<int> counter{0};
  static const std::string nonce = [] {
    std::random_device random;
    std::ostringstream out;
    out << std::hex << random() << random();
    return out.str();
  }();
  return prefix + std::to_string(::getpid()) + "_" + nonce + "_" + std::to_string(counter++);
}

namespace {

void AdminExec(const std::string& url, const std::string& sql) {
  auto db = store::Db::Open(url, 1);
  if (!db) throw std::runtime_error(db.error().message);
  auto tx = (*db)->BeginWrite();
  tx.sql() << sql;
  tx.Commit();
}

std::string WithSearchPath(const std::string& url, const std::string& schema) {
  std::string out = url;
  out += url.find('?') == std::string::npos ? '?' : '&';
  out += "options=-csearch_path%3D";
  out += schema;
  return out;
}
}  // namespace

std::string BackendName(const ::testing::TestParamInfo<store::Backend>& info) {
  return info.param == store::Backend::kSqlite ? "Sqlite" : "Postgres";
}

void DbTest::SetUp() {
  if (backend() == store::Backend::kSqlite) {
    dir_ = (std::filesystem::temp_directory_path() / ("probity_" + UniqueName("t"))).string();
    std::filesystem::create_directories(dir_);
    url_ = "sqlite:" + dir_ + "/test.db";
    return;
  }
  const char* pg = std::getenv("PROBITY_TEST_PG");
  if (pg == nullptr || *pg == '\0') {
    const char* require = std::getenv("PROBITY_REQUIRE_PG");
    if (require != nullptr && std::string(require) == "1")
      FAIL() << "PROBITY_TEST_PG is not set but PROBITY_REQUIRE_PG=1";
    GTEST_SKIP() << "PROBITY_TEST_PG not set: PostgreSQL case skipped";
  }
  admin_url_ = pg;
  schema_ = UniqueName("t");
  AdminExec(admin_url_, "CREATE SCHEMA " + schema_);
  url_ = WithSearchPath(admin_url_, schema_);
}

void DbTest::TearDown() {
  if (!dir_.empty()) std::filesystem::remove_all(dir_);
  if (!schema_.empty()) {
    AdminExec(admin_url_, "DROP SCHEMA " + schema_ + " CASCADE");
  }
}

std::unique_ptr<store::Db> DbTest::Open(size_t pool_size) {
  auto db = store::Db::Open(url_, pool_size);
  if (!db) throw std::runtime_error(db.error().message);
  return std::move(*db);
}

std::unique_ptr<store::Db> DbTest::OpenMigrated(size_t pool_size) {
  auto db = Open(pool_size);
  auto report = store::Migrate(*db);
  if (!report) throw std::runtime_error(report.error().message);
  return db;
}

}  // namespace probity::testing

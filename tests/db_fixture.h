// A fresh, empty database per test on each backend. SQLite: a file in a temporary folder.
// PostgreSQL: a schema of its own in the database named by PROBITY_TEST_PG (for example
// postgresql:///probity_test), dropped afterwards. Without PROBITY_TEST_PG the PostgreSQL cases
// are skipped, unless PROBITY_REQUIRE_PG=1 (as in CI), when they fail.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "store/db.h"

namespace probity::testing {

class DbTest : public ::testing::TestWithParam<store::Backend> {
 protected:
  void SetUp() override;
  void TearDown() override;

  // A new pool on this test's database (call more than once for "two servers").
  std::unique_ptr<store::Db> Open(size_t pool_size = 4);
  // Opens and migrates.
  std::unique_ptr<store::Db> OpenMigrated(size_t pool_size = 4);

  store::Backend backend() const { return GetParam(); }
  const std::string& url() const { return url_; }

 private:
  std::string url_;
  std::string dir_;     // SQLite
  std::string schema_;  // PostgreSQL
  std::string admin_url_;
};

// A name no earlier test database or schema has had: prefix, process id, a random part and a
// counter. Usable as a PostgreSQL schema name or a folder name.
std::string UniqueName(const std::string& prefix);

std::string BackendName(const ::testing::TestParamInfo<store::Backend>& info);

}  // namespace probity::testing

#define PROBITY_ON_BOTH_BACKENDS(Suite)                                                        \
  INSTANTIATE_TEST_SUITE_P(                                                                    \
      Backends, Suite,                                                                         \
      ::testing::Values(probity::store::Backend::kSqlite, probity::store::Backend::kPostgres), \
      probity::testing::BackendName)

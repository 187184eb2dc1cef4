#include "store/db_url.h"

#include <gtest/gtest.h>

namespace probity::store {
namespace {

TEST(ParseDbUrl, AcceptsSqliteAndPostgresUrls) {
  const struct {
    const char* url;
    Backend backend;
    const char* target;
  } cases[] = {
      {"sqlite:var/probity.db", Backend::kSqlite, "var/probity.db"},
      {"sqlite:/tmp/p.db", Backend::kSqlite, "/tmp/p.db"},
      {"sqlite:///tmp/p.db", Backend::kSqlite, "/tmp/p.db"},
      {"postgresql:///probity", Backend::kPostgres, "postgresql:///probity"},
      {"postgresql://app@db.internal/probity", Backend::kPostgres,
       "postgresql://app@db.internal/probity"},
      {"postgres://app@localhost:5433/p", Backend::kPostgres, "postgres://app@localhost:5433/p"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.url);
    auto url = ParseDbUrl(c.url);
    ASSERT_TRUE(url);
    EXPECT_EQ(url->backend, c.backend);
    EXPECT_EQ(url->target, c.target);
  }
}

TEST(ParseDbUrl, RedactsThePasswordForDisplay) {
  auto url = ParseDbUrl("postgresql://app:s3cret@db/probity");
  ASSERT_TRUE(url);
  EXPECT_EQ(url->display, "postgresql://app:***@db/probity");
  EXPECT_EQ(url->target, "postgresql://app:s3cret@db/probity");
}

TEST(ParseDbUrl, RejectsWhatItCannotOpen) {
  for (const char* bad : {"", "sqlite:", "mysql://x/y", "probity.db", "http://x"}) {
    SCOPED_TRACE(bad);
    auto url = ParseDbUrl(bad);
    ASSERT_FALSE(url);
    EXPECT_EQ(url.error().kind, ErrorKind::kInvalid);
    EXPECT_EQ(url.error().field, "db");
  }
}

TEST(ParseDbUrl, NeverEchoesAPasswordInAnError) {
  auto url = ParseDbUrl("mysql://app:s3cret@db/x");
  ASSERT_FALSE(url);
  EXPECT_EQ(url.error().message.find("s3cret"), std::string::npos);
}

}  // namespace
}  // namespace probity::store

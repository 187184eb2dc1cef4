#include "store/db_url.h"

#include <regex>

namespace probity::store {

const char* ToString(Backend b) { return b == Backend::kSqlite ? "sqlite" : "postgresql"; }

namespace {
bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// postgresql://user:secret@host/db -> postgresql://user:***@host/db
std::string RedactPassword(std::string_view uri) {
  static const std::regex kUserInfo(R"(^([a-z]+://[^:/@]*):[^@/]*@)");
  return std::regex_replace(std::string(uri), kUserInfo, "$1:***@");
}
}  // namespace

Result<DbUrl> ParseDbUrl(std::string_view url) {
  const char* kHint = "give --db (or PROBITY_DB) as sqlite:PATH or postgresql://user@host/db";
  if (url.empty())
    return Error::Invalid("missing_db", std::string("no database given: ") + kHint, "db");
  if (StartsWith(url, "sqlite:")) {
    std::string_view path = url.substr(7);
    if (StartsWith(path, "//")) path.remove_prefix(2);  // tolerate sqlite://PATH
    if (path.empty())
      return Error::Invalid("bad_db_url", std::string("sqlite: needs a file path: ") + kHint, "db");
    return DbUrl{Backend::kSqlite, std::string(path), std::string(url)};
  }
  if (StartsWith(url, "postgresql://") || StartsWith(url, "postgres://")) {
    return DbUrl{Backend::kPostgres, std::string(url), RedactPassword(url)};
  }
  return Error::Invalid("bad_db_url",
                        "unknown database URL '" + RedactPassword(url) + "': " + kHint, "db");
}

}  // namespace probity::store

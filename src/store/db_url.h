// Database URLs as the operator writes them: `sqlite:PATH` or a PostgreSQL URI
// (`postgresql://user@host/db`, `postgres://...`, `postgresql:///db` for the local socket).
// Pure parsing: never opens anything.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace probity::store {

enum class Backend { kSqlite, kPostgres };

const char* ToString(Backend b);

struct DbUrl {
  Backend backend = Backend::kSqlite;
  std::string target;   // SQLite: a file path; PostgreSQL: the URI handed to libpq as it is
  std::string display;  // the URL with any password replaced by ***, safe for logs and messages
};

// kInvalid (field "db") when the URL is empty, has an unknown scheme, or names no SQLite path.
Result<DbUrl> ParseDbUrl(std::string_view url);

}  // namespace probity::store

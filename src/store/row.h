// Reading soci::row columns the same way on both backends. SQLite reports column types from
// their declarations and PostgreSQL from its catalogue, so an integer may arrive as int, long
// long or unsigned long long: these helpers accept any of them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace soci {
class row;
}

namespace probity::store {

int64_t GetInt(const soci::row& r, size_t column);
std::optional<int64_t> GetOptionalInt(const soci::row& r, size_t column);
std::string GetText(const soci::row& r, size_t column);
std::optional<std::string> GetOptionalText(const soci::row& r, size_t column);

// "4, 9, 12": ids for an IN (...) list, "0" (matching nothing) when there are none. Only for ids
// the program holds as numbers, never for text from a request.
std::string IdList(const std::vector<int64_t>& ids);

}  // namespace probity::store

#include "store/row.h"

#include <soci/soci.h>

#include <stdexcept>

namespace probity::store {

int64_t GetInt(const soci::row& r, size_t column) {
  switch (r.get_properties(column).get_data_type()) {
    case soci::dt_integer:
      return r.get<int>(column);
    case soci::dt_long_long:
      return r.get<long long>(column);
    case soci::dt_unsigned_long_long:
      return static_cast<int64_t>(r.get<unsigned long long>(column));
    case soci::dt_double:
      return static_cast<int64_t>(r.get<double>(column));
    case soci::dt_string:
      return std::stoll(r.get<std::string>(column));
    default:
      throw std::logic_error("column " + std::to_string(column) + " is not an integer");
  }
}

std::optional<int64_t> GetOptionalInt(const soci::row& r, size_t column) {
  if (r.get_indicator(column) == soci::i_null) return std::nullopt;
  return GetInt(r, column);
}

std::string GetText(const soci::row& r, size_t column) { return r.get<std::string>(column); }

std::optional<std::string> GetOptionalText(const soci::row& r, size_t column) {
  if (r.get_indicator(column) == soci::i_null) return std::nullopt;
  return r.get<std::string>(column);
}

std::string IdList(const std::vector<int64_t>& ids) {
  std::string out;
  for (const int64_t id : ids) out += (out.empty() ? "" : ", ") + std::to_string(id);
  return out.empty() ? "0" : out;
}

}  // namespace probity::store

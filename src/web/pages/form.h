// What the HTML forms share: errors shown in the GOV.UK error summary and beside their fields,
// the rules' messages made into sentences, and typed text trimmed. No I/O here.
#pragma once

#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace probity::web::pages {

// Adds an error to the page data: in the summary ("errors": field and message, the summary links
// to the element with the field's id) and beside that field ("<field>_error", the first only).
inline void AddError(nlohmann::json& data, const std::string& field, const std::string& message) {
  data["errors"].push_back({{"field", field}, {"message", message}});
  const std::string key = field + "_error";
  if (!data.contains(key)) data[key] = message;
}

inline bool HasErrors(const nlohmann::json& data) { return !data["errors"].empty(); }

// "an office ..." -> "An office ...": the rules write their messages for the API, in lower case.
inline std::string AsSentence(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

// `text` without the spaces, tabs and line ends around it.
inline std::string_view Trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// A positive whole number typed in a field or a query ("12", " 12 "), or nullopt ("0", "-1", "1x").
inline std::optional<int64_t> PositiveWholeNumber(std::string_view text) {
  text = Trimmed(text);
  int64_t n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || n <= 0)
    return std::nullopt;
  return n;
}

// The date typed in a GOV.UK date input's three fields ("27", "3", "2027"), or nullopt when it is
// not a real date (a year of four digits).
inline std::optional<Date> TypedDate(std::string_view day, std::string_view month,
                                     std::string_view year) {
  const auto d = PositiveWholeNumber(day), m = PositiveWholeNumber(month),
             y = PositiveWholeNumber(year);
  if (!d || !m || !y || *y < 1000 || *y > 9999 || *m > 12 || *d > 31) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year(static_cast<int>(*y)),
                                        std::chrono::month(static_cast<unsigned>(*m)),
                                        std::chrono::day(static_cast<unsigned>(*d))};
  if (!ymd.ok()) return std::nullopt;
  return Date(ymd);
}

}  // namespace probity::web::pages

#include "core/csv.h"

#include <csv.h>

#include <charconv>

namespace probity {
namespace {

bool IsNumber(std::string_view text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

bool RunsAsFormula(std::string_view text) {
  if (text.empty() || std::string_view("=+-@\t\r").find(text.front()) == std::string_view::npos)
    return false;
  return !IsNumber(text);
}

}  // namespace

std::string CsvField(std::string_view value) {
  std::string guarded = RunsAsFormula(value) ? "'" + std::string(value) : std::string(value);
  // csv_write needs at most two bytes a byte (every one a quote) and the two enclosing quotes.
  std::string out(guarded.size() * 2 + 2, '\0');
  out.resize(csv_write(out.data(), out.size(), guarded.data(), guarded.size()));
  return out;
}

std::string CsvLine(std::initializer_list<std::string_view> fields) {
  std::string line;
  bool first = true;
  for (const auto field : fields) {
    if (!first) line += ',';
    first = false;
    line += CsvField(field);
  }
  line += "\r\n";
  return line;
}

}  // namespace probity

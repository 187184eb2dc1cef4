// CSV per RFC 4180, written with libcsv: every field quoted with inner quotes doubled, fields
// separated by commas, lines ended by CRLF. A text field a spreadsheet would run as a formula
// (starting =, +, -, @, tab or carriage return, and not a number) is prefixed with an apostrophe,
// so an export opened in a spreadsheet shows what was typed instead of executing it.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace probity {

std::string CsvField(std::string_view value);

// The fields as one line, CRLF-terminated.
std::string CsvLine(std::initializer_list<std::string_view> fields);

}  // namespace probity

// Reading fields from a JSON request body with errors that name the field. No HTTP here beyond
// the JSON value itself.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"

namespace probity::web {

// kInvalid naming the field when it is absent, not a string, or empty.
Result<std::string> RequiredString(const nlohmann::json& body, const char* field);
// nullopt when absent or null; kInvalid when present but not a string.
Result<std::optional<std::string>> OptionalString(const nlohmann::json& body, const char* field);
// kInvalid naming the field when it is absent or not an integer.
Result<int64_t> RequiredInt(const nlohmann::json& body, const char* field);
// RequiredInt that must also fit an int (the rules check its range): kInvalid "out_of_range".
Result<int> RequiredInt32(const nlohmann::json& body, const char* field);
// nullopt when absent or null; else as RequiredInt32.
Result<std::optional<int>> OptionalInt32(const nlohmann::json& body, const char* field);
// nullopt when absent; kInvalid when present but not a number.
Result<std::optional<double>> OptionalNumber(const nlohmann::json& body, const char* field);
// nullopt when absent or null; kInvalid when present but not true or false.
Result<std::optional<bool>> OptionalBool(const nlohmann::json& body, const char* field);
// nullopt when absent or null; kInvalid when present but not an integer.
Result<std::optional<int64_t>> OptionalInt(const nlohmann::json& body, const char* field);
// kInvalid "malformed_json" when `body` is not an object; kInvalid "unknown_field" naming a member
// outside `allowed`, so a misspelt field is refused rather than silently ignored.
Status OnlyFields(const nlohmann::json& body, std::span<const char* const> allowed);
// An array of strings; empty when absent. kInvalid when present but not one.
Result<std::vector<std::string>> StringList(const nlohmann::json& body, const char* field);

}  // namespace probity::web

#include "web/json_input.h"

#include <algorithm>
#include <climits>

namespace probity::web {

namespace {
bool Present(const nlohmann::json& body, const char* field) {
  return body.is_object() && body.contains(field) && !body[field].is_null();
}
Error Wrong(const char* field, const char* what) {
  return Error::Invalid("invalid_field", std::string(field) + " must be " + what, field);
}
}  // namespace

Result<std::string> RequiredString(const nlohmann::json& body, const char* field) {
  if (!Present(body, field))
    return Error::Invalid("missing_field", std::string("enter ") + field, field);
  if (!body[field].is_string()) return Wrong(field, "text");
  auto value = body[field].get<std::string>();
  if (value.empty()) return Error::Invalid("missing_field", std::string("enter ") + field, field);
  return value;
}

Result<std::optional<std::string>> OptionalString(const nlohmann::json& body, const char* field) {
  if (!Present(body, field)) return std::optional<std::string>{};
  if (!body[field].is_string()) return Wrong(field, "text");
  return std::optional<std::string>(body[field].get<std::string>());
}

Result<int64_t> RequiredInt(const nlohmann::json& body, const char* field) {
  if (!Present(body, field))
    return Error::Invalid("missing_field", std::string("enter ") + field, field);
  if (!body[field].is_number_integer()) return Wrong(field, "a whole number");
  return body[field].get<int64_t>();
}

Result<std::optional<double>> OptionalNumber(const nlohmann::json& body, const char* field) {
  if (!Present(body, field)) return std::optional<double>{};
  if (!body[field].is_number()) return Wrong(field, "a number");
  return std::optional<double>(body[field].get<double>());
}

Result<std::optional<bool>> OptionalBool(const nlohmann::json& body, const char* field) {
  if (!Present(body, field)) return std::optional<bool>{};
  if (!body[field].is_boolean()) return Wrong(field, "true or false");
  return std::optional<bool>(body[field].get<bool>());
}

Result<std::optional<int64_t>> OptionalInt(const nlohmann::json& body, const char* field) {
  if (!Present(body, field)) return std::optional<int64_t>{};
  if (!body[field].is_number_integer()) return Wrong(field, "a whole number");
  return std::optional<int64_t>(body[field].get<int64_t>());
}

Result<std::vector<std::string>> StringList(const nlohmann::json& body, const char* field) {
  std::vector<std::string> out;
  if (!Present(body, field)) return out;
  if (!body[field].is_array()) return Wrong(field, "a list of text");
  for (const auto& item : body[field]) {
    if (!item.is_string()) return Wrong(field, "a list of text");
    out.push_back(item.get<std::string>());
  }
  return out;
}

Status OnlyFields(const nlohmann::json& body, std::span<const char* const> allowed) {
  if (!body.is_object()) return Error::Invalid("malformed_json", "send a JSON object");
  for (const auto& [key, value] : body.items()) {
    if (std::any_of(allowed.begin(), allowed.end(), [&](const char* name) { return key == name; }))
      continue;
    std::string choices;
    for (const char* name : allowed) choices += (choices.empty() ? "" : ", ") + std::string(name);
    return Error::Invalid("unknown_field", key + " is not a field here; send only " + choices, key);
  }
  return Ok();
}

Result<int> RequiredInt32(const nlohmann::json& body, const char* field) {
  auto value = RequiredInt(body, field);
  if (!value) return value.error();
  if (*value < INT_MIN || *value > INT_MAX)
    return Error::Invalid("out_of_range", std::string(field) + " is out of range", field);
  return static_cast<int>(*value);
}

Result<std::optional<int>> OptionalInt32(const nlohmann::json& body, const char* field) {
  if (!body.contains(field) || body[field].is_null()) return std::optional<int>();
  auto value = RequiredInt32(body, field);
  if (!value) return value.error();
  return std::optional<int>(*value);
}

}  // namespace probity::web

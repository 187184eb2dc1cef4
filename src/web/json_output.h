// Writing optional values into JSON responses: an absent value is an explicit null, so clients
// see every field of a schema whether or not it holds a value.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

namespace probity::web {

template <typename T>
nlohmann::json OrNull(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace probity::web

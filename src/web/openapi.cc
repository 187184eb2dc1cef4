#include "web/openapi.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/embedded.h"

namespace probity::web {

namespace {
constexpr std::array<const char*, 8> kMethods = {"get",     "put",  "post",  "delete",
                                                 "options", "head", "patch", "trace"};

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}
std::string Upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}
}  // namespace

Result<nlohmann::json> LoadOpenApi() {
  auto text = embedded::Find("api/openapi.json");
  if (!text) return Error::Internal("openapi_invalid", "api/openapi.json is not embedded");
  auto doc = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return Error::Internal("openapi_invalid", "api/openapi.json is not JSON");
  if (!doc.contains("paths") || !doc["paths"].is_object())
    return Error::Internal("openapi_invalid", "api/openapi.json has no paths object");
  // Each capability describes its own routes in api/paths/<capability>.json, holding "paths" and
  // optionally "components"; they are merged in path order. Two fragments describing one
  // operation or one schema is a broken build, not something to resolve silently.
  for (const auto& file : embedded::Files()) {
    if (!file.path.starts_with("api/paths/")) continue;
    const std::string name(file.path);
    auto part = nlohmann::json::parse(file.content, nullptr, /*allow_exceptions=*/false);
    if (part.is_discarded() || !part.is_object())
      return Error::Internal("openapi_invalid", name + " is not a JSON object");
    const auto paths = part.value("paths", nlohmann::json::object());
    const auto components = part.value("components", nlohmann::json::object());
    for (const auto& [path, operations] : paths.items())
      for (const auto& [method, operation] : operations.items()) {
        auto& slot = doc["paths"][path][method];
        if (!slot.is_null())
          return Error::Internal("openapi_invalid",
                                 name + " describes " + method + " " + path + " again");
        slot = operation;
      }
    for (const auto& [section, entries] : components.items())
      for (const auto& [key, value] : entries.items()) {
        auto& slot = doc["components"][section][key];
        if (!slot.is_null())
          return Error::Internal("openapi_invalid",
                                 name + " defines components." + section + "." + key + " again");
        slot = value;
      }
  }
  return doc;
}

std::vector<std::string> UndocumentedRoutes(const std::vector<RouteInfo>& routes,
                                            const nlohmann::json& doc) {
  std::vector<std::string> missing;
  const auto& paths = doc.at("paths");
  for (const auto& route : routes) {
    auto path = paths.find(route.pattern);
    if (path == paths.end() || !path->is_object() || !path->contains(Lower(route.method)))
      missing.push_back(route.method + " " + route.pattern);
  }
  return missing;
}

std::vector<std::string> UnservedOperations(const std::vector<RouteInfo>& routes,
                                            const nlohmann::json& doc) {
  std::vector<std::string> unserved;
  for (const auto& [pattern, operations] : doc.at("paths").items()) {
    if (!operations.is_object()) continue;
    for (const char* method : kMethods) {
      if (!operations.contains(method)) continue;
      auto upper = Upper(method);
      bool served = std::any_of(routes.begin(), routes.end(), [&](const RouteInfo& r) {
        return r.pattern == pattern && r.method == upper;
      });
      if (!served) unserved.push_back(upper + " " + pattern);
    }
  }
  return unserved;
}

}  // namespace probity::web

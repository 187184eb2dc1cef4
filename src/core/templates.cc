#include "core/templates.h"

#include <kainjow/mustache.hpp>
#include <map>
#include <memory>
#include <stdexcept>

#include "core/embedded.h"

namespace probity {

namespace {

namespace mustache = kainjow::mustache;

constexpr std::string_view kDir = "templates/";
constexpr std::string_view kPartialDir = "templates/partials/";
constexpr std::string_view kExtension = ".mustache";

mustache::data ToData(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::object: {
      mustache::data out{mustache::data::type::object};
      for (const auto& [key, item] : value.items()) out.set(key, ToData(item));
      return out;
    }
    case nlohmann::json::value_t::array: {
      mustache::data out{mustache::data::type::list};
      for (const auto& item : value) out.push_back(ToData(item));
      return out;
    }
    case nlohmann::json::value_t::string:
      return mustache::data(value.get<std::string>());
    case nlohmann::json::value_t::boolean:
      return value.get<bool>() ? mustache::data(mustache::data::type::bool_true)
                               : mustache::data(mustache::data::type::bool_false);
    case nlohmann::json::value_t::null:
    case nlohmann::json::value_t::discarded:
      return mustache::data(mustache::data::type::bool_false);
    default:
      return mustache::data(value.dump());  // numbers
  }
}

// Parsed templates, one set per thread: kainjow's renderer is not documented as safe to share.
mustache::mustache& Parsed(std::string_view path) {
  thread_local std::map<std::string, std::unique_ptr<mustache::mustache>, std::less<>> cache;
  if (auto it = cache.find(path); it != cache.end()) return *it->second;
  const auto text = embedded::Find(path);
  if (!text) throw std::logic_error("no template " + std::string(path));
  auto parsed = std::make_unique<mustache::mustache>(std::string(*text));
  if (!parsed->is_valid())
    throw std::logic_error(std::string(path) + ": " + parsed->error_message());
  return *cache.emplace(std::string(path), std::move(parsed)).first->second;
}

// Adds every partial as data named after its file: {{> person_header}}. A page's own value of the
// same name would be silently replaced (and its section would render the partial against the
// wrong context), so a clash is a programming error.
void AddPartials(mustache::data& data) {
  for (const auto& file : embedded::Files()) {
    if (!file.path.starts_with(kPartialDir) || !file.path.ends_with(kExtension)) continue;
    const std::string_view name = file.path.substr(
        kPartialDir.size(), file.path.size() - kPartialDir.size() - kExtension.size());
    const std::string_view content = file.content;
    if (data.get(std::string(name)) != nullptr)
      throw std::logic_error("template data '" + std::string(name) + "' has a partial's name");
    data.set(std::string(name), mustache::partial([content] { return std::string(content); }));
  }
}

}  // namespace

std::string RenderTemplate(std::string_view name, const nlohmann::json& data) {
  const std::string path = std::string(kDir) + std::string(name) + std::string(kExtension);
  mustache::data view = ToData(data.is_object() ? data : nlohmann::json::object());
  AddPartials(view);
  auto& parsed = Parsed(path);
  std::string out = parsed.render(view);
  if (!parsed.is_valid())
    throw std::logic_error(path + ": " + parsed.error_message());  // e.g. an unknown partial
  return out;
}

Status CheckTemplates() {
  for (const auto& file : embedded::Files()) {
    if (!file.path.starts_with(kDir) || !file.path.ends_with(kExtension)) continue;
    mustache::mustache parsed{std::string(file.content)};
    if (!parsed.is_valid())
      return Error::Invalid("bad_template", std::string(file.path) + ": " + parsed.error_message());
  }
  return Ok();
}

}  // namespace probity

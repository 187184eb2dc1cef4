#include "web/http.h"

#include <algorithm>
#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>
#include <charconv>
#include <random>

#include "web/json_input.h"

namespace probity::web {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

namespace {
std::optional<std::string_view> FindHeader(
    const std::vector<std::pair<std::string, std::string>>& headers, std::string_view name) {
  for (const auto& [n, v] : headers)
    if (EqualsIgnoreCase(n, name)) return std::string_view(v);
  return std::nullopt;
}

// Deeper JSON is refused before parsing: handlers that walk or dump a value recurse.
constexpr int kMaxJsonDepth = 64;

// The deepest nesting of arrays and objects in `text`, ignoring brackets inside strings.
int NestingDepth(std::string_view text) {
  int depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}
}  // namespace

std::optional<std::string_view> Request::Header(std::string_view name) const {
  return FindHeader(headers, name);
}

std::optional<std::string_view> Request::Query(std::string_view name) const {
  auto it = query.find(std::string(name));
  if (it == query.end()) return std::nullopt;
  return std::string_view(it->second);
}

std::optional<int64_t> Request::IdParam(std::string_view name) const {
  const std::string_view text = Param(name);
  int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || id < 1)
    return std::nullopt;
  return id;
}

std::string_view Request::Param(std::string_view name) const {
  auto it = params.find(std::string(name));
  return it == params.end() ? std::string_view() : std::string_view(it->second);
}

Response Response::Json(int status, const nlohmann::json& value) {
  Response r;
  r.status = status;
  r.headers.emplace_back("Content-Type", "application/json");
  // Replace invalid UTF-8 rather than throw: a response must always be producible.
  r.body = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

Response Response::Text(int status, std::string body, std::string content_type) {
  Response r;
  r.status = status;
  r.headers.emplace_back("Content-Type", std::move(content_type));
  r.body = std::move(body);
  return r;
}

std::optional<std::string_view> Response::Header(std::string_view name) const {
  return FindHeader(headers, name);
}

Response& Response::SetHeader(std::string name, std::string value) {
  std::erase_if(headers, [&](const auto& h) { return EqualsIgnoreCase(h.first, name); });
  headers.emplace_back(std::move(name), std::move(value));
  return *this;
}

Status SetTarget(Request& request, std::string_view target) {
  auto url = boost::urls::parse_origin_form(target);
  if (!url) {
    return Error::Invalid("bad_target", "the request target is not a valid path and query");
  }
  request.target = std::string(target);
  request.path = url->path();
  request.segments.clear();
  for (auto segment : url->segments()) request.segments.push_back(segment);
  request.query.clear();
  boost::urls::encoding_opts opts;
  opts.space_as_plus = true;
  for (auto param : url->params(opts)) request.query.emplace(param.key, param.value);
  return Ok();
}

Result<nlohmann::json> ParseJsonBody(const Request& request) {
  auto type = request.Header("Content-Type").value_or("");
  auto media = type.substr(0, type.find(';'));
  while (!media.empty() && (media.back() == ' ' || media.back() == '\t')) media.remove_suffix(1);
  if (!EqualsIgnoreCase(media, "application/json")) {
    return Error::Invalid("malformed_json",
                          "the body must be JSON sent with Content-Type: application/json");
  }
  if (NestingDepth(request.body) > kMaxJsonDepth) {
    return Error::Invalid("malformed_json", "the JSON body is nested too deeply");
  }
  auto value = nlohmann::json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) {
    return Error::Invalid("malformed_json", "the body is not well-formed JSON");
  }
  return value;
}

Result<nlohmann::json> ParseJsonBody(const Request& request, std::span<const char* const> allowed) {
  auto body = ParseJsonBody(request);
  if (!body) return body.error();
  if (auto s = OnlyFields(*body, allowed); !s) return s.error();
  return body;
}

Result<FormFields> ParseFormBody(const Request& request) {
  auto type = request.Header("Content-Type").value_or("");
  auto media = type.substr(0, type.find(';'));
  while (!media.empty() && (media.back() == ' ' || media.back() == '\t')) media.remove_suffix(1);
  if (!EqualsIgnoreCase(media, "application/x-www-form-urlencoded"))
    return Error::Invalid("bad_form", "the form must be sent as application/x-www-form-urlencoded");
  // The body has a query's syntax: read it as the query of "/", as SetTarget reads targets.
  const std::string as_target = "/?" + request.body;
  auto url = boost::urls::parse_origin_form(as_target);
  if (!url) return Error::Invalid("bad_form", "the form's encoding is broken");
  boost::urls::encoding_opts opts;
  opts.space_as_plus = true;
  FormFields form;
  for (auto param : url->params(opts)) form.emplace(param.key, param.value);
  return form;
}

std::string FormValue(const FormFields& form, std::string_view name) {
  const auto it = form.find(std::string(name));
  return it == form.end() ? std::string() : it->second;
}

std::string NewRequestId() {
  thread_local std::mt19937_64 engine{[] {
    std::random_device device;
    return (static_cast<uint64_t>(device()) << 32) ^ device();
  }()};
  static constexpr char kHex[] = "0123456789abcdef";
  uint64_t n = engine();
  std::string id(16, '0');
  for (auto& c : id) {
    c = kHex[n & 0xf];
    n >>= 4;
  }
  return id;
}

}  // namespace probity::web

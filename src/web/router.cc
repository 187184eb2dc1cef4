#include "web/router.h"

#include <algorithm>
#include <exception>
#include <set>
#include <stdexcept>

#include "web/errors.h"

namespace probity::web {

namespace {
std::vector<std::string_view> SplitPattern(std::string_view pattern) {
  std::vector<std::string_view> parts;
  pattern.remove_prefix(1);  // the leading '/'
  if (pattern.empty()) return parts;
  size_t start = 0;
  while (true) {
    size_t slash = pattern.find('/', start);
    parts.push_back(pattern.substr(start, slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return parts;
}

bool IsParamName(std::string_view name) {
  if (name.empty()) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

bool IsMethod(std::string_view method) {
  return !method.empty() &&
         std::all_of(method.begin(), method.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}
}  // namespace

Handler Router::Wrap(ResultHandler handler) {
  return [handler = std::move(handler)](const Request& request) {
    auto result = handler(request);
    if (!result) return ErrorResponse(result.error(), request.request_id);
    return std::move(result).value();
  };
}

void Router::AddHandler(std::string_view method, std::string_view pattern, Handler handler,
                        RouteDoc doc) {
  auto fail = [&](std::string_view why) {
    throw std::invalid_argument("route " + std::string(method) + " " + std::string(pattern) + ": " +
                                std::string(why));
  };
  if (!IsMethod(method)) fail("the method must be upper-case letters");
  if (pattern.empty() || pattern.front() != '/') fail("the pattern must start with '/'");
  if (!handler) fail("no handler");
  Route route{{std::string(method), std::string(pattern), std::move(doc)}, {}, std::move(handler)};
  std::set<std::string_view> names;
  for (auto part : SplitPattern(pattern)) {
    bool opens = part.find('{') != std::string_view::npos;
    bool closes = part.find('}') != std::string_view::npos;
    if (opens || closes) {
      if (part.size() < 3 || part.front() != '{' || part.back() != '}' ||
          !IsParamName(part.substr(1, part.size() - 2)))
        fail("a parameter is a whole segment {name} of letters, digits and '_'");
      auto name = part.substr(1, part.size() - 2);
      if (!names.insert(name).second) fail("repeated parameter name");
      route.segments.push_back({std::string(name), true});
    } else {
      if (part.empty()) fail("empty segment");
      route.segments.push_back({std::string(part), false});
    }
  }
  for (const auto& other : routes_) {
    if (other.info.method != route.info.method || other.segments.size() != route.segments.size())
      continue;
    bool same_shape = true;
    for (size_t i = 0; i < route.segments.size() && same_shape; ++i) {
      const auto& a = route.segments[i];
      const auto& b = other.segments[i];
      same_shape = a.is_param == b.is_param && (a.is_param || a.text == b.text);
    }
    if (same_shape) fail("clashes with " + other.info.pattern);
  }
  routes_.push_back(std::move(route));
}

bool Router::Matches(const Route& route, const std::vector<std::string>& segments) {
  if (route.segments.size() != segments.size()) return false;
  for (size_t i = 0; i < segments.size(); ++i)
    if (!route.segments[i].is_param && route.segments[i].text != segments[i]) return false;
  return true;
}

bool Router::MoreSpecific(const Route& a, const Route& b) {
  for (size_t i = 0; i < a.segments.size(); ++i) {
    if (a.segments[i].is_param != b.segments[i].is_param) return !a.segments[i].is_param;
  }
  return false;
}

Response Router::Dispatch(Request& request) const {
  try {
    const Route* best = nullptr;
    const Route* best_get = nullptr;  // for HEAD without a HEAD route
    std::set<std::string> allowed;
    for (const auto& route : routes_) {
      if (!Matches(route, request.segments)) continue;
      allowed.insert(route.info.method);
      if (route.info.method == "GET") allowed.insert("HEAD");
      if (route.info.method == request.method && (!best || MoreSpecific(route, *best)))
        best = &route;
      if (route.info.method == "GET" && (!best_get || MoreSpecific(route, *best_get)))
        best_get = &route;
    }
    if (!best && request.method == "HEAD") best = best_get;
    if (!best) {
      if (allowed.empty()) {
        if (not_found_) return not_found_(request);
        return ErrorResponse(Error::NotFound("not_found", "there is nothing at " + request.path),
                             request.request_id);
      }
      std::string allow;
      for (const auto& m : allowed) allow += (allow.empty() ? "" : ", ") + m;
      return MethodNotAllowedResponse(request.method, allow);
    }
    request.params.clear();
    for (size_t i = 0; i < best->segments.size(); ++i)
      if (best->segments[i].is_param) request.params[best->segments[i].text] = request.segments[i];
    return best->handler(request);
  } catch (const std::exception& e) {
    return ExceptionResponse(e.what(), request.request_id);
  } catch (...) {
    return ExceptionResponse("unknown exception", request.request_id);
  }
}

std::vector<RouteInfo> Router::Routes() const {
  std::vector<RouteInfo> out;
  out.reserve(routes_.size());
  for (const auto& route : routes_) out.push_back(route.info);
  return out;
}

}  // namespace probity::web

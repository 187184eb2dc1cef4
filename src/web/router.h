// Maps (method, path) to a handler: patterns of literal segments and whole-segment parameters,
// "/api/v1/people/{crn}". Unknown path -> 404 "not_found"; known path, other method -> 405
// "method_not_allowed" with Allow; a handler's Error or exception -> web/errors.h, caught here
// once. HEAD is answered by the GET handler when no HEAD route exists (the server drops the body).
// Never does I/O or holds request state; Dispatch is thread-safe once routes are added.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/result.h"
#include "web/http.h"

namespace probity::web {

using Handler = std::function<Response(const Request&)>;
using ResultHandler = std::function<Result<Response>(const Request&)>;

// What a route is, for documentation and checks; more may follow.
struct RouteDoc {
  std::string summary;
};

struct RouteInfo {
  std::string method;   // "GET"
  std::string pattern;  // "/api/v1/people/{crn}": the OpenAPI path syntax
  RouteDoc doc;
};

class Router {
 public:
  // Adds a route. `handler` returns Response or Result<Response> (an Error goes through
  // ErrorResponse). Throws std::invalid_argument for a programmer error: a pattern not starting
  // with "/", a malformed or repeated {param}, a lower-case method, or a route that clashes with
  // one already added (same method and the same shape, e.g. /a/{x} and /a/{y}).
  template <class F>
  requires std::is_invocable_v<F&, const Request&>
  void Add(std::string_view method, std::string_view pattern, F handler, RouteDoc doc = {}) {
    using R = std::invoke_result_t<F&, const Request&>;
    if constexpr (std::is_same_v<R, Result<Response>>) {
      AddHandler(method, pattern, Wrap(ResultHandler(std::move(handler))), std::move(doc));
    } else {
      static_assert(std::is_same_v<R, Response>, "a handler returns Response or Result<Response>");
      AddHandler(method, pattern, Handler(std::move(handler)), std::move(doc));
    }
  }

  // Finds the route, fills request.params, calls the handler and returns its response, or the
  // error response described above. Where several patterns match, the one with a literal segment
  // earliest where they differ wins: /people/search beats /people/{crn}. Never throws.
  Response Dispatch(Request& request) const;

  // Every route added, in order of adding.
  std::vector<RouteInfo> Routes() const;

  // Answers requests for paths no route has (instead of the JSON 404), e.g. with an HTML page for
  // a browser. Set once, before serving.
  void SetNotFound(Handler handler) { not_found_ = std::move(handler); }

 private:
  struct Segment {
    std::string text;  // the literal, or the parameter name
    bool is_param = false;
  };
  struct Route {
    RouteInfo info;
    std::vector<Segment> segments;
    Handler handler;
  };

  static Handler Wrap(ResultHandler handler);
  void AddHandler(std::string_view method, std::string_view pattern, Handler handler, RouteDoc doc);
  static bool Matches(const Route& route, const std::vector<std::string>& segments);
  static bool MoreSpecific(const Route& a, const Route& b);

  std::vector<Route> routes_;
  Handler not_found_;
};

}  // namespace probity::web

// The HTTP request and response as handlers see them: plain values with no Beast or Asio types,
// so handlers and their tests compile fast and can be called without a server.
// Never does I/O: the server (web/server.h) fills a Request from the wire and writes a Response.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace probity::web {

struct Request {
  std::string method;  // upper-case, as sent: "GET", "POST"
  std::string target;  // as sent, still encoded: "/api/v1/people/X1%2F2?q=a"
  std::string path;    // percent-decoded path, no query: "/api/v1/people/X1/2"
  // Percent-decoded path segments: {"api", "v1", "people", "X1/2"}. The router matches these, so
  // an encoded "/" stays inside its segment. "/" has none.
  std::vector<std::string> segments;
  std::multimap<std::string, std::string> query;             // decoded; '+' means space
  std::vector<std::pair<std::string, std::string>> headers;  // as sent, in order
  std::string body;
  std::map<std::string, std::string> params;  // from the route pattern: {crn} -> params["crn"]
  std::string remote_address;                 // peer IP address; no proxy headers considered
  std::string request_id;                     // random hex, also in the log and X-Request-Id

  // The first header of that name, compared without regard to case; nullopt when absent.
  std::optional<std::string_view> Header(std::string_view name) const;
  // The first query value of that name; nullopt when absent.
  std::optional<std::string_view> Query(std::string_view name) const;
  // The route parameter of that name; empty when the route has none.
  std::string_view Param(std::string_view name) const;
  // The route parameter as a positive whole number ("12", not "12x", "0" or "-1"); nullopt
  // otherwise, which handlers answer as "no such record".
  std::optional<int64_t> IdParam(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  // `value` serialised, with Content-Type application/json.
  static Response Json(int status, const nlohmann::json& value);
  // Plain text (or any `content_type`) as given.
  static Response Text(int status, std::string body,
                       std::string content_type = "text/plain; charset=utf-8");

  // The first header of that name, compared without regard to case; nullopt when absent.
  std::optional<std::string_view> Header(std::string_view name) const;
  // Replaces every header of that name (any case) with one of this value.
  Response& SetHeader(std::string name, std::string value);
};

// Sets target, path, segments and query from a request target in origin form ("/a/b?c=d").
// kInvalid "bad_target" when it is not origin form or its percent-encoding is broken.
Status SetTarget(Request& request, std::string_view target);

// The body as JSON. kInvalid "malformed_json" when the Content-Type is not application/json
// (parameters such as charset are allowed) or the body is not one well-formed JSON value.
Result<nlohmann::json> ParseJsonBody(const Request& request);
// The body as a JSON object holding only `allowed` members: kInvalid "unknown_field" naming a
// misspelt or unexpected one (OnlyFields), so nothing is silently ignored.
Result<nlohmann::json> ParseJsonBody(const Request& request, std::span<const char* const> allowed);

// A fresh random request id: 16 lower-case hex digits. Thread-safe.
std::string NewRequestId();

// An HTML form post (application/x-www-form-urlencoded), decoded: field name -> values in order.
using FormFields = std::multimap<std::string, std::string>;

// The body as form fields. kInvalid "bad_form" when the Content-Type is not
// application/x-www-form-urlencoded or the encoding is broken.
Result<FormFields> ParseFormBody(const Request& request);

// The first value of `name`, or "" when the field is absent.
std::string FormValue(const FormFields& form, std::string_view name);

// ASCII case-insensitive equality, for header names and tokens.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

}  // namespace probity::web

#include "web/errors.h"

#include <spdlog/spdlog.h>

#include <string>

namespace probity::web {

int HttpStatus(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalid:
      return 400;
    case ErrorKind::kNotFound:
      return 404;
    case ErrorKind::kUnauthenticated:
      return 401;
    case ErrorKind::kForbidden:
      return 403;
    case ErrorKind::kRateLimited:
      return 429;
    case ErrorKind::kConflict:
      return 409;
    case ErrorKind::kTooLarge:
      return 413;
    case ErrorKind::kUnavailable:
      return 503;
    case ErrorKind::kInternal:
      return 500;
  }
  return 500;
}

nlohmann::json ErrorBody(const Error& error) {
  nlohmann::json inner = {{"code", error.code}, {"message", error.message}};
  if (!error.field.empty()) inner["field"] = error.field;
  return {{"error", std::move(inner)}};
}

namespace {
Response InternalErrorResponse(std::string_view request_id) {
  return Response::Json(
      500, ErrorBody(Error::Internal("internal_error",
                                     "internal error, request id " + std::string(request_id))));
}
}  // namespace

Response ErrorResponse(const Error& error, std::string_view request_id) {
  if (error.kind == ErrorKind::kInternal) {
    spdlog::error("internal error, request id {}: {}: {}", request_id, error.code, error.message);
    return InternalErrorResponse(request_id);
  }
  Response response = Response::Json(HttpStatus(error.kind), ErrorBody(error));
  // RFC 9110 section 11.6.1: a 401 names how to authenticate.
  if (error.kind == ErrorKind::kUnauthenticated)
    response.SetHeader("WWW-Authenticate", "Bearer realm=\"probity\"");
  return response;
}

Response MethodNotAllowedResponse(std::string_view method, std::string_view allowed) {
  auto response = Response::Json(
      405, ErrorBody(Error::Invalid(
               "method_not_allowed",
               std::string(method) + " is not allowed here; allowed: " + std::string(allowed))));
  response.SetHeader("Allow", std::string(allowed));
  return response;
}

Response ExceptionResponse(std::string_view what, std::string_view request_id) {
  spdlog::error("uncaught exception, request id {}: {}", request_id, what);
  return InternalErrorResponse(request_id);
}

}  // namespace probity::web

// The one place that maps an ErrorKind to an HTTP status and shapes an error body:
//   {"error": {"code": "...", "message": "...", "field": "..."}}   ("field" only when set)
// Internal errors and exceptions are logged here with the request id; their text never reaches
// the client. Never chooses a status anywhere else: handlers return Errors, not statuses.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "core/result.h"
#include "web/http.h"

namespace probity::web {

// kInvalid 400, kNotFound 404, kForbidden 403, kConflict 409, kTooLarge 413, kUnavailable 503,
// kInternal 500.
int HttpStatus(ErrorKind kind);

// The error body shape above, exactly as given (no redaction).
nlohmann::json ErrorBody(const Error& error);

// The JSON error response for `error`. For kInternal: logs code and message with `request_id`
// and answers 500 {"code":"internal_error","message":"internal error, request id X"}.
Response ErrorResponse(const Error& error, std::string_view request_id);

// 405 "method_not_allowed" with an Allow header listing `allowed` ("GET, HEAD"). Used only by
// the router: no ErrorKind means "this path has other methods".
Response MethodNotAllowedResponse(std::string_view method, std::string_view allowed);

// For an exception that escaped a handler: logs `what` with the request id and answers as for
// kInternal. Never puts `what` in the response.
Response ExceptionResponse(std::string_view what, std::string_view request_id);

}  // namespace probity::web

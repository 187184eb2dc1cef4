#include "core/result.h"

namespace probity {

const char* ToString(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalid:
      return "invalid";
    case ErrorKind::kNotFound:
      return "not_found";
    case ErrorKind::kUnauthenticated:
      return "unauthenticated";
    case ErrorKind::kRateLimited:
      return "rate_limited";
    case ErrorKind::kForbidden:
      return "forbidden";
    case ErrorKind::kConflict:
      return "conflict";
    case ErrorKind::kTooLarge:
      return "too_large";
    case ErrorKind::kUnavailable:
      return "unavailable";
    case ErrorKind::kInternal:
      return "internal";
  }
  return "internal";
}

Error Error::Invalid(std::string code, std::string message, std::string field) {
  return {ErrorKind::kInvalid, std::move(code), std::move(message), std::move(field)};
}
Error Error::NotFound(std::string code, std::string message) {
  return {ErrorKind::kNotFound, std::move(code), std::move(message), {}};
}
Error Error::Unauthenticated(std::string code, std::string message) {
  return {ErrorKind::kUnauthenticated, std::move(code), std::move(message), {}};
}
Error Error::RateLimited(std::string code, std::string message) {
  return {ErrorKind::kRateLimited, std::move(code), std::move(message), {}};
}
Error Error::Forbidden(std::string code, std::string message) {
  return {ErrorKind::kForbidden, std::move(code), std::move(message), {}};
}
Error Error::Conflict(std::string code, std::string message) {
  return {ErrorKind::kConflict, std::move(code), std::move(message), {}};
}
Error Error::TooLarge(std::string code, std::string message) {
  return {ErrorKind::kTooLarge, std::move(code), std::move(message), {}};
}
Error Error::Unavailable(std::string code, std::string message) {
  return {ErrorKind::kUnavailable, std::move(code), std::move(message), {}};
}
Error Error::Internal(std::string code, std::string message) {
  return {ErrorKind::kInternal, std::move(code), std::move(message), {}};
}

}  // namespace probity

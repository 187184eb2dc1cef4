// Result<T>: a value or a typed Error, shaped like std::expected (which GCC 12 lacks in C++20).
// Errors are values at boundaries: rules, stores and use cases return Result; only web/errors.cc
// maps ErrorKind to an HTTP status, and the CLI maps it to a message and a non-zero exit.
// Never used for broken invariants or a lost database: those throw.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace probity {

enum class ErrorKind {
  kInvalid,          // the caller's input is wrong; fixing the input fixes it
  kNotFound,         // the thing named does not exist (or the caller may not know it does)
  kUnauthenticated,  // no, expired or bad credentials: the caller has not proved who they are
  kForbidden,        // the caller may not do this
  kConflict,         // the state changed underneath, or the thing already exists
  kTooLarge,         // the input is over a size limit
  kRateLimited,      // too many attempts; the message says when to try again
  kUnavailable,      // a dependency (the database) does not answer; trying later may work
  kInternal,         // a bug or a broken invariant; logged with a request id
};

const char* ToString(ErrorKind kind);

struct Error {
  ErrorKind kind = ErrorKind::kInternal;
  std::string code;     // stable, machine-readable: "malformed_json", "not_found"
  std::string message;  // for a person: what is wrong and what to do
  std::string field;    // the one input at fault, when there is one

  static Error Invalid(std::string code, std::string message, std::string field = {});
  static Error NotFound(std::string code, std::string message);
  static Error Unauthenticated(std::string code, std::string message);
  static Error Forbidden(std::string code, std::string message);
  static Error RateLimited(std::string code, std::string message);
  static Error Conflict(std::string code, std::string message);
  static Error TooLarge(std::string code, std::string message);
  static Error Unavailable(std::string code, std::string message);
  static Error Internal(std::string code, std::string message);
};

// Wraps an Error so that `return Unexpected(e);` is unambiguous even for Result<Error>-like T.
struct Unexpected {
  Error error;
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : v_(std::in_place_index<1>, std::move(error)) {}     // NOLINT
  Result(Unexpected u) : v_(std::in_place_index<1>, std::move(u.error)) {}  // NOLINT

  bool has_value() const { return v_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const& { return std::get<1>(v_); }
  Error&& error() && { return std::get<1>(std::move(v_)); }

 private:
  std::variant<T, Error> v_;
};

// Result<void>: success carries nothing.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)) {}     // NOLINT
  Result(Unexpected u) : error_(std::move(u.error)) {}  // NOLINT

  bool has_value() const { return !error_.has_value(); }
  explicit operator bool() const { return has_value(); }
  const Error& error() const& { return *error_; }
  Error&& error() && { return std::move(*error_); }

 private:
  std::optional<Error> error_;
};

using Status = Result<void>;

inline Status Ok() { return {}; }

}  // namespace probity

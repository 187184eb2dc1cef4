// Authentication at the HTTP edge: a session cookie (with a CSRF token on every state-changing
// request) or an `Authorization: Bearer` API token. Handlers that need a person are wrapped by
// Auth::Guard, so none can forget to ask; the use cases in app/sign_in.h do the work.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "access/model.h"
#include "access/session.h"
#include "access/throttle.h"
#include "core/result.h"
#include "core/time.h"
#include "store/db.h"
#include "web/http.h"
#include "web/router.h"

namespace probity::web {

struct AuthOptions {
  access::SessionPolicy session;
  access::ThrottlePolicy throttle;
  bool secure_cookies = false;  // add Secure: set when users reach Probity over TLS
};

inline constexpr std::string_view kSessionCookie = "probity_session";
inline constexpr std::string_view kCsrfHeader = "X-CSRF-Token";
// The same token as an HTML form field, for forms posted without JavaScript.
inline constexpr std::string_view kCsrfField = "csrf_token";

// The value of one cookie from the Cookie header; nullopt when absent.
std::optional<std::string> CookieValue(const Request& request, std::string_view name);

class Auth {
 public:
  Auth(store::Db& db, const Clock& clock, AuthOptions options);

  // The principal behind the request. kUnauthenticated without valid credentials; kForbidden
  // "csrf" for a cookie-authenticated POST, PUT, PATCH or DELETE without the session's token (in
  // the X-CSRF-Token header or, from an HTML form, the csrf_token field).
  Result<access::Principal> Authenticate(const Request& request) const;

  // Wraps a handler taking (request, principal) so that it runs only for an authenticated one.
  template <class F>
  ResultHandler Guard(F handler) const {
    return [this, handler = std::move(handler)](const Request& request) -> Result<Response> {
      auto principal = Authenticate(request);
      if (!principal) return principal.error();
      return handler(request, *principal);
    };
  }

  store::Db& db() const { return db_; }
  const Clock& clock() const { return clock_; }
  const AuthOptions& options() const { return options_; }

  // Set-Cookie values that start and end a session.
  std::string SessionCookie(const std::string& token) const;
  std::string ClearedSessionCookie() const;

 private:
  store::Db& db_;
  const Clock& clock_;
  AuthOptions options_;
};

// POST /api/v1/session (sign in; public), DELETE /api/v1/session (sign out), GET /api/v1/me.
void AddSessionRoutes(Router& router, const Auth& auth);

}  // namespace probity::web

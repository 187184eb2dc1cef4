// Signing in and out, and proving who a request is from (a session cookie or an API token).
// The same answer, in about the same time, for an unknown user and a wrong password.
#pragma once

#include <string>

#include "access/model.h"
#include "access/session.h"
#include "access/throttle.h"
#include "core/result.h"
#include "core/time.h"
#include "store/db.h"

namespace probity::app {

struct SignInInput {
  std::string username;
  std::string password;
  std::string address;  // the client's address, for throttling
};

struct SignedIn {
  std::string session_token;  // for the cookie; only its hash is stored
  std::string csrf_token;
  access::Principal principal;
};

// kUnauthenticated "bad_credentials" for an unknown user, a disabled account or a wrong password
// (one message for all three); kRateLimited after too many failures for the account or the
// address, with when to try again. A failure is recorded; a success starts a session (evented).
Result<SignedIn> SignIn(store::Db& db, const SignInInput& in, const access::ThrottlePolicy& policy,
                        UtcTime now);

// Ends the session (evented). Signing out twice is harmless.
Status SignOut(store::Db& db, const access::Principal& who, const std::string& session_token,
               UtcTime now);

// kUnauthenticated when the session is unknown, ended, idle or too old, or its account is
// disabled. Refreshes last_seen at most once a minute.
Result<access::Principal> AuthenticateSession(store::Db& db, const std::string& session_token,
                                              const access::SessionPolicy& policy, UtcTime now);

// kUnauthenticated when the token is unknown or revoked, or its account is disabled.
Result<access::Principal> AuthenticateToken(store::Db& db, const std::string& token);

}  // namespace probity::app

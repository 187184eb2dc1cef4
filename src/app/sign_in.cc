#include "app/sign_in.h"

#include <nlohmann/json.hpp>

#include "access/password.h"
#include "access/secret.h"
#include "access/store.h"
#include "store/event_log.h"

namespace probity::app {

namespace {
Error BadCredentials() {
  return Error::Unauthenticated("bad_credentials",
                                "The username or password is not right. Check them and try again.");
}
Error SignInAgain(const char* why) { return Error::Unauthenticated("not_signed_in", why); }

// What a failure is counted under. No username is longer than 64 characters
// (access::CheckUsername), so a longer one is clipped: whatever was typed, a failure row stays
// small.
std::string ThrottleKey(const std::string& username) { return username.substr(0, 64); }

void RecordFailure(store::Db& db, const SignInInput& in, UtcTime now) {
  auto tx = db.BeginWrite();
  access::RecordSignInFailure(tx, ThrottleKey(in.username), in.address, now);
  tx.Commit();
}
}  // namespace

Result<SignedIn> SignIn(store::Db& db, const SignInInput& in, const access::ThrottlePolicy& policy,
                        UtcTime now) {
  std::optional<access::AccountRecord> account;
  {
    auto tx = db.BeginRead();
    const auto failures =
        access::FailuresSince(tx, ThrottleKey(in.username), in.address, now - policy.window);
    const auto throttle =
        access::DecideSignIn(policy, failures.for_account, failures.for_address, now);
    if (!throttle.allowed) return Error::RateLimited("too_many_attempts", throttle.message);
    account = access::FindAccount(tx, in.username);
  }
  // Verify outside any transaction: Argon2id is slow on purpose and must hold no lock.
  const bool usable = account && !account->account.disabled;
  const bool verified = usable ? access::VerifyPassword(account->password_hash, in.password)
                               : (access::SpendVerifyTime(in.password), false);
  if (!verified) {
    RecordFailure(db, in, now);
    return BadCredentials();
  }

  auto tx = db.BeginWrite();
  auto principal = access::LoadPrincipal(tx, account->account.id);
  if (!principal) return BadCredentials();  // disabled between the two transactions
  SignedIn out;
  out.session_token = access::NewSecret();
  out.csrf_token = access::NewSecret();
  access::InsertSession(tx, access::HashSecret(out.session_token), principal->account_id,
                        out.csrf_token, now);
  access::ClearAccountFailures(tx, in.username);
  store::AppendEvent(tx, {principal->ActorId(), std::nullopt},
                     {"account:" + in.username,
                      "session.started",
                      {{"username", in.username}, {"address", in.address}}},
                     now);
  tx.Commit();
  principal->csrf_token = out.csrf_token;
  principal->via_session = true;
  out.principal = std::move(*principal);
  return out;
}

Status SignOut(store::Db& db, const access::Principal& who, const std::string& session_token,
               UtcTime now) {
  auto tx = db.BeginWrite();
  access::EndSession(tx, access::HashSecret(session_token), now);
  store::AppendEvent(tx, {who.ActorId(), std::nullopt},
                     {"account:" + who.username, "session.ended", {{"username", who.username}}},
                     now);
  tx.Commit();
  return Ok();
}

Result<access::Principal> AuthenticateSession(store::Db& db, const std::string& session_token,
                                              const access::SessionPolicy& policy, UtcTime now) {
  const std::string hash = access::HashSecret(session_token);
  std::optional<access::SessionRecord> session;
  std::optional<access::Principal> principal;
  {
    auto tx = db.BeginRead();
    session = access::FindSession(tx, hash);
    if (!session) return SignInAgain("you are not signed in: sign in to continue");
    const auto state = access::CheckSession(policy, session->created_at, session->last_seen_at,
                                            session->ended, now);
    if (state != access::SessionState::kActive) return SignInAgain(access::Describe(state));
    principal = access::LoadPrincipal(tx, session->account_id);
    if (!principal) return SignInAgain("this account cannot sign in: ask an administrator");
  }
  if (access::NeedsTouch(policy, session->last_seen_at, now)) {
    auto tx = db.BeginWrite();
    access::TouchSession(tx, hash, now);
    tx.Commit();
  }
  principal->csrf_token = session->csrf_token;
  principal->via_session = true;
  return *principal;
}

Result<access::Principal> AuthenticateToken(store::Db& db, const std::string& token) {
  auto tx = db.BeginRead();
  auto account = access::FindActiveToken(tx, access::HashSecret(token));
  if (!account) return SignInAgain("the API token is not valid or has been revoked");
  auto principal = access::LoadPrincipal(tx, *account);
  if (!principal) return SignInAgain("this account cannot sign in: ask an administrator");
  return *principal;
}

}  // namespace probity::app

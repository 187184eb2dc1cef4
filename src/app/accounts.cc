#include "app/accounts.h"

#include <nlohmann/json.hpp>

#include "access/password.h"
#include "access/rules.h"
#include "access/secret.h"
#include "access/store.h"

namespace probity::app {

namespace {
// The named account; kNotFound naming the field when there is none.
Result<access::AccountRecord> ExistingAccount(store::Transaction& tx, const std::string& username) {
  auto account = access::FindAccount(tx, username);
  if (!account)
    return Error{ErrorKind::kNotFound, "unknown_user", "there is no account " + username,
                 "username"};
  return std::move(*account);
}
}  // namespace

Result<UserAdded> AddUser(store::Db& db, const store::Actor& by, const NewUser& in, UtcTime now) {
  if (auto s = access::CheckUsername(in.username); !s) return s.error();
  if (auto s = access::CheckStaff(in.staff); !s) return s.error();
  if (auto s = access::CheckPasswordPolicy(in.password, in.username); !s) return s.error();
  // Hash before the transaction: Argon2id takes tens of milliseconds and holds no lock.
  auto hash = access::HashPassword(in.password);
  if (!hash) return hash.error();

  auto tx = db.BeginWrite();
  auto staff_id = access::InsertStaff(tx, in.staff);
  if (!staff_id) return staff_id.error();
  auto account_id = access::InsertAccount(tx, *staff_id, in.username, *hash, in.role);
  if (!account_id) return account_id.error();
  // FROZEN payloads. Never the password or its hash.
  const nlohmann::json staff_payload = {
      {"id", *staff_id},
      {"name", in.staff.name},
      {"grade", access::ToString(in.staff.grade)},
      {"contracted_minutes", in.staff.contracted_minutes},
      {"start_date", in.staff.start_date ? nlohmann::json(*in.staff.start_date) : nullptr},
      {"qualified_on", in.staff.qualified_on ? nlohmann::json(*in.staff.qualified_on) : nullptr},
      {"team_codes", in.staff.team_codes}};
  store::AppendEvent(tx, by, {"staff:" + std::to_string(*staff_id), "staff.created", staff_payload},
                     now);
  const nlohmann::json account_payload = {{"id", *account_id},
                                          {"staff_id", *staff_id},
                                          {"username", in.username},
                                          {"role", access::ToString(in.role)}};
  store::AppendEvent(tx, by, {"account:" + in.username, "account.created", account_payload}, now);
  tx.Commit();
  return UserAdded{*staff_id, *account_id};
}

Status DisableUser(store::Db& db, const store::Actor& by, const std::string& username,
                   UtcTime now) {
  auto tx = db.BeginWrite();
  auto account = ExistingAccount(tx, username);
  if (!account) return account.error();
  if (auto s = access::SetAccountDisabled(tx, username, true); !s) return s;
  const int sessions = access::EndAllSessions(tx, account->account.id, now);
  const int tokens = access::RevokeAllTokens(tx, account->account.id, now);
  store::AppendEvent(tx, by,
                     {"account:" + username,
                      "account.disabled",
                      {{"id", account->account.id},
                       {"username", username},
                       {"sessions_ended", sessions},
                       {"tokens_revoked", tokens}}},
                     now);
  tx.Commit();
  return Ok();
}

Result<TokenCreated> CreateToken(store::Db& db, const store::Actor& by, const std::string& username,
                                 UtcTime now) {
  auto tx = db.BeginWrite();
  auto account = ExistingAccount(tx, username);
  if (!account) return account.error();
  if (account->account.disabled)
    return Error::Forbidden("account_disabled", "the account " + username + " is disabled");
  TokenCreated created;
  created.secret = access::NewSecret();
  created.id =
      access::InsertToken(tx, account->account.id, access::HashSecret(created.secret), now);
  store::AppendEvent(
      tx, by,
      {"account:" + username, "token.created", {{"id", created.id}, {"username", username}}}, now);
  tx.Commit();
  return created;
}

Status RevokeToken(store::Db& db, const store::Actor& by, int64_t token_id, UtcTime now) {
  auto tx = db.BeginWrite();
  auto username = access::RevokeToken(tx, token_id, now);
  if (!username) return username.error();
  store::AppendEvent(
      tx, by,
      {"account:" + *username, "token.revoked", {{"id", token_id}, {"username", *username}}}, now);
  tx.Commit();
  return Ok();
}

}  // namespace probity::app

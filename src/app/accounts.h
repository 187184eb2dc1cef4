// Use cases for staff and their accounts: add a user, disable one, create and revoke API tokens.
// Each writes state and its events in one transaction. Secrets are returned once and stored
// only as hashes.
#pragma once

#include <string>

#include "access/model.h"
#include "core/result.h"
#include "core/time.h"
#include "store/db.h"
#include "store/event_log.h"

namespace probity::app {

struct NewUser {
  std::string username;
  access::Staff staff;  // name, grade, hours, dates, team codes
  access::Role role = access::Role::kPractitioner;
  std::string password;
};

struct UserAdded {
  int64_t staff_id = 0;
  int64_t account_id = 0;
};

// kInvalid for a bad username, staff detail or a password the policy refuses (field named);
// kNotFound for an unknown team; kConflict for a username in use. Nothing is written on error.
Result<UserAdded> AddUser(store::Db& db, const store::Actor& by, const NewUser& in, UtcTime now);

// Disables the account, ends its sessions and revokes its tokens. kNotFound for no such user.
Status DisableUser(store::Db& db, const store::Actor& by, const std::string& username, UtcTime now);

struct TokenCreated {
  int64_t id = 0;
  std::string secret;  // shown once; only its hash is kept
};
// kNotFound for no such user; kForbidden when the account is disabled.
Result<TokenCreated> CreateToken(store::Db& db, const store::Actor& by, const std::string& username,
                                 UtcTime now);
// kNotFound when no unrevoked token has that id.
Status RevokeToken(store::Db& db, const store::Actor& by, int64_t token_id, UtcTime now);

}  // namespace probity::app

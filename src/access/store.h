// SQL for staff, accounts, API tokens, web sessions and failed sign-ins. Runs inside the caller's
// Transaction; never commits. Secrets arrive here already hashed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "access/model.h"
#include "core/result.h"
#include "core/time.h"
#include "store/db.h"

namespace probity::access {

// kNotFound (field "team") when a team code names nothing.
Result<int64_t> InsertStaff(store::Transaction& tx, const Staff& staff);

// kConflict when the username is taken.
Result<int64_t> InsertAccount(store::Transaction& tx, int64_t staff_id, const std::string& username,
                              const std::string& password_hash, Role role);

struct AccountRecord {
  Account account;
  std::string password_hash;
};
std::optional<AccountRecord> FindAccount(store::Transaction& tx, const std::string& username);

// Marks the account disabled and bumps its version. kNotFound when there is none.
Status SetAccountDisabled(store::Transaction& tx, const std::string& username, bool disabled);

// The principal for an enabled account, with its teams and their PDUs; nullopt when the account
// does not exist or is disabled.
std::optional<Principal> LoadPrincipal(store::Transaction& tx, int64_t account_id);

int64_t InsertToken(store::Transaction& tx, int64_t account_id, const std::string& token_hash,
                    UtcTime now);
// The account of an unrevoked token; nullopt otherwise.
std::optional<int64_t> FindActiveToken(store::Transaction& tx, const std::string& token_hash);
// kNotFound when no unrevoked token has that id. Returns the username it belonged to.
Result<std::string> RevokeToken(store::Transaction& tx, int64_t token_id, UtcTime now);
// Revokes every token of the account; returns how many.
int RevokeAllTokens(store::Transaction& tx, int64_t account_id, UtcTime now);

struct SessionRecord {
  int64_t account_id = 0;
  std::string csrf_token;
  UtcTime created_at{};
  UtcTime last_seen_at{};
  bool ended = false;
};
void InsertSession(store::Transaction& tx, const std::string& token_hash, int64_t account_id,
                   const std::string& csrf_token, UtcTime now);
std::optional<SessionRecord> FindSession(store::Transaction& tx, const std::string& token_hash);
void TouchSession(store::Transaction& tx, const std::string& token_hash, UtcTime now);
void EndSession(store::Transaction& tx, const std::string& token_hash, UtcTime now);
int EndAllSessions(store::Transaction& tx, int64_t account_id, UtcTime now);

void RecordSignInFailure(store::Transaction& tx, const std::string& username,
                         const std::string& address, UtcTime now);
struct RecentFailures {
  std::vector<UtcTime> for_account;
  std::vector<UtcTime> for_address;
};
RecentFailures FailuresSince(store::Transaction& tx, const std::string& username,
                             const std::string& address, UtcTime since);
// After a successful sign-in the account's count starts again; the address's does not.
void ClearAccountFailures(store::Transaction& tx, const std::string& username);

// --- Staff records: reading and changing them (optimistic locking on staff.version and
// account.version). ---

// One team a member of staff belongs to, with the ids policy needs (access::UnitAccess).
struct StaffTeam {
  std::string code;
  int64_t team_id = 0;
  int64_t pdu_id = 0;
};

struct StaffRecord {
  Staff staff;                     // team_codes in code order
  int version = 1;                 // staff.version
  std::vector<StaffTeam> teams;    // the teams of staff.team_codes, in the same order
  std::optional<Account> account;  // the member of staff's account, when they have one
};

// The member of staff with their teams and account. kNotFound ("unknown_staff", field "id") when
// there is none.
Result<StaffRecord> LoadStaff(store::Transaction& tx, int64_t staff_id);

// Every member of staff, or those in the team `team_code`, ordered by name then id. kNotFound
// ("unknown_team", field "team") when the code names no team.
Result<std::vector<StaffRecord>> ListStaff(store::Transaction& tx,
                                           const std::optional<std::string>& team_code);

// Writes name, grade, contracted minutes and dates of `staff` (by staff.id; team_codes are not
// touched) if the row is still at expected_version, and bumps the version: the check and the write
// are one statement. Returns the new version. kConflict ("stale_version") when the row is at
// another version or gone; callers load first to tell the two apart.
Result<int> UpdateStaff(store::Transaction& tx, const Staff& staff, int expected_version);

// Makes the member of staff belong to exactly these teams. kNotFound ("unknown_team", field
// "team_codes") when a code names no team; the caller's transaction must then roll back.
Status ReplaceStaffTeams(store::Transaction& tx, int64_t staff_id,
                         const std::vector<std::string>& team_codes);

// Sets the account's role if it is still at expected_version, bumping the version; returns the
// new version. kConflict ("stale_version") when it is at another version or gone.
Result<int> UpdateAccountRole(store::Transaction& tx, const std::string& username, Role role,
                              int expected_version);

// How many enabled accounts have the administrator role.
int CountEnabledAdministrators(store::Transaction& tx);

}  // namespace probity::access

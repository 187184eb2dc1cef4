// Use cases that change a member of staff's record or their account's role, given the version
// the caller read, and the reads that show staff to the people allowed to see them. Each change
// writes the state and one event in one transaction; a stale version changes nothing. Never asks
// whether the caller may change staff: handlers ask access::Decide (kManageAccounts) first.
//
// FROZEN event kinds and payloads (they are in the hash chain):
//
//   "staff.changed", subject "staff:<id>":
//     {"id": <staff id>, "version": <the new staff version>,
//      "changes": {<field>: {"from": <before>, "to": <after>}, ...}}
//     where <field> is one of, and only those that changed:
//       "name"               text
//       "grade"              "po", "pso", "pqip", "spo", "senior_manager", "administrative"
//       "contracted_minutes" whole minutes a week
//       "start_date"         "YYYY-MM-DD" or null
//       "qualified_on"       "YYYY-MM-DD" or null
//       "team_codes"         the team codes as a list, sorted, without repeats
//
//   "account.role_changed", subject "account:<username>":
//     {"id": <account id>, "username": <username>, "from": <role>, "to": <role>,
//      "version": <the new account version>}
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "access/model.h"
#include "access/policy.h"
#include "access/store.h"
#include "core/result.h"
#include "core/time.h"
#include "store/db.h"
#include "store/event_log.h"

namespace probity::app {

// What to change; every field left empty stays as it is.
struct StaffChange {
  std::optional<std::string> name;
  std::optional<access::Grade> grade;
  std::optional<int> contracted_minutes;  // a week; from access::ContractedMinutes
  std::optional<std::string> start_date;  // YYYY-MM-DD
  // Outer empty: unchanged. Inner empty: clear the qualification date.
  std::optional<std::optional<std::string>> qualified_on;
  std::optional<std::vector<std::string>> team_codes;  // replaces the set; empty: no team

  bool empty() const {
    return !name && !grade && !contracted_minutes && !start_date && !qualified_on && !team_codes;
  }
};

// Applies `change` to the member of staff `staff_id` if their record is still at
// `expected_version`; appends "staff.changed" and returns the record as committed (its version
// is expected_version + 1).
//   kInvalid "empty_change" when `change` names no field; kInvalid (field named) when the result
//     fails access::CheckStaff (name, contracted_minutes as "contracted_hours", dates);
//     kInvalid "no_change" when every value given is already the current one: nothing is
//     written, no event.
//   kNotFound "unknown_staff" (field "id"); kNotFound "unknown_team" (field "team_codes").
//   kConflict "stale_version" (field "version") when the record is at another version: the
//     message gives the current version, the fields changed since expected_version (from the
//     event log) and the current values. Nothing is written.
Result<access::StaffRecord> ChangeStaff(store::Db& db, const store::Actor& by, int64_t staff_id,
                                        const StaffChange& change, int expected_version,
                                        UtcTime now);

// Gives the account `username` the role `role` if it is still at `expected_version`; appends
// "account.role_changed" and returns the new account version. The new role applies from the
// account's next request (principals are loaded per request).
//   kNotFound "unknown_user" (field "username").
//   kConflict "stale_version" (field "version"), with the current version and role.
//   kInvalid "no_change" (field "role") when the account already has that role.
//   kConflict "last_administrator" (field "role") when it would leave no enabled administrator.
Result<int> ChangeRole(store::Db& db, const store::Actor& by, const std::string& username,
                       access::Role role, int expected_version, UtcTime now);

// The staff `who` may see: administrators (kManageAccounts) everyone; others the staff of the
// teams where access::Decide allows kReadTeamWorkload (an SPO their teams, a senior manager their
// PDUs). With `team_code`, only that team's staff.
//   kNotFound "unknown_team" (field "team") for an unknown team code.
//   kForbidden when `who` may read no team's staff, or not that team's.
Result<std::vector<access::StaffRecord>> StaffVisibleTo(
    store::Db& db, const access::Principal& who, const std::optional<std::string>& team_code);

// One member of staff, when `who` may see them (as StaffVisibleTo).
//   kForbidden when `who` may read no team's staff (checked first, whatever the id), or when the
//     member of staff is in none of the teams `who` may read.
//   kNotFound "unknown_staff" (field "id").
Result<access::StaffRecord> StaffRecordFor(store::Db& db, const access::Principal& who,
                                           int64_t staff_id);

}  // namespace probity::app

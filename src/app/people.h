// Use cases on a person's record: register them, change their details, and add what is known
// about them (aliases, addresses, needs, registrations, keep-apart links, convictions); allocate
// a responsible officer; restrict who may see the case. Each is one write transaction that
// validates, writes state and appends its events (kinds and payload fields FROZEN: see people.cc).
// Authorisation happens before, in the handler, through app::OpenCase.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/case_access.h"
#include "cases/model.h"
#include "core/result.h"
#include "core/time.h"
#include "store/db.h"
#include "store/event_log.h"

namespace probity::app {

struct PersonRegistered {
  int64_t person_id = 0;
  std::string crn;
};
// kInvalid naming the field; kNotFound (team_code) for an unknown team; kConflict "crn_taken".
// The person starts in the team's unallocated queue.
Result<PersonRegistered> RegisterPerson(store::Db& db, const store::Actor& by,
                                        const cases::NewPerson& in, UtcTime now);

// kInvalid; kConflict "stale_version" when someone changed the record since expected_version.
// Returns the new version.
Result<int> ChangePerson(store::Db& db, const store::Actor& by, const CaseRef& on,
                         const cases::PersonChange& change, int expected_version, UtcTime now);

Result<int64_t> AddAlias(store::Db& db, const store::Actor& by, const CaseRef& on,
                         cases::Alias alias, UtcTime now);
// A new main address ends the current one; the old stays in the history.
Result<int64_t> AddAddress(store::Db& db, const store::Actor& by, const CaseRef& on,
                           cases::Address address, UtcTime now);
// Records a needs assessment: one severity per need, all on one day. kInvalid when empty or a
// need repeats.
Status RecordNeeds(store::Db& db, const store::Actor& by, const CaseRef& on,
                   std::vector<cases::Need> needs, UtcTime now);
Result<int64_t> AddRegistration(store::Db& db, const store::Actor& by, const CaseRef& on,
                                cases::Registration registration, UtcTime now);
// kNotFound, kConflict ("already_ended", "stale_version"), kInvalid for a bad date or reason.
Result<int> EndRegistration(store::Db& db, const store::Actor& by, const CaseRef& on,
                            int64_t registration_id, const std::string& end_date,
                            const std::string& reason, int expected_version, UtcTime now);
// kNotFound (other_crn) when the other person does not exist; kConflict "already_linked".
Result<int64_t> LinkKeepApart(store::Db& db, const store::Actor& by, const CaseRef& on,
                              const std::string& other_crn, const std::string& reason, UtcTime now);
Result<int64_t> AddConviction(store::Db& db, const store::Actor& by, const CaseRef& on,
                              const cases::Conviction& conviction, UtcTime now);

struct AllocationRequest {
  std::optional<std::string> officer_username;  // nullopt: to the team's unallocated queue
  std::optional<std::string> team_code;  // default: the team holding the case; naming another
                                         // moves the case there
  std::string reason;
  // Why the officer takes the case although it takes them past 100% of capacity (DESIGN section
  // 6): required then, and kept with the allocation for the unit's dashboards.
  std::string over_capacity_reason;
};
// kNotFound (officer_username / team_code) for an unknown officer or team; kInvalid when the
// officer is not in the team, or "over_capacity_reason" when the case takes the officer past
// 100% and no reason is given; kConflict "no_change" when the case already sits with that officer
// in that team.
Result<int64_t> Allocate(store::Db& db, const store::Actor& by, const CaseRef& on,
                         const AllocationRequest& request, UtcTime now);

enum class AccessList { kExclusion, kRestriction };
// Adds or removes a member of staff on a case's exclusion or restriction list. kNotFound
// (username) for an unknown account; kInvalid for a missing reason when adding; kConflict
// "no_change" when already (or not) listed.
Status ChangeAccessList(store::Db& db, const store::Actor& by, const CaseRef& on, AccessList list,
                        const std::string& username, bool add, const std::string& reason,
                        UtcTime now);

}  // namespace probity::app

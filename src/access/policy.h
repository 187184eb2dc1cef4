// Who may do what: the one function every handler asks. Pure: the principal, the action and the
// resource arrive as values; the answer says allow or deny and why, and whether the resource's
// very existence must be hidden (restricted and excluded cases answer 404, never 403).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "access/model.h"
#include "core/result.h"

namespace probity::access {

enum class Action {
  kReadCase,            // a person's record and timeline
  kWriteCase,           // contacts, appointments, outcomes on a case
  kEnforce,             // enforcement decisions, breach and recall paperwork
  kAllocateCase,        // choose the responsible officer
  kCountersign,         // countersign or endorse a decision
  kReadTeamWorkload,    // caseloads and capacity of a team
  kReadFigures,         // performance figures and reports
  kManageOrganisation,  // regions, PDUs, teams, offices, rooms, reference data
  kManageAccounts,      // staff, accounts, tokens
  kReadAccessLog,       // who read restricted cases
  kRestrictCase,        // change a case's exclusion and restriction lists
  kDeclareUnitFull,     // declare a team or PDU over capacity (a head of PDU)
  kManageWorkload,      // reduce a practitioner's hours, record court reports for them
};

const char* ToString(Action a);

// What policy needs to know about a case: where it sits and who may or may not see it.
struct CaseAccess {
  int64_t team_id =
      0;  // the team holding the case (the responsible officer's, or the one it awaits)
  int64_t pdu_id = 0;
  std::vector<int64_t> excluded_staff;  // must never see it (e.g. a colleague's relative)
  std::vector<int64_t> restricted_to;   // when non-empty, only these staff may see it
  // A recall on the case has been sent to the recall team: the one thing that opens a case to it.
  bool recall_sent = false;
  bool restricted() const { return !excluded_staff.empty() || !restricted_to.empty(); }
};

// A team or PDU being looked at (workload pages, allocation).
struct UnitAccess {
  int64_t team_id = 0;  // 0 when the unit is a PDU
  int64_t pdu_id = 0;
};

struct Decision {
  bool allowed = false;
  bool hide_existence = false;  // answer as if the thing did not exist (404, absent from lists)
  std::string reason;

  explicit operator bool() const { return allowed; }
};

// The decision as a Status: kForbidden with the reason, or kNotFound ("there is no such case")
// when existence must stay hidden.
Status Require(const Decision& decision);

// Actions on a case.
Decision Decide(const Principal& who, Action action, const CaseAccess& on);
// Actions on a team or PDU.
Decision Decide(const Principal& who, Action action, const UnitAccess& on);
// Which cases a principal may list and search for `action`: the same reach Decide applies to one
// case, as a value a query can filter by. Restrictions and exclusions still apply per case.
struct CaseScope {
  enum class Kind { kNone, kTeams, kPdus, kAll } kind = Kind::kNone;
  std::vector<int64_t> ids;  // team ids or PDU ids
};
// The recall team's scope is none: it lists recall requests, not people.
CaseScope ScopeOf(const Principal& who, Action action);

// Actions on nothing in particular: the organisation, accounts, the access log, figures.
Decision Decide(const Principal& who, Action action);

}  // namespace probity::access

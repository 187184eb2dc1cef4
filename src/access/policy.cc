#include "access/policy.h"

#include <algorithm>

namespace probity::access {

namespace {
bool Has(const std::vector<int64_t>& ids, int64_t id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

Decision Allow(std::string reason) { return {true, false, std::move(reason)}; }
Decision Deny(std::string reason) { return {false, false, std::move(reason)}; }
Decision Hide(std::string reason) { return {false, true, std::move(reason)}; }

// How far a role reaches over case records: its team, its PDU, or everywhere.
enum class Reach { kNone, kTeam, kPdu, kAll };

Reach CaseReach(Role role, Action action) {
  if (action == Action::kDeclareUnitFull || action == Action::kManageWorkload)
    return Reach::kNone;  // about units and staff, not cases
  switch (role) {
    case Role::kPractitioner:
      return action == Action::kCountersign || action == Action::kAllocateCase ||
                     action == Action::kRestrictCase
                 ? Reach::kNone
                 : Reach::kTeam;
    case Role::kSpo:
      return Reach::kTeam;
    case Role::kSeniorManager:
      return Reach::kPdu;
    case Role::kEnforcementAdmin:
      return action == Action::kReadCase || action == Action::kEnforce ? Reach::kPdu : Reach::kNone;
    case Role::kRecallTeam:
      // Public protection casework receives recalls from anywhere.
      return action == Action::kReadCase || action == Action::kEnforce ? Reach::kAll : Reach::kNone;
    case Role::kAdministrator:
      // Runs the system and reads no case record, but keeps staff away from cases they must not
      // see (a colleague's relative): lists, not records.
      return action == Action::kRestrictCase ? Reach::kAll : Reach::kNone;
    case Role::kPerformanceAnalyst:  // figures, never records
      return Reach::kNone;
  }
  return Reach::kNone;
}

const char* ReachName(Reach reach) {
  return reach == Reach::kTeam ? "teams" : reach == Reach::kPdu ? "PDU" : "scope";
}

bool Covers(const Principal& who, Reach reach, int64_t team_id, int64_t pdu_id) {
  switch (reach) {
    case Reach::kNone:
      return false;
    case Reach::kTeam:
      return team_id != 0 && Has(who.team_ids, team_id);
    case Reach::kPdu:
      return Has(who.pdu_ids, pdu_id);
    case Reach::kAll:
      return true;
  }
  return false;
}
}  // namespace

const char* ToString(Action a) {
  switch (a) {
    case Action::kReadCase:
      return "read_case";
    case Action::kWriteCase:
      return "write_case";
    case Action::kEnforce:
      return "enforce";
    case Action::kAllocateCase:
      return "allocate_case";
    case Action::kCountersign:
      return "countersign";
    case Action::kReadTeamWorkload:
      return "read_team_workload";
    case Action::kReadFigures:
      return "read_figures";
    case Action::kManageOrganisation:
      return "manage_organisation";
    case Action::kManageAccounts:
      return "manage_accounts";
    case Action::kReadAccessLog:
      return "read_access_log";
    case Action::kRestrictCase:
      return "restrict_case";
    case Action::kDeclareUnitFull:
      return "declare_unit_full";
    case Action::kManageWorkload:
      return "manage_workload";
  }
  return "unknown";
}

Status Require(const Decision& decision) {
  if (decision.allowed) return Ok();
  if (decision.hide_existence)
    return Error::NotFound("not_found", "there is no such record, or you may not see it");
  return Error::Forbidden("forbidden", "you may not do this: " + decision.reason);
}

Decision Decide(const Principal& who, Action action, const CaseAccess& on) {
  // Restrictions come first and hide the case outright, whatever the role's reach.
  if (Has(on.excluded_staff, who.staff_id)) return Hide("excluded from this case");
  if (!on.restricted_to.empty() && !Has(on.restricted_to, who.staff_id))
    return Hide("case restricted to named staff");
  // The recall team works recall requests from anywhere, and sees only the cases they came from.
  if (who.role == Role::kRecallTeam && !on.recall_sent)
    return Hide("the recall team sees only cases with a recall sent to it");
  const Reach reach = CaseReach(who.role, action);
  if (Covers(who, reach, on.team_id, on.pdu_id)) return Allow("in scope");
  // Refused. Someone who may read the case learns why; anyone else learns nothing, not even
  // that it exists, so a refusal never tells a CRN that exists from one that does not.
  const Reach read = CaseReach(who.role, Action::kReadCase);
  if (Covers(who, read, on.team_id, on.pdu_id))
    return Deny(std::string(ToString(who.role)) + " may not " + ToString(action) +
                (reach == Reach::kNone ? "" : " outside your " + std::string(ReachName(reach))));
  return Hide(read == Reach::kNone ? std::string(ToString(who.role)) + " reads no case records"
                                   : "case outside your " + std::string(ReachName(read)));
}

CaseScope ScopeOf(const Principal& who, Action action) {
  // The recall team lists recall requests (app::ListRecallRequests), never people: no case is
  // open to it until a recall on it is sent, which a list of people cannot say.
  if (who.role == Role::kRecallTeam) return {};
  switch (CaseReach(who.role, action)) {
    case Reach::kNone:
      return {};
    case Reach::kTeam:
      return {CaseScope::Kind::kTeams, who.team_ids};
    case Reach::kPdu:
      return {CaseScope::Kind::kPdus, who.pdu_ids};
    case Reach::kAll:
      return {CaseScope::Kind::kAll, {}};
  }
  return {};
}

Decision Decide(const Principal& who, Action action, const UnitAccess& on) {
  if (action == Action::kDeclareUnitFull) {
    // The head of the PDU declares its teams, or the PDU itself, over capacity.
    if (who.role != Role::kSeniorManager) return Deny("only a head of PDU declares a unit full");
    if (Has(who.pdu_ids, on.pdu_id)) return Allow("your PDU");
    return Deny("outside your PDU");
  }
  if (action != Action::kReadTeamWorkload && action != Action::kAllocateCase &&
      action != Action::kManageWorkload)
    return Decide(who, action);
  switch (who.role) {
    case Role::kSpo:
      if (on.team_id != 0 && Has(who.team_ids, on.team_id)) return Allow("your team");
      return Deny("outside your teams");
    case Role::kSeniorManager:
      if (Has(who.pdu_ids, on.pdu_id)) return Allow("your PDU");
      return Deny("outside your PDU");
    case Role::kPerformanceAnalyst:
      if (action == Action::kReadTeamWorkload) return Allow("figures");
      return Deny("performance analysts read figures only");
    default:
      return Deny(std::string(ToString(who.role)) + " may not " + ToString(action));
  }
}

Decision Decide(const Principal& who, Action action) {
  switch (action) {
    case Action::kManageOrganisation:
    case Action::kManageAccounts:
    case Action::kReadAccessLog:
      if (who.role == Role::kAdministrator) return Allow("administrator");
      return Deny("only an administrator may " + std::string(ToString(action)));
    case Action::kReadFigures:
      if (who.role == Role::kPerformanceAnalyst || who.role == Role::kSeniorManager ||
          who.role == Role::kSpo || who.role == Role::kAdministrator)
        return Allow("reads figures");
      return Deny(std::string(ToString(who.role)) + " may not read figures");
    default:
      return Deny(std::string(ToString(action)) + " needs a case, team or PDU");
  }
}

}  // namespace probity::access

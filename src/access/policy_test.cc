#include "access/policy.h"

#include <gtest/gtest.h>

namespace probity::access {
namespace {

// Team 10 and 11 are in PDU 1; team 20 in PDU 2.
Principal As(Role role, std::vector<int64_t> teams, std::vector<int64_t> pdus, int64_t staff = 7) {
  Principal p;
  p.staff_id = staff;
  p.role = role;
  p.team_ids = std::move(teams);
  p.pdu_ids = std::move(pdus);
  return p;
}

const CaseAccess kTeam10Case{10, 1, {}, {}};
const CaseAccess kTeam11Case{11, 1, {}, {}};
const CaseAccess kTeam20Case{20, 2, {}, {}};
const CaseAccess kTeam20RecallSent{20, 2, {}, {}, true};

enum Want { kAllow, kDeny, kHide };

TEST(Decide, CaseAccessFollowsRoleAndScope) {
  const Principal po = As(Role::kPractitioner, {10}, {1});
  const Principal spo = As(Role::kSpo, {10}, {1});
  const Principal manager = As(Role::kSeniorManager, {10, 11}, {1});
  const Principal enforcement = As(Role::kEnforcementAdmin, {10}, {1});
  const Principal recall = As(Role::kRecallTeam, {}, {});
  const Principal analyst = As(Role::kPerformanceAnalyst, {10}, {1});
  const Principal admin = As(Role::kAdministrator, {}, {});
  const struct {
    const char* why;
    const Principal& who;
    Action action;
    const CaseAccess& on;
    Want want;
  } cases[] = {
      {"practitioner reads own team's case", po, Action::kReadCase, kTeam10Case, kAllow},
      {"practitioner writes own team's case", po, Action::kWriteCase, kTeam10Case, kAllow},
      {"practitioner: another team's case does not exist", po, Action::kReadCase, kTeam11Case,
       kHide},
      {"practitioner may not countersign", po, Action::kCountersign, kTeam10Case, kDeny},
      {"practitioner may not allocate", po, Action::kAllocateCase, kTeam10Case, kDeny},
      {"SPO countersigns in team", spo, Action::kCountersign, kTeam10Case, kAllow},
      {"SPO allocates in team", spo, Action::kAllocateCase, kTeam10Case, kAllow},
      {"SPO: other team hidden", spo, Action::kReadCase, kTeam11Case, kHide},
      {"senior manager reads anywhere in PDU", manager, Action::kReadCase, kTeam11Case, kAllow},
      {"senior manager: other PDU hidden", manager, Action::kReadCase, kTeam20Case, kHide},
      {"enforcement admin reads in PDU", enforcement, Action::kReadCase, kTeam10Case, kAllow},
      {"enforcement admin enforces in PDU", enforcement, Action::kEnforce, kTeam10Case, kAllow},
      {"enforcement admin does not write contacts", enforcement, Action::kWriteCase, kTeam10Case,
       kDeny},
      {"recall team reads a case with a recall sent to it, anywhere", recall, Action::kReadCase,
       kTeam20RecallSent, kAllow},
      {"recall team decides a recall sent to it", recall, Action::kEnforce, kTeam20RecallSent,
       kAllow},
      {"recall team: a case with no recall sent to it does not exist", recall, Action::kReadCase,
       kTeam20Case, kHide},
      {"recall team does not allocate", recall, Action::kAllocateCase, kTeam20RecallSent, kDeny},
      {"analyst reads no records", analyst, Action::kReadCase, kTeam10Case, kHide},
      {"administrator reads no records", admin, Action::kReadCase, kTeam10Case, kHide},
      {"administrator writes no records, and learns nothing of them", admin, Action::kWriteCase,
       kTeam10Case, kHide},
      {"administrator keeps staff off a case without reading it", admin, Action::kRestrictCase,
       kTeam20Case, kAllow},
      {"SPO restricts cases in team", spo, Action::kRestrictCase, kTeam10Case, kAllow},
      {"practitioner may not restrict", po, Action::kRestrictCase, kTeam10Case, kDeny},
      {"a refusal outside read scope hides rather than denies", spo, Action::kAllocateCase,
       kTeam11Case, kHide},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    const Decision d = Decide(c.who, c.action, c.on);
    EXPECT_EQ(d.allowed, c.want == kAllow) << d.reason;
    EXPECT_EQ(d.hide_existence, c.want == kHide) << d.reason;
    EXPECT_FALSE(d.reason.empty());
  }
}

TEST(Decide, ExclusionHidesACaseEvenFromItsOwnTeamAndManager) {
  const CaseAccess excluded{10, 1, {7}, {}};
  for (Role role : {Role::kPractitioner, Role::kSpo, Role::kSeniorManager, Role::kRecallTeam}) {
    SCOPED_TRACE(ToString(role));
    const Decision d = Decide(As(role, {10}, {1}, 7), Action::kReadCase, excluded);
    EXPECT_FALSE(d.allowed);
    EXPECT_TRUE(d.hide_existence);
  }
  EXPECT_TRUE(Decide(As(Role::kPractitioner, {10}, {1}, 8), Action::kReadCase, excluded));
}

TEST(Decide, RestrictionAdmitsOnlyNamedStaffInScope) {
  const CaseAccess restricted{10, 1, {}, {8}};
  EXPECT_TRUE(Decide(As(Role::kPractitioner, {10}, {1}, 8), Action::kReadCase, restricted));
  const Decision other = Decide(As(Role::kSpo, {10}, {1}, 7), Action::kReadCase, restricted);
  EXPECT_FALSE(other.allowed);
  EXPECT_TRUE(other.hide_existence);
  // Being named does not widen scope: the named person must still reach the case.
  EXPECT_FALSE(Decide(As(Role::kPractitioner, {20}, {2}, 8), Action::kReadCase, restricted));
  EXPECT_TRUE(restricted.restricted());
}

TEST(Decide, OrganisationAccountsAndAccessLogAreForAdministrators) {
  for (Action a : {Action::kManageOrganisation, Action::kManageAccounts, Action::kReadAccessLog}) {
    SCOPED_TRACE(ToString(a));
    EXPECT_TRUE(Decide(As(Role::kAdministrator, {}, {}), a));
    for (Role r : {Role::kPractitioner, Role::kSpo, Role::kSeniorManager, Role::kEnforcementAdmin,
                   Role::kRecallTeam, Role::kPerformanceAnalyst})
      EXPECT_FALSE(Decide(As(r, {10}, {1}), a)) << ToString(r);
  }
}

TEST(Decide, FiguresAndWorkloadByUnit) {
  EXPECT_TRUE(Decide(As(Role::kPerformanceAnalyst, {}, {}), Action::kReadFigures));
  EXPECT_FALSE(Decide(As(Role::kPractitioner, {10}, {1}), Action::kReadFigures));
  EXPECT_TRUE(Decide(As(Role::kSpo, {10}, {1}), Action::kReadTeamWorkload, UnitAccess{10, 1}));
  EXPECT_FALSE(Decide(As(Role::kSpo, {10}, {1}), Action::kReadTeamWorkload, UnitAccess{11, 1}));
  EXPECT_TRUE(
      Decide(As(Role::kSeniorManager, {10}, {1}), Action::kAllocateCase, UnitAccess{11, 1}));
  EXPECT_FALSE(
      Decide(As(Role::kSeniorManager, {10}, {1}), Action::kAllocateCase, UnitAccess{20, 2}));
  EXPECT_FALSE(
      Decide(As(Role::kPractitioner, {10}, {1}), Action::kAllocateCase, UnitAccess{10, 1}));
}

TEST(Decide, TheTeamsSpoAndTheHeadOfItsPduManageAPractitionersWorkload) {
  EXPECT_TRUE(Decide(As(Role::kSpo, {10}, {1}), Action::kManageWorkload, UnitAccess{10, 1}));
  EXPECT_FALSE(Decide(As(Role::kSpo, {10}, {1}), Action::kManageWorkload, UnitAccess{11, 1}));
  EXPECT_TRUE(
      Decide(As(Role::kSeniorManager, {10}, {1}), Action::kManageWorkload, UnitAccess{11, 1}));
  EXPECT_FALSE(
      Decide(As(Role::kPractitioner, {10}, {1}), Action::kManageWorkload, UnitAccess{10, 1}));
  EXPECT_FALSE(
      Decide(As(Role::kPerformanceAnalyst, {}, {}), Action::kManageWorkload, UnitAccess{10, 1}));
  EXPECT_EQ(ScopeOf(As(Role::kSpo, {10}, {1}), Action::kManageWorkload).kind,
            CaseScope::Kind::kNone);
}

TEST(Decide, OnlyTheHeadOfThePduDeclaresItsUnitsFull) {
  const auto head = As(Role::kSeniorManager, {10}, {1});
  EXPECT_TRUE(Decide(head, Action::kDeclareUnitFull, UnitAccess{11, 1}));  // a team of the PDU
  EXPECT_TRUE(Decide(head, Action::kDeclareUnitFull, UnitAccess{0, 1}));   // the PDU itself
  EXPECT_FALSE(Decide(head, Action::kDeclareUnitFull, UnitAccess{20, 2}));
  EXPECT_FALSE(Decide(As(Role::kSpo, {10}, {1}), Action::kDeclareUnitFull, UnitAccess{10, 1}));
  EXPECT_FALSE(
      Decide(As(Role::kAdministrator, {}, {}), Action::kDeclareUnitFull, UnitAccess{10, 1}));
  EXPECT_EQ(ScopeOf(head, Action::kDeclareUnitFull).kind, CaseScope::Kind::kNone);
}

TEST(ScopeOf, ListsMatchTheReachOfOneCase) {
  const auto po = As(Role::kPractitioner, {10}, {1});
  const auto manager = As(Role::kSeniorManager, {10, 11}, {1});
  EXPECT_EQ(ScopeOf(po, Action::kReadCase).kind, CaseScope::Kind::kTeams);
  EXPECT_EQ(ScopeOf(po, Action::kReadCase).ids, std::vector<int64_t>{10});
  EXPECT_EQ(ScopeOf(po, Action::kAllocateCase).kind, CaseScope::Kind::kNone);
  EXPECT_EQ(ScopeOf(manager, Action::kReadCase).kind, CaseScope::Kind::kPdus);
  EXPECT_EQ(ScopeOf(As(Role::kRecallTeam, {}, {}), Action::kReadCase).kind, CaseScope::Kind::kNone);
  EXPECT_EQ(ScopeOf(As(Role::kAdministrator, {}, {}), Action::kReadCase).kind,
            CaseScope::Kind::kNone);
}

}  // namespace
}  // namespace probity::access

// Who people are to Probity: grades, roles, staff, accounts and the signed-in principal.
// Value types only; no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace probity::access {

// A member of staff's grade (what they are qualified to do), distinct from their account role.
enum class Grade { kPo, kPso, kPqip, kSpo, kSeniorManager, kAdministrative };

// What an account may do. FROZEN text forms: stored and in events.
enum class Role {
  kPractitioner,
  kSpo,
  kSeniorManager,
  kEnforcementAdmin,
  kRecallTeam,
  kPerformanceAnalyst,
  kAdministrator,
};

std::string_view ToString(
    Grade g);  // "po", "pso", "pqip", "spo", "senior_manager", "administrative"
std::string_view ToString(Role r);  // "practitioner", "spo", "senior_manager", ...
std::optional<Grade> ParseGrade(std::string_view text);  // accepts the text forms, any case
std::optional<Role> ParseRole(std::string_view text);
std::string GradeChoices();  // "po, pso, ..." for error messages
std::string RoleChoices();

struct Staff {
  int64_t id = 0;
  std::string name;
  Grade grade = Grade::kPo;
  int contracted_minutes = 37 * 60;         // per week
  std::optional<std::string> start_date;    // YYYY-MM-DD
  std::optional<std::string> qualified_on;  // YYYY-MM-DD: newly qualified officers and trainees
  std::vector<std::string> team_codes;
};

struct Account {
  int64_t id = 0;
  int64_t staff_id = 0;
  std::string username;
  Role role = Role::kPractitioner;
  bool disabled = false;
  int version = 1;
};

// The signed-in person a request acts for, with the scope their teams give them.
struct Principal {
  int64_t account_id = 0;
  int64_t staff_id = 0;
  std::string username;
  std::string name;
  Role role = Role::kPractitioner;
  std::vector<int64_t> team_ids;
  std::vector<int64_t> pdu_ids;  // the PDUs of those teams
  std::string csrf_token;        // set when authenticated by a session cookie
  bool via_session = false;      // cookie (needs CSRF on writes) rather than a bearer token

  // The actor id recorded in the event log: "staff:<id>".
  std::string ActorId() const { return "staff:" + std::to_string(staff_id); }
};

}  // namespace probity::access

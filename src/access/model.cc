#include "access/model.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace probity::access {

namespace {
constexpr std::array<std::pair<Grade, std::string_view>, 6> kGrades{{
    {Grade::kPo, "po"},
    {Grade::kPso, "pso"},
    {Grade::kPqip, "pqip"},
    {Grade::kSpo, "spo"},
    {Grade::kSeniorManager, "senior_manager"},
    {Grade::kAdministrative, "administrative"},
}};
constexpr std::array<std::pair<Role, std::string_view>, 7> kRoles{{
    {Role::kPractitioner, "practitioner"},
    {Role::kSpo, "spo"},
    {Role::kSeniorManager, "senior_manager"},
    {Role::kEnforcementAdmin, "enforcement_admin"},
    {Role::kRecallTeam, "recall_team"},
    {Role::kPerformanceAnalyst, "performance_analyst"},
    {Role::kAdministrator, "administrator"},
}};

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

template <class Enum, size_t N>
std::optional<Enum> Parse(const std::array<std::pair<Enum, std::string_view>, N>& table,
                          std::string_view text) {
  const std::string lower = Lower(text);
  for (const auto& [value, name] : table)
    if (name == lower) return value;
  return std::nullopt;
}

template <class Enum, size_t N>
std::string_view Name(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum e) {
  for (const auto& [value, name] : table)
    if (value == e) return name;
  return "unknown";
}

template <class Enum, size_t N>
std::string Choices(const std::array<std::pair<Enum, std::string_view>, N>& table) {
  std::string out;
  for (const auto& [value, name] : table) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}
}  // namespace

std::string_view ToString(Grade g) { return Name(kGrades, g); }
std::string_view ToString(Role r) { return Name(kRoles, r); }
std::optional<Grade> ParseGrade(std::string_view text) { return Parse(kGrades, text); }
std::optional<Role> ParseRole(std::string_view text) { return Parse(kRoles, text); }
std::string GradeChoices() { return Choices(kGrades); }
std::string RoleChoices() { return Choices(kRoles); }

}  // namespace probity::access

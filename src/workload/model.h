// Workload model (DESIGN section 6, shared/reference/workload.md): case types, the 16 tiers, the
// default weightings, report weights and the nominal target. Pure values; never reads a store.
// The weightings are a value so an administrator can later version them.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace probity::workload {

enum class CaseType { kCommunity, kCustody, kLicence };

// The 16 tier codes in table order: A3 A2 A1 A0 B3 ... D0.
inline constexpr std::array<std::string_view, 16> kTierCodes = {
    "A3", "A2", "A1", "A0", "B3", "B2", "B1", "B0", "C3", "C2", "C1", "C0", "D3", "D2", "D1", "D0"};

// Index 0..15 into kTierCodes, or nullopt for an unknown code.
std::optional<int> TierIndex(std::string_view code);
std::optional<CaseType> ParseCaseType(std::string_view code);
std::string_view CaseTypeCode(CaseType type);

using Row = std::array<int64_t, 16>;

struct Weightings {
  Row community, custody, licence, young_adult;
  int64_t standard_report = 138;
  int64_t fast_report = 65;
};

// The default table of the Workload Management Tool.
Weightings DefaultWeightings();

inline constexpr int64_t kNominalTarget = 2176;
inline constexpr int64_t kDefaultHours = 37;

}  // namespace probity::workload

// The tier of a case: a protect level A-D (how much harm the person may cause, from RSR, ROSH,
// MAPPA and complexity) and a change level 0-3 (how much there is to change, from needs, OGRS3
// and integrated offender management), written "B2". Implemented exactly as shared reference
// risk.md; docs/risk.md sets the rules out. With the tier comes every item that gave it points,
// so a page can answer "why is this case B2?".
//
// RSR is compared with its thresholds as an exact Decimal (risk/decimal.h), never a double.
// Pure: value types in, a tier out; no I/O, no clock.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "risk/decimal.h"
#include "risk/model.h"

namespace probity::risk {

// Risk of serious harm levels.
enum class Rosh { kLow, kMedium, kHigh, kVeryHigh };
std::span<const Term> RoshLevels();  // low, medium, high, very_high (FROZEN) with labels
const char* ToString(Rosh level);
std::optional<Rosh> ParseRosh(std::string_view code);

// The ten registrations that add to protect points, each counted once.
enum class Complexity {
  kMentalHealth,
  kSelfHarm,
  kVulnerable,
  kCaredForChild,
  kChildProtection,
  kChildConcerns,
  kPublicInterest,
  kAdultAtRisk,
  kStreetGangs,
  kTerrorism,
};
// mental_health, self_harm, vulnerable, cared_for_child, child_protection, child_concerns,
// public_interest, adult_at_risk, street_gangs, terrorism (FROZEN: the calculator's API), in
// that order, with labels.
std::span<const Term> Complexities();
const Term& TermOf(Complexity c);
std::optional<Complexity> ParseComplexity(std::string_view code);

// The eight criminogenic needs of a needs assessment, and how much each weighs.
enum class Need {
  kAccommodation,
  kEducationTrainingEmployment,
  kRelationships,
  kLifestyle,
  kDrugs,
  kAlcohol,
  kThinkingAndBehaviour,
  kAttitudes,
};
inline constexpr size_t kNeedCount = 8;
struct NeedInfo {
  Need need;
  std::string_view code;  // FROZEN: "education_training_employment", "thinking_and_behaviour"
  std::string_view label;
  int weight;  // thinking and behaviour 2, attitudes 2, the others 1
};
std::span<const NeedInfo> Needs();  // in the order of the enum
const NeedInfo& InfoOf(Need need);
std::optional<Need> ParseNeed(std::string_view code);

enum class Severity { kNone, kStandard, kSevere };  // worth 0, 1, 2
std::span<const Term> Severities();                 // none, standard, severe (FROZEN) with labels
const char* ToString(Severity s);
std::optional<Severity> ParseSeverity(std::string_view code);

// One severity per need; all none unless set.
struct NeedsAssessment {
  std::array<Severity, kNeedCount> severity{};
  Severity& operator[](Need n) { return severity[static_cast<size_t>(n)]; }
  Severity operator[](Need n) const { return severity[static_cast<size_t>(n)]; }
};

// RSR's bands (risk.md): under 3 low; 3 to under 6.9 medium; 6.9 and over high. Exact.
enum class RsrBand { kLow, kMedium, kHigh };
const char* ToString(RsrBand band);  // "low", "medium", "high"
RsrBand RsrBandOf(Decimal rsr_percent);

struct TierInput {
  Gender gender = Gender::kMale;
  std::optional<Decimal> rsr_percent;  // nullopt: no RSR recorded (0 points)
  std::optional<Rosh> rosh;            // nullopt: no ROSH assessment (0 points, as low)
  std::optional<int> mappa_level;      // 1, 2 or 3; nullopt: not managed under MAPPA
  std::vector<Complexity> complexity;  // the registrations; a repeated one counts once
  // Women only (ignored for men): +2 each.
  bool parental_responsibilities = false;
  bool impulsivity_or_temper = false;
  bool previous_breach_or_recall = false;
  // A current licence or custody sentence, or a current requirement other than unpaid work.
  bool mandate_for_change = false;
  std::optional<NeedsAssessment> needs;         // nullopt: no needs assessment recorded
  std::optional<int> ogrs3_two_year_percent;    // 0..100; nullopt counts 0
  bool integrated_offender_management = false;  // +2 change points
};

// One line of the working: an item that gave points (or, for the protect level, took away the
// lower of RSR and ROSH). A scale's items add up to its points.
struct TierItem {
  enum class Scale { kProtect, kChange };
  Scale scale = Scale::kProtect;
  // FROZEN codes: "rsr", "rosh", "mappa", "complexity.<id>", "parental_responsibilities",
  // "impulsivity_or_temper", "previous_breach_or_recall", "rsr_rosh_overlap" (protect);
  // "needs.<need>", "ogrs3", "integrated_offender_management", "no_mandate_for_change",
  // "no_needs_assessment" (change).
  std::string code;
  std::string label;  // for a person: "RSR 7.1%", "MAPPA level 2", "Attitudes: severe need"
  int points = 0;
};
const char* ToString(TierItem::Scale scale);  // "protect", "change"

struct Tier {
  char protect_level = 'D';  // 'A' >= 150, 'B' 20-149, 'C' 10-19, 'D' under 10
  int protect_points = 0;
  int change_level = 0;   // 0 no mandate, 2 no needs assessment; else 3 >= 20, 2 10-19, else 1
  int change_points = 0;  // 0 when the level is set by no mandate or no needs assessment
  std::optional<RsrBand> rsr_band;  // of rsr_percent, when one was given
  std::vector<TierItem> breakdown;  // protect items, then change items
  std::string Code() const;         // "B2"
};

char ProtectLevelOf(int protect_points);
int ChangeLevelOf(int change_points);  // for a case with a mandate and a needs assessment

// The tier, or kInvalid naming the field: "rsr_percent" outside 0-100, "mappa_level" other than
// 1-3, "ogrs3_two_year_percent" outside 0-100.
Result<Tier> CalculateTier(const TierInput& in);

}  // namespace probity::risk

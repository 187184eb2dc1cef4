#include "risk/tier.h"

#include <algorithm>

namespace probity::risk {

namespace {
// FROZEN codes, in the order of their enums.
constexpr std::array kComplexities = {
    Term{"mental_health", "Mental health issues"},
    Term{"self_harm", "Risk of self-harm"},
    Term{"vulnerable", "Vulnerable"},
    Term{"cared_for_child", "Cared-for child or care leaver"},
    Term{"child_protection", "Child protection"},
    Term{"child_concerns", "Child concerns"},
    Term{"public_interest", "Public interest"},
    Term{"adult_at_risk", "Adult at risk"},
    Term{"street_gangs", "Street gangs"},
    Term{"terrorism", "Terrorism-related"},
};
constexpr std::array kNeeds = {
    NeedInfo{Need::kAccommodation, "accommodation", "Accommodation", 1},
    NeedInfo{Need::kEducationTrainingEmployment, "education_training_employment",
             "Education, training and employment", 1},
    NeedInfo{Need::kRelationships, "relationships", "Relationships", 1},
    NeedInfo{Need::kLifestyle, "lifestyle", "Lifestyle and associates", 1},
    NeedInfo{Need::kDrugs, "drugs", "Drug misuse", 1},
    NeedInfo{Need::kAlcohol, "alcohol", "Alcohol misuse", 1},
    NeedInfo{Need::kThinkingAndBehaviour, "thinking_and_behaviour", "Thinking and behaviour", 2},
    NeedInfo{Need::kAttitudes, "attitudes", "Attitudes", 2},
};
static_assert(kNeeds.size() == kNeedCount);
constexpr std::array kSeverities = {
    Term{"none", "No need"},
    Term{"standard", "Standard need"},
    Term{"severe", "Severe need"},
};

// risk.md's points and thresholds.
constexpr Decimal kRsrHundred = Decimal::Whole(100);
constexpr Decimal kRsrTwenty = Decimal::Whole(7);                     // 7.0 and over: 20 points
constexpr Decimal kRsrTen = Decimal::Whole(3);                        // 3.0 to under 7.0: 10 points
constexpr Decimal kRsrHighBand = Decimal::FromMillionths(6'900'000);  // 6.9
constexpr int kWomenOnlyPoints = 2;
constexpr int kComplexityPoints = 2;
constexpr int kIomPoints = 2;

template <class Table>
std::optional<size_t> IndexOf(const Table& table, std::string_view code) {
  for (size_t i = 0; i < table.size(); ++i)
    if (table[i].code == code) return i;
  return std::nullopt;
}

int RsrPoints(Decimal rsr) {
  if (rsr >= kRsrTwenty) return 20;
  if (rsr >= kRsrTen) return 10;
  return 0;
}

int RoshPoints(Rosh level) {
  switch (level) {
    case Rosh::kVeryHigh:
      return 150;
    case Rosh::kHigh:
      return 20;
    case Rosh::kMedium:
      return 10;
    case Rosh::kLow:
      return 0;
  }
  return 0;
}

int MappaPoints(int level) { return level >= 2 ? 150 : 5; }

std::string SeverityLabel(Severity s) {
  return s == Severity::kSevere     ? "severe need"
         : s == Severity::kStandard ? "standard need"
                                    : "no need";
}

// Protect items; their points add up to the protect points.
std::vector<TierItem> ProtectItems(const TierInput& in) {
  std::vector<TierItem> items;
  const auto add = [&items](std::string code, std::string label, int points) {
    items.push_back(TierItem{TierItem::Scale::kProtect, std::move(code), std::move(label), points});
  };
  const int rsr = in.rsr_percent ? RsrPoints(*in.rsr_percent) : 0;
  const int rosh = in.rosh ? RoshPoints(*in.rosh) : 0;
  if (in.rsr_percent) add("rsr", "RSR " + FormatDecimal(*in.rsr_percent) + "%", rsr);
  if (in.rosh)
    add("rosh",
        std::string(kFourLevels[static_cast<size_t>(*in.rosh)].label) + " risk of serious harm",
        rosh);
  if (std::min(rsr, rosh) > 0)
    add("rsr_rosh_overlap", "Only the higher of RSR and ROSH counts", -std::min(rsr, rosh));
  if (in.mappa_level)
    add("mappa", "MAPPA level " + std::to_string(*in.mappa_level), MappaPoints(*in.mappa_level));

  std::array<bool, kComplexities.size()> seen{};
  for (Complexity c : in.complexity) {
    const auto i = static_cast<size_t>(c);
    if (seen[i]) continue;
    seen[i] = true;
    add("complexity." + std::string(kComplexities[i].code), std::string(kComplexities[i].label),
        kComplexityPoints);
  }

  if (in.gender == Gender::kFemale) {
    if (in.parental_responsibilities)
      add("parental_responsibilities", "Parental responsibilities", kWomenOnlyPoints);
    if (in.impulsivity_or_temper)
      add("impulsivity_or_temper", "Impulsivity or temper problems", kWomenOnlyPoints);
    if (in.previous_breach_or_recall)
      add("previous_breach_or_recall", "A previous breach or recall", kWomenOnlyPoints);
  }
  return items;
}

// Change items, and the level when a rule sets it without points.
std::vector<TierItem> ChangeItems(const TierInput& in, std::optional<int>& fixed_level) {
  std::vector<TierItem> items;
  const auto add = [&items](std::string code, std::string label, int points) {
    items.push_back(TierItem{TierItem::Scale::kChange, std::move(code), std::move(label), points});
  };
  if (!in.mandate_for_change) {
    fixed_level = 0;
    add("no_mandate_for_change",
        "No mandate for change (no current licence or custody, no requirement but unpaid work)", 0);
    return items;
  }
  if (!in.needs) {
    fixed_level = 2;
    add("no_needs_assessment", "No needs assessment recorded", 0);
    return items;
  }
  for (const auto& need : kNeeds) {
    const Severity s = (*in.needs)[need.need];
    if (s == Severity::kNone) continue;
    add("needs." + std::string(need.code), std::string(need.label) + ": " + SeverityLabel(s),
        need.weight * static_cast<int>(s));
  }
  if (in.ogrs3_two_year_percent)
    add("ogrs3", "OGRS3 " + std::to_string(*in.ogrs3_two_year_percent) + "% over two years",
        *in.ogrs3_two_year_percent / 10);
  if (in.integrated_offender_management)
    add("integrated_offender_management", "Managed under integrated offender management",
        kIomPoints);
  return items;
}

int Sum(const std::vector<TierItem>& items) {
  int total = 0;
  for (const auto& item : items) total += item.points;
  return total;
}
}  // namespace

std::span<const Term> RoshLevels() { return kFourLevels; }
const char* ToString(Rosh level) { return kFourLevels[static_cast<size_t>(level)].code.data(); }
std::optional<Rosh> ParseRosh(std::string_view code) {
  if (auto i = IndexOf(kFourLevels, code)) return static_cast<Rosh>(*i);
  return std::nullopt;
}

std::span<const Term> Complexities() { return kComplexities; }
const Term& TermOf(Complexity c) { return kComplexities[static_cast<size_t>(c)]; }
std::optional<Complexity> ParseComplexity(std::string_view code) {
  if (auto i = IndexOf(kComplexities, code)) return static_cast<Complexity>(*i);
  return std::nullopt;
}

std::span<const NeedInfo> Needs() { return kNeeds; }
const NeedInfo& InfoOf(Need need) { return kNeeds[static_cast<size_t>(need)]; }
std::optional<Need> ParseNeed(std::string_view code) {
  if (auto i = IndexOf(kNeeds, code)) return static_cast<Need>(*i);
  return std::nullopt;
}

std::span<const Term> Severities() { return kSeverities; }
const char* ToString(Severity s) { return kSeverities[static_cast<size_t>(s)].code.data(); }
std::optional<Severity> ParseSeverity(std::string_view code) {
  if (auto i = IndexOf(kSeverities, code)) return static_cast<Severity>(*i);
  return std::nullopt;
}

const char* ToString(RsrBand band) {
  return band == RsrBand::kHigh ? "high" : band == RsrBand::kMedium ? "medium" : "low";
}

RsrBand RsrBandOf(Decimal rsr_percent) {
  if (rsr_percent >= kRsrHighBand) return RsrBand::kHigh;
  if (rsr_percent >= kRsrTen) return RsrBand::kMedium;
  return RsrBand::kLow;
}

const char* ToString(TierItem::Scale scale) {
  return scale == TierItem::Scale::kChange ? "change" : "protect";
}

std::string Tier::Code() const {
  return std::string(1, protect_level) + std::to_string(change_level);
}

char ProtectLevelOf(int protect_points) {
  if (protect_points >= 150) return 'A';
  if (protect_points >= 20) return 'B';
  if (protect_points >= 10) return 'C';
  return 'D';
}

int ChangeLevelOf(int change_points) {
  if (change_points >= 20) return 3;
  if (change_points >= 10) return 2;
  return 1;
}

Result<Tier> CalculateTier(const TierInput& in) {
  if (in.rsr_percent && (*in.rsr_percent < Decimal::Whole(0) || *in.rsr_percent > kRsrHundred))
    return Error::Invalid("out_of_range", "rsr_percent must be from 0 to 100", "rsr_percent");
  if (in.mappa_level && (*in.mappa_level < 1 || *in.mappa_level > 3))
    return Error::Invalid("out_of_range", "mappa_level must be 1, 2 or 3 (or null for none)",
                          "mappa_level");
  if (in.ogrs3_two_year_percent &&
      (*in.ogrs3_two_year_percent < 0 || *in.ogrs3_two_year_percent > 100))
    return Error::Invalid("out_of_range", "ogrs3_two_year_percent must be from 0 to 100",
                          "ogrs3_two_year_percent");

  Tier tier;
  if (in.rsr_percent) tier.rsr_band = RsrBandOf(*in.rsr_percent);
  tier.breakdown = ProtectItems(in);
  tier.protect_points = Sum(tier.breakdown);
  tier.protect_level = ProtectLevelOf(tier.protect_points);

  std::optional<int> fixed_level;
  auto change = ChangeItems(in, fixed_level);
  tier.change_points = Sum(change);
  tier.change_level = fixed_level ? *fixed_level : ChangeLevelOf(tier.change_points);
  tier.breakdown.insert(tier.breakdown.end(), change.begin(), change.end());
  return tier;
}

}  // namespace probity::risk

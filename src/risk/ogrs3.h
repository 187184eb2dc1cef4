// OGRS3, the Offender Group Reconviction Scale version 3: the published logistic model of the
// chance of proven reoffending within one and two years of the start of follow-up, from static
// facts (gender, age, criminal history, offence). Implemented exactly as shared reference risk.md;
// docs/risk.md sets it out with its working.
//
//   S = ageGender + sanctionStatus + copas + offenceWeight
//   copas = 1.251124464 x ln(totalSanctions / (10 + ageAtConviction - ageAtFirstSanction))
//   P(1 year) = logistic(1.402562384 + S), P(2 years) = logistic(2.121705678 + S)
//
// Pure: value types in, a score (with every term of its working) out; no I/O, no clock.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "core/date.h"
#include "core/result.h"
#include "risk/model.h"

namespace probity::risk {

// The twenty offence groups of risk.md, in its order.
enum class OffenceGroup {
  kViolence,
  kRobbery,
  kPublicOrder,
  kSexualNotChild,
  kSexualChild,
  kSolicitingProstitution,
  kBurglaryDomestic,
  kBurglaryOther,
  kTheftNonMotor,
  kHandlingStolenGoods,
  kFraudForgery,
  kAbscondingBail,
  kTakingDrivingAway,
  kTheftFromVehicles,
  kDrinkDriving,
  kOtherMotoring,
  kCriminalDamage,
  kDrugImportExportProduction,
  kDrugPossessionSupply,
  kOtherOffence,
};

struct OffenceGroupInfo {
  OffenceGroup group;
  std::string_view code;   // FROZEN, the API's: "soliciting_prostitution"; the same codes as
                           // cases::OffenceGroups(), so a recorded offence group scores as it is
  std::string_view label;  // "Soliciting or prostitution"
  double weight;           // OGRS3's offence weight
};

// All twenty, in risk.md's order (for a page's choices).
std::span<const OffenceGroupInfo> OffenceGroups();
const OffenceGroupInfo& InfoOf(OffenceGroup group);
// The group with that code, exactly; nullopt for any other text.
std::optional<OffenceGroup> ParseOffenceGroup(std::string_view code);

struct Ogrs3Input {
  Gender gender = Gender::kMale;
  Date date_of_birth{};
  Date conviction_date{};   // of the current conviction
  Date follow_up_start{};   // the sentence date for a community sentence, release from custody
  int total_sanctions = 1;  // including the current one
  int age_at_first_sanction = 0;
  OffenceGroup offence_group = OffenceGroup::kViolence;
};

// On the two-year percentage: 0-49 low, 50-74 medium, 75-89 high, 90 and over very high.
enum class Ogrs3Band { kLow, kMedium, kHigh, kVeryHigh };
const char* ToString(Ogrs3Band band);  // "low", "medium", "high", "very_high" (FROZEN: the API)
const char* LabelOf(Ogrs3Band band);   // "Low", "Medium", "High", "Very high"
Ogrs3Band BandOf(int two_year_percent);

// Every step of the sum, so a page can show how the score was reached.
struct Ogrs3Working {
  int age_at_conviction = 0;   // whole years on the conviction date
  int age_at_follow_up = 0;    // whole years on the day follow-up starts
  std::string_view age_band;   // of age_at_follow_up: "10-11" ... "40-49", "50+"
  double age_gender = 0;       // the age band's coefficient for the gender
  double sanction_status = 0;  // 0.126142106 for a first sanction, else 0.463062792
  // totalSanctions / (10 + ageAtConviction - ageAtFirstSanction), the Copas rate's ratio
  double copas_ratio = 0;
  double copas = 0;                 // 1.251124464 x ln(copas_ratio)
  double offence_weight = 0;        // the offence group's weight
  double score = 0;                 // S, the sum of the four terms
  double one_year_probability = 0;  // logistic(1.402562384 + S), 0..1, before rounding
  double two_year_probability = 0;  // logistic(2.121705678 + S)
};

struct Ogrs3Score {
  int one_year_percent = 0;  // whole percentages, half up, clamped to 1..99
  int two_year_percent = 0;
  Ogrs3Band band = Ogrs3Band::kLow;  // of two_year_percent
  Ogrs3Working working;
};

// A probability (0..1) as OGRS3 reports it: a whole percentage, half up, clamped to 1..99.
int Ogrs3Percent(double probability);

// The score, or kInvalid naming the field at fault (risk.md's invalid input, plus first sanctions
// before the age of criminal responsibility):
//   "conviction_date": the person was under 10 on it (or it precedes date_of_birth);
//   "follow_up_start": before conviction_date;
//   "total_sanctions": under 1;
//   "age_at_first_sanction": under 10, or over the age at conviction.
Result<Ogrs3Score> ScoreOgrs3(const Ogrs3Input& in);

}  // namespace probity::risk

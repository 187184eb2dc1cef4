#include "risk/ogrs3.h"

#include <array>
#include <cmath>
#include <string>

namespace probity::risk {

namespace {
// The coefficients of shared reference risk.md, to the digit.
constexpr double kCopasFactor = 1.251124464;
constexpr double kFirstSanction = 0.126142106;
constexpr double kLaterSanction = 0.463062792;
constexpr double kOneYearIntercept = 1.402562384;
constexpr double kTwoYearIntercept = 2.121705678;
// The age of criminal responsibility in England and Wales, which the Copas rate assumes.
constexpr int kYoungestAge = 10;

struct AgeBand {
  int from;  // the band's youngest age; it runs to the next band's less one
  std::string_view label;
  double male;
  double female;
};

constexpr std::array kAgeBands = {
    AgeBand{10, "10-11", 0, -0.785038489},
    AgeBand{12, "12-13", 0.083922902, -0.613852078},
    AgeBand{14, "14-15", 0.075775765, -0.669521331},
    AgeBand{16, "16-17", -0.061594199, -0.959179629},
    AgeBand{18, "18-20", -0.625103618, -0.897480934},
    AgeBand{21, "21-24", -1.051515067, -1.028488454},
    AgeBand{25, "25-29", -1.166679288, -1.052777806},
    AgeBand{30, "30-34", -1.325976554, -1.129127959},
    AgeBand{35, "35-39", -1.368045933, -1.42187494},
    AgeBand{40, "40-49", -1.499690953, -1.524652221},
    AgeBand{50, "50+", -2.025261458, -2.44983716},
};

// FROZEN codes: the same as cases::OffenceGroups() (ogrs3_test.cc checks it).
constexpr std::array kOffenceGroups = {
    OffenceGroupInfo{OffenceGroup::kViolence, "violence", "Violence against the person", 0},
    OffenceGroupInfo{OffenceGroup::kRobbery, "robbery", "Robbery", -0.634795912},
    OffenceGroupInfo{OffenceGroup::kPublicOrder, "public_order", "Public order", 0.181917975},
    OffenceGroupInfo{OffenceGroup::kSexualNotChild, "sexual_not_child",
                     "Sexual (not against a child)", 0.003276327},
    OffenceGroupInfo{OffenceGroup::kSexualChild, "sexual_child", "Sexual (against a child)",
                     -0.653434071},
    OffenceGroupInfo{OffenceGroup::kSolicitingProstitution, "soliciting_prostitution",
                     "Soliciting or prostitution", 0.760608858},
    OffenceGroupInfo{OffenceGroup::kBurglaryDomestic, "burglary_domestic", "Burglary (domestic)",
                     -0.12394352},
    OffenceGroupInfo{OffenceGroup::kBurglaryOther, "burglary_other", "Burglary (other)",
                     0.240604429},
    OffenceGroupInfo{OffenceGroup::kTheftNonMotor, "theft_non_motor", "Theft (non-motor)",
                     0.661244321},
    OffenceGroupInfo{OffenceGroup::kHandlingStolenGoods, "handling_stolen_goods",
                     "Handling stolen goods", 0.351866973},
    OffenceGroupInfo{OffenceGroup::kFraudForgery, "fraud_forgery", "Fraud and forgery",
                     0.159910192},
    OffenceGroupInfo{OffenceGroup::kAbscondingBail, "absconding_bail",
                     "Absconding or bail offences", 0.733378677},
    OffenceGroupInfo{OffenceGroup::kTakingDrivingAway, "taking_driving_away",
                     "Taking and driving away and related", 0.380059431},
    OffenceGroupInfo{OffenceGroup::kTheftFromVehicles, "theft_from_vehicles", "Theft from vehicles",
                     0.427225615},
    OffenceGroupInfo{OffenceGroup::kDrinkDriving, "drink_driving", "Drink driving", 0.262228428},
    OffenceGroupInfo{OffenceGroup::kOtherMotoring, "other_motoring", "Other motoring",
                     -0.121439408},
    OffenceGroupInfo{OffenceGroup::kCriminalDamage, "criminal_damage", "Criminal damage",
                     0.204960477},
    OffenceGroupInfo{OffenceGroup::kDrugImportExportProduction, "drug_import_export_production",
                     "Drug import, export or production", -0.795556373},
    OffenceGroupInfo{OffenceGroup::kDrugPossessionSupply, "drug_possession_supply",
                     "Drug possession or supply", 0.077165871},
    OffenceGroupInfo{OffenceGroup::kOtherOffence, "other_offence", "Other offence", -0.060667525},
};

const AgeBand& BandForAge(int age) {
  size_t i = 0;
  while (i + 1 < kAgeBands.size() && age >= kAgeBands[i + 1].from) ++i;
  return kAgeBands[i];
}

double Logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }
}  // namespace

std::span<const OffenceGroupInfo> OffenceGroups() { return kOffenceGroups; }

const OffenceGroupInfo& InfoOf(OffenceGroup group) {
  return kOffenceGroups[static_cast<size_t>(group)];
}

std::optional<OffenceGroup> ParseOffenceGroup(std::string_view code) {
  for (const auto& info : kOffenceGroups)
    if (info.code == code) return info.group;
  return std::nullopt;
}

const char* ToString(Ogrs3Band band) { return kFourLevels[static_cast<size_t>(band)].code.data(); }
const char* LabelOf(Ogrs3Band band) { return kFourLevels[static_cast<size_t>(band)].label.data(); }

Ogrs3Band BandOf(int two_year_percent) {
  if (two_year_percent >= 90) return Ogrs3Band::kVeryHigh;
  if (two_year_percent >= 75) return Ogrs3Band::kHigh;
  if (two_year_percent >= 50) return Ogrs3Band::kMedium;
  return Ogrs3Band::kLow;
}

int Ogrs3Percent(double probability) {
  const double percent = std::floor(probability * 100.0 + 0.5);
  if (!(percent >= 1.0)) return 1;  // NaN as well
  if (percent > 99.0) return 99;
  return static_cast<int>(percent);
}

Result<Ogrs3Score> ScoreOgrs3(const Ogrs3Input& in) {
  const int age_at_conviction = WholeYears(in.date_of_birth, in.conviction_date);
  if (age_at_conviction < kYoungestAge)
    return Error::Invalid("too_young",
                          "the person was " + std::to_string(age_at_conviction) +
                              " on conviction_date; OGRS3 scores convictions at 10 or older "
                              "(check conviction_date and date_of_birth)",
                          "conviction_date");
  if (in.follow_up_start < in.conviction_date)
    return Error::Invalid("before_conviction",
                          "follow_up_start " + FormatDate(in.follow_up_start) +
                              " is before conviction_date " + FormatDate(in.conviction_date),
                          "follow_up_start");
  if (in.total_sanctions < 1)
    return Error::Invalid("out_of_range",
                          "total_sanctions counts the current sanction too, so it is 1 or more",
                          "total_sanctions");
  if (in.age_at_first_sanction < kYoungestAge)
    return Error::Invalid("out_of_range",
                          "age_at_first_sanction must be 10 or more (the age of criminal "
                          "responsibility)",
                          "age_at_first_sanction");
  if (in.age_at_first_sanction > age_at_conviction)
    return Error::Invalid("after_conviction",
                          "age_at_first_sanction " + std::to_string(in.age_at_first_sanction) +
                              " is over the age at conviction, " +
                              std::to_string(age_at_conviction),
                          "age_at_first_sanction");

  Ogrs3Working w;
  w.age_at_conviction = age_at_conviction;
  w.age_at_follow_up = WholeYears(in.date_of_birth, in.follow_up_start);
  const AgeBand& band = BandForAge(w.age_at_follow_up);
  w.age_band = band.label;
  w.age_gender = in.gender == Gender::kFemale ? band.female : band.male;
  w.sanction_status = in.total_sanctions == 1 ? kFirstSanction : kLaterSanction;
  w.copas_ratio = static_cast<double>(in.total_sanctions) /
                  static_cast<double>(10 + age_at_conviction - in.age_at_first_sanction);
  w.copas = kCopasFactor * std::log(w.copas_ratio);
  w.offence_weight = InfoOf(in.offence_group).weight;
  w.score = w.age_gender + w.sanction_status + w.copas + w.offence_weight;
  w.one_year_probability = Logistic(kOneYearIntercept + w.score);
  w.two_year_probability = Logistic(kTwoYearIntercept + w.score);

  Ogrs3Score out;
  out.one_year_percent = Ogrs3Percent(w.one_year_probability);
  out.two_year_percent = Ogrs3Percent(w.two_year_probability);
  out.band = BandOf(out.two_year_percent);
  out.working = w;
  return out;
}

}  // namespace probity::risk

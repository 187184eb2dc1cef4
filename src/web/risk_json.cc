#include "web/risk_json.h"

#include <array>
#include <string>

#include "web/json_input.h"

namespace probity::web {

namespace {
using nlohmann::json;

constexpr std::array<const char*, 7> kOgrs3Fields = {
    "gender",          "date_of_birth",         "conviction_date", "follow_up_start",
    "total_sanctions", "age_at_first_sanction", "offence_group"};
constexpr std::array<const char*, 12> kTierFields = {"gender",
                                                     "rsr_percent",
                                                     "rosh",
                                                     "mappa_level",
                                                     "complexity",
                                                     "parental_responsibilities",
                                                     "impulsivity_or_temper",
                                                     "previous_breach_or_recall",
                                                     "mandate_for_change",
                                                     "needs",
                                                     "ogrs3_two_year_percent",
                                                     "integrated_offender_management"};

// "a, b, c" from a table of codes.
template <class Table>
std::string CodesOf(const Table& table) {
  std::string out;
  for (const auto& entry : table) out += (out.empty() ? "" : ", ") + std::string(entry.code);
  return out;
}

Error NotOneOf(const std::string& field, const std::string& choices) {
  return Error::Invalid("invalid_field", field + " must be one of: " + choices, field);
}

// A required code parsed by `parse`, naming `field` when it is missing, not text or unknown.
template <class Parse>
auto RequiredCode(const json& body, const char* field, Parse parse, const std::string& choices)
    -> Result<typename decltype(parse(std::string_view{}))::value_type> {
  auto text = RequiredString(body, field);
  if (!text) return text.error();
  auto value = parse(*text);
  if (!value) return NotOneOf(field, choices);
  return *value;
}

Result<risk::Gender> GenderField(const json& body) {
  return RequiredCode(body, "gender", risk::ParseGender, "male, female");
}

Result<Date> DateField(const json& body, const char* field) {
  auto text = RequiredString(body, field);
  if (!text) return text.error();
  return RequireDate(*text, field);
}

// A percentage as the decimal written: absent or null is nullopt.
Result<std::optional<risk::Decimal>> OptionalPercent(const json& body, const char* field) {
  if (!body.contains(field) || body[field].is_null()) return std::optional<risk::Decimal>();
  if (!body[field].is_number())
    return Error::Invalid("invalid_field", std::string(field) + " must be a number or null", field);
  auto d = risk::DecimalFromDouble(body[field].get<double>());
  if (!d)
    return Error::Invalid("out_of_range", std::string(field) + " must be from 0 to 100", field);
  return std::optional<risk::Decimal>(*d);
}

Result<bool> FlagField(const json& body, const char* field) {
  auto flag = OptionalBool(body, field);
  if (!flag) return flag.error();
  return flag->value_or(false);
}

Result<bool> RequiredFlag(const json& body, const char* field) {
  auto flag = OptionalBool(body, field);
  if (!flag) return flag.error();
  if (!*flag)
    return Error::Invalid("missing_field", std::string(field) + " must be true or false", field);
  return **flag;
}

Result<std::vector<risk::Complexity>> ComplexityField(const json& body) {
  auto codes = StringList(body, "complexity");
  if (!codes) return codes.error();
  std::vector<risk::Complexity> out;
  for (const auto& code : *codes) {
    auto c = risk::ParseComplexity(code);
    if (!c)
      return Error::Invalid("invalid_field",
                            "complexity has '" + code.substr(0, 40) +
                                "', which is not one of: " + CodesOf(risk::Complexities()),
                            "complexity");
    out.push_back(*c);
  }
  return out;
}

// null or absent: no assessment; else an object holding each of the eight needs exactly.
Result<std::optional<risk::NeedsAssessment>> NeedsField(const json& body) {
  if (!body.contains("needs") || body["needs"].is_null())
    return std::optional<risk::NeedsAssessment>();
  const json& needs = body["needs"];
  if (!needs.is_object())
    return Error::Invalid(
        "invalid_field",
        "needs must be null or an object of the eight needs: " + CodesOf(risk::Needs()), "needs");
  for (const auto& [key, value] : needs.items())
    if (!risk::ParseNeed(key))
      return Error::Invalid(
          "unknown_field",
          "needs." + key + " is not a need; the needs are " + CodesOf(risk::Needs()),
          "needs." + key);
  risk::NeedsAssessment out;
  for (const auto& need : risk::Needs()) {
    const std::string field = "needs." + std::string(need.code);
    const std::string choices = CodesOf(risk::Severities());
    if (!needs.contains(need.code) || needs[need.code].is_null())
      return Error::Invalid("missing_field", "enter " + field + ": one of " + choices, field);
    const json& value = needs[need.code];
    auto severity =
        value.is_string() ? risk::ParseSeverity(value.get<std::string>()) : std::nullopt;
    if (!severity) return NotOneOf(field, choices);
    out[need.need] = *severity;
  }
  return std::optional<risk::NeedsAssessment>(out);
}

Result<std::optional<risk::Rosh>> RoshField(const json& body) {
  auto text = OptionalString(body, "rosh");
  if (!text) return text.error();
  if (!*text) return std::optional<risk::Rosh>();
  auto rosh = risk::ParseRosh(**text);
  if (!rosh) return NotOneOf("rosh", CodesOf(risk::RoshLevels()) + " (or null for none)");
  return std::optional<risk::Rosh>(*rosh);
}
}  // namespace

Result<risk::Ogrs3Input> ParseOgrs3Question(const json& body) {
  if (auto s = OnlyFields(body, kOgrs3Fields); !s) return s.error();
  risk::Ogrs3Input in;
  auto gender = GenderField(body);
  if (!gender) return gender.error();
  auto born = DateField(body, "date_of_birth");
  if (!born) return born.error();
  auto convicted = DateField(body, "conviction_date");
  if (!convicted) return convicted.error();
  auto follow_up = DateField(body, "follow_up_start");
  if (!follow_up) return follow_up.error();
  auto sanctions = RequiredInt32(body, "total_sanctions");
  if (!sanctions) return sanctions.error();
  auto first = RequiredInt32(body, "age_at_first_sanction");
  if (!first) return first.error();
  auto group =
      RequiredCode(body, "offence_group", risk::ParseOffenceGroup, CodesOf(risk::OffenceGroups()));
  if (!group) return group.error();
  return risk::Ogrs3Input{*gender, *born, *convicted, *follow_up, *sanctions, *first, *group};
}

json Ogrs3AnswerJson(const risk::Ogrs3Score& score) {
  const auto& w = score.working;
  return {{"one_year_percent", score.one_year_percent},
          {"two_year_percent", score.two_year_percent},
          {"band", risk::ToString(score.band)},
          {"band_label", risk::LabelOf(score.band)},
          {"working",
           {{"age_at_conviction", w.age_at_conviction},
            {"age_at_follow_up", w.age_at_follow_up},
            {"age_band", std::string(w.age_band)},
            {"age_gender", w.age_gender},
            {"sanction_status", w.sanction_status},
            {"copas_ratio", w.copas_ratio},
            {"copas", w.copas},
            {"offence_weight", w.offence_weight},
            {"score", w.score},
            {"one_year_probability", w.one_year_probability},
            {"two_year_probability", w.two_year_probability}}}};
}

Result<risk::TierInput> ParseTierQuestion(const json& body) {
  if (auto s = OnlyFields(body, kTierFields); !s) return s.error();
  risk::TierInput in;
  auto gender = GenderField(body);
  if (!gender) return gender.error();
  in.gender = *gender;
  auto rsr = OptionalPercent(body, "rsr_percent");
  if (!rsr) return rsr.error();
  in.rsr_percent = *rsr;
  auto rosh = RoshField(body);
  if (!rosh) return rosh.error();
  in.rosh = *rosh;
  auto mappa = OptionalInt32(body, "mappa_level");
  if (!mappa) return mappa.error();
  in.mappa_level = *mappa;
  auto complexity = ComplexityField(body);
  if (!complexity) return complexity.error();
  in.complexity = std::move(*complexity);
  for (auto [field, slot] :
       {std::pair{"parental_responsibilities", &in.parental_responsibilities},
        std::pair{"impulsivity_or_temper", &in.impulsivity_or_temper},
        std::pair{"previous_breach_or_recall", &in.previous_breach_or_recall},
        std::pair{"integrated_offender_management", &in.integrated_offender_management}}) {
    auto flag = FlagField(body, field);
    if (!flag) return flag.error();
    *slot = *flag;
  }
  auto mandate = RequiredFlag(body, "mandate_for_change");
  if (!mandate) return mandate.error();
  in.mandate_for_change = *mandate;
  auto needs = NeedsField(body);
  if (!needs) return needs.error();
  in.needs = *needs;
  auto ogrs3 = OptionalInt32(body, "ogrs3_two_year_percent");
  if (!ogrs3) return ogrs3.error();
  in.ogrs3_two_year_percent = *ogrs3;
  return in;
}

json TierAnswerJson(const risk::Tier& tier) {
  json breakdown = json::array();
  for (const auto& item : tier.breakdown)
    breakdown.push_back({{"scale", risk::ToString(item.scale)},
                         {"code", item.code},
                         {"label", item.label},
                         {"points", item.points}});
  return {{"tier", tier.Code()},
          {"protect_level", std::string(1, tier.protect_level)},
          {"protect_points", tier.protect_points},
          {"change_level", tier.change_level},
          {"change_points", tier.change_points},
          {"rsr_band", tier.rsr_band ? json(risk::ToString(*tier.rsr_band)) : json(nullptr)},
          {"breakdown", breakdown}};
}

Result<json> AnswerOgrs3(const json& body) {
  auto in = ParseOgrs3Question(body);
  if (!in) return in.error();
  auto score = risk::ScoreOgrs3(*in);
  if (!score) return score.error();
  return Ogrs3AnswerJson(*score);
}

Result<json> AnswerTier(const json& body) {
  auto in = ParseTierQuestion(body);
  if (!in) return in.error();
  auto tier = risk::CalculateTier(*in);
  if (!tier) return tier.error();
  return TierAnswerJson(*tier);
}

}  // namespace probity::web

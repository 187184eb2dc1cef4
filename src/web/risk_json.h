// The risk calculators' JSON contract, shared by POST /api/v1/calculators/ogrs3 and /tier and by
// `probity calc ogrs3` and `probity calc tier`: the question parsed exactly (every field named
// in errors; a misspelt field, a wrong type or an unknown code is refused, never ignored), the
// answer as JSON. The field names are FROZEN: api/paths/calculators.json describes them.
// No HTTP here and no rules: risk/ogrs3.h and risk/tier.h calculate.
#pragma once

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "risk/ogrs3.h"
#include "risk/tier.h"

namespace probity::web {

// {"gender":"male"|"female", "date_of_birth", "conviction_date", "follow_up_start" (YYYY-MM-DD),
//  "total_sanctions", "age_at_first_sanction" (whole numbers), "offence_group" (a code of
//  risk::OffenceGroups())}, all required. kInvalid naming the field when one is missing, of the
// wrong type, not a real date or an unknown code, or "unknown_field" naming a member outside
// these; "malformed_json" when `body` is not an object.
Result<risk::Ogrs3Input> ParseOgrs3Question(const nlohmann::json& body);

// {"one_year_percent", "two_year_percent", "band", "band_label", "working": {every term}}.
nlohmann::json Ogrs3AnswerJson(const risk::Ogrs3Score& score);

// {"gender" (required), "rsr_percent" (a number or null), "rosh" (low, medium, high, very_high or
//  null), "mappa_level" (1-3 or null), "complexity" (a list of risk::Complexities() codes),
//  "parental_responsibilities", "impulsivity_or_temper", "previous_breach_or_recall" (true or
//  false; absent is false), "mandate_for_change" (true or false, required), "needs" (null, or an
//  object with each of the eight risk::Needs() codes set to none, standard or severe),
//  "ogrs3_two_year_percent" (a whole number or null), "integrated_offender_management" (true or
//  false; absent is false)}. A nullable member may be absent. kInvalid naming the field as for
// OGRS3; a need is named "needs.<code>". An RSR is read as the decimal written (DecimalFromDouble).
Result<risk::TierInput> ParseTierQuestion(const nlohmann::json& body);

// {"tier", "protect_level", "protect_points", "change_level", "change_points", "rsr_band" (or
//  null), "breakdown": [{"scale", "code", "label", "points"}...]}.
nlohmann::json TierAnswerJson(const risk::Tier& tier);

// Parse, calculate and answer; the calculators' kInvalid naming the field.
Result<nlohmann::json> AnswerOgrs3(const nlohmann::json& body);
Result<nlohmann::json> AnswerTier(const nlohmann::json& body);

}  // namespace probity::web

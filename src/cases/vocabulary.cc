#include "cases/vocabulary.h"

#include <algorithm>
#include <array>

namespace probity::cases {

namespace {
// FROZEN codes: add new terms freely, never rename or remove one.
constexpr std::array kGenders = {
    Term{"male", "Male"},
    Term{"female", "Female"},
    Term{"other", "Other"},
    Term{"not_stated", "Not stated"},
};
constexpr std::array kNeedAreas = {
    Term{"accommodation", "Accommodation"},
    Term{"education_training_employment", "Education, training and employment"},
    Term{"finance", "Finance"},
    Term{"relationships", "Relationships"},
    Term{"lifestyle", "Lifestyle and associates"},
    Term{"drugs", "Drug misuse"},
    Term{"alcohol", "Alcohol misuse"},
    Term{"thinking_behaviour", "Thinking and behaviour"},
    Term{"attitudes", "Attitudes"},
    Term{"mental_health", "Mental health"},
    Term{"learning_difficulty", "Learning difficulty"},
};
constexpr std::array kNeedSeverities = {
    Term{"none", "No need"},
    Term{"standard", "Standard need"},
    Term{"severe", "Severe need"},
};
constexpr std::array kAddressStatuses = {
    Term{"main", "Main address"},
    Term{"secondary", "Secondary address"},
    Term{"previous", "Previous address"},
};
constexpr std::array kRegistrationTypes = {
    Term{"rosh", "Risk of serious harm"},
    Term{"mappa", "MAPPA"},
    Term{"domestic_abuse_perpetrator", "Domestic abuse perpetrator"},
    Term{"domestic_abuse_victim", "Domestic abuse victim"},
    Term{"child_protection", "Child protection"},
    Term{"mental_health_issues", "Mental health issues"},
    Term{"self_harm", "Risk of self-harm"},
    Term{"vulnerable", "Vulnerable"},
    Term{"care_leaver", "Cared-for child or care leaver"},
    Term{"child_concerns", "Child concerns"},
    Term{"public_interest", "Public interest"},
    Term{"adult_at_risk", "Adult at risk"},
    Term{"street_gangs", "Street gangs"},
    Term{"terrorism", "Terrorism-related"},
    Term{"parental_responsibilities", "Parental responsibilities"},
    Term{"impulsivity_temper", "Impulsivity or temper problems"},
    Term{"restraining_order", "Restraining order"},
    Term{"weapons", "Weapons"},
};
constexpr std::array kComplexity = {
    std::string_view{"mental_health_issues"}, std::string_view{"self_harm"},
    std::string_view{"vulnerable"},           std::string_view{"care_leaver"},
    std::string_view{"child_protection"},     std::string_view{"child_concerns"},
    std::string_view{"public_interest"},      std::string_view{"adult_at_risk"},
    std::string_view{"street_gangs"},         std::string_view{"terrorism"},
};
constexpr std::array kRoshLevels = {
    Term{"low", "Low"},
    Term{"medium", "Medium"},
    Term{"high", "High"},
    Term{"very_high", "Very high"},
};
constexpr std::array kMappaLevels = {
    Term{"1", "Level 1"},
    Term{"2", "Level 2"},
    Term{"3", "Level 3"},
};
constexpr std::array kMappaCategories = {
    Term{"1", "Category 1: registered sexual offender"},
    Term{"2", "Category 2: violent offender"},
    Term{"3", "Category 3: other dangerous offender"},
    Term{"4", "Category 4: terrorist offender"},
};
constexpr std::array kOffenceGroups = {
    Term{"violence", "Violence against the person"},
    Term{"robbery", "Robbery"},
    Term{"public_order", "Public order"},
    Term{"sexual_not_child", "Sexual (not against a child)"},
    Term{"sexual_child", "Sexual (against a child)"},
    Term{"soliciting_prostitution", "Soliciting or prostitution"},
    Term{"burglary_domestic", "Burglary (domestic)"},
    Term{"burglary_other", "Burglary (other)"},
    Term{"theft_non_motor", "Theft (non-motor)"},
    Term{"handling_stolen_goods", "Handling stolen goods"},
    Term{"fraud_forgery", "Fraud and forgery"},
    Term{"absconding_bail", "Absconding or bail offences"},
    Term{"taking_driving_away", "Taking and driving away and related"},
    Term{"theft_from_vehicles", "Theft from vehicles"},
    Term{"drink_driving", "Drink driving"},
    Term{"other_motoring", "Other motoring"},
    Term{"criminal_damage", "Criminal damage"},
    Term{"drug_import_export_production", "Drug import, export or production"},
    Term{"drug_possession_supply", "Drug possession or supply"},
    Term{"other_offence", "Other offence"},
};
constexpr std::array kSentenceKinds = {
    Term{"community_order", "Community order"},
    Term{"suspended_sentence_order", "Suspended sentence order"},
    Term{"licence", "Licence"},
    Term{"pss", "Post-sentence supervision"},
};
constexpr std::array kCustodyTypes = {
    Term{"standard", "Standard determinate sentence"},
    Term{"extended", "Extended determinate sentence"},
    Term{"indeterminate", "Indeterminate sentence"},
};
constexpr std::array kTerminationReasons = {
    Term{"completed", "Completed"},
    Term{"revoked_resentenced", "Revoked and re-sentenced"},
    Term{"revoked_good_progress", "Revoked for good progress"},
    Term{"recalled", "Recalled to custody"},
    Term{"died", "Died"},
    Term{"transferred_out", "Transferred out of the service"},
    Term{"other", "Other"},
};
constexpr std::array kRequirementTypes = {
    Term{"rehabilitation_activity", "Rehabilitation activity requirement"},
    Term{"unpaid_work", "Unpaid work"},
    Term{"accredited_programme", "Accredited programme"},
    Term{"curfew", "Curfew"},
    Term{"drug_rehabilitation", "Drug rehabilitation"},
    Term{"alcohol_treatment", "Alcohol treatment"},
    Term{"mental_health_treatment", "Mental health treatment"},
    Term{"exclusion", "Exclusion"},
    Term{"prohibited_activity", "Prohibited activity"},
    Term{"residence", "Residence"},
    Term{"attendance_centre", "Attendance centre"},
    Term{"alcohol_abstinence", "Alcohol abstinence and monitoring"},
};
constexpr std::array kRequirementEndReasons = {
    Term{"completed", "Completed"},
    Term{"terminated_by_court", "Terminated by the court"},
    Term{"sentence_ended", "Sentence ended"},
    Term{"other", "Other"},
};
constexpr std::array kLicenceConditionTypes = {
    Term{"standard", "Standard condition"},
    Term{"additional", "Additional condition"},
    Term{"bespoke", "Bespoke condition"},
};
constexpr std::array kContactTypes = {
    Term{"office_visit", "Office visit"},
    Term{"home_visit", "Home visit"},
    Term{"phone_call", "Phone call"},
    Term{"video_call", "Video call"},
    Term{"email", "Email"},
    Term{"text_message", "Text message"},
    Term{"letter", "Letter"},
    Term{"management_oversight", "Management oversight"},
    Term{"three_way_meeting", "Three-way meeting"},
    Term{"partnership_contact", "Contact with a partner agency"},
    Term{"case_note", "Case note"},
};
}  // namespace

Vocabulary Genders() { return kGenders; }
Vocabulary NeedAreas() { return kNeedAreas; }
Vocabulary NeedSeverities() { return kNeedSeverities; }
Vocabulary AddressStatuses() { return kAddressStatuses; }
Vocabulary RegistrationTypes() { return kRegistrationTypes; }
Vocabulary RoshLevels() { return kRoshLevels; }
Vocabulary MappaLevels() { return kMappaLevels; }
Vocabulary MappaCategories() { return kMappaCategories; }
Vocabulary OffenceGroups() { return kOffenceGroups; }
Vocabulary SentenceKinds() { return kSentenceKinds; }
Vocabulary CustodyTypes() { return kCustodyTypes; }
Vocabulary TerminationReasons() { return kTerminationReasons; }
Vocabulary RequirementTypes() { return kRequirementTypes; }
Vocabulary RequirementEndReasons() { return kRequirementEndReasons; }
Vocabulary LicenceConditionTypes() { return kLicenceConditionTypes; }
Vocabulary ContactTypes() { return kContactTypes; }

std::optional<Term> Find(Vocabulary vocabulary, std::string_view code) {
  for (const auto& term : vocabulary)
    if (term.code == code) return term;
  return std::nullopt;
}

bool Has(Vocabulary vocabulary, std::string_view code) {
  return Find(vocabulary, code).has_value();
}

std::string Choices(Vocabulary vocabulary) {
  std::string out;
  for (const auto& term : vocabulary) {
    if (!out.empty()) out += ", ";
    out += term.code;
  }
  return out;
}

std::string_view LabelOf(Vocabulary vocabulary, std::string_view code) {
  if (auto term = Find(vocabulary, code)) return term->label;
  return code;
}

bool IsComplexityRegistration(std::string_view type) {
  return std::find(kComplexity.begin(), kComplexity.end(), type) != kComplexity.end();
}

std::string_view RequirementUnit(std::string_view type) {
  if (type == "unpaid_work" || type == "attendance_centre") return "hours";
  if (type == "rehabilitation_activity") return "days";
  if (type == "accredited_programme") return "sessions";
  return "months";  // curfew, treatment, exclusion, residence...: a duration
}

}  // namespace probity::cases

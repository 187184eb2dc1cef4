#include "web/sentence_json.h"

#include "cases/vocabulary.h"
#include "web/json_output.h"

namespace probity::web {

namespace {
// The label of an optional code, or null.
nlohmann::json LabelOrNull(cases::Vocabulary vocabulary, const std::optional<std::string>& code) {
  return code ? nlohmann::json(cases::LabelOf(vocabulary, *code)) : nlohmann::json(nullptr);
}
}  // namespace

nlohmann::json SentenceJson(const cases::Sentence& s) {
  return {
      {"id", s.id},
      {"kind", s.kind},
      {"kind_label", cases::LabelOf(cases::SentenceKinds(), s.kind)},
      {"court", s.court},
      {"offence", s.offence},
      {"offence_group", s.offence_group},
      {"offence_group_label", cases::LabelOf(cases::OffenceGroups(), s.offence_group)},
      {"sentence_date", s.sentence_date},
      {"length_months", s.length_months},
      {"expected_end", s.expected_end},
      {"release_date", OrNull(s.release_date)},
      {"licence_end", OrNull(s.licence_end)},
      {"custody_type", OrNull(s.custody_type)},
      {"status", s.status},
      {"terminated_on", OrNull(s.terminated_on)},
      {"termination_reason", OrNull(s.termination_reason)},
      {"termination_reason_label", LabelOrNull(cases::TerminationReasons(), s.termination_reason)},
      {"version", s.version}};
}

nlohmann::json RequirementJson(const cases::Requirement& r) {
  return {{"id", r.id},
          {"sentence_id", r.sentence_id},
          {"type", r.type},
          {"type_label", cases::LabelOf(cases::RequirementTypes(), r.type)},
          {"amount", r.amount},
          {"unit", r.unit},
          {"progress", r.progress},
          {"status", r.status},
          {"start_date", r.start_date},
          {"end_date", OrNull(r.end_date)},
          {"end_reason", OrNull(r.end_reason)},
          {"end_reason_label", LabelOrNull(cases::RequirementEndReasons(), r.end_reason)},
          {"version", r.version}};
}

nlohmann::json LicenceConditionJson(const cases::LicenceCondition& c) {
  return {{"id", c.id},
          {"sentence_id", c.sentence_id},
          {"type", c.type},
          {"type_label", cases::LabelOf(cases::LicenceConditionTypes(), c.type)},
          {"description", c.description},
          {"start_date", c.start_date},
          {"end_date", OrNull(c.end_date)},
          {"version", c.version}};
}

}  // namespace probity::web

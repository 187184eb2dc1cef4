#include "web/enforcement_json.h"

#include "web/json_output.h"

namespace probity::web {

namespace {
using nlohmann::json;

json Signed(const std::optional<std::string>& by, const std::optional<std::string>& name,
            const std::optional<UtcTime>& at) {
  if (!by) return nullptr;
  return {{"by", *by}, {"name", name.value_or("")}, {"at", at ? FormatUtc(*at) : ""}};
}

json RuleJson(const enforcement::Rule& r) {
  return {{"decision_at", r.decision_at},
          {"window_months", r.window_months},
          {"due_working_days", r.due_working_days}};
}
}  // namespace

json AlertJson(const enforcement::Alert& a, Date today) {
  return {{"appointment_id", a.appointment_id},       {"same_day", a.same_day},
          {"failure_day", FormatDate(a.failure_day)}, {"nth", a.nth},
          {"kind", enforcement::ToString(a.kind)},    {"due_on", FormatDate(a.due_on)},
          {"state", enforcement::ToString(a.state)},  {"open", a.open()},
          {"overdue", a.open() && a.due_on < today},  {"during_proceedings", a.during_proceedings},
          {"decision_id", OrNull(a.decision_id)},     {"policy_version", a.policy_version}};
}

json DecisionJson(const enforcement::DecisionRecord& d) {
  return {
      {"id", d.decision.id},
      {"sentence_id", d.sentence_id},
      {"appointment_id", d.decision.appointment_id},
      {"kind", enforcement::ToString(d.decision.kind)},
      {"rationale", d.rationale},
      {"respond_by",
       d.decision.respond_by ? json(FormatDate(*d.decision.respond_by)) : json(nullptr)},
      {"decided",
       {{"by", d.decided_by},
        {"name", d.decided_by_name},
        {"at", FormatUtc(d.decision.decided_at)}}},
      {"countersigned", Signed(d.countersigned_by, d.countersigned_by_name, d.countersigned_at)},
      {"endorsed", Signed(d.endorsed_by, d.endorsed_by_name, d.endorsed_at)},
      {"declined", d.declined_by ? json{{"by", *d.declined_by},
                                        {"name", d.declined_by_name.value_or("")},
                                        {"at", d.declined_at ? FormatUtc(*d.declined_at) : ""},
                                        {"note", d.declined_note.value_or("")}}
                                 : json(nullptr)},
      {"version", d.version}};
}

json SentenceEnforcementJson(const app::SentenceEnforcement& s, Date today) {
  json alerts = json::array(), decisions = json::array();
  for (const auto& a : s.evaluation.alerts) alerts.push_back(AlertJson(a, today));
  for (const auto& d : s.decisions) decisions.push_back(DecisionJson(d));
  return {{"sentence_id", s.sentence_id},
          {"sentence_kind", s.sentence_kind},
          {"track", enforcement::ToString(s.track)},
          {"current", s.current},
          {"proceedings_open", s.proceedings_open},
          {"count", s.evaluation.count},
          {"window_from", FormatDate(s.evaluation.window_from)},
          {"stage", enforcement::ToString(s.evaluation.stage)},
          {"alerts", alerts},
          {"decisions", decisions}};
}

json WorklistItemJson(const enforcement::WorklistItem& item, Date today) {
  json alert = AlertJson(item.stored.alert, today);
  alert.erase("same_day");  // the worklist reads the stored alert, which keeps the day's first
  return {{"crn", item.crn},
          {"person_name", item.person_name},
          {"sentence_id", item.stored.sentence_id},
          {"sentence_kind", item.sentence_kind},
          {"team", item.team_code},
          {"officer", item.officer_staff_id
                          ? json{{"staff_id", *item.officer_staff_id}, {"name", item.officer_name}}
                          : json(nullptr)},
          {"appointment_type", item.appointment_type},
          {"appointment_starts_at", FormatUtc(item.appointment_starts_at)},
          {"raised_at", FormatUtc(item.stored.raised_at)},
          {"alert", alert}};
}

json PolicyVersionJson(const enforcement::PolicyVersion& v) {
  return {{"version", v.version},
          {"effective_from", FormatDate(v.effective_from)},
          {"community", RuleJson(v.community)},
          {"licence", RuleJson(v.licence)},
          {"reason", v.reason},
          {"changed_by", v.changed_by},
          {"changed_at", FormatUtc(v.changed_at)}};
}

}  // namespace probity::web

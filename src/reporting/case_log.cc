#include "reporting/case_log.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

namespace probity::reporting {
namespace {

using nlohmann::json;

[[noreturn]] void Malformed(const store::EventRow& e, std::string_view what) {
  throw std::runtime_error("event " + std::to_string(e.seq) + " (" + e.kind +
                           "): " + std::string(what));
}

std::string Text(const json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}
std::optional<std::string> OptionalText(const json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}
int64_t Number(const json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<int64_t>() : 0;
}
std::optional<int64_t> OptionalNumber(const json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<int64_t>();
}
bool Flag(const json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_boolean() && it->get<bool>();
}
UtcTime Instant(const store::EventRow& e, const std::string& text) {
  const auto at = ParseUtc(text);
  if (!at) Malformed(e, "not an instant: " + text);
  return *at;
}
Date Day(const store::EventRow& e, const std::string& text) {
  const auto day = ParseDate(text);
  if (!day) Malformed(e, "not a date: " + text);
  return *day;
}

appointments::Outcome OutcomeOf(const store::EventRow& e, const json& p) {
  appointments::Outcome o;
  o.id = e.seq;
  o.outcome = Text(p, "outcome");
  o.judgement = OptionalText(p, "judgement");
  o.judgement_reason = OptionalText(p, "judgement_reason");
  o.note = Text(p, "note");
  o.recorded_by = e.actor;
  o.recorded_at = Instant(e, e.recorded_at);
  o.amendment_reason = OptionalText(p, "reason");
  o.instructed_by = e.instructed_by;
  o.event_seq = e.seq;
  return o;
}

class Folder {
 public:
  explicit Folder(std::string crn) { log_.crn = std::move(crn); }

  void Apply(const store::EventRow& e) {
    const json p = json::parse(e.payload, nullptr, false);
    if (p.is_discarded() || !p.is_object()) Malformed(e, "payload is not a JSON object");
    const UtcTime at = Instant(e, e.recorded_at);
    log_.last_seq = e.seq;
    const std::string_view kind = e.kind;
    if (kind == "person.registered") {
      log_.registered_at = at;
      log_.holdings.push_back({e.seq, at, Text(p, "team_code"), std::nullopt, 0, e.actor});
    } else if (kind == "case.allocated") {
      log_.holdings.push_back({e.seq, at, Text(p, "team_code"),
                               OptionalNumber(p, "officer_staff_id"), Number(p, "id"), e.actor});
    } else if (kind == "sentence.added") {
      cases::Sentence s;
      s.id = Number(p, "id");
      s.kind = Text(p, "kind");
      s.court = Text(p, "court");
      s.offence = Text(p, "offence");
      s.offence_group = Text(p, "offence_group");
      s.sentence_date = Text(p, "sentence_date");
      s.length_months = static_cast<int>(Number(p, "length_months"));
      s.expected_end = Text(p, "expected_end");
      s.release_date = OptionalText(p, "release_date");
      s.licence_end = OptionalText(p, "licence_end");
      s.custody_type = OptionalText(p, "custody_type");
      log_.sentences.push_back(std::move(s));
    } else if (kind == "sentence.terminated") {
      auto* s = Sentence(e, Number(p, "id"));
      s->status = "terminated";
      s->terminated_on = OptionalText(p, "terminated_on");
      s->termination_reason = OptionalText(p, "reason");
      s->version = static_cast<int>(Number(p, "version"));
      log_.terminations.push_back({s->id, at, e.seq, e.actor, e.instructed_by});
    } else if (kind == "appointment.booked") {
      Booked(e, p, at);
    } else if (kind == "appointment.rearranged") {
      auto& a = Appointment(e, Number(p, "id"));
      a.appointment.status = "rearranged";
      a.appointment.rearranged_to = OptionalNumber(p, "replacement_id");
      a.appointment.rearrange_requested_by = OptionalText(p, "requested_by");
      a.appointment.rearrange_reason = OptionalText(p, "reason");
      a.rearranged_at = at;
      a.rearranged_by = e.actor;
      a.rearranged_instructed_by = e.instructed_by;
      a.rearranged_seq = e.seq;
    } else if (kind == "appointment.outcome_recorded" || kind == "appointment.outcome_amended") {
      auto& a = Appointment(e, Number(p, "id"));
      a.appointment.outcomes.push_back(OutcomeOf(e, p));
      if (const auto v = OptionalNumber(p, "version")) a.appointment.version = static_cast<int>(*v);
    } else if (kind == "enforcement.alert_raised" || kind == "enforcement.alert_changed") {
      Alert(e, p, at);
    } else if (kind == "enforcement.alert_withdrawn") {
      if (auto* alert = FindAlert(Number(p, "sentence_id"), Text(p, "failure_day"), e)) {
        alert->withdrawn = true;
        alert->withdrawn_at = at;
      }
    } else if (kind == "enforcement.decision_recorded") {
      LoggedDecision d;
      d.id = Number(p, "id");
      d.sentence_id = Number(p, "sentence_id");
      d.appointment_id = Number(p, "appointment_id");
      d.kind = Text(p, "kind");
      d.rationale = Text(p, "rationale");
      if (const auto day = OptionalText(p, "failure_day")) d.failure_day = Day(e, *day);
      d.recorded_at = at;
      d.seq = e.seq;
      d.recorded_by = e.actor;
      d.instructed_by = e.instructed_by;
      log_.decisions.push_back(std::move(d));
    } else if (kind == "enforcement.decision_countersigned" ||
               kind == "enforcement.decision_endorsed" || kind == "enforcement.decision_declined") {
      const int64_t id = Number(p, "id");
      const auto it = std::find_if(log_.decisions.begin(), log_.decisions.end(),
                                   [id](const LoggedDecision& d) { return d.id == id; });
      if (it == log_.decisions.end()) Malformed(e, "no such decision");
      if (kind == "enforcement.decision_declined") {
        it->declined = true;
      } else if (kind == "enforcement.decision_endorsed") {
        it->endorsed = true;
      } else {
        it->countersigned = true;
        it->countersigned_at = at;
        it->countersigned_by = e.actor;
      }
    } else if (kind == "workload.allocated_over_capacity") {
      log_.over_capacity.push_back({Number(p, "allocation_id"), Number(p, "staff_id"),
                                    Number(p, "capacity_before"), Number(p, "capacity_after"),
                                    Text(p, "reason"), at, e.seq, e.actor});
    } else if (kind == "access.restricted") {
      restricted_to_.insert(Number(p, "staff_id"));
    } else if (kind == "access.restriction_removed") {
      restricted_to_.erase(Number(p, "staff_id"));
    } else if (kind == "access.excluded") {
      excluded_.insert(Number(p, "staff_id"));
    } else if (kind == "access.exclusion_removed") {
      excluded_.erase(Number(p, "staff_id"));
    }
    log_.restricted = !restricted_to_.empty() || !excluded_.empty();
  }

  CaseLog Finish() && {
    std::sort(log_.appointments.begin(), log_.appointments.end(),
              [](const LoggedAppointment& a, const LoggedAppointment& b) {
                return a.appointment.id < b.appointment.id;
              });
    return std::move(log_);
  }

 private:
  cases::Sentence* Sentence(const store::EventRow& e, int64_t id) {
    for (auto& s : log_.sentences)
      if (s.id == id) return &s;
    Malformed(e, "no such sentence " + std::to_string(id));
  }

  LoggedAppointment& Appointment(const store::EventRow& e, int64_t id) {
    const auto it = index_.find(id);
    if (it == index_.end()) Malformed(e, "no such appointment " + std::to_string(id));
    return log_.appointments[it->second];
  }

  void Booked(const store::EventRow& e, const json& p, UtcTime at) {
    LoggedAppointment a;
    auto& ap = a.appointment;
    ap.id = Number(p, "id");
    ap.sentence_id = OptionalNumber(p, "sentence_id");
    ap.requirement_id = OptionalNumber(p, "requirement_id");
    ap.type = Text(p, "type");
    ap.enforceable = Flag(p, "enforceable");
    ap.starts_at = Instant(e, Text(p, "starts_at"));
    ap.duration_minutes = static_cast<int>(Number(p, "duration_minutes"));
    a.office_code = OptionalText(p, "office");
    if (a.office_code) ap.place.office_code = *a.office_code;
    ap.place.room_id = OptionalNumber(p, "room_id");
    ap.place.location = OptionalText(p, "location");
    ap.place.open_space = Flag(p, "open_space");
    ap.place.room_reason = OptionalText(p, "room_reason");
    ap.staff_id = Number(p, "staff_id");
    ap.rearranged_from = OptionalNumber(p, "rearranged_from");
    ap.booked_by = e.actor;
    ap.booked_at = at;
    a.booked_seq = e.seq;
    index_[ap.id] = log_.appointments.size();
    log_.appointments.push_back(std::move(a));
  }

  LoggedAlert* FindAlert(int64_t sentence_id, const std::string& failure_day,
                         const store::EventRow& e) {
    const Date day = Day(e, failure_day);
    for (auto& a : log_.alerts)
      if (a.sentence_id == sentence_id && a.failure_day == day) return &a;
    return nullptr;
  }

  void Alert(const store::EventRow& e, const json& p, UtcTime at) {
    LoggedAlert fresh;
    fresh.sentence_id = Number(p, "sentence_id");
    fresh.appointment_id = Number(p, "appointment_id");
    fresh.failure_day = Day(e, Text(p, "failure_day"));
    fresh.nth = static_cast<int>(Number(p, "nth"));
    fresh.kind = Text(p, "kind");
    fresh.due_on = Day(e, Text(p, "due_on"));
    fresh.raised_at = at;
    fresh.raised_seq = e.seq;
    if (auto* known = FindAlert(fresh.sentence_id, Text(p, "failure_day"), e)) {
      // Changed (or raised again after a withdrawal): the same failure's alert as it now is;
      // it was first raised when it was first raised.
      fresh.raised_at = known->raised_at;
      fresh.raised_seq = known->raised_seq;
      *known = std::move(fresh);
      return;
    }
    log_.alerts.push_back(std::move(fresh));
  }

  CaseLog log_;
  std::map<int64_t, size_t> index_;
  std::set<int64_t> restricted_to_;
  std::set<int64_t> excluded_;
};

constexpr std::array<std::string_view, 20> kCaseKinds = {
    "person.registered",
    "case.allocated",
    "sentence.added",
    "sentence.terminated",
    "appointment.booked",
    "appointment.rearranged",
    "appointment.outcome_recorded",
    "appointment.outcome_amended",
    "enforcement.alert_raised",
    "enforcement.alert_changed",
    "enforcement.alert_withdrawn",
    "enforcement.decision_recorded",
    "enforcement.decision_countersigned",
    "enforcement.decision_endorsed",
    "enforcement.decision_declined",
    "workload.allocated_over_capacity",
    "access.restricted",
    "access.restriction_removed",
    "access.excluded",
    "access.exclusion_removed",
};

constexpr std::array<std::string_view, 9> kOrgKinds = {
    "region.created",
    "pdu.created",
    "team.created",
    "team.renamed",
    "staff.created",
    "staff.changed",
    "calendar.adjustment_added",
    "calendar.adjustment_removed",
    "office.created",
};

std::string Lookup(const std::map<std::string, std::string, std::less<>>& map,
                   std::string_view key) {
  const auto it = map.find(key);
  return it == map.end() ? std::string() : it->second;
}

}  // namespace

const Holding* CaseLog::HoldingAt(UtcTime at) const {
  const Holding* found = nullptr;
  for (const auto& h : holdings) {
    if (h.from > at) break;
    found = &h;
  }
  return found;
}

const Holding* CaseLog::HoldingOrFirst(UtcTime at) const {
  if (const auto* h = HoldingAt(at)) return h;
  return holdings.empty() ? nullptr : &holdings.front();
}

const LoggedAppointment* CaseLog::FindAppointment(int64_t id) const {
  const auto it = std::lower_bound(
      appointments.begin(), appointments.end(), id,
      [](const LoggedAppointment& a, int64_t wanted) { return a.appointment.id < wanted; });
  return it != appointments.end() && it->appointment.id == id ? &*it : nullptr;
}

const cases::Sentence* CaseLog::FindSentence(int64_t id) const {
  for (const auto& s : sentences)
    if (s.id == id) return &s;
  return nullptr;
}

std::span<const std::string_view> CaseKinds() { return kCaseKinds; }
std::span<const std::string_view> OrgKinds() { return kOrgKinds; }

CaseLog FoldCase(std::string crn, std::span<const store::EventRow> events) {
  Folder folder(std::move(crn));
  for (const auto& e : events) {
    if (std::find(kCaseKinds.begin(), kCaseKinds.end(), e.kind) == kCaseKinds.end()) continue;
    folder.Apply(e);
  }
  return std::move(folder).Finish();
}

void OrgLog::Apply(const store::EventRow& e) {
  const json p = json::parse(e.payload, nullptr, false);
  if (p.is_discarded() || !p.is_object()) Malformed(e, "payload is not a JSON object");
  const std::string_view kind = e.kind;
  if (kind == "region.created") {
    region_names[Text(p, "code")] = Text(p, "name");
  } else if (kind == "pdu.created") {
    pdu_region[Text(p, "code")] = Text(p, "region_code");
    pdu_names[Text(p, "code")] = Text(p, "name");
  } else if (kind == "team.created") {
    team_pdu[Text(p, "code")] = Text(p, "pdu_code");
    team_names[Text(p, "code")] = Text(p, "name");
  } else if (kind == "team.renamed") {
    team_names[Text(p, "code")] = Text(p, "name");
  } else if (kind == "staff.created") {
    names[e.subject] = Text(p, "name");
  } else if (kind == "staff.changed") {
    const auto changes = p.find("changes");
    if (changes != p.end() && changes->contains("name") && (*changes)["name"].contains("to"))
      names[e.subject] = (*changes)["name"]["to"].get<std::string>();
  } else if (kind == "calendar.adjustment_added") {
    const auto parsed = calendar::ParseAdjustmentKind(Text(p, "kind"));
    if (!parsed) Malformed(e, "unknown adjustment kind");
    adjustments.push_back({Day(e, Text(p, "date")), *parsed, Text(p, "name")});
  } else if (kind == "calendar.adjustment_removed") {
    const Date day = Day(e, Text(p, "date"));
    std::erase_if(adjustments, [day](const calendar::Adjustment& a) { return a.date == day; });
  }
}

std::string OrgLog::PduOf(std::string_view team) const { return Lookup(team_pdu, team); }
std::string OrgLog::RegionOf(std::string_view team) const {
  return Lookup(pdu_region, PduOf(team));
}
std::string OrgLog::NameOf(std::string_view actor) const {
  const auto name = Lookup(names, actor);
  return name.empty() ? std::string(actor) : name;
}

}  // namespace probity::reporting

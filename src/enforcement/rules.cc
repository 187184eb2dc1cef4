#include "enforcement/rules.h"

#include <algorithm>
#include <cctype>

namespace probity::enforcement {
namespace {

bool Blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

std::string Names(const std::vector<DecisionKind>& kinds) {
  std::string out;
  for (auto k : kinds) out += (out.empty() ? "" : ", ") + std::string(ToString(k));
  return out;
}

Status CheckRule(const Rule& r, const std::string& prefix) {
  if (r.decision_at < 1 || r.decision_at > 10)
    return Error::Invalid("out_of_range",
                          "the decision point must be from the 1st to the 10th failure",
                          prefix + "decision_at");
  if (r.window_months < 1 || r.window_months > 36)
    return Error::Invalid("out_of_range", "the window must be from 1 to 36 months",
                          prefix + "window_months");
  if (r.due_working_days < 0 || r.due_working_days > 60)
    return Error::Invalid("out_of_range", "an alert must be due within 0 to 60 working days",
                          prefix + "due_working_days");
  return {};
}

}  // namespace

std::vector<DecisionKind> AllowedDecisions(AlertKind kind, Track track, bool proceedings_open) {
  std::vector<DecisionKind> out;
  const bool community = track == Track::kCommunity;
  if (kind == AlertKind::kWarning) out.push_back(DecisionKind::kWarningIssued);
  if (kind == AlertKind::kComplianceLetter) out.push_back(DecisionKind::kComplianceLetter);
  if (proceedings_open)
    out.push_back(DecisionKind::kAddedToProceedings);
  else
    out.push_back(community ? DecisionKind::kBreachInitiated : DecisionKind::kRecallRequested);
  out.push_back(DecisionKind::kNotEnforced);
  out.push_back(DecisionKind::kFurtherInformation);
  return out;
}

Status CheckDecision(const Alert& alert, Track track, bool proceedings_open,
                     const DecisionInput& in, Date today) {
  if (alert.state == AlertState::kClosed)
    return Error::Conflict("alert_closed", "this failure has already been decided");
  if (alert.state == AlertState::kAwaitingCountersignature ||
      alert.state == AlertState::kAwaitingEndorsement)
    return Error::Conflict("awaiting_countersignature",
                           "a decision not to enforce this failure awaits countersignature; it "
                           "must be declined before another decision");
  const auto allowed = AllowedDecisions(alert.kind, track, proceedings_open);
  if (std::find(allowed.begin(), allowed.end(), in.kind) == allowed.end())
    return Error::Invalid("decision_not_allowed",
                          std::string("a ") + ToString(in.kind) +
                              " decision is not open for this failure; choose from " +
                              Names(allowed),
                          "kind");
  if (in.rationale.size() > kMaxRationale)
    return Error::Invalid("too_long", "the rationale must be 4000 characters or fewer",
                          "rationale");
  if (in.kind == DecisionKind::kNotEnforced && Blank(in.rationale))
    return Error::Invalid("required",
                          "a decision not to enforce needs the professional judgement behind it",
                          "rationale");
  if (in.kind == DecisionKind::kFurtherInformation) {
    if (!in.respond_by)
      return Error::Invalid("required", "say the date by which the person must respond",
                            "respond_by");
    if (*in.respond_by <= today)
      return Error::Invalid("not_in_future", "the response date must be after today", "respond_by");
    if (*in.respond_by > AddMonths(today, 3))
      return Error::Invalid("out_of_range", "the response date must be within 3 months",
                            "respond_by");
  } else if (in.respond_by) {
    return Error::Invalid(
        "not_allowed", "only a request for further information has a response date", "respond_by");
  }
  return {};
}

namespace {
Status CheckAnswerable(const Decision& d, const std::string& decided_by, const std::string& by) {
  if (d.kind != DecisionKind::kNotEnforced)
    return Error::Invalid("not_countersignable", "only a decision not to enforce is countersigned",
                          "decision");
  if (d.declined) return Error::Conflict("declined", "this decision has been declined");
  if (decided_by == by)
    return Error::Forbidden("own_decision", "a decision is countersigned by someone else");
  return {};
}
}  // namespace

Status CheckCountersign(const Decision& d, const std::string& decided_by, const std::string& by) {
  if (auto s = CheckAnswerable(d, decided_by, by); !s) return s;
  if (d.countersigned)
    return Error::Conflict("already_countersigned", "this decision is already countersigned");
  return {};
}

Status CheckEndorse(const Decision& d, bool needs_endorsement, const std::string& decided_by,
                    const std::string& by) {
  if (auto s = CheckAnswerable(d, decided_by, by); !s) return s;
  if (!needs_endorsement)
    return Error::Conflict("endorsement_not_needed",
                           "only a second or later decision not to enforce on a sentence is "
                           "endorsed");
  if (!d.countersigned)
    return Error::Conflict("not_countersigned",
                           "an SPO countersigns before a senior manager endorses");
  if (d.endorsed) return Error::Conflict("already_endorsed", "this decision is already endorsed");
  return {};
}

Status CheckDecline(const Decision& d, bool needs_endorsement, const std::string& decided_by,
                    const std::string& by, const std::string& note) {
  if (auto s = CheckAnswerable(d, decided_by, by); !s) return s;
  if (d.countersigned && (!needs_endorsement || d.endorsed))
    return Error::Conflict("already_countersigned",
                           "this decision is signed off; a new failure needs a new decision");
  if (Blank(note)) return Error::Invalid("required", "say why the decision is declined", "note");
  if (note.size() > kMaxRationale)
    return Error::Invalid("too_long", "the note must be 4000 characters or fewer", "note");
  return {};
}

Status CheckPolicyVersion(const PolicyVersion& v, const Policy& current, Date today) {
  if (auto s = CheckRule(v.community, "community."); !s) return s;
  if (auto s = CheckRule(v.licence, "licence."); !s) return s;
  if (v.effective_from < today)
    return Error::Invalid("in_past", "a change applies from today or a later date",
                          "effective_from");
  if (!current.versions.empty() && v.effective_from < current.versions.back().effective_from)
    return Error::Invalid("before_latest",
                          "a change applies from " +
                              FormatDate(current.versions.back().effective_from) +
                              " (the latest version's date) or later",
                          "effective_from");
  if (Blank(v.reason)) return Error::Invalid("required", "say why the policy changes", "reason");
  if (v.reason.size() > 1000)
    return Error::Invalid("too_long", "the reason must be 1000 characters or fewer", "reason");
  return {};
}

}  // namespace probity::enforcement

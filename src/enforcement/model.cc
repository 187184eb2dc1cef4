#include "enforcement/model.h"

#include <algorithm>
#include <array>
#include <utility>

namespace probity::enforcement {
namespace {

template <class E, size_t N>
const char* NameOf(const std::array<std::pair<E, const char*>, N>& names, E value) {
  for (const auto& [v, name] : names)
    if (v == value) return name;
  return "unknown";
}

template <class E, size_t N>
std::optional<E> ValueOf(const std::array<std::pair<E, const char*>, N>& names,
                         std::string_view text) {
  for (const auto& [v, name] : names)
    if (text == name) return v;
  return std::nullopt;
}

constexpr std::array<std::pair<Track, const char*>, 2> kTracks{{
    {Track::kCommunity, "community"},
    {Track::kLicence, "licence"},
}};

constexpr std::array<std::pair<DecisionKind, const char*>, 7> kDecisionKinds{{
    {DecisionKind::kWarningIssued, "warning_issued"},
    {DecisionKind::kComplianceLetter, "compliance_letter"},
    {DecisionKind::kBreachInitiated, "breach_initiated"},
    {DecisionKind::kRecallRequested, "recall_requested"},
    {DecisionKind::kNotEnforced, "not_enforced"},
    {DecisionKind::kFurtherInformation, "further_information"},
    {DecisionKind::kAddedToProceedings, "added_to_proceedings"},
}};

constexpr std::array<std::pair<AlertKind, const char*>, 3> kAlertKinds{{
    {AlertKind::kWarning, "warning"},
    {AlertKind::kComplianceLetter, "compliance_letter"},
    {AlertKind::kDecision, "decision"},
}};

constexpr std::array<std::pair<AlertState, const char*>, 5> kAlertStates{{
    {AlertState::kOpen, "open"},
    {AlertState::kAwaitingInformation, "awaiting_information"},
    {AlertState::kAwaitingCountersignature, "awaiting_countersignature"},
    {AlertState::kAwaitingEndorsement, "awaiting_endorsement"},
    {AlertState::kClosed, "closed"},
}};

constexpr std::array<std::pair<Stage, const char*>, 3> kStages{{
    {Stage::kNone, "none"},
    {Stage::kWarningDue, "warning_due"},
    {Stage::kDecisionRequired, "decision_required"},
}};

}  // namespace

const char* ToString(Track t) { return NameOf(kTracks, t); }
std::optional<Track> ParseTrack(std::string_view text) { return ValueOf(kTracks, text); }

std::optional<Track> TrackOf(std::string_view sentence_kind) {
  if (sentence_kind == "community_order" || sentence_kind == "suspended_sentence_order")
    return Track::kCommunity;
  if (sentence_kind == "licence" || sentence_kind == "pss") return Track::kLicence;
  return std::nullopt;
}

const char* ToString(DecisionKind k) { return NameOf(kDecisionKinds, k); }
std::optional<DecisionKind> ParseDecisionKind(std::string_view text) {
  return ValueOf(kDecisionKinds, text);
}
std::string DecisionKindChoices() {
  std::string out;
  for (const auto& [kind, name] : kDecisionKinds)
    out += (out.empty() ? "" : ", ") + std::string(name);
  return out;
}

const char* ToString(AlertKind k) { return NameOf(kAlertKinds, k); }
const char* ToString(AlertState s) { return NameOf(kAlertStates, s); }
std::optional<AlertState> ParseAlertState(std::string_view text) {
  return ValueOf(kAlertStates, text);
}
const char* ToString(Stage s) { return NameOf(kStages, s); }

const PolicyVersion& Policy::InForceOn(Date day) const {
  // versions are sorted by (effective_from, version): the last one starting on or before `day`.
  auto after =
      std::upper_bound(versions.begin(), versions.end(), day,
                       [](Date d, const PolicyVersion& v) { return d < v.effective_from; });
  return after == versions.begin() ? versions.front() : *std::prev(after);
}

PolicyVersion DefaultPolicy() {
  PolicyVersion v;
  v.version = 1;
  v.effective_from = Date{std::chrono::year{1990} / 1 / 1};
  v.community = Rule{.decision_at = 2, .window_months = 12, .due_working_days = 10};
  v.licence = Rule{.decision_at = 3, .window_months = 12, .due_working_days = 1};
  v.changed_by = "system";
  return v;
}

}  // namespace probity::enforcement

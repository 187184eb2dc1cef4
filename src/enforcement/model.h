// Enforcement as value types: the policy (DESIGN section 5's rules table as versioned data), the
// facts about one sentence the engine reads (its unacceptable failures, decisions and breach
// periods) and what the engine answers (the count in the window, the stage and every alert).
// No I/O here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/time.h"

namespace probity::enforcement {

// Which row of the rules table a sentence follows: community orders and suspended sentence
// orders, or licences and post-sentence supervision.
enum class Track { kCommunity, kLicence };
const char* ToString(Track t);  // "community", "licence"
std::optional<Track> ParseTrack(std::string_view text);
// The track of a sentence kind (cases::SentenceKinds()); nullopt for a kind enforcement does not
// know.
std::optional<Track> TrackOf(std::string_view sentence_kind);

// One row of the rules table. Failures before the decision point raise a warning (community) or
// a licence compliance letter (licence); the `decision_at`th and every later one needs a decision.
struct Rule {
  int decision_at = 2;        // the nth unacceptable failure in the window that needs a decision
  int window_months = 12;     // failures count within this many months back
  int due_working_days = 10;  // an alert is due this many working days after its failure
  bool operator==(const Rule&) const = default;
};

// The rules in force from a date until the next version's date. A change never rewrites the
// past: each failure is judged under the version in force on its day.
struct PolicyVersion {
  int version = 1;
  Date effective_from{};
  Rule community;
  Rule licence;
  std::string reason;      // why it changed (empty for the defaults)
  std::string changed_by;  // actor id ("system" for the defaults)
  UtcTime changed_at{};
  const Rule& For(Track t) const { return t == Track::kCommunity ? community : licence; }
};

// Every version, oldest first (by effective_from, then version).
struct Policy {
  std::vector<PolicyVersion> versions;
  // The version in force on `day`: the latest whose effective_from is on or before it, or the
  // earliest when `day` precedes them all. Requires at least one version.
  const PolicyVersion& InForceOn(Date day) const;
};

// DESIGN section 5's defaults: community 2nd failure / 12 months / 10 working days; licence 3rd
// failure / 12 months / 1 working day; in force from 1990-01-01.
PolicyVersion DefaultPolicy();

// An unacceptable failure to keep an enforceable appointment on the sentence: its current
// outcome (amendments included) is a failure judged unacceptable.
struct Failure {
  int64_t appointment_id = 0;
  UtcTime starts_at{};
  Date day{};  // the UK calendar day it was due: failures count once per day
};

// What a decision does to the alert it answers.
enum class DecisionKind {
  kWarningIssued,       // community: a formal warning letter
  kComplianceLetter,    // licence: a licence compliance letter
  kBreachInitiated,     // community: breach proceedings begin
  kRecallRequested,     // licence: a recall request begins
  kNotEnforced,         // professional judgement not to enforce: countersigned, maybe endorsed
  kFurtherInformation,  // the person is asked to explain by a date; the alert stays open
  kAddedToProceedings,  // a failure during breach or recall: evidence for the court or team
};
const char* ToString(DecisionKind k);  // "warning_issued", "compliance_letter", ...
std::optional<DecisionKind> ParseDecisionKind(std::string_view text);
std::string DecisionKindChoices();

// A decision as recorded. A decision on a failure answers that failure's alert, whichever
// appointment of that day it names.
struct Decision {
  int64_t id = 0;
  int64_t appointment_id = 0;  // the failure it answers
  DecisionKind kind = DecisionKind::kWarningIssued;
  UtcTime decided_at{};
  std::optional<Date> respond_by;  // further information
  bool countersigned = false;      // not enforced: an SPO agreed
  bool declined = false;           // not enforced: the countersigner or endorser refused it
  bool endorsed = false;           // not enforced, second or later on the sentence
};

// Breach proceedings (community) or a recall (licence) from the day it began to the day it
// ended, if it has. A failure while one is open is evidence for it; failures count afresh after
// the last one ended.
struct ProceedingsPeriod {
  Date started_on{};
  std::optional<Date> ended_on;
};

// Everything the engine reads about one sentence.
struct SentenceFacts {
  int64_t sentence_id = 0;
  Track track = Track::kCommunity;
  Date starts_on{};  // sentence date (orders) or release date (licences and PSS)
  std::vector<Failure> failures;
  std::vector<Decision> decisions;
  std::vector<ProceedingsPeriod> proceedings;
};

enum class AlertKind { kWarning, kComplianceLetter, kDecision };
const char* ToString(AlertKind k);  // "warning", "compliance_letter", "decision"

enum class AlertState {
  kOpen,                      // nothing decided yet
  kAwaitingInformation,       // further information requested; due on the response date
  kAwaitingCountersignature,  // not enforced, not yet countersigned
  kAwaitingEndorsement,       // not enforced, countersigned, awaiting a senior manager
  kClosed,                    // answered
};
const char* ToString(AlertState s);  // "open", "awaiting_information", ...
std::optional<AlertState> ParseAlertState(std::string_view text);

enum class Stage { kNone, kWarningDue, kDecisionRequired };
const char* ToString(Stage s);  // "none", "warning_due", "decision_required"

// One counted failure and what it calls for. Every counted failure has its own alert.
struct Alert {
  int64_t appointment_id = 0;     // the day's first failure
  std::vector<int64_t> same_day;  // the day's other failures, counted with it
  Date failure_day{};
  int nth = 0;  // its number among the failures counted in its window
  AlertKind kind = AlertKind::kWarning;
  Date due_on{};
  AlertState state = AlertState::kOpen;
  std::optional<int64_t> decision_id;  // the decision that set the state, if any
  bool during_proceedings = false;     // evidence for breach or recall proceedings under way
  int policy_version = 0;
  bool open() const { return state != AlertState::kClosed; }
};

struct Evaluation {
  int64_t sentence_id = 0;
  Date window_from{};  // today's window: failures on or after this day count now
  int count = 0;       // failures counted in today's window
  Stage stage = Stage::kNone;
  std::vector<Alert> alerts;  // every counted failure's alert, oldest first
};

}  // namespace probity::enforcement

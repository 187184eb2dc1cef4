#include "reporting/integrity.h"

#include <algorithm>
#include <array>
#include <tuple>

#include "appointments/rules.h"
#include "appointments/vocabulary.h"
#include "core/uk_time.h"

namespace probity::reporting {
namespace {

constexpr std::array<std::string_view, 5> kCodes = {
    "unacceptable_to_acceptable", "outcome_amended", "first_appointment_moved_past_due",
    "completed_with_open_alert", "not_enforced_uncountersigned"};

enum Index { kMadeAcceptable, kAmended, kMovedPastDue, kCompletedOpen, kUncountersigned };

std::vector<IntegritySection> Blank() {
  std::vector<IntegritySection> s(kCodes.size());
  for (size_t i = 0; i < kCodes.size(); ++i) s[i].code = kCodes[i];
  s[kMadeAcceptable].title = "Unacceptable absences changed to acceptable";
  s[kMadeAcceptable].description =
      "Every absence judged unacceptable that an amendment made acceptable (or no failure at "
      "all). The original judgement stays on the record; this lists who changed it and on whose "
      "instruction.";
  s[kAmended].title = "Outcomes changed after they were recorded";
  s[kAmended].description = "Every amendment of an appointment's outcome, with its reason.";
  s[kMovedPastDue].title = "First appointments booked in time, then moved past the due day";
  s[kMovedPastDue].description =
      "A first appointment booked within the national standard (5 working days of sentence, 1 of "
      "release), then rearranged to after the due day: the booking looked in time, the "
      "appointment was not.";
  s[kCompletedOpen].title = "Sentences completed while an enforcement alert was open";
  s[kCompletedOpen].description =
      "A sentence terminated as completed while an alert for an unacceptable failure on it had "
      "no decision.";
  s[kUncountersigned].title = "Decisions not to enforce without a countersignature";
  s[kUncountersigned].description =
      "Decisions not to enforce on professional judgement that no SPO has countersigned: still "
      "awaiting one, or refused.";
  return s;
}

std::string Describe(const appointments::Outcome& o) {
  std::string text(cases::LabelOf(appointments::Outcomes(), o.outcome));
  if (o.judgement) text += " (" + *o.judgement + ")";
  return text;
}

}  // namespace

std::span<const std::string_view> IntegrityCodes() { return kCodes; }

IntegrityBuilder::IntegrityBuilder(Period period, Scope scope, const OrgLog& org, UtcTime as_of)
    : period_(period),
      scope_(std::move(scope)),
      org_(org),
      calendar_(org.Calendar()),
      as_of_(as_of),
      sections_(Blank()) {}

bool IntegrityBuilder::Counts(const CaseLog& c, UtcTime at) const {
  const Date day = UkDateOf(at);
  return day >= period_.from && day <= period_.to && InScope(scope_, org_, c.HoldingOrFirst(at));
}

void IntegrityBuilder::Add(const CaseLog& c) {
  const auto entry = [&](IntegritySection& section, UtcTime at, const std::string& actor,
                         const std::optional<std::string>& instructed, std::string reason,
                         std::string detail, int64_t seq) {
    section.entries.push_back({c.crn, at, org_.NameOf(actor),
                               instructed ? org_.NameOf(*instructed) : std::string(),
                               std::move(reason), std::move(detail), seq, c.restricted});
  };

  for (const auto& logged : c.appointments) {
    const auto& outcomes = logged.appointment.outcomes;
    for (size_t i = 1; i < outcomes.size(); ++i) {
      const auto& before = outcomes[i - 1];
      const auto& after = outcomes[i];
      if (!Counts(c, after.recorded_at)) continue;
      const std::string what = logged.appointment.type + " appointment on " +
                               FormatUkLocal(logged.appointment.starts_at) + ": " +
                               Describe(before) + " changed to " + Describe(after);
      const std::string reason = after.amendment_reason.value_or("");
      entry(sections_[kAmended], after.recorded_at, after.recorded_by, after.instructed_by, reason,
            what, after.event_seq);
      const bool was_unacceptable =
          appointments::IsFailure(before.outcome) && before.judgement == "unacceptable";
      const bool now_acceptable =
          !appointments::IsFailure(after.outcome) || after.judgement == "acceptable";
      if (was_unacceptable && now_acceptable) {
        entry(sections_[kMadeAcceptable], after.recorded_at, after.recorded_by, after.instructed_by,
              reason, what, after.event_seq);
      }
    }
  }

  for (const auto& s : c.sentences) {
    const auto window = appointments::FirstAppointmentWindowOf(s, calendar_);
    if (!window) continue;
    const Date* start = &window->from;
    const Date* due = &window->due_by;
    for (const auto& logged : c.appointments) {
      const auto& a = logged.appointment;
      if (a.status != "rearranged" || !logged.rearranged_at || !a.rearranged_to) continue;
      if (a.sentence_id && *a.sentence_id != s.id) continue;
      const Date booked_for = UkDateOf(a.starts_at);
      if (booked_for < *start || booked_for > *due) continue;
      const auto* replacement = c.FindAppointment(*a.rearranged_to);
      if (replacement == nullptr) continue;
      const Date moved_to = UkDateOf(replacement->appointment.starts_at);
      if (moved_to <= *due || !Counts(c, *logged.rearranged_at)) continue;
      entry(sections_[kMovedPastDue], *logged.rearranged_at, logged.rearranged_by,
            logged.rearranged_instructed_by, a.rearrange_reason.value_or(""),
            "First appointment due by " + FormatDate(*due) + ", booked for " +
                FormatDate(booked_for) + ", moved to " + FormatDate(moved_to) +
                " at the request of " +
                std::string(cases::LabelOf(appointments::Requesters(),
                                           a.rearrange_requested_by.value_or(""))),
            logged.rearranged_seq);
    }
  }

  for (const auto& t : c.terminations) {
    const auto* s = c.FindSentence(t.sentence_id);
    if (s == nullptr || s->termination_reason != "completed" || !Counts(c, t.recorded_at)) continue;
    for (const auto& alert : c.alerts) {
      if (alert.sentence_id != t.sentence_id || alert.raised_at > t.recorded_at) continue;
      if (alert.withdrawn && alert.withdrawn_at && *alert.withdrawn_at <= t.recorded_at) continue;
      const bool decided = std::any_of(c.decisions.begin(), c.decisions.end(), [&](const auto& d) {
        return d.sentence_id == alert.sentence_id && d.failure_day == alert.failure_day &&
               d.recorded_at <= t.recorded_at;
      });
      if (decided) continue;
      entry(sections_[kCompletedOpen], t.recorded_at, t.recorded_by, t.instructed_by, "",
            s->kind + " terminated as completed on " + s->terminated_on.value_or("") +
                " with the " + alert.kind + " alert for the failure on " +
                FormatDate(alert.failure_day) + " (due " + FormatDate(alert.due_on) + ") undecided",
            t.seq);
    }
  }

  for (const auto& d : c.decisions) {
    if (d.kind != "not_enforced" || d.countersigned || !Counts(c, d.recorded_at)) continue;
    entry(sections_[kUncountersigned], d.recorded_at, d.recorded_by, d.instructed_by, d.rationale,
          std::string("Not enforced for the failure on ") + FormatDate(d.failure_day) + ": " +
              (d.declined ? "countersignature refused" : "awaiting countersignature"),
          d.seq);
  }
}

std::vector<IntegritySection> IntegrityBuilder::Finish() && {
  for (auto& section : sections_) {
    std::sort(section.entries.begin(), section.entries.end(),
              [](const IntegrityEntry& a, const IntegrityEntry& b) {
                return std::tie(a.at, a.crn, a.seq) < std::tie(b.at, b.crn, b.seq);
              });
  }
  return std::move(sections_);
}

std::vector<IntegritySection> ComputeIntegrity(std::span<const CaseLog> cases, const Period& period,
                                               const Scope& scope, const OrgLog& org,
                                               UtcTime as_of) {
  IntegrityBuilder builder(period, scope, org, as_of);
  for (const auto& c : cases) builder.Add(c);
  return std::move(builder).Finish();
}

}  // namespace probity::reporting

#include "enforcement/engine.h"

#include <algorithm>
#include <map>

namespace probity::enforcement {
namespace {

using std::chrono::days;

// The first day failures count from, for a failure on (or the evaluation of) `day`: the sentence
// start, or the day after the last proceedings that ended before `day`.
Date CountsFrom(const SentenceFacts& facts, Date day) {
  Date from = facts.starts_on;
  for (const auto& p : facts.proceedings)
    if (p.ended_on && *p.ended_on < day) from = std::max(from, *p.ended_on + days{1});
  return from;
}

Date WindowFrom(const SentenceFacts& facts, const Rule& rule, Date day) {
  return std::max(CountsFrom(facts, day), AddMonths(day, -rule.window_months) + days{1});
}

bool DuringProceedings(const SentenceFacts& facts, Date day) {
  return std::any_of(facts.proceedings.begin(), facts.proceedings.end(), [&](const auto& p) {
    return p.started_on <= day && (!p.ended_on || day <= *p.ended_on);
  });
}

Date DueOn(const calendar::WorkingCalendar& calendar, Date day, int working_days) {
  auto due = calendar.AddWorkingDays(day, working_days);
  // Outside the calendar's range (1990 to 2199) no real failure falls; count calendar days.
  return due ? *due : day + days{working_days};
}

// Failures on or after the sentence start, one per day (the day's earliest first), by day.
std::vector<Alert> CountedDays(const SentenceFacts& facts) {
  std::vector<Failure> failures = facts.failures;
  std::sort(failures.begin(), failures.end(), [](const Failure& a, const Failure& b) {
    if (a.day != b.day) return a.day < b.day;
    if (a.starts_at != b.starts_at) return a.starts_at < b.starts_at;
    return a.appointment_id < b.appointment_id;
  });
  std::vector<Alert> alerts;
  for (const auto& f : failures) {
    if (f.day < facts.starts_on) continue;
    if (!alerts.empty() && alerts.back().failure_day == f.day) {
      alerts.back().same_day.push_back(f.appointment_id);
      continue;
    }
    Alert a;
    a.appointment_id = f.appointment_id;
    a.failure_day = f.day;
    alerts.push_back(std::move(a));
  }
  return alerts;
}

void ApplyDecisions(const std::vector<Decision>& all, std::vector<Alert>& alerts) {
  std::map<int64_t, size_t> alert_of;  // any failure's appointment id -> its day's alert
  for (size_t i = 0; i < alerts.size(); ++i) {
    alert_of[alerts[i].appointment_id] = i;
    for (int64_t id : alerts[i].same_day) alert_of[id] = i;
  }
  std::vector<Decision> decisions = all;
  std::sort(decisions.begin(), decisions.end(), [](const Decision& a, const Decision& b) {
    return a.decided_at != b.decided_at ? a.decided_at < b.decided_at : a.id < b.id;
  });
  for (const auto& d : decisions) {
    auto it = alert_of.find(d.appointment_id);
    if (it == alert_of.end() || d.declined) continue;  // a failure since amended away, or refused
    Alert& alert = alerts[it->second];
    alert.decision_id = d.id;
    switch (d.kind) {
      case DecisionKind::kNotEnforced:
        if (!d.countersigned)
          alert.state = AlertState::kAwaitingCountersignature;
        else if (!d.endorsed && NeedsEndorsement(all, d.id))
          alert.state = AlertState::kAwaitingEndorsement;
        else
          alert.state = AlertState::kClosed;
        break;
      case DecisionKind::kFurtherInformation:
        alert.state = AlertState::kAwaitingInformation;
        if (d.respond_by) alert.due_on = *d.respond_by;
        break;
      default:
        alert.state = AlertState::kClosed;
    }
  }
}

}  // namespace

bool NeedsEndorsement(const std::vector<Decision>& decisions, int64_t decision_id) {
  std::vector<const Decision*> not_enforced;
  for (const auto& d : decisions)
    if (d.kind == DecisionKind::kNotEnforced && !d.declined) not_enforced.push_back(&d);
  std::sort(not_enforced.begin(), not_enforced.end(), [](const Decision* a, const Decision* b) {
    return a->decided_at != b->decided_at ? a->decided_at < b->decided_at : a->id < b->id;
  });
  for (size_t i = 0; i < not_enforced.size(); ++i)
    if (not_enforced[i]->id == decision_id) return i >= 1;
  return false;
}

Evaluation Evaluate(const SentenceFacts& facts, const Policy& policy,
                    const calendar::WorkingCalendar& calendar, Date today) {
  Evaluation out;
  out.sentence_id = facts.sentence_id;
  out.alerts = CountedDays(facts);
  std::vector<Date> days_counted;
  days_counted.reserve(out.alerts.size());
  for (const auto& a : out.alerts) days_counted.push_back(a.failure_day);

  for (size_t i = 0; i < out.alerts.size(); ++i) {
    Alert& a = out.alerts[i];
    const PolicyVersion& version = policy.InForceOn(a.failure_day);
    const Rule& rule = version.For(facts.track);
    const Date from = WindowFrom(facts, rule, a.failure_day);
    const auto first = std::lower_bound(days_counted.begin(), days_counted.begin() + i + 1, from);
    a.nth = static_cast<int>(days_counted.begin() + i + 1 - first);
    a.kind = a.nth >= rule.decision_at        ? AlertKind::kDecision
             : facts.track == Track::kLicence ? AlertKind::kComplianceLetter
                                              : AlertKind::kWarning;
    a.due_on = DueOn(calendar, a.failure_day, rule.due_working_days);
    a.during_proceedings = DuringProceedings(facts, a.failure_day);
    a.policy_version = version.version;
  }
  ApplyDecisions(facts.decisions, out.alerts);

  const Rule& rule_today = policy.InForceOn(today).For(facts.track);
  out.window_from = WindowFrom(facts, rule_today, today);
  out.count = static_cast<int>(std::count_if(days_counted.begin(), days_counted.end(), [&](Date d) {
    return d >= out.window_from && d <= today;
  }));
  for (const auto& a : out.alerts) {
    if (!a.open()) continue;
    if (a.kind == AlertKind::kDecision) {
      out.stage = Stage::kDecisionRequired;
      break;
    }
    out.stage = Stage::kWarningDue;
  }
  return out;
}

}  // namespace probity::enforcement

#include "reporting/kpi.h"

#include <algorithm>
#include <array>
#include <map>
#include <tuple>

#include "appointments/rules.h"
#include "appointments/vocabulary.h"
#include "core/uk_time.h"
#include "workload/chart.h"

namespace probity::reporting {
namespace {

constexpr std::array<std::string_view, 7> kCodes = {
    "first_appointment_in_time",
    "enforcement_decision_in_time",
    "absences_amended_to_acceptable",
    "rearrangements",
    "open_space_appointments",
    "allocations_over_capacity",
    "unallocated_cases",
};

enum Index {
  kFirstAppointment,
  kDecisions,
  kAmended,
  kRearranged,
  kOpenSpace,
  kOverCapacity,
  kUnallocated,
};

std::vector<Kpi> Blank() {
  std::vector<Kpi> k(kCodes.size());
  for (size_t i = 0; i < kCodes.size(); ++i) k[i].code = kCodes[i];
  k[kFirstAppointment].title = "First appointment attended in time";
  k[kFirstAppointment].numerator_label = "attended in time";
  k[kFirstAppointment].denominator_label = "sentences and releases due a first appointment";
  k[kFirstAppointment].definition =
      "Sentences (orders) and releases (licences, post-sentence supervision) starting in the "
      "period whose first appointment is due: attended within 5 working days of sentence or 1 "
      "working day of release, measured on the first appointment the person attended, never on "
      "the first one booked.";
  k[kDecisions].title = "Enforcement decisions made in time";
  k[kDecisions].numerator_label = "decided by the due day";
  k[kDecisions].denominator_label = "enforcement alerts due in the period";
  k[kDecisions].definition =
      "Every alert raised for an unacceptable failure whose due day falls in the period and has "
      "passed: decided on or before it. An alert withdrawn because its failure was amended away is "
      "not counted here; it is in the integrity report.";
  k[kAmended].title = "Unacceptable absences later made acceptable";
  k[kAmended].numerator_label = "amended to acceptable";
  k[kAmended].denominator_label = "absences judged unacceptable";
  k[kAmended].definition =
      "Appointments in the period whose absence was judged unacceptable, and of those how many "
      "were later amended to acceptable or to no failure at all, by who made the change and on "
      "whose instruction.";
  k[kAmended].higher_is_better = false;
  k[kRearranged].title = "Appointments rearranged";
  k[kRearranged].numerator_label = "rearranged";
  k[kRearranged].denominator_label = "appointments booked for the period";
  k[kRearranged].definition =
      "Every appointment booked for a time in the period, and of those how many were rearranged, "
      "by who asked: the person on probation or the service.";
  k[kRearranged].higher_is_better = false;
  k[kOpenSpace].title = "Appointments in open-plan or public spaces";
  k[kOpenSpace].numerator_label = "in an open-plan or public space";
  k[kOpenSpace].denominator_label = "appointments at an office in the period";
  k[kOpenSpace].definition =
      "Appointments at an office in the period, not rearranged away, held in an open-plan or "
      "public space rather than a private room, with the reason the booker gave.";
  k[kOpenSpace].higher_is_better = false;
  k[kOverCapacity].title = "Allocations past 100% capacity";
  k[kOverCapacity].numerator_label = "allocated past 100%";
  k[kOverCapacity].denominator_label = "cases allocated to an officer in the period";
  k[kOverCapacity].definition =
      "Allocations to a responsible officer in the period, and of those how many took the "
      "officer past 100% of capacity, each with the reason recorded.";
  k[kOverCapacity].higher_is_better = false;
  k[kUnallocated].title = "Cases unallocated at the end of the period";
  k[kUnallocated].numerator_label = "without a responsible officer";
  k[kUnallocated].denominator_label = "cases with a current sentence";
  k[kUnallocated].definition =
      "Cases with a current sentence held by the unit at the end of the period, and of those "
      "how many had no responsible officer, by how long they had waited.";
  k[kUnallocated].higher_is_better = false;
  return k;
}

std::string OfficerName(const OrgLog& org, const Holding* h) {
  if (h == nullptr || !h->officer_staff_id) return "";
  return org.NameOf("staff:" + std::to_string(*h->officer_staff_id));
}

KpiItem Item(const CaseLog& c, Date on, bool counted, std::string category, std::string detail,
             std::string who, std::string instructed_by, int64_t seq) {
  return KpiItem{
      c.crn,          FormatDate(on),           counted, std::move(category), std::move(detail),
      std::move(who), std::move(instructed_by), seq,     c.restricted};
}

void Count(Kpi& k, KpiItem item, bool in_denominator) {
  if (in_denominator) {
    ++k.denominator;
    if (item.counted) ++k.numerator;
  }
  k.items.push_back(std::move(item));
}

std::string RequesterLabel(const std::optional<std::string>& code) {
  if (!code) return "not recorded";
  return std::string(cases::LabelOf(appointments::Requesters(), *code));
}

}  // namespace

Status CheckPeriod(const Period& period) {
  if (period.to < period.from)
    return Error::Invalid("period_backwards", "The end of the period is before its start.", "to");
  if (period.to - period.from > std::chrono::days{366 * 5})
    return Error::Invalid("period_too_long", "A report covers at most five years.", "to");
  return {};
}

const char* ToString(Scope::Level level) {
  switch (level) {
    case Scope::Level::kAll:
      return "all";
    case Scope::Level::kRegion:
      return "region";
    case Scope::Level::kPdu:
      return "pdu";
    case Scope::Level::kTeam:
      return "team";
    case Scope::Level::kOfficer:
      return "officer";
  }
  return "all";
}

bool InScope(const Scope& scope, const OrgLog& org, const Holding* holding) {
  if (scope.level == Scope::Level::kAll) return true;
  if (holding == nullptr) return false;
  switch (scope.level) {
    case Scope::Level::kTeam:
      return holding->team_code == scope.code;
    case Scope::Level::kPdu:
      return org.PduOf(holding->team_code) == scope.code;
    case Scope::Level::kRegion:
      return org.RegionOf(holding->team_code) == scope.code;
    case Scope::Level::kOfficer:
      return holding->officer_staff_id == scope.staff_id;
    case Scope::Level::kAll:
      break;
  }
  return true;
}

std::optional<int64_t> Kpi::RateTenths() const {
  if (denominator == 0) return std::nullopt;
  return (numerator * 1000 + denominator / 2) / denominator;
}

std::span<const std::string_view> KpiCodes() { return kCodes; }

KpiBuilder::KpiBuilder(Period period, Scope scope, const OrgLog& org, UtcTime as_of)
    : period_(period),
      scope_(std::move(scope)),
      org_(org),
      calendar_(org.Calendar()),
      as_of_(as_of),
      period_end_(std::min(UkStartOfDay(period.to + std::chrono::days{1}), as_of)),
      kpis_(Blank()) {}

bool KpiBuilder::InScopeAt(const CaseLog& c, UtcTime at) const {
  return InScope(scope_, org_, c.HoldingOrFirst(at));
}

void KpiBuilder::Add(const CaseLog& c) {
  FirstAppointments(c);
  EnforcementDecisions(c);
  AbsencesAmended(c);
  Rearrangements(c);
  OpenSpaces(c);
  OverCapacity(c);
  Unallocated(c);
}

void KpiBuilder::FirstAppointments(const CaseLog& c) {
  std::vector<appointments::Appointment> appointments;
  const Date today = UkDateOf(as_of_);
  for (const auto& s : c.sentences) {
    const auto window = appointments::FirstAppointmentWindowOf(s, calendar_);
    if (!window || !InPeriod(window->from)) continue;
    const Date* start = &window->from;
    const UtcTime end_of_start = UkStartOfDay(*start + std::chrono::days{1});
    if (!InScopeAt(c, end_of_start)) continue;
    if (appointments.empty()) {
      appointments.reserve(c.appointments.size());
      for (const auto& a : c.appointments) appointments.push_back(a.appointment);
    }
    const auto first = appointments::FirstAppointmentOf(s, appointments, calendar_, today);
    if (!first) continue;
    std::string category = "not yet due";
    std::string detail = "due by " + FormatDate(first->due_by);
    if (first->attended_on) detail += "; first attended " + FormatDate(*first->attended_on);
    if (first->status == "met") {
      category = "in time";
    } else if (first->status == "missed") {
      category = first->attended_on ? "late" : "not attended by the due day";
    }
    Count(kpis_[kFirstAppointment],
          Item(c, *start, first->status == "met", std::move(category), std::move(detail),
               OfficerName(org_, c.HoldingOrFirst(end_of_start)), "", 0),
          first->status != "due");
  }
}

void KpiBuilder::EnforcementDecisions(const CaseLog& c) {
  const Date today = UkDateOf(as_of_);
  for (const auto& alert : c.alerts) {
    if (alert.withdrawn || !InPeriod(alert.due_on)) continue;
    if (!InScopeAt(c, alert.raised_at)) continue;
    const LoggedDecision* decision = nullptr;
    for (const auto& d : c.decisions) {
      if (d.sentence_id == alert.sentence_id && d.failure_day == alert.failure_day) {
        decision = &d;
        break;
      }
    }
    std::string category;
    std::string detail = alert.kind + " alert for the failure on " + FormatDate(alert.failure_day) +
                         ", due " + FormatDate(alert.due_on);
    bool in_time = false;
    bool counts = true;
    std::string who;
    std::string instructed;
    int64_t seq = alert.raised_seq;
    if (decision != nullptr) {
      const Date decided = UkDateOf(decision->recorded_at);
      in_time = decided <= alert.due_on;
      category = in_time ? "in time" : "late";
      detail += "; " + decision->kind + " on " + FormatDate(decided);
      who = org_.NameOf(decision->recorded_by);
      if (decision->instructed_by) instructed = org_.NameOf(*decision->instructed_by);
      seq = decision->seq;
    } else if (alert.due_on < today) {
      category = "not decided";
    } else {
      category = "not yet due";
      counts = false;
    }
    Count(kpis_[kDecisions],
          Item(c, alert.due_on, in_time, std::move(category), std::move(detail), std::move(who),
               std::move(instructed), seq),
          counts);
  }
}

void KpiBuilder::AbsencesAmended(const CaseLog& c) {
  for (const auto& logged : c.appointments) {
    const auto& a = logged.appointment;
    const Date day = UkDateOf(a.starts_at);
    if (!InPeriod(day) || a.outcomes.empty()) continue;
    const auto unacceptable =
        std::find_if(a.outcomes.begin(), a.outcomes.end(), [](const appointments::Outcome& o) {
          return appointments::IsFailure(o.outcome) && o.judgement == "unacceptable";
        });
    if (unacceptable == a.outcomes.end() || !InScopeAt(c, a.starts_at)) continue;
    const auto made_acceptable =
        std::find_if(unacceptable + 1, a.outcomes.end(), [](const appointments::Outcome& o) {
          return !appointments::IsFailure(o.outcome) || o.judgement == "acceptable";
        });
    if (made_acceptable == a.outcomes.end()) {
      Count(kpis_[kAmended],
            Item(c, day, false, "still unacceptable", a.type + " appointment judged unacceptable",
                 org_.NameOf(unacceptable->recorded_by), "", unacceptable->event_seq),
            true);
      continue;
    }
    const std::string who = org_.NameOf(made_acceptable->recorded_by);
    const std::string instructed =
        made_acceptable->instructed_by ? org_.NameOf(*made_acceptable->instructed_by) : "";
    std::string detail = appointments::IsFailure(made_acceptable->outcome)
                             ? "unacceptable absence amended to acceptable"
                             : "unacceptable absence amended to " + made_acceptable->outcome;
    detail += " on " + FormatDate(UkDateOf(made_acceptable->recorded_at));
    if (made_acceptable->amendment_reason) detail += ": " + *made_acceptable->amendment_reason;
    std::string category =
        who +
        (instructed.empty() ? " (own decision)" : " (on the instruction of " + instructed + ")");
    Count(kpis_[kAmended],
          Item(c, day, true, std::move(category), std::move(detail), who, instructed,
               made_acceptable->event_seq),
          true);
  }
}

void KpiBuilder::Rearrangements(const CaseLog& c) {
  for (const auto& logged : c.appointments) {
    const auto& a = logged.appointment;
    const Date day = UkDateOf(a.starts_at);
    if (!InPeriod(day) || !InScopeAt(c, a.starts_at)) continue;
    const bool moved = a.status == "rearranged";
    std::string detail = a.type + " appointment on " + FormatUkLocal(a.starts_at);
    if (moved) {
      detail += " rearranged";
      if (logged.rearranged_at) detail += " on " + FormatDate(UkDateOf(*logged.rearranged_at));
      if (a.rearrange_reason) detail += ": " + *a.rearrange_reason;
    }
    Count(kpis_[kRearranged],
          Item(c, day, moved, moved ? RequesterLabel(a.rearrange_requested_by) : "kept",
               std::move(detail), org_.NameOf(moved ? logged.rearranged_by : a.booked_by),
               moved && logged.rearranged_instructed_by
                   ? org_.NameOf(*logged.rearranged_instructed_by)
                   : "",
               moved ? logged.rearranged_seq : logged.booked_seq),
          true);
  }
}

void KpiBuilder::OpenSpaces(const CaseLog& c) {
  for (const auto& logged : c.appointments) {
    const auto& a = logged.appointment;
    if (!logged.office_code || a.status == "rearranged") continue;
    const Date day = UkDateOf(a.starts_at);
    if (!InPeriod(day) || !InScopeAt(c, a.starts_at)) continue;
    const bool open = a.place.open_space;
    std::string detail = a.type + " appointment at " + *logged.office_code;
    if (open && a.place.room_reason) detail += ": " + *a.place.room_reason;
    Count(kpis_[kOpenSpace],
          Item(c, day, open, open ? "open space at " + *logged.office_code : "private room",
               std::move(detail), org_.NameOf(a.booked_by), "", logged.booked_seq),
          true);
  }
}

void KpiBuilder::OverCapacity(const CaseLog& c) {
  for (const auto& h : c.holdings) {
    if (h.allocation_id == 0 || !h.officer_staff_id) continue;
    const Date day = UkDateOf(h.from);
    if (!InPeriod(day) || !InScope(scope_, org_, &h)) continue;
    const auto over = std::find_if(
        c.over_capacity.begin(), c.over_capacity.end(),
        [&h](const LoggedOverCapacity& o) { return o.allocation_id == h.allocation_id; });
    const bool past = over != c.over_capacity.end();
    std::string detail = "allocated to " + OfficerName(org_, &h) + " in " + h.team_code;
    if (past) {
      detail += ", taking them from " + workload::TenthsText(over->capacity_before) + " to " +
                workload::TenthsText(over->capacity_after) + ": " + over->reason;
    }
    Count(kpis_[kOverCapacity],
          Item(c, day, past, past ? "past 100%" : "within capacity", std::move(detail),
               org_.NameOf(h.by), "", past ? over->seq : h.seq),
          true);
  }
}

void KpiBuilder::Unallocated(const CaseLog& c) {
  const Holding* h = c.HoldingAt(period_end_ - std::chrono::microseconds{1});
  if (h == nullptr || !InScope(scope_, org_, h)) return;
  const Date end_day = UkDateOf(period_end_ - std::chrono::microseconds{1});
  const bool current = std::any_of(c.sentences.begin(), c.sentences.end(), [&](const auto& s) {
    const auto from = ParseDate(s.sentence_date);
    const auto ended = s.terminated_on ? ParseDate(*s.terminated_on) : std::nullopt;
    return from && *from <= end_day && (!ended || *ended > end_day);
  });
  if (!current) return;
  const bool waiting = !h->officer_staff_id;
  const int days = static_cast<int>((end_day - UkDateOf(h->from)).count());
  std::string category = "allocated";
  if (waiting) {
    category = days < 7     ? "waiting under a week"
               : days <= 28 ? "waiting 1 to 4 weeks"
                            : "waiting over 4 weeks";
  }
  std::string detail = waiting ? "waiting " + std::to_string(days) + " days in " + h->team_code +
                                     " since " + FormatDate(UkDateOf(h->from))
                               : "held by " + OfficerName(org_, h) + " in " + h->team_code;
  Count(kpis_[kUnallocated],
        Item(c, end_day, waiting, std::move(category), std::move(detail), OfficerName(org_, h), "",
             h->seq),
        true);
}

std::vector<Kpi> KpiBuilder::Finish() && {
  for (auto& k : kpis_) {
    std::sort(k.items.begin(), k.items.end(), [](const KpiItem& a, const KpiItem& b) {
      return std::tie(a.on, a.crn, a.seq) < std::tie(b.on, b.crn, b.seq);
    });
    std::map<std::string, int64_t> counts;
    for (const auto& item : k.items) ++counts[item.category];
    for (auto& [label, count] : counts) k.breakdown.push_back({label, count});
    std::stable_sort(
        k.breakdown.begin(), k.breakdown.end(),
        [](const KpiBreakdown& a, const KpiBreakdown& b) { return a.count > b.count; });
  }
  return std::move(kpis_);
}

std::vector<Kpi> ComputeKpis(std::span<const CaseLog> cases, const Period& period,
                             const Scope& scope, const OrgLog& org, UtcTime as_of) {
  KpiBuilder builder(period, scope, org, as_of);
  for (const auto& c : cases) builder.Add(c);
  return std::move(builder).Finish();
}

}  // namespace probity::reporting

#include "allocation/recommend.h"

#include <algorithm>

#include "workload/capacity.h"

namespace probity::allocation {

namespace {

bool NewlyQualified(const Candidate& c, Date today) {
  if (c.grade != access::Grade::kPo || !c.qualified_on) return false;
  const auto until =
      std::chrono::year_month_day(*c.qualified_on) + std::chrono::months(kNewlyQualifiedMonths);
  return today < Date(until.ok() ? until : until.year() / until.month() / std::chrono::last);
}

bool HoldsCases(access::Grade g) {
  return g == access::Grade::kPo || g == access::Grade::kPso || g == access::Grade::kPqip;
}

char TierLetter(const CaseToPlace& c) { return c.tier && !c.tier->empty() ? (*c.tier)[0] : 'D'; }

// The first reason a candidate cannot take the case, or "" when they can.
std::string Ineligible(const CaseToPlace& to_place, const Candidate& c, Date today) {
  if (c.excluded) return "Excluded from this case";
  if (!HoldsCases(c.grade)) return "Does not hold cases at this grade";
  if (to_place.high_risk && c.grade != access::Grade::kPo)
    return "Needs a qualified officer: ROSH high or very high, or MAPPA level 2 or 3";
  if (to_place.high_risk && NewlyQualified(c, today))
    return "Newly qualified: protected from high-risk cases for their first " +
           std::to_string(kNewlyQualifiedMonths) + " months";
  const char letter = TierLetter(to_place);
  if (c.grade == access::Grade::kPso && (letter == 'A' || letter == 'B'))
    return "PSOs hold tiers C and D";
  if (c.grade == access::Grade::kPqip && letter == 'A') return "Trainees do not hold tier A cases";
  return "";
}

}  // namespace

std::string PercentText(int64_t tenths) {
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + "%";
}

std::vector<Recommendation> Recommend(const CaseToPlace& to_place,
                                      const std::vector<Candidate>& candidates, Date today) {
  std::vector<Recommendation> out;
  for (const auto& c : candidates) {
    Recommendation r;
    r.candidate = c;
    r.capacity_tenths = workload::CapacityTenths(c.points, c.available_points);
    r.capacity_after_tenths =
        c.available_points > 0
            ? workload::CapacityTenths(c.points + to_place.points, c.available_points)
            : 0;
    r.over_capacity_after =
        c.available_points <= 0 || workload::OverCapacity(r.capacity_after_tenths);
    const bool protected_grade = c.grade == access::Grade::kPqip || NewlyQualified(c, today);
    std::string why_not = Ineligible(to_place, c, today);
    if (why_not.empty() && protected_grade && r.over_capacity_after) {
      why_not = c.grade == access::Grade::kPqip ? "Trainee" : "Newly qualified";
      why_not += ": protected from going over 100%";
    }
    r.eligible = why_not.empty();
    if (!r.eligible) r.reasons.push_back(why_not);
    r.reasons.push_back(c.available_points > 0
                            ? PercentText(r.capacity_tenths) + " now, " +
                                  PercentText(r.capacity_after_tenths) + " after taking this case"
                            : "No capacity: every contracted hour is reduced");
    // A named string: GCC 12 misreads a long literal pushed straight in (-Wstringop-overread).
    static const std::string kNeedsReason =
        "Over 100% after taking it: allocating needs a recorded reason";
    if (r.eligible && r.over_capacity_after) r.reasons.push_back(kNeedsReason);
    if (c.officer_until)
      r.reasons.push_back("Was this person's officer until " + FormatDate(*c.officer_until));
    out.push_back(std::move(r));
  }
  std::stable_sort(out.begin(), out.end(), [](const Recommendation& a, const Recommendation& b) {
    if (a.eligible != b.eligible) return a.eligible;
    if (a.over_capacity_after != b.over_capacity_after) return !a.over_capacity_after;
    if (a.eligible && !a.over_capacity_after) {
      const bool ka = a.candidate.officer_until.has_value(),
                 kb = b.candidate.officer_until.has_value();
      if (ka != kb) return ka;
    }
    if (a.capacity_after_tenths != b.capacity_after_tenths)
      return a.capacity_after_tenths < b.capacity_after_tenths;
    return a.candidate.name < b.candidate.name;
  });
  return out;
}

}  // namespace probity::allocation

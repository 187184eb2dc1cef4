// Recommendations for allocating one case (issue 10, item 5; DESIGN section 6): the practitioners
// who could take it, ranked, each with the reasons a team manager reads before deciding. Pure:
// the caller supplies each candidate's live workload (points and available points) and what the
// case would add; the rules are docs/allocation.md "Recommendations".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access/model.h"
#include "core/date.h"

namespace probity::allocation {

// The case to place.
struct CaseToPlace {
  std::optional<std::string> tier;  // "B2"; nullopt: not tiered yet
  bool high_risk = false;           // ROSH high or very high, or MAPPA level 2 or 3 (IsHighRisk)
  int64_t points = 0;               // what the case adds to whoever takes it (its weighting)
};

// A practitioner who might take it.
struct Candidate {
  int64_t staff_id = 0;
  std::string name;
  access::Grade grade = access::Grade::kPo;
  std::optional<Date> qualified_on;   // a PO's qualification date (newly qualified protection)
  int64_t points = 0;                 // their workload now
  int64_t available_points = 0;       // their capacity now (reductions taken off)
  bool excluded = false;              // on the case's exclusion list, or off its restricted list
  std::optional<Date> officer_until;  // they were this person's officer until then (continuity)
  std::string username;               // for the allocation form; empty without an account
};

struct Recommendation {
  Candidate candidate;
  bool eligible = false;
  int64_t capacity_tenths = 0;        // now, in tenths of a percent
  int64_t capacity_after_tenths = 0;  // after taking the case
  bool over_capacity_after = false;   // over 100% after taking it: allocating needs a reason
  std::vector<std::string> reasons;   // why eligible or not, and what ranks it
};

// How long a newly qualified officer is protected: the NQO reduction's term (workload.md).
inline constexpr int kNewlyQualifiedMonths = 9;

// Each candidate judged and ranked, best first:
//   not eligible: excluded from the case; a grade that holds no cases (SPO and above,
//     administrative); a high-risk case for anyone but a PO past the newly qualified period; a
//     PSO given tier A or B; a PQiP trainee given tier A;
//   trainees (PQiP) and newly qualified officers are protected: never taken past 100%;
//   then eligible candidates at or under 100% after taking the case before those over it;
//   among those at or under 100%, a past officer of the person first (continuity), then the
//   lowest capacity after taking it; over 100%, the lowest capacity after; then by name.
std::vector<Recommendation> Recommend(const CaseToPlace& to_place,
                                      const std::vector<Candidate>& candidates, Date today);

// "72.4%": tenths of a percent as a page shows them.
std::string PercentText(int64_t tenths);

}  // namespace probity::allocation

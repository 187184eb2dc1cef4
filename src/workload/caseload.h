// A practitioner's live workload from the facts the record holds (docs/workload.md, "Live
// figures"): which row each case weighs on, the figure with its breakdown, and the week it falls
// in. Pure: the store reads the facts, these functions decide.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "workload/model.h"
#include "workload/points.h"
#include "workload/reductions.h"

namespace probity::workload {

// The weightings in force: the table, the nominal target and the default hours. Version 0 is the
// published defaults, in force until an administrator records a version.
struct Settings {
  int64_t version = 0;
  Weightings weights = DefaultWeightings();
  int64_t nominal_target = kNominalTarget;
  Hours default_hours = kDefaultHours * 100;
};

// One active sentence of a case.
struct SentenceFacts {
  std::string kind;  // community_order, suspended_sentence_order, licence, pss
  Date sentence_date;
  std::optional<Date> release_date;
};

// One case held by a practitioner: its person, age, tier and active sentences.
struct CaseFacts {
  int64_t person_id = 0;
  Date date_of_birth;
  std::optional<std::string> tier;  // "B2"; nullopt: untiered (scores 0)
  std::vector<SentenceFacts> sentences;
};

// The row a case weighs on, from its sentences current on `today` (active and already passed):
// community and suspended sentence orders are community; a licence or post-sentence supervision
// is licence once released (a release date on or before today), custody before. A case under
// several weighs on the type that weighs most for its tier (ties: licence, community, custody).
// nullopt: no current sentence, so the case is not part of a workload.
std::optional<CaseType> CaseTypeOf(const std::vector<SentenceFacts>& sentences, const Weightings& w,
                                   std::optional<int> tier, Date today);

// 18 to 24 on `today` (the young-adult row, workload.md).
bool IsYoungAdult(Date date_of_birth, Date today);

// The case as one row of the points table (count 1), or nullopt when it has no current sentence.
std::optional<CaseCount> CountOf(const CaseFacts& c, const Weightings& w, Date today);

// Cases gathered into rows of one type, tier and age group, in table order (type, young adult,
// tier A3..D0, untiered last), so a breakdown reads the same every time.
std::vector<CaseCount> Gather(const std::vector<CaseFacts>& cases, const Weightings& w, Date today);

// Contracted minutes a week as hours in hundredths, half up: 2220 minutes is 3700 (37 h).
Hours HoursOfMinutes(int64_t minutes);

struct Figure {
  Points points;                 // total and breakdown
  int64_t cases = 0;             // cases with a current sentence, tiered or not
  Hours contracted = 0;          // hundredths of an hour
  Hours reduction = 0;           // active reductions on the day, capped at contracted
  int64_t available_points = 0;  // after reductions
  int64_t capacity_tenths = 0;   // points against available, tenths of a percent
};

// What a practitioner's figure is on `today`: reports are the ones completed in the 30 days up to
// and including today. kInvalid as CalculatePoints and AvailablePoints (contracted hours out of
// range names "contracted_hours").
Result<Figure> FigureOf(const Settings& s, Hours contracted, const std::vector<CaseFacts>& cases,
                        const std::vector<Reduction>& reductions, int64_t standard_reports,
                        int64_t fast_reports, Date today);

// A unit's capacity: the sum of its members' points against the sum of their available points.
struct Sum {
  int64_t points = 0;
  int64_t available_points = 0;
  int64_t capacity_tenths() const;
};

// The Monday of the week `d` falls in.
Date WeekStart(Date d);

// Over 110% for four weeks running, ending with the last week given (oldest first): excessive,
// shown red (DESIGN section 6).
bool Excessive(const std::vector<int64_t>& capacity_tenths_oldest_first);

// The first day a report completed on it no longer counts: 30 days on.
inline Date ReportCountsUntil(Date completed_on) { return completed_on + std::chrono::days{30}; }

}  // namespace probity::workload

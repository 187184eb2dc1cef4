#include "workload/caseload.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "workload/capacity.h"

namespace probity::workload {

namespace {
// Ties go to the first: licence, community, custody (the more intensive supervision).
constexpr CaseType kPreference[] = {CaseType::kLicence, CaseType::kCommunity, CaseType::kCustody};

std::optional<CaseType> TypeOfSentence(const SentenceFacts& s, Date today) {
  if (s.sentence_date > today) return std::nullopt;
  if (s.kind == "community_order" || s.kind == "suspended_sentence_order")
    return CaseType::kCommunity;
  if (s.kind == "licence" || s.kind == "pss")
    return s.release_date && *s.release_date <= today ? CaseType::kLicence : CaseType::kCustody;
  return std::nullopt;
}

int64_t Weight(const Weightings& w, CaseType type, std::optional<int> tier) {
  return WeightOf(w, CaseCount{type, tier, false, 1});
}
}  // namespace

std::optional<CaseType> CaseTypeOf(const std::vector<SentenceFacts>& sentences, const Weightings& w,
                                   std::optional<int> tier, Date today) {
  bool has[3] = {false, false, false};
  for (const auto& s : sentences)
    if (auto type = TypeOfSentence(s, today)) has[static_cast<int>(*type)] = true;
  std::optional<CaseType> best;
  for (CaseType type : kPreference) {
    if (!has[static_cast<int>(type)]) continue;
    if (!best || Weight(w, type, tier) > Weight(w, *best, tier)) best = type;
  }
  return best;
}

bool IsYoungAdult(Date date_of_birth, Date today) {
  const int age = WholeYears(date_of_birth, today);
  return age >= 18 && age <= 24;
}

std::optional<CaseCount> CountOf(const CaseFacts& c, const Weightings& w, Date today) {
  const std::optional<int> tier = c.tier ? TierIndex(*c.tier) : std::nullopt;
  const auto type = CaseTypeOf(c.sentences, w, tier, today);
  if (!type) return std::nullopt;
  return CaseCount{*type, tier, IsYoungAdult(c.date_of_birth, today), 1};
}

std::vector<CaseCount> Gather(const std::vector<CaseFacts>& cases, const Weightings& w,
                              Date today) {
  // Key: type, young adult, tier (16 for untiered, so it sorts last).
  std::map<std::tuple<int, bool, int>, int64_t> rows;
  for (const auto& c : cases)
    if (auto one = CountOf(c, w, today))
      ++rows[{static_cast<int>(one->case_type), one->young_adult, one->tier.value_or(16)}];
  std::vector<CaseCount> out;
  out.reserve(rows.size());
  for (const auto& [key, count] : rows) {
    const auto [type, young, tier] = key;
    out.push_back({static_cast<CaseType>(type), tier == 16 ? std::nullopt : std::optional(tier),
                   young, count});
  }
  return out;
}

Hours HoursOfMinutes(int64_t minutes) { return (minutes * 100 * 2 + 60) / 120; }

Result<Figure> FigureOf(const Settings& s, Hours contracted, const std::vector<CaseFacts>& cases,
                        const std::vector<Reduction>& reductions, int64_t standard_reports,
                        int64_t fast_reports, Date today) {
  Figure f;
  PointsInput in{Gather(cases, s.weights, today), standard_reports, fast_reports};
  for (const auto& row : in.cases) f.cases += row.count;
  auto points = CalculatePoints(s.weights, in);
  if (!points) return points.error();
  f.points = std::move(*points);
  f.contracted = contracted;
  f.reduction = std::min(ActiveHours(reductions, today), contracted);
  auto available = AvailablePoints(s.nominal_target, s.default_hours, contracted, f.reduction);
  if (!available) return available.error();
  f.available_points = *available;
  f.capacity_tenths = CapacityTenths(f.points.total, f.available_points);
  return f;
}

int64_t Sum::capacity_tenths() const { return CapacityTenths(points, available_points); }

Date WeekStart(Date d) {
  const std::chrono::weekday wd{d};
  return d - std::chrono::days{(wd.c_encoding() + 6) % 7};  // Monday is 0 days back
}

bool Excessive(const std::vector<int64_t>& tenths) {
  if (tenths.size() < 4) return false;
  return std::all_of(tenths.end() - 4, tenths.end(),
                     [](int64_t t) { return t > kExcessiveTenths; });
}

}  // namespace probity::workload

// The working-days calendar on its hot paths: every due date is an AddWorkingDays, and
// enforcement re-evaluates 250,000 sentences. Start dates walk through 2020-2035 (a prime
// stride), so every kind of week, holiday and year boundary is crossed and no single answer is
// cached. Also the cost of building a calendar with a few local adjustments, which every
// LoadWorkingCalendar pays once per transaction, and a year's count for reports.
#include <benchmark/benchmark.h>

#include "calendar/working_days.h"

namespace probity {
namespace {

using calendar::Adjustment;
using calendar::AdjustmentKind;
using calendar::WorkingCalendar;

const Date kStart = *ParseDate("2020-01-01");
constexpr int kSpanDays = 16 * 365;

std::vector<Adjustment> SomeLocalAdjustments() {
  return {{*ParseDate("2026-11-30"), AdjustmentKind::kHoliday, "Office closure"},
          {*ParseDate("2027-08-30"), AdjustmentKind::kWorkingDay, "Summer bank holiday moved"},
          {*ParseDate("2028-06-02"), AdjustmentKind::kHoliday, "Local holiday"}};
}

// Calls `ask(calendar, date)` for start dates a prime stride apart, one per iteration.
template <class Ask>
void OverDates(benchmark::State& state, Ask ask) {
  const WorkingCalendar calendar(SomeLocalAdjustments());
  int offset = 0;
  for (auto _ : state) {
    offset = (offset + 97) % kSpanDays;
    benchmark::DoNotOptimize(ask(calendar, kStart + std::chrono::days{offset}));
  }
  state.SetItemsProcessed(state.iterations());
}

// The argument is the step: +10 (a decision due), -10, +250 (about a year).
void BM_AddWorkingDays(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  OverDates(state, [n](const WorkingCalendar& c, Date d) { return c.AddWorkingDays(d, n); });
}

void BM_IsWorkingDay(benchmark::State& state) {
  OverDates(state, [](const WorkingCalendar& c, Date d) { return c.IsWorkingDay(d); });
}

void BM_WorkingDaysBetween_Year(benchmark::State& state) {
  OverDates(state, [](const WorkingCalendar& c, Date d) {
    return c.WorkingDaysBetween(d, d + std::chrono::days{365});
  });
}

void BM_BuildWorkingCalendar(benchmark::State& state) {
  const WorkingCalendar warm;  // the shared rule table is built once per process
  benchmark::DoNotOptimize(warm.IsWorkingDay(kStart));
  const auto local = SomeLocalAdjustments();
  for (auto _ : state) benchmark::DoNotOptimize(WorkingCalendar(local));
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK(BM_AddWorkingDays)->Arg(10)->Arg(-10)->Arg(250);
BENCHMARK(BM_IsWorkingDay);
BENCHMARK(BM_WorkingDaysBetween_Year);
BENCHMARK(BM_BuildWorkingCalendar)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace probity

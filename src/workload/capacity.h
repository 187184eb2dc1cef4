// Capacity (workload.md "Capacity"): available points and capacity percent. Pure.
#pragma once

#include <cstdint>

#include "core/result.h"
#include "workload/reductions.h"

namespace probity::workload {

// trunc(nominal x (contracted - reduction) / default), hours in hundredths; 0 if not positive.
// kInvalid: contracted over 80 h or negative ("contracted_hours"), reduction negative
// ("reduction_hours"), nominal not from 1 to 1000000, default not over 0 and at most 80 h. A
// reduction over contracted hours is capped (the answer is 0 available points), as the allowances
// are.
Result<int64_t> AvailablePoints(int64_t nominal, Hours default_hours, Hours contracted,
                                Hours reduction);

// Capacity in tenths of a percent: points x 1000 / available rounded half up on the exact
// rational (integers only); 0 when available is 0.
int64_t CapacityTenths(int64_t points, int64_t available);

// The lines a capacity is judged against (DESIGN section 6): over 100.0% is over capacity (amber);
// over 110.0% for four weeks running is excessive (red, Excessive in caseload.h).
inline constexpr int64_t kFullTenths = 1000;
inline constexpr int64_t kExcessiveTenths = 1100;
inline constexpr bool OverCapacity(int64_t capacity_tenths) {
  return capacity_tenths > kFullTenths;
}

}  // namespace probity::workload

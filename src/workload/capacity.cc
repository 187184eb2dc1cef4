#include "workload/capacity.h"

namespace probity::workload {

Result<int64_t> AvailablePoints(int64_t nominal, Hours default_hours, Hours contracted,
                                Hours reduction) {
  if (nominal <= 0 || nominal > 1000000)
    return Error::Invalid("invalid_target", "The nominal target must be from 1 to 1000000.",
                          "nominal_target");
  if (default_hours <= 0 || default_hours > 8000)
    return Error::Invalid("invalid_hours", "Default hours must be over 0 and at most 80.",
                          "default_hours");
  if (contracted < 0 || contracted > 8000)
    return Error::Invalid("invalid_hours", "Contracted hours must be from 0 to 80.",
                          "contracted_hours");
  if (reduction < 0)
    return Error::Invalid("invalid_hours", "Reduction hours cannot be negative.",
                          "reduction_hours");
  const Hours net = contracted - (reduction > contracted ? contracted : reduction);
  if (net <= 0) return int64_t{0};
  return nominal * net / default_hours;  // both positive: integer division truncates
}

int64_t CapacityTenths(int64_t points, int64_t available) {
  if (available <= 0) return 0;
  return (points * 2000 + available) / (2 * available);  // half up, points >= 0
}

}  // namespace probity::workload

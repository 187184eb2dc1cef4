// Reductions (workload.md allowances table): hours as exact hundredths. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace probity::workload {

// Hours in hundredths of an hour: 1850 is 18.5 h.
using Hours = int64_t;

struct Allowance {
  std::string_view code;
  std::string_view label;
  int percent;        // 0: hours entered; for trade_union, the maximum
  int expiry_months;  // 0: no expiry
};

const std::vector<Allowance>& Allowances();
const Allowance* FindAllowance(std::string_view code);

// percent of contracted, rounded half up to hundredths, capped at contracted.
Hours ReductionHours(Hours contracted, int percent);

struct Reduction {
  Hours hours = 0;
  Date start;
  std::optional<Date> expires;  // exclusive; nullopt: open
};

// Active on `on` when start <= on < expires.
bool ActiveOn(const Reduction& r, Date on);
Hours ActiveHours(const std::vector<Reduction>& rs, Date on);

}  // namespace probity::workload

#include "workload/reductions.h"

namespace probity::workload {

const std::vector<Allowance>& Allowances() {
  static const std::vector<Allowance> kAll = {
      {"pqip_0_6", "PQiP trainee, months 0-6", 80, 6},
      {"pqip_6_12", "PQiP trainee, months 6-12", 60, 6},
      {"pqip_12_18", "PQiP trainee, months 12-18", 40, 6},
      {"newly_qualified", "Newly qualified officer", 20, 9},
      {"pso_learning", "PSO learning and development", 20, 6},
      {"long_term_absence", "Long-term sickness, maternity/adoption, special leave", 100, 0},
      {"trade_union", "Trade union facility time (up to 50%)", 50, 0},
      {"other", "Other (court duty, disability, co-working...)", 0, 0},
  };
  return kAll;
}

const Allowance* FindAllowance(std::string_view code) {
  for (const auto& a : Allowances()) {
    if (a.code == code) return &a;
  }
  return nullptr;
}

Hours ReductionHours(Hours contracted, int percent) {
  if (contracted <= 0 || percent <= 0) return 0;
  const Hours h = (contracted * percent + 50) / 100;
  return h > contracted ? contracted : h;
}

bool ActiveOn(const Reduction& r, Date on) {
  return r.start <= on && (!r.expires || on < *r.expires);
}

Hours ActiveHours(const std::vector<Reduction>& rs, Date on) {
  Hours sum = 0;
  for (const auto& r : rs) {
    if (ActiveOn(r, on)) sum += r.hours;
  }
  return sum;
}

}  // namespace probity::workload

// Reads the event log for reports: only event_log, never a projection, so every figure is the
// log's. Reads stop at one seq, so a report is one consistent snapshot however long it takes
// and can be recomputed later from the same prefix of the log.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "reporting/case_log.h"
#include "reporting/kpi.h"
#include "store/db.h"

namespace probity::reporting {

struct LogHead {
  int64_t seq = 0;
  std::string hash;
};
LogHead ReadLogHead(store::Transaction& tx);

// The organisation, staff names and local calendar from events up to `through_seq`.
OrgLog ReadOrg(store::Transaction& tx, int64_t through_seq);

// The CRNs of every case that the scope's unit (or officer) held at any time up to
// `through_seq`, sorted: the cases a report over that unit must read. kAll: every case.
std::vector<std::string> CasesHeldBy(store::Transaction& tx, const Scope& scope, const OrgLog& org,
                                     int64_t through_seq);

// Folds each case from its events up to `through_seq` (only CaseKinds(), read by subject a
// chunk of cases at a time) and calls `visit` with it, in the order given. Returns the number
// of events read.
int64_t ForEachCase(store::Transaction& tx, std::span<const std::string> crns, int64_t through_seq,
                    const std::function<void(const CaseLog&)>& visit);

}  // namespace probity::reporting

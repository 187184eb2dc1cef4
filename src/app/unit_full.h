// A team or PDU declared over capacity by the head of its PDU (issue 10, item 6; docs/allocation.md
// "Unit full"): the declaration with its dates, reason and the work agreed to be suspended, its
// early end, and the list the dashboards and the unallocated queue show. Event kinds and payload
// fields are FROZEN: see unit_full.cc.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "access/model.h"
#include "core/result.h"
#include "core/time.h"
#include "store/db.h"
#include "store/event_log.h"
#include "workload/declaration.h"

namespace probity::app {

struct DeclarationInput {
  std::string unit;  // "team" or "pdu"
  std::string code;  // the team's or PDU's code
  std::string from;  // YYYY-MM-DD
  std::optional<std::string> to;
  std::string reason;
  std::string suspended_work;
};

// kInvalid naming the field ("unit", "from", "to", "reason", "suspended_work"); kNotFound "code"
// for an unknown team or PDU; kForbidden unless `who` is the head of the unit's PDU. Returns the
// declaration as stored.
Result<workload::Declaration> DeclareUnitFull(store::Db& db, const access::Principal& who,
                                              const DeclarationInput& in, UtcTime now);

// Ends a declaration early (ended_on is the first day it no longer applies). kNotFound for an
// unknown id; kForbidden as for declaring; kConflict "already_ended"; kInvalid as CheckEnd.
Result<workload::Declaration> EndUnitFull(store::Db& db, const access::Principal& who, int64_t id,
                                          const std::string& ended_on, const std::string& reason,
                                          UtcTime now);

// The declarations of `who`'s PDUs (every PDU for performance analysts and administrators),
// newest first, with names.
std::vector<workload::Declaration> ListUnitFull(store::Db& db, const access::Principal& who);

// Of those, the ones in force on `day` that cover a team of `who` or their PDU.
std::vector<workload::Declaration> InForceFor(const std::vector<workload::Declaration>& all,
                                              const access::Principal& who, Date day);

}  // namespace probity::app

// Use cases that build the organisation: one function per administrator action. Each validates,
// writes the state row and its event in one transaction, and commits before returning.
#pragma once

#include "core/result.h"
#include "core/time.h"
#include "org/model.h"
#include "store/db.h"
#include "store/event_log.h"

namespace probity::app {

// Each returns the new id. kInvalid for bad input (naming the field), kNotFound when the parent
// code names nothing, kConflict when the code is taken. Nothing is written on any error.
Result<int64_t> CreateRegion(store::Db& db, const store::Actor& by, const org::Region& in,
                             UtcTime now);
Result<int64_t> CreatePdu(store::Db& db, const store::Actor& by, const org::Pdu& in, UtcTime now);
Result<int64_t> CreateTeam(store::Db& db, const store::Actor& by, const org::Team& in, UtcTime now);
Result<int64_t> CreateOffice(store::Db& db, const store::Actor& by, const org::Office& in,
                             UtcTime now);

// Renames a team if nobody changed it since `expected_version`; returns the new version.
// kInvalid for a bad name, kNotFound for no such team, kConflict for a stale version.
Result<int> RenameTeam(store::Db& db, const store::Actor& by, const std::string& code,
                       const std::string& name, int expected_version, UtcTime now);

}  // namespace probity::app

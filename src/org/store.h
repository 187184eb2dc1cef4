// SQL for the organisation tables. Runs inside the caller's Transaction; never commits.
#pragma once

#include <optional>
#include <vector>

#include "core/result.h"
#include "org/model.h"
#include "store/db.h"

namespace probity::org {

// Each Insert returns the new id. kNotFound when the parent code names nothing; kConflict when
// the code is taken. Throws soci::soci_error when the database fails.
Result<int64_t> Insert(store::Transaction& tx, const Region& r);
Result<int64_t> Insert(store::Transaction& tx, const Pdu& p);
Result<int64_t> Insert(store::Transaction& tx, const Team& t);
Result<int64_t> Insert(store::Transaction& tx, const Office& o);

std::optional<Team> FindTeam(store::Transaction& tx, const std::string& code);
std::vector<Team> ListTeams(store::Transaction& tx);
int64_t CountRegions(store::Transaction& tx);

}  // namespace probity::org

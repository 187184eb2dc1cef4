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

struct Organisation {
  std::vector<Region> regions;
  std::vector<Pdu> pdus;
  std::vector<Team> teams;
  std::vector<Office> offices;
};
Organisation LoadOrganisation(store::Transaction& tx);

// Renames the team if it is still at expected_version, bumping the version. kNotFound when there
// is no such team; kConflict when someone changed it since expected_version was read.
Result<int> RenameTeam(store::Transaction& tx, const std::string& code, const std::string& name,
                       int expected_version);

std::optional<Team> FindTeam(store::Transaction& tx, const std::string& code);
std::vector<Team> ListTeams(store::Transaction& tx);
int64_t CountRegions(store::Transaction& tx);

}  // namespace probity::org

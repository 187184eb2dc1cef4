// SQL for declarations of a unit over capacity (migration 0014). Runs inside the caller's
// Transaction; never commits, never judges (workload/declaration.h does) and never appends an
// event (app/unit_full.h does, in the same transaction). Both tables are append-only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/db.h"
#include "workload/declaration.h"

namespace probity::workload {

// A unit named by code: a team (with its PDU) or a PDU.
struct Unit {
  std::optional<int64_t> team_id;
  int64_t pdu_id = 0;
  std::string code;
  std::string name;
};
std::optional<Unit> FindTeamUnit(store::Transaction& tx, const std::string& team_code);
std::optional<Unit> FindPduUnit(store::Transaction& tx, const std::string& pdu_code);

int64_t InsertDeclaration(store::Transaction& tx, const Declaration& d);
void InsertDeclarationEnd(store::Transaction& tx, int64_t declaration_id, Date ended_on,
                          const std::string& reason, const std::string& ended_by, UtcTime at);
std::optional<Declaration> FindDeclaration(store::Transaction& tx, int64_t id);
// The declarations of these PDUs and their teams (every PDU when `pdu_ids` is nullopt), newest
// first, with their ends.
std::vector<Declaration> ListDeclarations(store::Transaction& tx,
                                          const std::optional<std::vector<int64_t>>& pdu_ids);

}  // namespace probity::workload

// The SQL of inspection samples (migration 0019): the recorded draw and every case the sample
// has held, append-only. Reads the hash of one event of the log, so a redraw can tell whether
// the log it reads is the one the sample was drawn from. No rules here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "store/db.h"

namespace probity::reporting {

// One case the sample has held, by its place in the seeded order.
struct SampleCaseRow {
  int position = 0;  // 1..size from the draw; replacements after
  std::string crn;
  std::optional<std::string> replaces_crn;  // a replacement: the case it took the place of
  std::optional<std::string> reason;        // why that case was replaced
  std::string added_by;                     // actor id
  UtcTime added_at{};
};

struct SampleRow {
  int64_t id = 0;
  std::string title;
  std::string scope_level;  // all, region, pdu, team
  std::string scope_code;
  std::string criteria;  // canonical JSON
  std::string seed;      // 64 hex characters
  int size = 0;
  int64_t through_seq = 0;
  std::string head_hash;
  int64_t population_count = 0;
  std::string drawn_by;  // actor id
  UtcTime drawn_at{};
  std::vector<SampleCaseRow> cases;  // by position (empty from ListSampleRows)
  int case_rows = 0;                 // how many rows `cases` has, in lists too
};

// Inserts the sample (not its cases); returns its id.
int64_t InsertSampleRow(store::Transaction& tx, const SampleRow& s);
// False, writing nothing, when the position, the CRN or the replaced CRN is taken (two
// replacements at once); on PostgreSQL the transaction must then roll back.
bool InsertSampleCase(store::Transaction& tx, int64_t sample_id, const SampleCaseRow& c);

std::optional<SampleRow> FindSampleRow(store::Transaction& tx, int64_t id);
// Every sample, newest first, without its cases.
std::vector<SampleRow> ListSampleRows(store::Transaction& tx);

// The hash of the event at `seq`, nullopt when the log has none.
std::optional<std::string> EventHashAt(store::Transaction& tx, int64_t seq);

}  // namespace probity::reporting

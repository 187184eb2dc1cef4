#include "store/report_reads.h"

#include <soci/soci.h>

#include <algorithm>
#include <stdexcept>

#include "store/dialect.h"
#include "store/row.h"
#include "store/rows.h"

namespace probity::store {

namespace {

// The partial indexes' own condition, written as they write it.
constexpr const char* kAllocationKinds = "kind IN ('person.registered', 'case.allocated')";

std::string KindList(std::span<const std::string_view> kinds) {
  std::string out;
  for (const auto kind : kinds) {
    // Constants of the code, but checked anyway: nothing but a kind's characters reaches the SQL.
    if (kind.empty() || kind.find_first_not_of("abcdefghijklmnopqrstuvwxyz_.") != kind.npos)
      throw std::logic_error("not an event kind: " + std::string(kind));
    out += (out.empty() ? "'" : ", '") + std::string(kind) + "'";
  }
  return out;
}

// Sorted here rather than by ORDER BY: PostgreSQL sorts by the database's collation, and a
// sample's seeded order is over CRNs in byte order.
std::vector<std::string> SortedByByte(std::vector<std::string> subjects) {
  std::sort(subjects.begin(), subjects.end());
  return subjects;
}

}  // namespace

std::string EventsOfSubjectsSql(Backend b, size_t subject_count,
                                std::span<const std::string_view> kinds) {
  // Named: with a few hundred subjects SQLite's planner, without statistics, would rather walk
  // event_log_kind over every row of twenty kinds (minutes at national scale).
  std::string sql = "SELECT seq, recorded_at, actor, instructed_by, subject, kind, payload FROM " +
                    dialect::TableThroughIndex(b, "event_log", "event_log_case_report") +
                    " WHERE subject IN (";
  for (size_t i = 0; i < subject_count; ++i) sql += (i == 0 ? ":s" : ", :s") + std::to_string(i);
  // `kind IN (...)` as the partial index writes it, so the index applies.
  // No ORDER BY: PostgreSQL would sort by the database's collation, which costs more than the
  // query (about 115 ms against 40 ms for 400 cases); EventsOfSubjects sorts by byte instead.
  return sql + ") AND kind IN (" + KindList(kinds) + ") AND seq <= :through";
}

std::vector<EventRow> EventsOfSubjects(Transaction& tx, std::span<const std::string> subjects,
                                       std::span<const std::string_view> kinds,
                                       int64_t through_seq) {
  std::vector<EventRow> out;
  if (subjects.empty() || kinds.empty()) return out;
  const std::string sql = EventsOfSubjectsSql(tx.backend(), subjects.size(), kinds);
  Rows rows(tx);
  for (const auto& subject : subjects) rows.Use(subject);
  const long long through = through_seq;
  rows.Use(through);
  rows.Read(sql, [&](const soci::row& r) { out.push_back(EventRowFrom(r)); });
  std::sort(out.begin(), out.end(), [](const EventRow& a, const EventRow& b) {
    return a.subject != b.subject ? a.subject < b.subject : a.seq < b.seq;
  });
  return out;
}

std::vector<std::string> SubjectsAllocatedToTeams(Transaction& tx,
                                                  std::span<const std::string> team_codes,
                                                  int64_t through_seq) {
  std::vector<std::string> out;
  if (team_codes.empty()) return out;
  std::string sql = "SELECT DISTINCT subject FROM " +
                    dialect::TableThroughIndex(tx.backend(), "event_log", "event_log_holder_team") +
                    " WHERE " + kAllocationKinds + " AND " +
                    dialect::PayloadField(tx.backend(), "team_code") + " IN (";
  Rows rows(tx);
  for (size_t i = 0; i < team_codes.size(); ++i) {
    sql += (i == 0 ? ":t" : ", :t") + std::to_string(i);
    rows.Use(team_codes[i]);
  }
  sql += ") AND seq <= :through";
  const long long through = through_seq;
  rows.Use(through);
  rows.Read(sql, [&](const soci::row& r) { out.push_back(GetText(r, 0)); });
  return SortedByByte(std::move(out));
}

std::vector<std::string> SubjectsAllocatedToOfficer(Transaction& tx, int64_t staff_id,
                                                    int64_t through_seq) {
  std::vector<std::string> out;
  const std::string staff = std::to_string(staff_id);  // the field's text: its digits
  const long long through = through_seq;
  Rows rows(tx);
  rows.Use(staff).Use(through);
  rows.Read("SELECT DISTINCT subject FROM " +
                dialect::TableThroughIndex(tx.backend(), "event_log", "event_log_holder_officer") +
                " WHERE " + kAllocationKinds + " AND " +
                dialect::PayloadField(tx.backend(), "officer_staff_id") +
                " = :staff AND seq <= :through",
            [&](const soci::row& r) { out.push_back(GetText(r, 0)); });
  return SortedByByte(std::move(out));
}

}  // namespace probity::store

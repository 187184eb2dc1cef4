#include "reporting/sample_store.h"

#include <soci/soci.h>

#include "store/bind.h"
#include "store/dialect.h"
#include "store/row.h"
#include "store/rows.h"

namespace probity::reporting {

namespace {
using store::GetInt;
using store::GetOptionalText;
using store::GetText;

constexpr const char* kSelect =
    "SELECT s.id, s.title, s.scope_level, s.scope_code, s.criteria, s.seed, s.size, "
    "s.through_seq, s.head_hash, s.population_count, s.drawn_by, s.drawn_at, (SELECT COUNT(*) "
    "FROM inspection_sample_case c WHERE c.sample_id = s.id) FROM inspection_sample s ";

SampleRow Read(const soci::row& r) {
  SampleRow s;
  s.id = GetInt(r, 0);
  s.title = GetText(r, 1);
  s.scope_level = GetText(r, 2);
  s.scope_code = GetText(r, 3);
  s.criteria = GetText(r, 4);
  s.seed = GetText(r, 5);
  s.size = static_cast<int>(GetInt(r, 6));
  s.through_seq = GetInt(r, 7);
  s.head_hash = GetText(r, 8);
  s.population_count = GetInt(r, 9);
  s.drawn_by = GetText(r, 10);
  s.drawn_at = ParseUtc(GetText(r, 11)).value_or(UtcTime{});
  s.case_rows = static_cast<int>(GetInt(r, 12));
  return s;
}
}  // namespace

int64_t InsertSampleRow(store::Transaction& tx, const SampleRow& s) {
  const int size = s.size;
  const long long through = s.through_seq, population = s.population_count;
  const std::string at = FormatUtc(s.drawn_at);
  long long id = 0;
  tx.sql() << "INSERT INTO inspection_sample (title, scope_level, scope_code, criteria, seed, "
              "size, through_seq, head_hash, population_count, drawn_by, drawn_at) VALUES (:t, "
              ":l, :c, :cr, :s, :n, :q, :h, :p, :b, :a) RETURNING id",
      soci::use(s.title), soci::use(s.scope_level), soci::use(s.scope_code), soci::use(s.criteria),
      soci::use(s.seed), soci::use(size), soci::use(through), soci::use(s.head_hash),
      soci::use(population), soci::use(s.drawn_by), soci::use(at), soci::into(id);
  return id;
}

bool InsertSampleCase(store::Transaction& tx, int64_t sample_id, const SampleCaseRow& c) {
  const long long id = sample_id;
  const int position = c.position;
  store::NullableText replaces(c.replaces_crn), reason(c.reason);
  const std::string at = FormatUtc(c.added_at);
  try {
    tx.sql() << "INSERT INTO inspection_sample_case (sample_id, position, crn, replaces_crn, "
                "reason, added_by, added_at) VALUES (:s, :p, :c, :r, :why, :b, :a)",
        soci::use(id), soci::use(position), soci::use(c.crn), store::Use(replaces),
        store::Use(reason), soci::use(c.added_by), soci::use(at);
  } catch (const soci::soci_error& e) {
    if (!store::dialect::IsUniqueViolation(e)) throw;
    return false;
  }
  return true;
}

std::optional<SampleRow> FindSampleRow(store::Transaction& tx, int64_t id) {
  std::optional<SampleRow> out;
  const long long key = id;
  store::Rows(tx).Use(key).Read(std::string(kSelect) + "WHERE s.id = :id",
                                [&](const soci::row& r) { out = Read(r); });
  if (!out) return out;
  store::Rows(tx).Use(key).Read(
      "SELECT position, crn, replaces_crn, reason, added_by, added_at FROM "
      "inspection_sample_case WHERE sample_id = :id ORDER BY position",
      [&](const soci::row& r) {
        out->cases.push_back({static_cast<int>(GetInt(r, 0)), GetText(r, 1), GetOptionalText(r, 2),
                              GetOptionalText(r, 3), GetText(r, 4),
                              ParseUtc(GetText(r, 5)).value_or(UtcTime{})});
      });
  return out;
}

std::vector<SampleRow> ListSampleRows(store::Transaction& tx) {
  std::vector<SampleRow> out;
  store::Rows(tx).Read(std::string(kSelect) + "ORDER BY s.id DESC",
                       [&](const soci::row& r) { out.push_back(Read(r)); });
  return out;
}

std::optional<std::string> EventHashAt(store::Transaction& tx, int64_t seq) {
  std::optional<std::string> out;
  const long long key = seq;
  store::Rows(tx).Use(key).Read("SELECT hash FROM event_log WHERE seq = :q",
                                [&](const soci::row& r) { out = GetText(r, 0); });
  return out;
}

}  // namespace probity::reporting

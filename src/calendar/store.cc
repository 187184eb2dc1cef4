#include "calendar/store.h"

#include <soci/soci.h>

#include <stdexcept>

#include "store/dialect.h"
#include "store/row.h"
#include "store/rows.h"

namespace probity::calendar {

namespace {
Adjustment FromRow(const soci::row& r) {
  const std::string date = store::GetText(r, 0), kind = store::GetText(r, 1);
  const auto parsed_date = ParseDate(date);
  const auto parsed_kind = ParseAdjustmentKind(kind);
  if (!parsed_date || !parsed_kind)
    throw std::runtime_error("calendar_adjustment holds a row the program cannot read: date '" +
                             date + "', kind '" + kind + "'");
  return Adjustment{*parsed_date, *parsed_kind, store::GetText(r, 2)};
}
}  // namespace

Error AdjustmentExists(Date date) {
  return Error{ErrorKind::kConflict, "adjustment_exists",
               FormatDate(date) + " already has a local adjustment: remove it first to change it",
               "date"};
}

std::vector<Adjustment> LoadAdjustments(store::Transaction& tx) {
  std::vector<Adjustment> out;
  store::Rows(tx).Read("SELECT date, kind, name FROM calendar_adjustment ORDER BY date",
                       [&](const soci::row& r) { out.push_back(FromRow(r)); });
  return out;
}

std::optional<Adjustment> FindAdjustment(store::Transaction& tx, Date date) {
  const std::string text = FormatDate(date);
  std::optional<Adjustment> found;
  store::Rows(tx).Use(text).Read("SELECT date, kind, name FROM calendar_adjustment WHERE date = :d",
                                 [&](const soci::row& r) { found = FromRow(r); });
  return found;
}

Status InsertAdjustment(store::Transaction& tx, const Adjustment& a, const std::string& added_by,
                        UtcTime added_at) {
  const std::string date = FormatDate(a.date), kind = ToString(a.kind), at = FormatUtc(added_at);
  try {
    tx.sql() << "INSERT INTO calendar_adjustment (date, kind, name, added_by, added_at) VALUES "
                "(:d, :k, :n, :b, :t)",
        soci::use(date), soci::use(kind), soci::use(a.name), soci::use(added_by), soci::use(at);
  } catch (const soci::soci_error& e) {
    if (!store::dialect::IsUniqueViolation(e)) throw;
    return AdjustmentExists(a.date);
  }
  return Ok();
}

bool DeleteAdjustment(store::Transaction& tx, Date date) {
  const std::string text = FormatDate(date);
  soci::statement st =
      (tx.sql().prepare << "DELETE FROM calendar_adjustment WHERE date = :d", soci::use(text));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

}  // namespace probity::calendar

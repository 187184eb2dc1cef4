#include "app/calendar.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "calendar/store.h"

namespace probity::app {

// FROZEN event kinds and payload fields (they are in the hash chain), subject: "calendar".
//   calendar.adjustment_added    {date, kind, name}
//   calendar.adjustment_removed  {date, kind, name}
//       date: "YYYY-MM-DD"; kind: "holiday" or "working_day" (calendar::ToString); name: as the
//       administrator wrote it. A removal carries the adjustment it removed, so the local
//       calendar on any day can be rebuilt from the log alone.

namespace {
constexpr const char* kSubject = "calendar";

nlohmann::json Payload(const calendar::Adjustment& a) {
  return {{"date", FormatDate(a.date)}, {"kind", calendar::ToString(a.kind)}, {"name", a.name}};
}
}  // namespace

calendar::WorkingCalendar LoadWorkingCalendar(store::Transaction& tx) {
  return calendar::WorkingCalendar(calendar::LoadAdjustments(tx));
}

calendar::WorkingCalendar LoadWorkingCalendar(store::Db& db) {
  auto tx = db.BeginRead();
  return LoadWorkingCalendar(tx);
}

Result<std::vector<calendar::Holiday>> HolidaysIn(store::Db& db, int year) {
  if (year < calendar::kFirstYear || year > calendar::kLastYear)
    return Error::Invalid("out_of_range",
                          "year must be a whole number from " +
                              std::to_string(calendar::kFirstYear) + " to " +
                              std::to_string(calendar::kLastYear),
                          "year");
  return LoadWorkingCalendar(db).Holidays(year);
}

Result<calendar::Adjustment> AddCalendarAdjustment(store::Db& db, const store::Actor& by,
                                                   const calendar::Adjustment& in, UtcTime now) {
  auto tx = db.BeginWrite();
  const auto current = LoadWorkingCalendar(tx);
  // A date's local adjustment is changed by removing it first, never by a second one.
  const auto& local = current.LocalAdjustments();
  if (std::any_of(local.begin(), local.end(),
                  [&](const calendar::Adjustment& a) { return a.date == in.date; }))
    return calendar::AdjustmentExists(in.date);
  if (auto s = calendar::CheckAdjustment(current, in); !s) return s.error();
  if (auto s = calendar::InsertAdjustment(tx, in, by.id, now); !s) return s.error();
  store::AppendEvent(tx, by, {kSubject, "calendar.adjustment_added", Payload(in)}, now);
  tx.Commit();
  return in;
}

Result<calendar::Adjustment> RemoveCalendarAdjustment(store::Db& db, const store::Actor& by,
                                                      Date date, UtcTime now) {
  auto tx = db.BeginWrite();
  auto existing = calendar::FindAdjustment(tx, date);
  if (!existing || !calendar::DeleteAdjustment(tx, date))
    return Error{ErrorKind::kNotFound, "no_adjustment",
                 FormatDate(date) + " has no local adjustment to remove", "date"};
  store::AppendEvent(tx, by, {kSubject, "calendar.adjustment_removed", Payload(*existing)}, now);
  tx.Commit();
  return *existing;
}

}  // namespace probity::app

// SQL for the calendar's local adjustments (table calendar_adjustment, migration 0007). Runs
// inside the caller's Transaction; never commits and appends no event (app/calendar.h does).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "calendar/working_days.h"
#include "core/result.h"
#include "core/time.h"
#include "store/db.h"

namespace probity::calendar {

// Every local adjustment, by date. Throws std::runtime_error for a row the program could not
// have written (a broken invariant), soci::soci_error when the database fails.
std::vector<Adjustment> LoadAdjustments(store::Transaction& tx);

// The local adjustment on `date`; nullopt when there is none.
std::optional<Adjustment> FindAdjustment(store::Transaction& tx, Date date);

// Stores `a`, recording who added it and when. kConflict AdjustmentExists when the date has a
// local adjustment already (the unique index decides, so concurrent inserts cannot both succeed).
Status InsertAdjustment(store::Transaction& tx, const Adjustment& a, const std::string& added_by,
                        UtcTime added_at);

// kConflict "adjustment_exists" naming "date": one local adjustment per date.
Error AdjustmentExists(Date date);

// Deletes the local adjustment on `date`; false when there was none.
bool DeleteAdjustment(store::Transaction& tx, Date date);

}  // namespace probity::calendar

// Use cases on the working-days calendar: the calendar as the database holds it (rules,
// proclaimed days and the administrator's local adjustments), and adding or removing a local
// adjustment. Each write is one transaction that writes the row and appends its event (kinds and
// payload fields FROZEN: see calendar.cc). Only administrators may write: the handler asks
// access::Decide(who, Action::kManageOrganisation) before calling.
#pragma once

#include <vector>

#include "calendar/working_days.h"
#include "core/date.h"
#include "core/result.h"
#include "core/time.h"
#include "store/db.h"
#include "store/event_log.h"

namespace probity::app {

// The effective calendar inside the caller's transaction (read or write): for use cases that
// compute due dates as part of their own work. One query; the rules come from memory.
calendar::WorkingCalendar LoadWorkingCalendar(store::Transaction& tx);
// The same in a read transaction of its own.
calendar::WorkingCalendar LoadWorkingCalendar(store::Db& db);

// Every effective holiday of `year`, by date. kInvalid naming "year" outside
// calendar::kFirstYear..kLastYear.
Result<std::vector<calendar::Holiday>> HolidaysIn(store::Db& db, int year);

// Adds a local adjustment and appends "calendar.adjustment_added"; returns it as stored.
// kConflict "adjustment_exists" when the date has a local adjustment already; kInvalid naming
// "date" or "name" (calendar::CheckAdjustment: a weekend, a holiday already, a working day that is
// no holiday, outside the calendar, a blank or long name). Nothing is written on any error.
Result<calendar::Adjustment> AddCalendarAdjustment(store::Db& db, const store::Actor& by,
                                                   const calendar::Adjustment& in, UtcTime now);

// Removes the local adjustment on `date`, so the rules and proclaimed days apply again, and
// appends "calendar.adjustment_removed"; returns what was removed. kNotFound "no_adjustment" when
// the date has no local adjustment (a rule or proclaimed holiday cannot be removed: add a
// working-day adjustment instead).
Result<calendar::Adjustment> RemoveCalendarAdjustment(store::Db& db, const store::Actor& by,
                                                      Date date, UtcTime now);

}  // namespace probity::app

#include "calendar/working_days.h"

#include <gtest/gtest.h>

#include <set>

namespace probity::calendar {
namespace {

Date D(const char* text) {
  auto d = ParseDate(text);
  EXPECT_TRUE(d) << text;
  return d.value_or(Date{});
}

std::vector<std::string> DatesOf(const std::vector<Holiday>& holidays) {
  std::vector<std::string> out;
  for (const auto& h : holidays) out.push_back(FormatDate(h.date));
  return out;
}

TEST(EasterSunday, MatchesPublishedDates) {
  const struct {
    int year;
    const char* easter;
  } cases[] = {
      {1818, "1818-03-22"},  // the earliest possible
      {1943, "1943-04-25"},  // the latest possible
      {1990, "1990-04-15"}, {1995, "1995-04-16"}, {2000, "2000-04-23"}, {2008, "2008-03-23"},
      {2011, "2011-04-24"}, {2019, "2019-04-21"}, {2022, "2022-04-17"}, {2023, "2023-04-09"},
      {2024, "2024-03-31"}, {2025, "2025-04-20"}, {2026, "2026-04-05"}, {2027, "2027-03-28"},
      {2038, "2038-04-25"}, {2285, "2285-03-22"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.year);
    EXPECT_EQ(FormatDate(EasterSunday(c.year)), c.easter);
  }
}

TEST(RuleHolidays, MatchTheGovUkListFor2024To2027) {
  // https://www.gov.uk/bank-holidays, England and Wales.
  const struct {
    int year;
    std::vector<std::string> dates;
  } cases[] = {
      {2024,
       {"2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26",
        "2024-12-25", "2024-12-26"}},
      {2025,
       {"2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25",
        "2025-12-25", "2025-12-26"}},
      {2026,
       {"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31",
        "2026-12-25", "2026-12-28"}},
      {2027,
       {"2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30",
        "2027-12-27", "2027-12-28"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.year);
    const auto holidays = RuleHolidays(c.year);
    EXPECT_EQ(DatesOf(holidays), c.dates);
    for (const auto& h : holidays) EXPECT_EQ(h.source, "rule");
  }
}

TEST(RuleHolidays, NamesEachHolidayAndItsSubstitute) {
  const auto y2026 = RuleHolidays(2026);
  ASSERT_EQ(y2026.size(), 8u);
  const std::vector<std::string> names_2026 = {
      "New Year's Day",      "Good Friday",         "Easter Monday", "Early May bank holiday",
      "Spring bank holiday", "Summer bank holiday", "Christmas Day", "Boxing Day (substitute day)"};
  for (size_t i = 0; i < y2026.size(); ++i) EXPECT_EQ(y2026[i].name, names_2026[i]);
  const auto y2027 = RuleHolidays(2027);
  ASSERT_EQ(y2027.size(), 8u);
  EXPECT_EQ(y2027[6].name, "Christmas Day (substitute day)");
  EXPECT_EQ(y2027[7].name, "Boxing Day (substitute day)");
}

TEST(RuleHolidays, MoveWeekendHolidaysToSubstituteDays) {
  const struct {
    const char* why;
    int year;
    std::vector<std::pair<std::string, std::string>> want;  // date, name, of those in scope
  } cases[] = {
      {"New Year's Day on a Saturday: Monday 3rd",
       2022,
       {{"2022-01-03", "New Year's Day (substitute day)"}}},
      {"New Year's Day on a Sunday: Monday 2nd",
       2023,
       {{"2023-01-02", "New Year's Day (substitute day)"}}},
      {"Christmas on a Saturday: Monday 27 and Tuesday 28",
       2021,
       {{"2021-12-27", "Christmas Day (substitute day)"},
        {"2021-12-28", "Boxing Day (substitute day)"}}},
      {"Christmas on a Sunday: Boxing Day Monday 26, Christmas on Tuesday 27",
       2022,
       {{"2022-12-26", "Boxing Day"}, {"2022-12-27", "Christmas Day (substitute day)"}}},
      {"Boxing Day on a Saturday: Monday 28",
       2020,
       {{"2020-12-25", "Christmas Day"}, {"2020-12-28", "Boxing Day (substitute day)"}}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    std::vector<std::pair<std::string, std::string>> got;
    for (const auto& h : RuleHolidays(c.year)) {
      const auto date = FormatDate(h.date);
      if (date.substr(5, 2) == c.want.front().first.substr(5, 2))  // the month in question
        got.emplace_back(date, h.name);
    }
    EXPECT_EQ(got, c.want);
  }
}

TEST(RuleHolidays, NeverFallOnAWeekendAndAreEightAYear) {
  for (int year = kFirstYear; year <= kLastYear; ++year) {
    const auto holidays = RuleHolidays(year);
    ASSERT_EQ(holidays.size(), 8u) << year;
    std::set<Date> distinct;
    for (const auto& h : holidays) {
      const std::chrono::weekday w{h.date};
      EXPECT_NE(w, std::chrono::Saturday) << FormatDate(h.date);
      EXPECT_NE(w, std::chrono::Sunday) << FormatDate(h.date);
      distinct.insert(h.date);
    }
    EXPECT_EQ(distinct.size(), 8u) << year;
  }
}

TEST(ProclaimedAdjustments, MoveAndAddTheOneOffHolidays) {
  const WorkingCalendar calendar;
  const struct {
    const char* date;
    bool worked;
    const char* name;  // the holiday's name when not worked
  } cases[] = {
      {"1995-05-01", true, ""},
      {"1995-05-08", false, "Early May bank holiday (VE Day)"},
      {"1999-12-31", false, "Millennium celebrations"},
      {"2002-05-27", true, ""},
      {"2002-06-03", false, "Golden Jubilee bank holiday"},
      {"2002-06-04", false, "Spring bank holiday"},
      {"2011-04-29", false, "Royal wedding"},
      {"2012-05-28", true, ""},
      {"2012-06-04", false, "Spring bank holiday"},
      {"2012-06-05", false, "Queen's Diamond Jubilee"},
      {"2020-05-04", true, ""},
      {"2020-05-08", false, "Early May bank holiday (VE day)"},
      {"2022-05-30", true, ""},
      {"2022-06-02", false, "Spring bank holiday"},
      {"2022-06-03", false, "Platinum Jubilee bank holiday"},
      {"2022-09-19", false, "Bank Holiday for the State Funeral of Queen Elizabeth II"},
      {"2023-05-08", false, "Bank holiday for the coronation of King Charles III"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.date);
    EXPECT_EQ(calendar.IsWorkingDay(D(c.date)), c.worked);
    const auto holiday = calendar.HolidayOn(D(c.date));
    ASSERT_EQ(holiday.has_value(), !c.worked);
    if (holiday) {
      EXPECT_EQ(holiday->name, c.name);
      EXPECT_EQ(holiday->source, "proclaimed");
    }
  }
  EXPECT_EQ(ProclaimedAdjustments().size(), std::size(cases)) << "every one-off is tested";
}

TEST(WorkingCalendar, Holidays2022ShowTheJubileeAndTheFuneral) {
  const auto holidays = WorkingCalendar().Holidays(2022);
  EXPECT_EQ(DatesOf(holidays),
            (std::vector<std::string>{"2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02",
                                      "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19",
                                      "2022-12-26", "2022-12-27"}));
  EXPECT_EQ(holidays[4].source, "proclaimed");
  EXPECT_EQ(holidays[3].source, "rule");
}

TEST(WorkingCalendar, WeekendsAndHolidaysAreNotWorkingDays) {
  const WorkingCalendar calendar;
  EXPECT_TRUE(calendar.IsWorkingDay(D("2026-11-23")));   // a Monday
  EXPECT_TRUE(calendar.IsWorkingDay(D("2026-11-27")));   // a Friday
  EXPECT_FALSE(calendar.IsWorkingDay(D("2026-11-28")));  // a Saturday
  EXPECT_FALSE(calendar.IsWorkingDay(D("2026-11-29")));  // a Sunday
  EXPECT_FALSE(calendar.IsWorkingDay(D("2026-12-25")));
  EXPECT_FALSE(calendar.IsWorkingDay(D("2026-12-28")));
  EXPECT_TRUE(calendar.IsWorkingDay(D("2026-12-29")));
  EXPECT_FALSE(calendar.HolidayOn(D("2026-12-26")).has_value()) << "a Saturday, not a holiday";
  EXPECT_EQ(calendar.HolidayOn(D("2026-12-28"))->name, "Boxing Day (substitute day)");
}

TEST(WorkingCalendar, LocalAdjustmentsOverrideRulesAndProclamations) {
  const WorkingCalendar calendar({
      {D("2026-11-30"), AdjustmentKind::kHoliday, "Office closure"},
      {D("2026-08-31"), AdjustmentKind::kWorkingDay, "Summer bank holiday moved"},
      {D("2022-06-03"), AdjustmentKind::kWorkingDay, "Worked after all"},
      {D("2022-05-30"), AdjustmentKind::kHoliday, "Spring bank holiday restored"},
  });
  EXPECT_FALSE(calendar.IsWorkingDay(D("2026-11-30")));
  EXPECT_EQ(calendar.HolidayOn(D("2026-11-30")),
            (Holiday{D("2026-11-30"), "Office closure", "local"}));
  EXPECT_TRUE(calendar.IsWorkingDay(D("2026-08-31")));
  EXPECT_FALSE(calendar.HolidayOn(D("2026-08-31")).has_value());
  EXPECT_TRUE(calendar.IsWorkingDay(D("2022-06-03")));
  EXPECT_FALSE(calendar.IsWorkingDay(D("2022-05-30")));
  EXPECT_EQ(calendar.HolidayOn(D("2022-05-30"))->source, "local");

  const auto holidays = calendar.Holidays(2026);
  EXPECT_EQ(DatesOf(holidays),
            (std::vector<std::string>{"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04",
                                      "2026-05-25", "2026-11-30", "2026-12-25", "2026-12-28"}));
  EXPECT_TRUE(WorkingCalendar().IsWorkingDay(D("2026-11-30"))) << "other calendars unchanged";
}

TEST(WorkingCalendar, TheLaterOfTwoLocalAdjustmentsOnADateWins) {
  const WorkingCalendar calendar({
      {D("2026-11-30"), AdjustmentKind::kHoliday, "First"},
      {D("2026-11-30"), AdjustmentKind::kHoliday, "Second"},
  });
  ASSERT_EQ(calendar.LocalAdjustments().size(), 1u);
  EXPECT_EQ(calendar.HolidayOn(D("2026-11-30"))->name, "Second");
}

TEST(WorkingCalendar, AWorkingDayAdjustmentAtAWeekendLeavesItAWeekend) {
  const WorkingCalendar calendar({{D("2026-11-28"), AdjustmentKind::kWorkingDay, "Saturday"}});
  EXPECT_FALSE(calendar.IsWorkingDay(D("2026-11-28")));
}

TEST(WorkingCalendar, AddWorkingDaysSkipsWeekendsAndHolidays) {
  const WorkingCalendar calendar;
  const struct {
    const char* why;
    const char* from;
    int n;
    const char* want;
  } cases[] = {
      {"zero is the day itself", "2026-11-23", 0, "2026-11-23"},
      {"zero on a Saturday is still that Saturday", "2026-11-28", 0, "2026-11-28"},
      {"the next day", "2026-11-23", 1, "2026-11-24"},
      {"Friday + 1 is Monday", "2026-11-27", 1, "2026-11-30"},
      {"Saturday + 1 is Monday", "2026-11-28", 1, "2026-11-30"},
      {"two weeks", "2026-11-23", 10, "2026-12-07"},
      {"over Christmas", "2026-12-24", 1, "2026-12-29"},
      {"over Christmas and New Year", "2026-12-24", 3, "2026-12-31"},
      {"into the new year", "2026-12-24", 4, "2027-01-04"},
      {"over Easter", "2026-04-02", 1, "2026-04-07"},
      {"over the 2027 Christmas substitutes", "2027-12-24", 1, "2027-12-29"},
      {"over the 2022 jubilee", "2022-06-01", 1, "2022-06-06"},
      {"the moved 2022 spring bank holiday is worked", "2022-05-27", 1, "2022-05-30"},
      {"back one from Monday is Friday", "2026-11-30", -1, "2026-11-27"},
      {"back over Easter", "2026-04-07", -1, "2026-04-02"},
      {"back over Christmas", "2026-12-29", -1, "2026-12-24"},
      {"back ten", "2026-12-07", -10, "2026-11-23"},
      {"back from a holiday", "2026-12-25", -1, "2026-12-24"},
      {"a year of working days", "2026-01-01", 253, "2026-12-31"},
      {"the largest step", "2026-01-01", 3660, "2040-06-22"},
      {"from the first day", "1990-01-01", 1, "1990-01-02"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    auto got = calendar.AddWorkingDays(D(c.from), c.n);
    ASSERT_TRUE(got) << got.error().message;
    EXPECT_EQ(FormatDate(*got), c.want);
  }
}

// The table-driven answer against the plain definition, day by day, over years with every kind
// of holiday and a local adjustment, both directions.
TEST(WorkingCalendar, AddWorkingDaysAgreesWithCountingDayByDay) {
  const WorkingCalendar calendar({{D("2026-11-30"), AdjustmentKind::kHoliday, "Closure"},
                                  {D("2025-08-25"), AdjustmentKind::kWorkingDay, "Worked"}});
  const auto naive = [&](Date from, int n) {
    Date d = from;
    for (int left = n > 0 ? n : -n; left > 0;) {
      d += std::chrono::days{n > 0 ? 1 : -1};
      if (calendar.IsWorkingDay(d)) --left;
    }
    return d;
  };
  for (Date from = D("2021-12-01"); from <= D("2027-01-31"); from += std::chrono::days{3})
    for (int n : {-130, -64, -11, -2, -1, 1, 2, 5, 10, 63, 64, 65, 200}) {
      auto got = calendar.AddWorkingDays(from, n);
      ASSERT_TRUE(got);
      ASSERT_EQ(*got, naive(from, n)) << FormatDate(from) << " " << n;
      // Counting after the earlier day up to the later: forward, exactly n; back, the |n| - 1
      // working days between, and `from` itself when it is worked.
      const int between = calendar.WorkingDaysBetween(from, *got);
      ASSERT_EQ(between, -calendar.WorkingDaysBetween(*got, from));
      ASSERT_EQ(between, n > 0 ? n : n + 1 - calendar.IsWorkingDay(from))
          << FormatDate(from) << " " << n;
    }
}

TEST(WorkingCalendar, AddWorkingDaysUsesLocalAdjustments) {
  const WorkingCalendar calendar({{D("2026-11-24"), AdjustmentKind::kHoliday, "Closure"},
                                  {D("2026-12-28"), AdjustmentKind::kWorkingDay, "Worked"}});
  EXPECT_EQ(FormatDate(*calendar.AddWorkingDays(D("2026-11-23"), 1)), "2026-11-25");
  EXPECT_EQ(FormatDate(*calendar.AddWorkingDays(D("2026-12-24"), 1)), "2026-12-28");
}

TEST(WorkingCalendar, AddWorkingDaysRefusesStepsAndDatesOutOfRange) {
  const WorkingCalendar calendar;
  const struct {
    const char* why;
    const char* from;
    int n;
    const char* field;
  } cases[] = {
      {"too far forward", "2026-01-01", 3661, "add_working_days"},
      {"too far back", "2026-01-01", -3661, "add_working_days"},
      {"from before 1990", "1989-12-29", 1, "from"},
      {"from after 2199", "2200-01-01", -1, "from"},
      {"answer after 2199", "2199-12-20", 30, "from"},
      {"answer before 1990", "1990-01-10", -10, "from"},
      {"before the first day", "1990-01-01", -1, "from"},
      {"after the last day", "2199-12-31", 1, "from"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    auto got = calendar.AddWorkingDays(D(c.from), c.n);
    ASSERT_FALSE(got) << FormatDate(*got);
    EXPECT_EQ(got.error().kind, ErrorKind::kInvalid);
    EXPECT_EQ(got.error().code, "out_of_range");
    EXPECT_EQ(got.error().field, c.field);
  }
  EXPECT_TRUE(calendar.AddWorkingDays(D("2026-01-01"), 3660));
  EXPECT_TRUE(calendar.AddWorkingDays(D("2026-01-01"), -3660));
  EXPECT_EQ(FormatDate(*calendar.AddWorkingDays(D("2199-12-30"), 1)), "2199-12-31");
}

TEST(WorkingCalendar, WorkingDaysBetweenCountsAfterFromUpToTo) {
  const WorkingCalendar calendar;
  EXPECT_EQ(calendar.WorkingDaysBetween(D("2026-11-23"), D("2026-11-23")), 0);
  EXPECT_EQ(calendar.WorkingDaysBetween(D("2026-11-23"), D("2026-11-24")), 1);
  EXPECT_EQ(calendar.WorkingDaysBetween(D("2026-11-27"), D("2026-11-29")), 0) << "a weekend";
  EXPECT_EQ(calendar.WorkingDaysBetween(D("2026-12-24"), D("2026-12-29")), 1);
  EXPECT_EQ(calendar.WorkingDaysBetween(D("2026-12-29"), D("2026-12-24")), -1);
  EXPECT_EQ(calendar.WorkingDaysBetween(D("2025-12-31"), D("2026-12-31")), 253)
      << "2026: 261 weekdays less eight bank holidays";
  EXPECT_EQ(calendar.WorkingDaysBetween(D("2021-12-31"), D("2022-12-31")), 250)
      << "2022: 260 weekdays less the jubilee, the funeral and eight others";
}

TEST(WorkingCalendar, AnswersOutsideTheTableByTheSameRules) {
  const WorkingCalendar calendar({{D("2250-06-01"), AdjustmentKind::kHoliday, "Far future"}});
  EXPECT_FALSE(calendar.IsWorkingDay(D("2200-12-25")));
  EXPECT_TRUE(calendar.IsWorkingDay(D("2200-12-29")));
  EXPECT_FALSE(calendar.IsWorkingDay(D("1985-05-27")));  // spring bank holiday by rule
  EXPECT_EQ(calendar.HolidayOn(D("2250-06-01"))->source, "local");
  EXPECT_EQ(calendar.Holidays(2300).size(), 8u);
  // A span across the table's end counts the same as two spans meeting at it.
  const int across = calendar.WorkingDaysBetween(D("2199-06-30"), D("2200-06-30"));
  EXPECT_EQ(across, calendar.WorkingDaysBetween(D("2199-06-30"), D("2199-12-31")) +
                        calendar.WorkingDaysBetween(D("2199-12-31"), D("2200-06-30")));
  int by_day = 0;
  for (Date d = D("2199-07-01"); d <= D("2200-06-30"); d += std::chrono::days{1})
    by_day += calendar.IsWorkingDay(d);
  EXPECT_EQ(across, by_day);
  EXPECT_EQ(calendar.WorkingDaysBetween(D("1989-12-22"), D("1990-01-03")), 5);
}

TEST(CheckAdjustment, AcceptsAnExtraHolidayOrAMovedOne) {
  const WorkingCalendar calendar;
  EXPECT_TRUE(CheckAdjustment(calendar, {D("2026-11-30"), AdjustmentKind::kHoliday, "Closure"}));
  EXPECT_TRUE(
      CheckAdjustment(calendar, {D("2026-08-31"), AdjustmentKind::kWorkingDay, "Moved to 1 Sep"}));
}

TEST(CheckAdjustment, RefusesWhatWouldChangeNothingNamingTheField) {
  const WorkingCalendar calendar;
  const struct {
    const char* why;
    Adjustment adjustment;
    const char* code;
    const char* field;
  } cases[] = {
      {"a holiday at a weekend",
       {D("2026-11-28"), AdjustmentKind::kHoliday, "x"},
       "weekend",
       "date"},
      {"a working Sunday", {D("2026-11-29"), AdjustmentKind::kWorkingDay, "x"}, "weekend", "date"},
      {"a holiday on a holiday",
       {D("2026-12-25"), AdjustmentKind::kHoliday, "x"},
       "already_a_holiday",
       "date"},
      {"a working day on a working day",
       {D("2026-11-30"), AdjustmentKind::kWorkingDay, "x"},
       "not_a_holiday",
       "date"},
      {"before the calendar",
       {D("1989-12-01"), AdjustmentKind::kHoliday, "x"},
       "out_of_range",
       "date"},
      {"after the calendar",
       {D("2200-12-01"), AdjustmentKind::kHoliday, "x"},
       "out_of_range",
       "date"},
      {"no name", {D("2026-11-30"), AdjustmentKind::kHoliday, ""}, "missing_field", "name"},
      {"a blank name", {D("2026-11-30"), AdjustmentKind::kHoliday, "  "}, "missing_field", "name"},
      {"a long name",
       {D("2026-11-30"), AdjustmentKind::kHoliday, std::string(101, 'x')},
       "too_long",
       "name"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    const auto s = CheckAdjustment(calendar, c.adjustment);
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().kind, ErrorKind::kInvalid);
    EXPECT_EQ(s.error().code, c.code);
    EXPECT_EQ(s.error().field, c.field);
  }
  // 100 characters of two bytes each is within the limit.
  std::string hundred;
  for (int i = 0; i < 100; ++i) hundred += "\xC3\xA9";  // é
  EXPECT_TRUE(CheckAdjustment(calendar, {D("2026-11-30"), AdjustmentKind::kHoliday, hundred}));
}

TEST(AdjustmentKind, RoundTripsItsFrozenCodes) {
  for (auto kind : {AdjustmentKind::kHoliday, AdjustmentKind::kWorkingDay})
    EXPECT_EQ(ParseAdjustmentKind(ToString(kind)), kind);
  EXPECT_EQ(std::string(ToString(AdjustmentKind::kWorkingDay)), "working_day");
  EXPECT_FALSE(ParseAdjustmentKind("Holiday"));
  EXPECT_FALSE(ParseAdjustmentKind(""));
}

}  // namespace
}  // namespace probity::calendar

#include "allocation/queue.h"

#include <gtest/gtest.h>

namespace probity::allocation {
namespace {

const Date kToday = *ParseDate("2026-11-23");

cases::Registration Reg(std::string type, std::optional<std::string> level = std::nullopt,
                        std::string start = "2026-01-01",
                        std::optional<std::string> end = std::nullopt) {
  cases::Registration r;
  r.type = std::move(type);
  r.level = std::move(level);
  r.start_date = std::move(start);
  r.end_date = std::move(end);
  return r;
}

TEST(RiskFlags, ShowTheHighestCurrentRoshAndMappaFirstThenTheSeriousRegistrations) {
  const std::vector<cases::Registration> regs = {
      Reg("weapons"),
      Reg("rosh", "medium"),
      Reg("rosh", "very_high", "2026-02-01"),
      Reg("rosh", "high"),
      Reg("mappa", "2"),
      Reg("domestic_abuse_perpetrator"),
      Reg("mental_health_issues"),  // a complexity factor, not an allocation flag
  };
  EXPECT_EQ(RiskFlagsOf(regs, kToday),
            (std::vector<std::string>{"ROSH very high", "MAPPA level 2",
                                      "Domestic abuse perpetrator", "Weapons"}));
  EXPECT_TRUE(IsHighRisk(regs, kToday));
}

TEST(RiskFlags, IgnoreRegistrationsEndedOrNotYetStarted) {
  const std::vector<cases::Registration> regs = {
      Reg("rosh", "very_high", "2025-01-01", "2026-11-23"),  // ended today
      Reg("mappa", "3", "2026-11-24"),                       // starts tomorrow
      Reg("rosh", "medium"),
      Reg("terrorism", std::nullopt, "2025-01-01", "2026-06-01"),
  };
  EXPECT_EQ(RiskFlagsOf(regs, kToday), std::vector<std::string>{"ROSH medium"});
  EXPECT_FALSE(IsHighRisk(regs, kToday));
  EXPECT_TRUE(IsHighRisk({Reg("mappa", "2")}, kToday));
  EXPECT_FALSE(IsHighRisk({Reg("mappa", "1")}, kToday));
  EXPECT_TRUE(IsHighRisk({Reg("rosh", "high")}, kToday));
}

TEST(WaitingOn, IsTheLatestCurrentSentence) {
  cases::Sentence ended, older, newer, future;
  ended.id = 1, ended.status = "terminated", ended.sentence_date = "2026-10-01";
  older.id = 2, older.status = "active", older.sentence_date = "2025-03-01";
  newer.id = 3, newer.status = "active", newer.sentence_date = "2026-09-01";
  future.id = 4, future.status = "active", future.sentence_date = "2026-12-01";
  EXPECT_EQ(WaitingOn({ended, older, newer, future}, kToday)->id, 3);
  EXPECT_FALSE(WaitingOn({ended, future}, kToday));
}

TEST(WaitingSince, IsWhenTheLastOfficerWasTakenOffOrTheFallback) {
  const UtcTime registered = *ParseUtc("2026-01-01T09:00:00.000000Z");
  const UtcTime removed = *ParseUtc("2026-11-01T09:00:00.000000Z");
  cases::Allocation off, on;
  off.from = removed;
  on.staff_id = 7;
  on.from = *ParseUtc("2026-03-01T09:00:00.000000Z");
  EXPECT_EQ(WaitingSince({off, on}, registered), removed);
  EXPECT_EQ(WaitingSince({}, registered), registered);
  EXPECT_EQ(WaitingSince({on}, registered), registered);
}

QueueEntry Entry(std::string crn, std::optional<std::string> first_status, std::string due,
                 std::string since) {
  QueueEntry e;
  e.person.crn = std::move(crn);
  e.waiting_since = *ParseUtc(since + "T09:00:00.000000Z");
  if (first_status) {
    appointments::FirstAppointment f;
    f.status = *first_status;
    f.due_by = *ParseDate(due);
    e.first_appointment = f;
  }
  return e;
}

TEST(SortByUrgency, MissedFirstAppointmentsThenDueSoonestThenLongestWaiting) {
  std::vector<QueueEntry> queue = {
      Entry("X000001", std::nullopt, "", "2026-01-01"),  // nothing due, waiting longest
      Entry("X000002", "due", "2026-11-27", "2026-11-20"),
      Entry("X000003", "met", "2026-10-01", "2026-09-01"),
      Entry("X000004", "due", "2026-11-24", "2026-11-22"),
      Entry("X000005", "missed", "2026-11-10", "2026-11-02"),
      Entry("X000006", std::nullopt, "", "2026-01-01"),  // same wait: by CRN
  };
  SortByUrgency(queue);
  std::vector<std::string> order;
  for (const auto& e : queue) order.push_back(e.person.crn);
  EXPECT_EQ(order, (std::vector<std::string>{"X000005", "X000004", "X000002", "X000001", "X000006",
                                             "X000003"}));
}

}  // namespace
}  // namespace probity::allocation

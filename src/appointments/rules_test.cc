#include "appointments/rules.h"

#include <gtest/gtest.h>

#include "appointments/vocabulary.h"

namespace probity::appointments {
namespace {

UtcTime At(const char* text) { return *ParseUtc(text); }
Date Day(const char* text) { return *ParseDate(text); }

const UtcTime kNow = At("2026-11-23T09:00:00.000000Z");
const AppointmentType kSupervision{"supervision", "Supervision appointment", true, true};

NewAppointment Booking() {
  NewAppointment b;
  b.type = "supervision";
  b.starts_at = At("2026-11-24T10:00:00.000000Z");
  b.duration_minutes = 45;
  b.office_code = "NE-WALL";
  return b;
}

Appointment Booked(const char* starts_at = "2026-11-24T10:00:00.000000Z") {
  Appointment a;
  a.id = 7;
  a.type = "supervision";
  a.enforceable = true;
  a.starts_at = At(starts_at);
  a.duration_minutes = 45;
  a.place.office_id = 1;
  return a;
}

Outcome Recorded(const std::string& outcome, std::optional<std::string> judgement = {},
                 std::optional<std::string> reason = {}, std::string note = "noted") {
  Outcome o;
  o.outcome = outcome;
  o.judgement = std::move(judgement);
  o.judgement_reason = std::move(reason);
  o.note = std::move(note);
  return o;
}

std::string FieldOf(const Status& s) { return s ? "" : s.error().field; }
std::string CodeOf(const Status& s) { return s ? "" : s.error().code; }

TEST(BookingRules, AFutureBookingAtAnOfficeIsAccepted) {
  EXPECT_TRUE(CheckBooking(Booking(), kSupervision, kNow));
  auto elsewhere = Booking();
  elsewhere.office_code.reset();
  elsewhere.location = "Home visit: 12 High Street";
  EXPECT_TRUE(CheckBooking(elsewhere, kSupervision, kNow));
}

TEST(BookingRules, AnUnknownOrWithdrawnTypeIsRefused) {
  EXPECT_EQ(FieldOf(CheckBooking(Booking(), std::nullopt, kNow)), "type");
  auto withdrawn = kSupervision;
  withdrawn.active = false;
  EXPECT_EQ(FieldOf(CheckBooking(Booking(), withdrawn, kNow)), "type");
}

TEST(BookingRules, ATimeThatHasPassedOrIsYearsAwayIsRefused) {
  auto past = Booking();
  past.starts_at = kNow;
  EXPECT_EQ(CodeOf(CheckBooking(past, kSupervision, kNow)), "past_time");
  auto far = Booking();
  far.starts_at = kNow + std::chrono::days{800};
  EXPECT_EQ(CodeOf(CheckBooking(far, kSupervision, kNow)), "too_far_ahead");
}

TEST(BookingRules, DurationIsFiveMinutesToEightHours) {
  for (int minutes : {4, 0, -10, 481}) {
    auto b = Booking();
    b.duration_minutes = minutes;
    EXPECT_EQ(FieldOf(CheckBooking(b, kSupervision, kNow)), "duration_minutes") << minutes;
  }
  auto day = Booking();
  day.duration_minutes = 480;
  EXPECT_TRUE(CheckBooking(day, kSupervision, kNow));
}

TEST(BookingRules, ThePlaceIsAnOfficeOrALocationNotBothNorNeither) {
  auto both = Booking();
  both.location = "Library";
  EXPECT_EQ(FieldOf(CheckBooking(both, kSupervision, kNow)), "location");
  auto neither = Booking();
  neither.office_code.reset();
  EXPECT_EQ(FieldOf(CheckBooking(neither, kSupervision, kNow)), "office");
  auto room_only = neither;
  room_only.location = "Home";
  room_only.room_id = 3;
  EXPECT_EQ(FieldOf(CheckBooking(room_only, kSupervision, kNow)), "room_id");
  auto multiline = neither;
  multiline.location = "12 High St\nNewcastle";
  EXPECT_EQ(FieldOf(CheckBooking(multiline, kSupervision, kNow)), "location");
}

Rearrangement Move(const char* to = "2026-11-25T10:00:00.000000Z") {
  return {"person", "Hospital appointment", At(to), {}, {}, {}, {}, {}, {}};
}

TEST(RearrangementRules, ABookedAppointmentMovesBeforeItStarts) {
  EXPECT_TRUE(CheckRearrangement(Booked(), Move(), kNow));
}

TEST(RearrangementRules, OnceStartedOrRecordedOrMovedItCannotBeRearranged) {
  EXPECT_EQ(CodeOf(CheckRearrangement(Booked("2026-11-23T09:00:00.000000Z"), Move(), kNow)),
            "already_started");
  auto recorded = Booked();
  recorded.outcomes.push_back(Recorded("attended_complied"));
  EXPECT_EQ(CodeOf(CheckRearrangement(recorded, Move(), kNow)), "outcome_recorded");
  auto moved = Booked();
  moved.status = "rearranged";
  moved.rearranged_to = 8;
  const auto s = CheckRearrangement(moved, Move(), kNow);
  EXPECT_EQ(CodeOf(s), "already_rearranged");
  EXPECT_EQ(s.error().kind, ErrorKind::kConflict);
}

TEST(RearrangementRules, WhoAskedAndWhyAreRequiredAndTheTimeMustMove) {
  auto nobody = Move();
  nobody.requested_by = "court";
  EXPECT_EQ(FieldOf(CheckRearrangement(Booked(), nobody, kNow)), "requested_by");
  auto no_reason = Move();
  no_reason.reason = "  ";
  EXPECT_EQ(FieldOf(CheckRearrangement(Booked(), no_reason, kNow)), "reason");
  EXPECT_EQ(CodeOf(CheckRearrangement(Booked(), Move("2026-11-24T10:00:00.000000Z"), kNow)),
            "no_change");
  EXPECT_EQ(CodeOf(CheckRearrangement(Booked(), Move("2026-11-22T10:00:00.000000Z"), kNow)),
            "past_time");
  auto same_time_other_room = Move("2026-11-24T10:00:00.000000Z");
  same_time_other_room.office_code = "NE-WALL";
  same_time_other_room.room_id = 2;
  EXPECT_TRUE(CheckRearrangement(Booked(), same_time_other_room, kNow));
}

TEST(OutcomeRules, AFailureNeedsAJudgementAndANote) {
  EXPECT_EQ(FieldOf(CheckOutcomeInput({"failed_to_attend", {}, {}, "no show"})), "judgement");
  EXPECT_EQ(FieldOf(CheckOutcomeInput({"failed_to_attend", "unacceptable", {}, ""})), "note");
  EXPECT_TRUE(CheckOutcomeInput({"failed_to_attend", "unacceptable", {}, "No contact"}));
  EXPECT_EQ(FieldOf(CheckOutcomeInput({"sent_home", "maybe", {}, "x"})), "judgement");
}

TEST(OutcomeRules, AnAcceptableAbsenceNeedsAReasonFromTheList) {
  EXPECT_EQ(FieldOf(CheckOutcomeInput({"failed_to_attend", "acceptable", {}, "ill"})),
            "judgement_reason");
  EXPECT_EQ(FieldOf(CheckOutcomeInput({"failed_to_attend", "acceptable", "hangover", "ill"})),
            "judgement_reason");
  EXPECT_TRUE(CheckOutcomeInput({"failed_to_attend", "acceptable", "illness", "Sick note seen"}));
  EXPECT_EQ(
      FieldOf(CheckOutcomeInput({"failed_to_attend", "unacceptable", "illness", "no evidence"})),
      "judgement_reason");
}

TEST(OutcomeRules, AttendingAndComplyingTakesNoJudgement) {
  EXPECT_TRUE(CheckOutcomeInput({"attended_complied", {}, {}, ""}));
  EXPECT_EQ(FieldOf(CheckOutcomeInput({"attended_complied", "acceptable", "illness", ""})),
            "judgement");
  EXPECT_EQ(FieldOf(CheckOutcomeInput({"attended", {}, {}, ""})), "outcome");
}

TEST(OutcomeRules, AnOutcomeWaitsForTheAppointmentToStart) {
  const auto s = CheckOutcome(Booked(), {"attended_complied", {}, {}, ""}, kNow);
  EXPECT_EQ(CodeOf(s), "future_appointment");
  EXPECT_NE(s.error().message.find("2026-11-24T10:00+00:00"), std::string::npos);
  EXPECT_TRUE(
      CheckOutcome(Booked("2026-11-23T09:04:00.000000Z"), {"attended_complied", {}, {}, ""}, kNow));
}

TEST(OutcomeRules, ARecordedOutcomeIsAmendedNotRecordedAgain) {
  auto recorded = Booked("2026-11-20T10:00:00.000000Z");
  recorded.outcomes.push_back(Recorded("attended_complied"));
  EXPECT_EQ(CodeOf(CheckOutcome(recorded, {"failed_to_attend", "unacceptable", {}, "x"}, kNow)),
            "outcome_recorded");
  auto moved = Booked("2026-11-20T10:00:00.000000Z");
  moved.status = "rearranged";
  EXPECT_EQ(CodeOf(CheckOutcome(moved, {"attended_complied", {}, {}, ""}, kNow)), "rearranged");
}

TEST(AmendmentRules, AnAmendmentNeedsAReasonAnOutcomeToAmendAndAChange) {
  auto a = Booked("2026-11-20T10:00:00.000000Z");
  const OutcomeInput acceptable{"failed_to_attend", "acceptable", "illness", "GP letter"};
  EXPECT_EQ(CodeOf(CheckOutcomeAmendment(a, acceptable, "late evidence")), "no_outcome");
  a.outcomes.push_back(Recorded("failed_to_attend", "unacceptable", {}, "No contact"));
  EXPECT_EQ(FieldOf(CheckOutcomeAmendment(a, acceptable, "")), "reason");
  EXPECT_TRUE(CheckOutcomeAmendment(a, acceptable, "GP letter arrived"));
  EXPECT_EQ(CodeOf(CheckOutcomeAmendment(a, {"failed_to_attend", "unacceptable", {}, "No contact"},
                                         "again")),
            "no_change");
}

cases::Sentence Order(const char* sentence_date) {
  cases::Sentence s;
  s.id = 1;
  s.kind = "community_order";
  s.sentence_date = sentence_date;
  return s;
}

Appointment Attended(int64_t id, const char* at, const char* outcome = "attended_complied") {
  auto a = Booked(at);
  a.id = id;
  a.outcomes.push_back(Recorded(
      outcome, IsFailure(outcome) ? std::optional<std::string>("unacceptable") : std::nullopt));
  return a;
}

TEST(FirstAppointment, AnOrderIsDueWithinFiveWorkingDaysAndMeasuredOnAttendance) {
  const calendar::WorkingCalendar calendar;
  // Sentenced Monday 21 December 2026: five working days skip Christmas Day, the weekend and
  // Boxing Day's substitute (Monday 28th): due Wednesday 30 December.
  const auto sentence = Order("2026-12-21");
  auto none = FirstAppointmentOf(sentence, {}, calendar, Day("2026-12-22"));
  ASSERT_TRUE(none);
  EXPECT_EQ(FormatDate(none->due_by), "2026-12-30");
  EXPECT_EQ(none->status, "due");
  EXPECT_EQ(FirstAppointmentOf(sentence, {}, calendar, Day("2027-01-01"))->status, "missed");

  // Booked in time and missed, attended later: missed, measured on the attended one.
  const std::vector<Appointment> late = {
      Attended(1, "2026-12-21T10:00:00.000000Z", "failed_to_attend"),
      Attended(2, "2027-01-04T10:00:00.000000Z")};
  auto measured = FirstAppointmentOf(sentence, late, calendar, Day("2027-01-05"));
  EXPECT_EQ(measured->status, "missed");
  EXPECT_EQ(measured->appointment_id, 2);
  EXPECT_EQ(FormatDate(*measured->attended_on), "2027-01-04");

  const std::vector<Appointment> on_time = {Attended(3, "2026-12-30T15:00:00.000000Z")};
  EXPECT_EQ(FirstAppointmentOf(sentence, on_time, calendar, Day("2027-01-05"))->status, "met");
}

TEST(FirstAppointment, ALicenceIsDueTheWorkingDayAfterRelease) {
  const calendar::WorkingCalendar calendar;
  cases::Sentence licence = Order("2026-01-10");
  licence.kind = "licence";
  licence.release_date = "2026-12-24";
  auto first = FirstAppointmentOf(licence, {}, calendar, Day("2026-12-24"));
  ASSERT_TRUE(first);
  EXPECT_EQ(FormatDate(first->due_by), "2026-12-29");
  licence.release_date.reset();
  EXPECT_FALSE(FirstAppointmentOf(licence, {}, calendar, Day("2026-12-24")));
}

TEST(FirstAppointment, AnotherSentencesAppointmentAndOnesBeforeTheSentenceDoNotCount) {
  const calendar::WorkingCalendar calendar;
  auto other = Attended(1, "2026-12-18T10:00:00.000000Z");
  other.sentence_id = 99;
  auto before = Attended(2, "2026-12-16T10:00:00.000000Z");
  const std::vector<Appointment> list = {other, before};
  EXPECT_EQ(FirstAppointmentOf(Order("2026-12-17"), list, calendar, Day("2026-12-18"))->status,
            "due");
}

TEST(Rearrangements, AreCountedByWhoAsked) {
  auto a = Booked(), b = Booked(), c = Booked();
  a.status = b.status = c.status = "rearranged";
  a.rearrange_requested_by = "person";
  b.rearrange_requested_by = "service";
  c.rearrange_requested_by = "person";
  const std::vector<Appointment> list = {a, b, c, Booked()};
  const auto counts = CountRearrangements(list);
  EXPECT_EQ(counts.by_person, 2);
  EXPECT_EQ(counts.by_service, 1);
}

}  // namespace
}  // namespace probity::appointments

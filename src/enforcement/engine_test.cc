#include "enforcement/engine.h"

#include <gtest/gtest.h>

#include "enforcement/rules.h"

namespace probity::enforcement {
namespace {

Date Day(const char* text) { return *ParseDate(text); }

// Failures are at 10am UTC on the day given (a UK day in winter), ids in order of creation.
class Sentence {
 public:
  explicit Sentence(Track track, const char* starts_on = "2026-01-05") {
    facts_.sentence_id = 1;
    facts_.track = track;
    facts_.starts_on = Day(starts_on);
  }
  int64_t Fail(const char* day, int hour = 10) {
    const int64_t id = next_id_++;
    facts_.failures.push_back({id, UtcTime{Day(day)} + std::chrono::hours{hour}, Day(day)});
    return id;
  }
  Decision& Decide(int64_t appointment_id, DecisionKind kind, const char* on) {
    Decision d;
    d.id = next_decision_++;
    d.appointment_id = appointment_id;
    d.kind = kind;
    d.decided_at = UtcTime{Day(on)} + std::chrono::hours{12};
    facts_.decisions.push_back(d);
    return facts_.decisions.back();
  }
  void Proceedings(const char* started, std::optional<const char*> ended = {}) {
    facts_.proceedings.push_back(
        {Day(started), ended ? std::optional<Date>(Day(*ended)) : std::nullopt});
  }
  Evaluation On(const char* today, const Policy& policy = Policy{{DefaultPolicy()}}) const {
    return Evaluate(facts_, policy, calendar_, Day(today));
  }
  SentenceFacts facts_;

 private:
  calendar::WorkingCalendar calendar_;
  int64_t next_id_ = 100;
  int64_t next_decision_ = 1;
};

std::vector<AlertState> States(const Evaluation& e) {
  std::vector<AlertState> out;
  for (const auto& a : e.alerts) out.push_back(a.state);
  return out;
}

TEST(EnforcementEngine, NoFailuresNoAlertsAndNoStage) {
  Sentence s(Track::kCommunity);
  const auto e = s.On("2026-11-23");
  EXPECT_EQ(e.count, 0);
  EXPECT_EQ(e.stage, Stage::kNone);
  EXPECT_TRUE(e.alerts.empty());
}

TEST(EnforcementEngine, OnALicenceThreeUnacceptableAbsencesRaiseADecisionAlert) {
  Sentence s(Track::kLicence);
  s.Fail("2026-10-05");
  s.Fail("2026-10-12");
  const int64_t third = s.Fail("2026-10-19");
  const auto e = s.On("2026-10-19");
  ASSERT_EQ(e.alerts.size(), 3u);
  EXPECT_EQ(e.alerts[0].kind, AlertKind::kComplianceLetter);
  EXPECT_EQ(e.alerts[1].kind, AlertKind::kComplianceLetter);
  EXPECT_EQ(e.alerts[2].kind, AlertKind::kDecision);
  EXPECT_EQ(e.alerts[2].appointment_id, third);
  EXPECT_EQ(e.alerts[2].nth, 3);
  EXPECT_EQ(e.alerts[2].due_on, Day("2026-10-20"));  // one working day
  EXPECT_EQ(e.count, 3);
  EXPECT_EQ(e.stage, Stage::kDecisionRequired);
}

TEST(EnforcementEngine, OnACommunityOrderTheFirstFailureIsAWarningAndTheSecondADecision) {
  Sentence s(Track::kCommunity);
  s.Fail("2026-03-02");
  const auto warned = s.On("2026-03-02");
  EXPECT_EQ(warned.stage, Stage::kWarningDue);
  EXPECT_EQ(warned.alerts.at(0).kind, AlertKind::kWarning);
  EXPECT_EQ(warned.alerts.at(0).due_on, Day("2026-03-16"));  // ten working days
  s.Decide(100, DecisionKind::kWarningIssued, "2026-03-03");
  EXPECT_EQ(s.On("2026-03-03").stage, Stage::kNone);
  s.Fail("2026-04-06");
  const auto e = s.On("2026-04-06");
  EXPECT_EQ(e.alerts.at(1).kind, AlertKind::kDecision);
  EXPECT_EQ(e.stage, Stage::kDecisionRequired);
  EXPECT_EQ(States(e), (std::vector{AlertState::kClosed, AlertState::kOpen}));
}

TEST(EnforcementEngine, ADecisionNotToEnforceCountersignedClosesTheAlertAndAFourthRaisesANewOne) {
  Sentence s(Track::kLicence);
  s.Fail("2026-10-05");
  s.Fail("2026-10-12");
  const int64_t third = s.Fail("2026-10-19");
  Decision& d = s.Decide(third, DecisionKind::kNotEnforced, "2026-10-20");
  d.countersigned = true;
  s.Decide(100, DecisionKind::kComplianceLetter, "2026-10-06");
  s.Decide(101, DecisionKind::kComplianceLetter, "2026-10-13");
  EXPECT_EQ(s.On("2026-10-21").stage, Stage::kNone);

  const int64_t fourth = s.Fail("2026-10-26");
  const auto e = s.On("2026-10-26");
  ASSERT_EQ(e.alerts.size(), 4u);
  EXPECT_EQ(e.alerts[3].appointment_id, fourth);
  EXPECT_EQ(e.alerts[3].nth, 4);
  EXPECT_EQ(e.alerts[3].kind, AlertKind::kDecision);
  EXPECT_EQ(e.alerts[3].state, AlertState::kOpen);
  EXPECT_EQ(e.alerts[2].state, AlertState::kClosed);
  EXPECT_EQ(e.count, 4);
  EXPECT_EQ(e.stage, Stage::kDecisionRequired);
}

TEST(EnforcementEngine, AnUncountersignedDecisionNotToEnforceLeavesTheAlertOpen) {
  Sentence s(Track::kLicence);
  s.Fail("2026-10-05");
  s.Fail("2026-10-12");
  const int64_t third = s.Fail("2026-10-19");
  s.Decide(third, DecisionKind::kNotEnforced, "2026-10-20");
  const auto e = s.On("2026-10-21");
  EXPECT_EQ(e.alerts[2].state, AlertState::kAwaitingCountersignature);
  EXPECT_TRUE(e.alerts[2].open());
  EXPECT_EQ(e.stage, Stage::kDecisionRequired);
}

TEST(EnforcementEngine, TwoFailuresOnOneDayCountOnce) {
  Sentence s(Track::kLicence);
  s.Fail("2026-10-05");
  const int64_t morning = s.Fail("2026-10-12", 9);
  const int64_t afternoon = s.Fail("2026-10-12", 15);
  const auto e = s.On("2026-10-12");
  EXPECT_EQ(e.count, 2);
  ASSERT_EQ(e.alerts.size(), 2u);
  EXPECT_EQ(e.alerts[1].appointment_id, morning);
  EXPECT_EQ(e.alerts[1].same_day, std::vector<int64_t>{afternoon});
  EXPECT_EQ(e.alerts[1].kind, AlertKind::kComplianceLetter);
}

TEST(EnforcementEngine, ADecisionOnEitherFailureOfADayAnswersTheDaysAlert) {
  Sentence s(Track::kCommunity);
  s.Fail("2026-10-12", 9);
  const int64_t afternoon = s.Fail("2026-10-12", 15);
  s.Decide(afternoon, DecisionKind::kWarningIssued, "2026-10-13");
  EXPECT_EQ(s.On("2026-10-13").alerts.at(0).state, AlertState::kClosed);
}

TEST(EnforcementEngine, ABreachInProgressStillShowsNewFailuresAsEvidence) {
  Sentence s(Track::kCommunity);
  s.Fail("2026-03-02");
  s.Decide(100, DecisionKind::kWarningIssued, "2026-03-03");
  const int64_t second = s.Fail("2026-04-06");
  s.Decide(second, DecisionKind::kBreachInitiated, "2026-04-07");
  s.Proceedings("2026-04-07");
  EXPECT_EQ(s.On("2026-04-08").stage, Stage::kNone);

  const int64_t third = s.Fail("2026-04-20");
  const auto e = s.On("2026-04-20");
  ASSERT_EQ(e.alerts.size(), 3u);
  EXPECT_EQ(e.alerts[2].appointment_id, third);
  EXPECT_EQ(e.alerts[2].kind, AlertKind::kDecision);
  EXPECT_TRUE(e.alerts[2].during_proceedings);
  EXPECT_EQ(e.alerts[2].state, AlertState::kOpen);
  EXPECT_FALSE(e.alerts[1].during_proceedings);
  EXPECT_EQ(e.stage, Stage::kDecisionRequired);
}

TEST(EnforcementEngine, FailuresCountAfreshAfterTheLastBreachEnded) {
  Sentence s(Track::kCommunity);
  s.Fail("2026-03-02");
  s.Fail("2026-04-06");
  s.Proceedings("2026-04-07", "2026-05-20");
  s.Fail("2026-05-20");  // on the day it ended: still the old count
  s.Fail("2026-06-01");
  const auto e = s.On("2026-06-01");
  EXPECT_EQ(e.alerts[2].nth, 3);
  EXPECT_TRUE(e.alerts[2].during_proceedings);
  EXPECT_EQ(e.alerts[3].nth, 1);
  EXPECT_EQ(e.alerts[3].kind, AlertKind::kWarning);
  EXPECT_EQ(e.count, 1);
  EXPECT_EQ(e.window_from, Day("2026-05-21"));
}

TEST(EnforcementEngine, FailuresOutsideTheWindowDoNotCount) {
  Sentence s(Track::kCommunity, "2024-01-08");
  s.Fail("2025-03-03");
  s.Fail("2026-03-03");  // exactly twelve months later: the window has just moved past it
  s.Fail("2026-03-04");
  const auto e = s.On("2026-03-04");
  EXPECT_EQ(e.alerts[1].nth, 1);
  EXPECT_EQ(e.alerts[1].kind, AlertKind::kWarning);
  EXPECT_EQ(e.alerts[2].nth, 2);
  EXPECT_EQ(e.count, 2);
  EXPECT_EQ(s.On("2027-03-04").count, 0);  // the window has moved past them all
  // ...but an alert stays open until someone decides it: nothing is lost to the calendar.
  EXPECT_TRUE(s.On("2027-03-04").alerts[2].open());
}

TEST(EnforcementEngine, FailuresBeforeTheSentenceStartAreNotItsFailures) {
  Sentence s(Track::kLicence, "2026-06-01");
  s.Fail("2026-05-29");
  EXPECT_TRUE(s.On("2026-06-02").alerts.empty());
}

TEST(EnforcementEngine, DueDatesSkipWeekendsAndBankHolidays) {
  Sentence s(Track::kCommunity, "2026-06-01");
  s.Fail("2026-12-18");  // a Friday; Christmas, Boxing Day's substitute and New Year's Day follow
  EXPECT_EQ(s.On("2026-12-18").alerts[0].due_on, Day("2027-01-06"));
  Sentence licence(Track::kLicence, "2026-06-01");
  licence.Fail("2026-12-24");
  EXPECT_EQ(licence.On("2026-12-24").alerts[0].due_on, Day("2026-12-29"));
}

TEST(EnforcementEngine, FurtherInformationKeepsTheAlertOpenUntilTheResponseDate) {
  Sentence s(Track::kCommunity);
  const int64_t id = s.Fail("2026-10-12");
  s.Decide(id, DecisionKind::kFurtherInformation, "2026-10-13").respond_by = Day("2026-10-30");
  const auto e = s.On("2026-10-14");
  EXPECT_EQ(e.alerts[0].state, AlertState::kAwaitingInformation);
  EXPECT_EQ(e.alerts[0].due_on, Day("2026-10-30"));
  EXPECT_EQ(e.stage, Stage::kWarningDue);
}

TEST(EnforcementEngine, ASecondDecisionNotToEnforceOnTheSentenceNeedsASeniorManager) {
  Sentence s(Track::kLicence);
  s.Fail("2026-10-05");
  s.Fail("2026-10-12");
  const int64_t third = s.Fail("2026-10-19");
  const int64_t fourth = s.Fail("2026-10-26");
  s.Decide(third, DecisionKind::kNotEnforced, "2026-10-20").countersigned = true;
  Decision& second = s.Decide(fourth, DecisionKind::kNotEnforced, "2026-10-27");
  second.countersigned = true;
  EXPECT_TRUE(NeedsEndorsement(s.facts_.decisions, second.id));
  EXPECT_FALSE(NeedsEndorsement(s.facts_.decisions, 1));
  EXPECT_EQ(s.On("2026-10-28").alerts[3].state, AlertState::kAwaitingEndorsement);
  s.facts_.decisions.back().endorsed = true;
  EXPECT_EQ(s.On("2026-10-28").alerts[3].state, AlertState::kClosed);
}

TEST(EnforcementEngine, ADeclinedDecisionReopensTheAlertAndIsNotCountedTowardsEndorsement) {
  Sentence s(Track::kLicence);
  s.Fail("2026-10-05");
  s.Fail("2026-10-12");
  const int64_t third = s.Fail("2026-10-19");
  s.Decide(third, DecisionKind::kNotEnforced, "2026-10-20").declined = true;
  EXPECT_EQ(s.On("2026-10-21").alerts[2].state, AlertState::kOpen);
  Decision& again = s.Decide(third, DecisionKind::kNotEnforced, "2026-10-21");
  again.countersigned = true;
  EXPECT_FALSE(NeedsEndorsement(s.facts_.decisions, again.id));
  EXPECT_EQ(s.On("2026-10-22").alerts[2].state, AlertState::kClosed);
}

TEST(EnforcementEngine, EachFailureIsJudgedUnderThePolicyInForceOnItsDay) {
  Policy policy{{DefaultPolicy()}};
  PolicyVersion stricter = DefaultPolicy();
  stricter.version = 2;
  stricter.effective_from = Day("2026-10-15");
  stricter.licence.decision_at = 2;
  stricter.licence.due_working_days = 3;
  policy.versions.push_back(stricter);
  Sentence s(Track::kLicence);
  s.Fail("2026-10-05");
  s.Fail("2026-10-12");
  s.Fail("2026-10-19");
  const auto e = s.On("2026-10-19", policy);
  EXPECT_EQ(e.alerts[1].kind, AlertKind::kComplianceLetter);  // 2nd, under version 1
  EXPECT_EQ(e.alerts[1].policy_version, 1);
  EXPECT_EQ(e.alerts[2].kind, AlertKind::kDecision);
  EXPECT_EQ(e.alerts[2].policy_version, 2);
  EXPECT_EQ(e.alerts[2].due_on, Day("2026-10-22"));
}

TEST(EnforcementPolicy, InForceOnPicksTheLatestVersionStartedByThatDay) {
  Policy policy{{DefaultPolicy()}};
  PolicyVersion v2 = DefaultPolicy();
  v2.version = 2;
  v2.effective_from = Day("2027-01-01");
  policy.versions.push_back(v2);
  EXPECT_EQ(policy.InForceOn(Day("2026-12-31")).version, 1);
  EXPECT_EQ(policy.InForceOn(Day("2027-01-01")).version, 2);
  EXPECT_EQ(policy.InForceOn(Day("1980-01-01")).version, 1);
}

TEST(EnforcementPolicy, TracksFollowTheSentenceKind) {
  EXPECT_EQ(TrackOf("community_order"), Track::kCommunity);
  EXPECT_EQ(TrackOf("suspended_sentence_order"), Track::kCommunity);
  EXPECT_EQ(TrackOf("licence"), Track::kLicence);
  EXPECT_EQ(TrackOf("pss"), Track::kLicence);
  EXPECT_EQ(TrackOf("caution"), std::nullopt);
  EXPECT_EQ(ParseDecisionKind("not_enforced"), DecisionKind::kNotEnforced);
  EXPECT_EQ(ParseDecisionKind("breach"), std::nullopt);
}

// ---- rules

Alert OpenAlert(AlertKind kind) {
  Alert a;
  a.appointment_id = 100;
  a.kind = kind;
  return a;
}

TEST(EnforcementRules, ADecisionNotToEnforceNeedsARationale) {
  const auto s = CheckDecision(OpenAlert(AlertKind::kDecision), Track::kLicence, false,
                               {DecisionKind::kNotEnforced, "  ", {}}, Day("2026-10-20"));
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().field, "rationale");
  EXPECT_TRUE(CheckDecision(OpenAlert(AlertKind::kDecision), Track::kLicence, false,
                            {DecisionKind::kNotEnforced, "In hospital; confirmed by GP", {}},
                            Day("2026-10-20")));
}

TEST(EnforcementRules, EachAlertOffersTheDecisionsOfItsTrackAndStage) {
  const Date today = Day("2026-10-20");
  auto kind_refused = [&](AlertKind alert, Track track, bool open, DecisionKind kind) {
    const auto s = CheckDecision(OpenAlert(alert), track, open, {kind, "why", {}}, today);
    return !s && s.error().field == "kind";
  };
  EXPECT_TRUE(
      kind_refused(AlertKind::kDecision, Track::kCommunity, false, DecisionKind::kWarningIssued));
  EXPECT_TRUE(
      kind_refused(AlertKind::kWarning, Track::kCommunity, false, DecisionKind::kRecallRequested));
  EXPECT_TRUE(kind_refused(AlertKind::kComplianceLetter, Track::kLicence, false,
                           DecisionKind::kWarningIssued));
  EXPECT_TRUE(
      kind_refused(AlertKind::kDecision, Track::kCommunity, true, DecisionKind::kBreachInitiated));
  EXPECT_TRUE(kind_refused(AlertKind::kDecision, Track::kCommunity, false,
                           DecisionKind::kAddedToProceedings));
  EXPECT_FALSE(kind_refused(AlertKind::kDecision, Track::kCommunity, true,
                            DecisionKind::kAddedToProceedings));
  EXPECT_FALSE(
      kind_refused(AlertKind::kDecision, Track::kLicence, false, DecisionKind::kRecallRequested));
}

TEST(EnforcementRules, AClosedOrAwaitingAlertTakesNoNewDecision) {
  Alert a = OpenAlert(AlertKind::kDecision);
  a.state = AlertState::kClosed;
  const DecisionInput breach{DecisionKind::kBreachInitiated, "", {}};
  EXPECT_EQ(CheckDecision(a, Track::kCommunity, false, breach, Day("2026-10-20")).error().code,
            "alert_closed");
  a.state = AlertState::kAwaitingCountersignature;
  EXPECT_EQ(CheckDecision(a, Track::kCommunity, false, breach, Day("2026-10-20")).error().code,
            "awaiting_countersignature");
  a.state = AlertState::kAwaitingInformation;  // the answer came: decide now
  EXPECT_TRUE(CheckDecision(a, Track::kCommunity, false, breach, Day("2026-10-20")));
}

TEST(EnforcementRules, FurtherInformationNeedsAResponseDateAfterTodayWithinThreeMonths) {
  const Date today = Day("2026-10-20");
  const Alert a = OpenAlert(AlertKind::kWarning);
  auto field = [&](std::optional<Date> by, DecisionKind kind = DecisionKind::kFurtherInformation) {
    const auto s = CheckDecision(a, Track::kCommunity, false, {kind, "", by}, today);
    return s ? std::string() : s.error().field;
  };
  EXPECT_EQ(field(std::nullopt), "respond_by");
  EXPECT_EQ(field(today), "respond_by");
  EXPECT_EQ(field(Day("2027-01-21")), "respond_by");
  EXPECT_EQ(field(Day("2026-10-27")), "");
  EXPECT_EQ(field(Day("2026-10-27"), DecisionKind::kWarningIssued), "respond_by");
}

TEST(EnforcementRules, CountersigningIsSomeoneElsesOnceAndEndorsingFollowsIt) {
  Decision d;
  d.kind = DecisionKind::kNotEnforced;
  EXPECT_EQ(CheckCountersign(d, "staff:1", "staff:1").error().code, "own_decision");
  EXPECT_TRUE(CheckCountersign(d, "staff:1", "staff:2"));
  EXPECT_EQ(CheckEndorse(d, true, "staff:1", "staff:3").error().code, "not_countersigned");
  d.countersigned = true;
  EXPECT_EQ(CheckCountersign(d, "staff:1", "staff:2").error().code, "already_countersigned");
  EXPECT_EQ(CheckEndorse(d, false, "staff:1", "staff:3").error().code, "endorsement_not_needed");
  EXPECT_TRUE(CheckEndorse(d, true, "staff:1", "staff:3"));
  EXPECT_EQ(CheckDecline(d, false, "staff:1", "staff:3", "no").error().code,
            "already_countersigned");
  EXPECT_TRUE(CheckDecline(d, true, "staff:1", "staff:3", "Not sufficient: breach"));
  EXPECT_EQ(CheckDecline(d, true, "staff:1", "staff:3", " ").error().field, "note");
  Decision warning;
  EXPECT_EQ(CheckCountersign(warning, "staff:1", "staff:2").error().code, "not_countersignable");
}

TEST(EnforcementRules, APolicyChangeIsBoundedAndNeverRewritesThePast) {
  const Policy current{{DefaultPolicy()}};
  const Date today = Day("2026-11-23");
  PolicyVersion v = DefaultPolicy();
  v.effective_from = today;
  v.reason = "National standards revised";
  EXPECT_TRUE(CheckPolicyVersion(v, current, today));
  v.effective_from = Day("2026-11-22");
  EXPECT_EQ(CheckPolicyVersion(v, current, today).error().field, "effective_from");
  v.effective_from = today;
  v.licence.decision_at = 0;
  EXPECT_EQ(CheckPolicyVersion(v, current, today).error().field, "licence.decision_at");
  v.licence.decision_at = 3;
  v.community.window_months = 48;
  EXPECT_EQ(CheckPolicyVersion(v, current, today).error().field, "community.window_months");
  v.community.window_months = 12;
  v.reason = "";
  EXPECT_EQ(CheckPolicyVersion(v, current, today).error().field, "reason");
}

}  // namespace
}  // namespace probity::enforcement

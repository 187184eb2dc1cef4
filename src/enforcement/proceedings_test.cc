#include "enforcement/proceedings.h"

#include <gtest/gtest.h>

namespace probity::enforcement {
namespace {

Date Day(const char* text) { return *ParseDate(text); }

const Date kToday = Day("2027-03-10");
const std::string kPo = "staff:1", kSpo = "staff:2", kSm = "staff:3", kTeam = "staff:4";

template <class T>
std::string CodeOf(const Result<T>& r) {
  return r ? "" : r.error().code;
}
template <class T>
std::string FieldOf(const Result<T>& r) {
  return r ? "" : r.error().field;
}
template <class T>
std::optional<ErrorKind> KindOf(const Result<T>& r) {
  if (r) return std::nullopt;
  return r.error().kind;
}

Breach Opened() {
  Breach b;
  b.id = 1;
  b.status = "initiated";
  b.initiated_on = Day("2027-03-01");
  b.initiated_by = kPo;
  b.steps.push_back({0, "initiated", b.initiated_on, {}, {}, {}, "", kPo, "", {}, 1});
  return b;
}

BreachStepInput Step(std::string kind, const char* on = "2027-03-05") {
  BreachStepInput in;
  in.kind = std::move(kind);
  in.on = Day(on);
  return in;
}
BreachStepInput Listing(const char* on, const char* hearing) {
  auto in = Step("court_listed", on);
  in.listed_for = Day(hearing);
  in.court = "Leeds Magistrates' Court";
  return in;
}
BreachStepInput OutcomeOf(const char* outcome, const char* on) {
  auto in = Step("outcome_recorded", on);
  in.outcome = outcome;
  return in;
}

// Applies the steps in order, failing the test at the first refusal.
Breach After(Breach b, const std::vector<BreachStepInput>& steps) {
  for (const auto& in : steps) {
    auto step = CheckBreachStep(b, in, kPo, kToday);
    EXPECT_TRUE(step) << in.kind << ": " << (step ? "" : step.error().message);
    if (!step) return b;
    b = ApplyBreachStep(b, *step);
    b.steps.push_back(*step);
  }
  return b;
}

TEST(BreachSteps, FollowTheCourtProcessToTheEnd) {
  const Breach b =
      After(Opened(), {Step("summons_issued", "2027-03-02"), Listing("2027-03-02", "2027-03-08"),
                       OutcomeOf("amended", "2027-03-08"), Step("ended", "2027-03-09")});
  EXPECT_EQ(b.status, "ended");
  EXPECT_EQ(b.outcome, "amended");
  EXPECT_EQ(b.next_listing_on, Day("2027-03-08"));
  EXPECT_EQ(b.court, "Leeds Magistrates' Court");
  EXPECT_EQ(b.ended_on, Day("2027-03-09"));
  EXPECT_FALSE(b.open());
  const auto period = ToPeriod(b);
  EXPECT_EQ(period.started_on, Day("2027-03-01"));
  EXPECT_EQ(period.ended_on, Day("2027-03-09"));
}

TEST(BreachSteps, AWarrantAfterAnUnansweredSummonsAndARelistingAreAllowed) {
  const Breach b =
      After(Opened(), {Step("summons_issued", "2027-03-02"), Listing("2027-03-02", "2027-03-04"),
                       Step("warrant_issued", "2027-03-04"), Listing("2027-03-05", "2027-03-09"),
                       OutcomeOf("revoked_resentenced", "2027-03-09")});
  EXPECT_EQ(b.next_listing_on, Day("2027-03-09"));
  EXPECT_TRUE(b.open());
  EXPECT_EQ(ToPeriod(b).ended_on, std::nullopt);
}

TEST(BreachSteps, OutOfOrderStepsAreRefusedNamingWhatComesFirst) {
  const Breach opened = Opened();
  const Breach summoned = After(opened, {Step("summons_issued", "2027-03-02")});
  const Breach listed = After(summoned, {Listing("2027-03-02", "2027-03-08")});
  const Breach decided = After(listed, {OutcomeOf("fine", "2027-03-08")});
  const Breach ended = After(decided, {Step("ended", "2027-03-09")});
  const struct {
    const char* why;
    const Breach& breach;
    BreachStepInput step;
    const char* code;
  } cases[] = {
      {"a listing needs a summons or warrant", opened, Listing("2027-03-02", "2027-03-08"),
       "out_of_order"},
      {"an outcome needs a listing", summoned, OutcomeOf("continued", "2027-03-05"),
       "out_of_order"},
      {"an outcome is not dated before its hearing", listed, OutcomeOf("continued", "2027-03-07"),
       "out_of_order"},
      {"one outcome only", decided, OutcomeOf("continued", "2027-03-09"), "out_of_order"},
      {"no summons after the outcome", decided, Step("summons_issued", "2027-03-09"),
       "out_of_order"},
      {"no listing after the outcome", decided, Listing("2027-03-09", "2027-03-10"),
       "out_of_order"},
      {"ended needs an outcome", listed, Step("ended", "2027-03-09"), "out_of_order"},
      {"nothing after ended", ended, Step("warrant_issued", "2027-03-10"), "proceedings_ended"},
      {"initiated only by the decision", opened, Step("initiated"), "unknown_kind"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    const auto r = CheckBreachStep(c.breach, c.step, kPo, kToday);
    EXPECT_EQ(CodeOf(r), c.code);
  }
}

TEST(BreachSteps, AWithdrawalNeedsNoListing) {
  const Breach b = After(Opened(), {OutcomeOf("withdrawn", "2027-03-03"), Step("ended")});
  EXPECT_EQ(b.outcome, "withdrawn");
  EXPECT_FALSE(b.open());
}

TEST(BreachSteps, BadInputIsRefusedNamingTheField) {
  const Breach summoned = After(Opened(), {Step("summons_issued", "2027-03-02")});
  auto no_court = Listing("2027-03-03", "2027-03-08");
  no_court.court = "  ";
  auto no_hearing = Listing("2027-03-03", "2027-03-08");
  no_hearing.listed_for.reset();
  auto stray_outcome = Step("warrant_issued");
  stray_outcome.outcome = "fine";
  const struct {
    const char* why;
    BreachStepInput step;
    const char* field;
  } cases[] = {
      {"unknown kind", Step("adjourned"), "kind"},
      {"in the future", Step("warrant_issued", "2027-03-11"), "on"},
      {"before the previous step", Step("warrant_issued", "2027-03-01"), "on"},
      {"no court", no_court, "court"},
      {"no hearing date", no_hearing, "listed_for"},
      {"hearing before the listing", Listing("2027-03-05", "2027-03-04"), "listed_for"},
      {"outcome on another step", stray_outcome, "outcome"},
      {"unknown outcome", OutcomeOf("acquitted", "2027-03-05"), "outcome"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    const auto r = CheckBreachStep(summoned, c.step, kPo, kToday);
    EXPECT_EQ(KindOf(r), ErrorKind::kInvalid);
    EXPECT_EQ(FieldOf(r), c.field);
  }
}

TEST(BreachSteps, WithoutADateTheStepIsToday) {
  auto in = Step("summons_issued");
  in.on.reset();
  const auto step = CheckBreachStep(Opened(), in, kPo, kToday);
  ASSERT_TRUE(step);
  EXPECT_EQ(step->on, kToday);
  EXPECT_EQ(step->recorded_by, kPo);
}

Recall Requested() {
  Recall r;
  r.id = 1;
  r.status = "requested";
  r.requested_on = Day("2027-03-01");
  r.requested_by = kPo;
  r.steps.push_back({0, "requested", r.requested_on, {}, "", kPo, "", {}, 1});
  return r;
}

RecallStepInput RStep(std::string kind, std::string note = "") {
  RecallStepInput in;
  in.kind = std::move(kind);
  in.note = std::move(note);
  return in;
}
RecallStepInput Decided(const char* decision) {
  auto in = RStep("decided", "risk cannot be managed in the community");
  in.decision = decision;
  return in;
}

struct By {
  std::string who;
  RecallStepInput step;
};
Recall After(Recall r, const std::vector<By>& steps, const FixedTermFacts& facts = {}) {
  for (const auto& [who, in] : steps) {
    auto step = CheckRecallStep(r, in, facts, who, kToday);
    EXPECT_TRUE(step) << in.kind << ": " << (step ? "" : step.error().message);
    if (!step) return r;
    r = ApplyRecallStep(r, *step);
    r.steps.push_back(*step);
  }
  return r;
}

const std::vector<By> kEndorsedAndSent = {
    {kSpo, RStep("spo_endorsed")},
    {kSm, RStep("senior_manager_endorsed")},
    {kPo, RStep("sent_to_recall_team")},
};

TEST(RecallSteps, EndorsedSentDecidedAndReturnedToCustody) {
  auto steps = kEndorsedAndSent;
  steps.push_back({kTeam, Decided("fixed_term")});
  steps.push_back({kTeam, RStep("returned_to_custody")});
  const Recall r = After(Requested(), steps);
  EXPECT_EQ(r.status, "returned_to_custody");
  EXPECT_EQ(r.decision, "fixed_term");
  EXPECT_EQ(r.sent_on, kToday);
  EXPECT_EQ(r.decided_on, kToday);
  EXPECT_EQ(r.ended_on, kToday);
  EXPECT_EQ(ToPeriod(r).started_on, Day("2027-03-01"));
  EXPECT_EQ(ToPeriod(r).ended_on, kToday);
}

TEST(RecallSteps, NotRecalledEndsTheRecallOnTheDecision) {
  auto steps = kEndorsedAndSent;
  steps.push_back({kTeam, Decided("not_recalled")});
  const Recall r = After(Requested(), steps);
  EXPECT_EQ(r.ended_on, kToday);
  EXPECT_EQ(CodeOf(CheckRecallStep(r, RStep("returned_to_custody"), {}, kTeam, kToday)),
            "proceedings_ended");
}

TEST(RecallSteps, AStandardRecallIsOpenUntilTheReturnToCustody) {
  auto steps = kEndorsedAndSent;
  steps.push_back({kTeam, Decided("standard")});
  const Recall r = After(Requested(), steps);
  EXPECT_TRUE(r.open());
  EXPECT_EQ(ToPeriod(r).ended_on, std::nullopt);
}

TEST(RecallSteps, ARefusedEndorsementEndsTheRecall) {
  const Recall r = After(Requested(), {{kSpo, RStep("spo_endorsed")},
                                       {kSm, RStep("senior_manager_refused", "try a curfew")}});
  EXPECT_EQ(r.ended_on, kToday);
  EXPECT_EQ(CodeOf(CheckRecallStep(r, RStep("sent_to_recall_team"), {}, kPo, kToday)),
            "proceedings_ended");
  EXPECT_EQ(FieldOf(CheckRecallStep(Requested(), RStep("spo_refused"), {}, kSpo, kToday)), "note");
}

TEST(RecallSteps, OutOfOrderStepsAreRefused) {
  const Recall requested = Requested();
  const Recall spo = After(requested, {{kSpo, RStep("spo_endorsed")}});
  const Recall both = After(spo, {{kSm, RStep("senior_manager_endorsed")}});
  const Recall sent = After(both, {{kPo, RStep("sent_to_recall_team")}});
  const Recall standard = After(sent, {{kTeam, Decided("standard")}});
  const struct {
    const char* why;
    const Recall& recall;
    By step;
  } cases[] = {
      {"senior manager before the SPO", requested, {kSm, RStep("senior_manager_endorsed")}},
      {"SPO twice", spo, {kSpo, RStep("spo_endorsed")}},
      {"sent before any endorsement", requested, {kPo, RStep("sent_to_recall_team")}},
      {"sent with the SPO's alone", spo, {kPo, RStep("sent_to_recall_team")}},
      {"decided before it is sent", both, {kTeam, Decided("standard")}},
      {"returned before a decision", sent, {kTeam, RStep("returned_to_custody")}},
      {"sent twice", sent, {kPo, RStep("sent_to_recall_team")}},
      {"decided twice", standard, {kTeam, Decided("not_recalled")}},
      {"SPO endorsing after sending", sent, {kSpo, RStep("spo_endorsed")}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    EXPECT_EQ(CodeOf(CheckRecallStep(c.recall, c.step.step, {}, c.step.who, kToday)),
              "out_of_order");
  }
}

TEST(RecallSteps, NoOneEndorsesTheirOwnRequestOrTwice) {
  const auto own = CheckRecallStep(Requested(), RStep("spo_endorsed"), {}, kPo, kToday);
  EXPECT_EQ(KindOf(own), ErrorKind::kForbidden);
  EXPECT_EQ(CodeOf(own), "own_request");
  const Recall spo = After(Requested(), {{kSpo, RStep("spo_endorsed")}});
  EXPECT_EQ(CodeOf(CheckRecallStep(spo, RStep("senior_manager_endorsed"), {}, kSpo, kToday)),
            "own_request");
}

TEST(RecallSteps, ADecisionNeedsAKnownDecisionAndReasons) {
  const Recall sent = After(Requested(), kEndorsedAndSent);
  auto none = RStep("decided", "reasons");
  EXPECT_EQ(FieldOf(CheckRecallStep(sent, none, {}, kTeam, kToday)), "decision");
  EXPECT_EQ(FieldOf(CheckRecallStep(sent, Decided("life"), {}, kTeam, kToday)), "decision");
  auto silent = Decided("standard");
  silent.note = "";
  EXPECT_EQ(FieldOf(CheckRecallStep(sent, silent, {}, kTeam, kToday)), "note");
  auto stray = RStep("sent_to_recall_team");
  stray.decision = "standard";
  EXPECT_EQ(FieldOf(CheckRecallStep(After(Requested(), {{kSpo, RStep("spo_endorsed")},
                                                        {kSm, RStep("senior_manager_endorsed")}}),
                                    stray, {}, kPo, kToday)),
            "decision");
}

TEST(FixedTermRefusal, NamesEachBarOrNone) {
  const struct {
    const char* why;
    FixedTermFacts facts;
    const char* bar;  // "" for none
  } cases[] = {
      {"no bar", {}, ""},
      {"MAPPA level 1 is no bar", {1, false, "standard"}, ""},
      {"MAPPA level 2", {2, false, {}}, "mappa_level"},
      {"MAPPA level 3", {3, false, "standard"}, "mappa_level"},
      {"terrorism-related", {{}, true, {}}, "terrorism"},
      {"extended sentence", {{}, false, "extended"}, "extended_sentence"},
      {"indeterminate sentence", {{}, false, "indeterminate"}, "indeterminate_sentence"},
      {"indeterminate named first", {3, true, "indeterminate"}, "indeterminate_sentence"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    const auto bar = FixedTermRefusal(c.facts);
    EXPECT_EQ(bar ? bar->code : "", c.bar);
  }
  EXPECT_EQ(FixedTermRefusal({2, false, {}})->reason, "managed at MAPPA level 2");
}

TEST(FixedTermRefusal, RefusesAFixedTermDecisionButNotAStandardOne) {
  const Recall sent = After(Requested(), kEndorsedAndSent);
  const FixedTermFacts mappa{3, false, {}};
  const auto refused = CheckRecallStep(sent, Decided("fixed_term"), mappa, kTeam, kToday);
  EXPECT_EQ(KindOf(refused), ErrorKind::kInvalid);
  EXPECT_EQ(CodeOf(refused), "fixed_term_not_allowed");
  EXPECT_EQ(FieldOf(refused), "decision");
  EXPECT_TRUE(CheckRecallStep(sent, Decided("standard"), mappa, kTeam, kToday));
}

TEST(RecallRequest, NeedsReasonsAlternativesAndThisLicencesConditions) {
  const std::vector<int64_t> conditions = {10, 11};
  EXPECT_TRUE(CheckRecallRequest("reasons", "curfew tried", {10}, conditions));
  const struct {
    const char* why;
    std::string reasons, alternatives;
    std::vector<int64_t> breached;
    const char* field;
  } cases[] = {
      {"blank reasons", " ", "tried", {10}, "reasons"},
      {"blank alternatives", "reasons", "", {10}, "alternatives_tried"},
      {"no conditions", "reasons", "tried", {}, "conditions_breached"},
      {"another licence's condition", "reasons", "tried", {12}, "conditions_breached"},
      {"a condition twice", "reasons", "tried", {10, 10}, "conditions_breached"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    EXPECT_EQ(FieldOf(CheckRecallRequest(c.reasons, c.alternatives, c.breached, conditions)),
              c.field);
  }
}

using Codes = std::vector<std::string>;

TEST(NextSteps, AreTheBreachStepsTheRulesTakeNow) {
  const Breach opened = Opened();
  const Breach summoned = After(opened, {Step("summons_issued", "2027-03-02")});
  const Breach listed = After(summoned, {Listing("2027-03-02", "2027-03-08")});
  const Breach decided = After(listed, {OutcomeOf("fine", "2027-03-08")});
  const Breach ended = After(decided, {Step("ended", "2027-03-09")});
  const Codes all_outcomes = {"continued", "amended", "revoked_resentenced", "fine", "withdrawn"};
  const struct {
    const char* why;
    const Breach& breach;
    Codes steps, outcomes;
  } cases[] = {
      {"initiated: a summons or warrant, or a withdrawal",
       opened,
       {"summons_issued", "warrant_issued", "outcome_recorded"},
       {"withdrawn"}},
      {"summoned: a listing too",
       summoned,
       {"summons_issued", "warrant_issued", "court_listed", "outcome_recorded"},
       {"withdrawn"}},
      {"listed: any outcome",
       listed,
       {"summons_issued", "warrant_issued", "court_listed", "outcome_recorded"},
       all_outcomes},
      {"an outcome: only the end", decided, {"ended"}, {}},
      {"ended: nothing", ended, {}, {}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    EXPECT_EQ(NextBreachSteps(c.breach), c.steps);
    EXPECT_EQ(NextBreachOutcomes(c.breach), c.outcomes);
  }
}

TEST(NextSteps, AreTheRecallStepsTheRulesTakeNowFromThisPerson) {
  const Recall requested = Requested();
  const Recall spo = After(requested, {kEndorsedAndSent[0]});
  const Recall manager = After(spo, {kEndorsedAndSent[1]});
  const Recall sent = After(manager, {kEndorsedAndSent[2]});
  const Recall standard = After(sent, {{kTeam, Decided("standard")}});
  const Recall not_recalled = After(sent, {{kTeam, Decided("not_recalled")}});
  const struct {
    const char* why;
    const Recall& recall;
    std::string by;
    Codes steps;
  } cases[] = {
      {"requested: the SPO's endorsement", requested, kSpo, {"spo_endorsed", "spo_refused"}},
      {"not by the requester", requested, kPo, {}},
      {"then a senior manager's", spo, kSm, {"senior_manager_endorsed", "senior_manager_refused"}},
      {"not by the SPO who endorsed it", spo, kSpo, {}},
      {"endorsed twice: sending", manager, kPo, {"sent_to_recall_team"}},
      {"sent: the decision", sent, kTeam, {"decided"}},
      {"standard: the return to custody", standard, kTeam, {"returned_to_custody"}},
      {"not recalled: nothing", not_recalled, kTeam, {}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    EXPECT_EQ(NextRecallSteps(c.recall, c.by), c.steps);
  }
}

TEST(WhoRecordsWhich, EachRecallStepHasItsRole) {
  using access::Role;
  const struct {
    Role role;
    const char* kind;
    bool allowed;
  } cases[] = {
      {Role::kSpo, "spo_endorsed", true},
      {Role::kPractitioner, "spo_endorsed", false},
      {Role::kSeniorManager, "spo_endorsed", false},
      {Role::kSeniorManager, "senior_manager_endorsed", true},
      {Role::kSpo, "senior_manager_refused", false},
      {Role::kPractitioner, "sent_to_recall_team", true},
      {Role::kRecallTeam, "sent_to_recall_team", false},
      {Role::kRecallTeam, "decided", true},
      {Role::kSpo, "decided", false},
      {Role::kRecallTeam, "returned_to_custody", true},
      {Role::kPractitioner, "returned_to_custody", false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(access::ToString(c.role)) + " " + c.kind);
    EXPECT_EQ(static_cast<bool>(MayRecordRecallStep(c.role, c.kind)), c.allowed);
  }
  EXPECT_TRUE(MayRecordBreachStep(Role::kEnforcementAdmin));
  EXPECT_FALSE(MayRecordBreachStep(Role::kRecallTeam));
}

}  // namespace
}  // namespace probity::enforcement

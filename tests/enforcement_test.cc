// Enforcement over HTTP on both backends, as scenarios from the field: failures counted once a
// day in the window, an alert for every one (none suppressed by an earlier alert or by a breach
// under way), decisions that never change the absence judgement, decisions not to enforce that
// hold the alert open until countersigned (and endorsed, the second time), the worklist, and the
// policy as versioned data. Bad input is refused with a clear message and writes nothing.
#include "app/enforcement.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app_server.h"
#include "sentence_bodies.h"
#include "store/event_log.h"

namespace probity {
namespace {

using nlohmann::json;
using testing::ClientResponse;

constexpr const char* kCrn = "X300001";
const std::string kPerson = std::string("/api/v1/people/") + kCrn;
const std::string kDecisions = kPerson + "/enforcement/decisions";

class EnforcementTest : public testing::AppServerTest {
 protected:
  void SetUp() override {
    AppServerTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    clock_.Set(*ParseUtc("2026-10-01T09:00:00.000000Z"));
    AddDale(kCrn);
    if (HasFatalFailure()) return;
  }

  int64_t AddLicence() {
    const auto r =
        As("demo.po1", "POST", kPerson + "/sentences", testing::RobberyLicenceJson("2026-09-01"));
    EXPECT_EQ(r.status, 201) << r.body;
    return json::parse(r.body)["id"];
  }

  int64_t AddOrder() {
    const auto r = As("demo.po1", "POST", kPerson + "/sentences",
                      {{"kind", "community_order"},
                       {"court", "Newcastle Magistrates' Court"},
                       {"offence", "Theft from a shop"},
                       {"offence_group", "theft_non_motor"},
                       {"sentence_date", "2026-09-01"},
                       {"length_months", 12}});
    EXPECT_EQ(r.status, 201) << r.body;
    return json::parse(r.body)["id"];
  }

  // Books an appointment at `uk_time` (winter: UTC) on the sentence, then, once it has passed,
  // records that the person failed to attend, judged `judgement`. The clock ends an hour after.
  int64_t Fail(int64_t sentence, const std::string& uk_time,
               const std::string& judgement = "unacceptable") {
    return RecordFailure(kCrn, sentence, uk_time, judgement);
  }

  json Sentence(int64_t id) {
    const auto r = As("demo.po1", "GET", kPerson + "/enforcement");
    EXPECT_EQ(r.status, 200) << r.body;
    const auto all = json::parse(r.body);
    for (const auto& s : all["sentences"])
      if (s["sentence_id"] == id) return s;
    ADD_FAILURE() << "no sentence " << id << " in " << r.body;
    return json::object();
  }

  ClientResponse Decide(const std::string& who, int64_t sentence, int64_t appointment,
                        const std::string& kind, const std::string& rationale = "",
                        json extra = json::object()) {
    json body = {{"sentence_id", sentence}, {"appointment_id", appointment}, {"kind", kind}};
    if (!rationale.empty()) body["rationale"] = rationale;
    for (const auto& [k, v] : extra.items()) body[k] = v;
    return As(who, "POST", kDecisions, body);
  }

  ClientResponse Answer(const std::string& who, const json& decision, const std::string& verb,
                        json extra = json::object()) {
    json body = {{"version", decision["version"]}};
    for (const auto& [k, v] : extra.items()) body[k] = v;
    return As(who, "POST",
              kDecisions + "/" + std::to_string(decision["id"].get<int64_t>()) + "/" + verb, body);
  }

  json Worklist(const std::string& who, const std::string& query = "") {
    const auto r = As(who, "GET", "/api/v1/enforcement/worklist" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body)["items"];
  }

  std::vector<std::string> EventKinds(const std::string& prefix) {
    auto tx = db_->BeginRead();
    std::vector<std::string> out;
    for (auto& e : store::EventsForSubject(tx, kCrn))
      if (e.kind.starts_with(prefix)) out.push_back(e.kind);
    return out;
  }

  size_t EventCount() {
    auto tx = db_->BeginRead();
    return store::EventsForSubject(tx, kCrn).size();
  }

  void ExpectRefused(const ClientResponse& r, int status, const std::string& code,
                     const std::string& field, size_t events_before) {
    EXPECT_EQ(r.status, status) << r.body;
    const auto body = json::parse(r.body, nullptr, false);
    ASSERT_TRUE(body.is_object()) << r.body;
    EXPECT_EQ(body["error"]["code"], code) << r.body;
    if (!field.empty()) {
      EXPECT_EQ(body["error"]["field"], field) << r.body;
    }
    EXPECT_EQ(EventCount(), events_before);
  }
};

TEST_P(EnforcementTest, OnALicenceThreeUnacceptableAbsencesRaiseADecisionAlert) {
  const int64_t licence = AddLicence();
  Fail(licence, "2026-11-02T10:00");
  Fail(licence, "2026-11-09T10:00");
  const int64_t third = Fail(licence, "2026-11-16T10:00");

  const auto s = Sentence(licence);
  EXPECT_EQ(s["track"], "licence");
  EXPECT_EQ(s["count"], 3);
  EXPECT_EQ(s["stage"], "decision_required");
  ASSERT_EQ(s["alerts"].size(), 3u);
  EXPECT_EQ(s["alerts"][0]["kind"], "compliance_letter");
  EXPECT_EQ(s["alerts"][1]["kind"], "compliance_letter");
  EXPECT_EQ(s["alerts"][2]["kind"], "decision");
  EXPECT_EQ(s["alerts"][2]["appointment_id"], third);
  EXPECT_EQ(s["alerts"][2]["nth"], 3);
  EXPECT_EQ(s["alerts"][2]["due_on"], "2026-11-17");  // one working day
  EXPECT_EQ(s["alerts"][2]["state"], "open");

  // Each failure raised its own alert, on the timeline.
  EXPECT_EQ(EventKinds("enforcement.alert_raised").size(), 3u);
  const auto timeline = As("demo.po1", "GET", kPerson + "/timeline").body;
  EXPECT_NE(timeline.find("Enforcement alert: 3rd unacceptable failure in the window (failure on "
                          "16 November 2026): an enforcement decision is required by 17 November "
                          "2026."),
            std::string::npos)
      << timeline;

  // The worklist of the practitioner's team shows all three, by due date; overdue ones marked.
  clock_.Set(*ParseUtc("2026-11-20T09:00:00.000000Z"));
  const auto items = Worklist("demo.po1");
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0]["crn"], kCrn);
  EXPECT_EQ(items[2]["alert"]["appointment_id"], third);
  EXPECT_EQ(items[2]["alert"]["overdue"], true);
  EXPECT_EQ(items[2]["team"], "NE-TYN-A");
  EXPECT_EQ(Worklist("demo.spo1").size(), 3u);
  EXPECT_EQ(Worklist("demo.enforcement").size(), 3u);
  EXPECT_EQ(Worklist("demo.po2").size(), 0u);  // another PDU's team
  EXPECT_EQ(Worklist("demo.po1", "?team=NE-TYN-A&overdue=true").size(), 3u);
  EXPECT_EQ(Worklist("demo.po1", "?officer=demo.po2").size(), 0u);
  EXPECT_EQ(Worklist("demo.po1", "?state=awaiting_countersignature").size(), 0u);
}

TEST_P(EnforcementTest,
       ADecisionNotToEnforceWaitsForCountersignatureAndAFourthAbsenceRaisesANewAlert) {
  const int64_t licence = AddLicence();
  const int64_t first = Fail(licence, "2026-11-02T10:00");
  const int64_t second = Fail(licence, "2026-11-09T10:00");
  const int64_t third = Fail(licence, "2026-11-16T10:00");
  ASSERT_EQ(Decide("demo.po1", licence, first, "compliance_letter").status, 201);
  ASSERT_EQ(Decide("demo.po1", licence, second, "compliance_letter").status, 201);

  size_t before = EventCount();
  ExpectRefused(Decide("demo.po1", licence, third, "not_enforced"), 400, "required", "rationale",
                before);
  ExpectRefused(Decide("demo.po1", licence, third, "warning_issued", "x"), 400,
                "decision_not_allowed", "kind", before);
  const auto decided = Decide("demo.po1", licence, third, "not_enforced",
                              "Admitted to hospital the day before; discharge letter seen");
  ASSERT_EQ(decided.status, 201) << decided.body;
  const auto decision = json::parse(decided.body);
  EXPECT_EQ(decision["kind"], "not_enforced");
  EXPECT_TRUE(decision["countersigned"].is_null());

  // Until countersigned the alert stays open, and on the worklist.
  auto s = Sentence(licence);
  EXPECT_EQ(s["alerts"][2]["state"], "awaiting_countersignature");
  EXPECT_EQ(s["stage"], "decision_required");
  EXPECT_EQ(Worklist("demo.spo1", "?state=awaiting_countersignature").size(), 1u);

  // A decision never changes the absence judgement.
  const auto appointment =
      json::parse(As("demo.po1", "GET", kPerson + "/appointments/" + std::to_string(third)).body);
  EXPECT_EQ(appointment["outcome"]["judgement"], "unacceptable") << appointment.dump();

  // Countersigning is an SPO's, not the author's or a practitioner's; a stale version is refused.
  before = EventCount();
  ExpectRefused(Answer("demo.po1", decision, "countersign"), 403, "forbidden", "", before);
  ExpectRefused(Answer("demo.manager1", decision, "countersign"), 403, "wrong_role", "", before);
  auto stale = decision;
  stale["version"] = 7;
  ExpectRefused(Answer("demo.spo1", stale, "countersign"), 409, "stale_version", "version", before);
  const auto signed_off = Answer("demo.spo1", decision, "countersign");
  ASSERT_EQ(signed_off.status, 200) << signed_off.body;
  EXPECT_EQ(json::parse(signed_off.body)["countersigned"]["name"], "Sandra Price");
  s = Sentence(licence);
  EXPECT_EQ(s["alerts"][2]["state"], "closed");
  EXPECT_EQ(s["stage"], "none");
  EXPECT_EQ(Worklist("demo.spo1").size(), 0u);
  ExpectRefused(Answer("demo.spo1", json::parse(signed_off.body), "countersign"), 409,
                "already_countersigned", "", EventCount());

  // The fourth absence raises its own alert: the earlier decision suppresses nothing.
  const int64_t fourth = Fail(licence, "2026-11-23T10:00");
  s = Sentence(licence);
  ASSERT_EQ(s["alerts"].size(), 4u);
  EXPECT_EQ(s["alerts"][3]["appointment_id"], fourth);
  EXPECT_EQ(s["alerts"][3]["nth"], 4);
  EXPECT_EQ(s["alerts"][3]["kind"], "decision");
  EXPECT_EQ(s["alerts"][3]["state"], "open");
  EXPECT_EQ(s["count"], 4);
  EXPECT_EQ(Worklist("demo.po1").size(), 1u);

  // A second decision not to enforce on the sentence needs a senior manager too.
  const auto again = json::parse(
      Decide("demo.po1", licence, fourth, "not_enforced", "Bereavement: funeral that morning")
          .body);
  const auto countersigned = json::parse(Answer("demo.spo1", again, "countersign").body);
  EXPECT_EQ(Sentence(licence)["alerts"][3]["state"], "awaiting_endorsement");
  ExpectRefused(Answer("demo.spo1", countersigned, "endorse"), 403, "wrong_role", "", EventCount());
  const auto endorsed = Answer("demo.manager1", countersigned, "endorse");
  ASSERT_EQ(endorsed.status, 200) << endorsed.body;
  EXPECT_EQ(Sentence(licence)["alerts"][3]["state"], "closed");
  EXPECT_EQ(EventKinds("enforcement.decision_").size(), 7u);
}

TEST_P(EnforcementTest, TwoFailuresOnOneDayCountOnce) {
  const int64_t licence = AddLicence();
  const int64_t morning = Fail(licence, "2026-11-02T10:00");
  const int64_t afternoon = Fail(licence, "2026-11-02T15:00");
  const auto s = Sentence(licence);
  EXPECT_EQ(s["count"], 1);
  ASSERT_EQ(s["alerts"].size(), 1u);
  EXPECT_EQ(s["alerts"][0]["appointment_id"], morning);
  EXPECT_EQ(s["alerts"][0]["same_day"], json::array({afternoon}));
  // A decision naming either failure answers the day's alert.
  ASSERT_EQ(Decide("demo.po1", licence, afternoon, "compliance_letter").status, 201);
  EXPECT_EQ(Sentence(licence)["alerts"][0]["state"], "closed");
}

TEST_P(EnforcementTest, ABreachInProgressStillShowsNewFailuresAsEvidence) {
  const int64_t order = AddOrder();
  const int64_t first = Fail(order, "2026-11-02T10:00");
  ASSERT_EQ(Decide("demo.po1", order, first, "warning_issued").status, 201);
  const int64_t second = Fail(order, "2026-11-09T10:00");
  EXPECT_EQ(Sentence(order)["stage"], "decision_required");
  const auto breach = Decide("demo.po1", order, second, "breach_initiated",
                             "Second unacceptable absence within 12 months of a warning");
  ASSERT_EQ(breach.status, 201) << breach.body;
  auto s = Sentence(order);
  EXPECT_EQ(s["proceedings_open"], true);
  EXPECT_EQ(s["stage"], "none");

  const int64_t third = Fail(order, "2026-11-16T10:00");
  s = Sentence(order);
  ASSERT_EQ(s["alerts"].size(), 3u);
  EXPECT_EQ(s["alerts"][2]["appointment_id"], third);
  EXPECT_EQ(s["alerts"][2]["during_proceedings"], true);
  EXPECT_EQ(s["alerts"][2]["state"], "open");
  EXPECT_EQ(s["stage"], "decision_required");
  EXPECT_EQ(Worklist("demo.po1").size(), 1u);
  const size_t before = EventCount();
  ExpectRefused(Decide("demo.po1", order, third, "breach_initiated", "again"), 400,
                "decision_not_allowed", "kind", before);
  ASSERT_EQ(Decide("demo.po1", order, third, "added_to_proceedings", "For the court").status, 201);
  EXPECT_EQ(Sentence(order)["alerts"][2]["state"], "closed");
}

TEST_P(EnforcementTest, AnAmendmentToAcceptableWithdrawsTheAlertAndKeepsTheDecisionHistory) {
  const int64_t order = AddOrder();
  const int64_t first = Fail(order, "2026-11-02T10:00");
  const auto further =
      Decide("demo.po1", order, first, "further_information", "", {{"respond_by", "2026-11-13"}});
  ASSERT_EQ(further.status, 201) << further.body;
  auto s = Sentence(order);
  EXPECT_EQ(s["alerts"][0]["state"], "awaiting_information");
  EXPECT_EQ(s["alerts"][0]["due_on"], "2026-11-13");

  const auto amended =
      As("demo.po1", "POST",
         kPerson + "/appointments/" + std::to_string(first) + "/outcome/amendments",
         {{"version", 2},
          {"outcome", "failed_to_attend"},
          {"judgement", "acceptable"},
          {"judgement_reason", "illness"},
          {"note", "GP letter received"},
          {"reason", "Evidence of illness provided"}});
  ASSERT_EQ(amended.status, 200) << amended.body;
  s = Sentence(order);
  EXPECT_EQ(s["alerts"].size(), 0u);
  EXPECT_EQ(s["count"], 0);
  EXPECT_EQ(s["decisions"].size(), 1u);
  EXPECT_EQ(EventKinds("enforcement.alert_withdrawn").size(), 1u);
  EXPECT_EQ(Worklist("demo.po1").size(), 0u);
}

TEST_P(EnforcementTest, ADeclinedDecisionReopensTheAlert) {
  const int64_t licence = AddLicence();
  const int64_t first = Fail(licence, "2026-11-02T10:00");
  const auto d = json::parse(Decide("demo.po1", licence, first, "not_enforced", "First time").body);
  const size_t before = EventCount();
  ExpectRefused(Answer("demo.spo1", d, "decline"), 400, "missing_field", "note", before);
  const auto declined =
      Answer("demo.spo1", d, "decline", {{"note", "A compliance letter is proportionate"}});
  ASSERT_EQ(declined.status, 200) << declined.body;
  EXPECT_EQ(json::parse(declined.body)["declined"]["note"], "A compliance letter is proportionate");
  EXPECT_EQ(Sentence(licence)["alerts"][0]["state"], "open");
  ASSERT_EQ(Decide("demo.po1", licence, first, "compliance_letter").status, 201);
  EXPECT_EQ(Sentence(licence)["alerts"][0]["state"], "closed");
}

TEST_P(EnforcementTest, BadDecisionsAreRefusedAndWriteNothing) {
  const int64_t licence = AddLicence();
  const int64_t first = Fail(licence, "2026-11-02T10:00");
  const int64_t acceptable = Fail(licence, "2026-11-09T10:00", "acceptable");
  const size_t before = EventCount();
  ExpectRefused(Decide("demo.po1", licence, acceptable, "compliance_letter"), 404, "unknown_alert",
                "appointment_id", before);
  ExpectRefused(Decide("demo.po1", licence + 100, first, "compliance_letter"), 404,
                "unknown_sentence", "sentence_id", before);
  ExpectRefused(Decide("demo.po1", licence, first, "breach"), 400, "unknown_kind", "kind", before);
  ExpectRefused(Decide("demo.po1", licence, first, "further_information"), 400, "required",
                "respond_by", before);
  ExpectRefused(Decide("demo.po1", licence, first, "recall_requested", "x"), 400, "required",
                "reasons", before);
  ExpectRefused(As("demo.po1", "POST", kDecisions, {{"sentence_id", licence}}), 400,
                "missing_field", "appointment_id", before);
  ExpectRefused(As("demo.po1", "POST", kDecisions, {{"surprise", 1}}), 400, "unknown_field", "",
                before);
  // Readers who may not enforce.
  AddAccount("demo.analyst", access::Role::kPerformanceAnalyst);
  EXPECT_EQ(Decide("demo.analyst", licence, first, "compliance_letter").status, 404);
  EXPECT_EQ(EventCount(), before);
}

TEST_P(EnforcementTest, TheRecallTeamWorksFromRecallRequestsNotTheWorklist) {
  AddAccount("demo.recall", access::Role::kRecallTeam);
  const auto r = As("demo.recall", "GET", "/api/v1/enforcement/worklist");
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(As("demo.po1", "GET", "/api/v1/enforcement/worklist?state=closed").status, 400);
  EXPECT_EQ(As("demo.po1", "GET", "/api/v1/enforcement/worklist?after=nonsense").status, 400);
  EXPECT_EQ(As("demo.po1", "GET", "/api/v1/enforcement/worklist?team=NOPE").status, 400);
}

TEST_P(EnforcementTest, TheWorklistHidesACaseFromSomeoneExcludedFromIt) {
  const int64_t licence = AddLicence();
  Fail(licence, "2026-11-02T10:00");
  EXPECT_EQ(Worklist("demo.enforcement").size(), 1u);
  ASSERT_EQ(As("demo.spo1", "POST", kPerson + "/exclusions",
               {{"username", "demo.enforcement"}, {"reason", "A relative"}})
                .status,
            201);
  EXPECT_EQ(Worklist("demo.enforcement").size(), 0u);
  EXPECT_EQ(Worklist("demo.po1").size(), 1u);
}

TEST_P(EnforcementTest, ThePolicyIsVersionedDataAChangeAppliesFromItsDate) {
  auto policy = json::parse(As("demo.po1", "GET", "/api/v1/enforcement/policy").body);
  ASSERT_EQ(policy["versions"].size(), 1u);
  EXPECT_EQ(policy["versions"][0]["licence"]["decision_at"], 3);
  EXPECT_EQ(policy["versions"][0]["community"]["due_working_days"], 10);

  clock_.Set(*ParseUtc("2026-11-23T09:00:00.000000Z"));
  const json change = {
      {"effective_from", "2026-11-30"},
      {"community", {{"decision_at", 2}, {"window_months", 12}, {"due_working_days", 10}}},
      {"licence", {{"decision_at", 2}, {"window_months", 12}, {"due_working_days", 2}}},
      {"reason", "Regional pilot: decision at the second licence failure"}};
  EXPECT_EQ(As("demo.po1", "POST", "/api/v1/enforcement/policy", change).status, 403);
  auto past = change;
  past["effective_from"] = "2026-11-01";
  EXPECT_EQ(As("demo.admin", "POST", "/api/v1/enforcement/policy", past).status, 400);
  auto wild = change;
  wild["licence"]["decision_at"] = 0;
  EXPECT_EQ(As("demo.admin", "POST", "/api/v1/enforcement/policy", wild).status, 400);
  const auto r = As("demo.admin", "POST", "/api/v1/enforcement/policy", change);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(json::parse(r.body)["version"], 2);
  {
    auto tx = db_->BeginRead();
    const auto events = store::EventsForSubject(tx, "enforcement_policy");
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].kind, "enforcement.policy_changed");
  }

  // A licence failure before the date keeps the old rules; the second after it needs a decision.
  const int64_t licence = AddLicence();
  Fail(licence, "2026-11-27T10:00");
  Fail(licence, "2026-12-01T10:00");
  const auto s = Sentence(licence);
  EXPECT_EQ(s["alerts"][0]["policy_version"], 1);
  EXPECT_EQ(s["alerts"][1]["policy_version"], 2);
  EXPECT_EQ(s["alerts"][1]["kind"], "decision");
  EXPECT_EQ(s["alerts"][1]["due_on"], "2026-12-03");
}

TEST_P(EnforcementTest, EvaluatingEverySentenceBringsStoredAlertsUpToDateAndIsThenANoOp) {
  const int64_t licence = AddLicence();
  Fail(licence, "2026-11-02T10:00");
  Fail(licence, "2026-11-09T10:00");
  // As after a bulk load: alerts missing from the table.
  {
    auto tx = db_->BeginWrite();
    tx.sql() << "DELETE FROM enforcement_alert";
    tx.Commit();
  }
  EXPECT_EQ(Worklist("demo.po1").size(), 0u);
  const store::Actor system{"system:enforcement", std::nullopt};
  const auto run = app::EvaluateAll(*db_, system, clock_.Now());
  EXPECT_GE(run.sentences, 1);
  EXPECT_EQ(run.alerts, 2);
  EXPECT_EQ(run.open_alerts, 2);
  EXPECT_EQ(run.sentences_written, 1);
  EXPECT_EQ(Worklist("demo.po1").size(), 2u);
  const auto again = app::EvaluateAll(*db_, system, clock_.Now());
  EXPECT_EQ(again.sentences_written, 0);
  EXPECT_EQ(again.alerts, 2);
}

PROBITY_ON_BOTH_BACKENDS(EnforcementTest);

}  // namespace
}  // namespace probity

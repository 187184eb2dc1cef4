// Breach proceedings and recalls over HTTP on both backends: each begun by an enforcement
// decision, each step in order with who and when on the timeline, steps out of order refused
// with a clear 4xx and nothing written, the roles each recall step needs, fixed-term recall
// refused for each of its four reasons, stale versions, and the periods the engine reads.
#include "app/proceedings.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "app_server.h"
#include "cases/store.h"
#include "enforcement/proceedings_store.h"
#include "store/event_log.h"

namespace probity {
namespace {

using nlohmann::json;
using testing::ClientResponse;

constexpr const char* kCrn = "X400001";
const std::string kPerson = std::string("/api/v1/people/") + kCrn;

class ProceedingsTest : public testing::AppServerTest {
 protected:
  void SetUp() override {
    AppServerTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    clock_.Set(*ParseUtc("2026-10-01T09:00:00.000000Z"));
    AddDale(kCrn);
    if (HasFatalFailure()) return;
    AddAccount("demo.recall", access::Role::kRecallTeam);
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

  int64_t AddLicence(const std::optional<std::string>& custody_type = std::nullopt) {
    json body = {{"kind", "licence"},
                 {"court", "Newcastle Crown Court"},
                 {"offence", "Robbery"},
                 {"offence_group", "robbery"},
                 {"sentence_date", "2024-05-01"},
                 {"length_months", 48},
                 {"release_date", "2026-09-01"},
                 {"licence_end", "2028-05-01"}};
    if (custody_type) body["custody_type"] = *custody_type;
    const auto r = As("demo.po1", "POST", kPerson + "/sentences", body);
    EXPECT_EQ(r.status, 201) << r.body;
    if (custody_type) {
      EXPECT_EQ(json::parse(r.body)["custody_type"], *custody_type);
    }
    return json::parse(r.body)["id"];
  }

  int64_t AddCondition(int64_t licence, const std::string& description) {
    const auto r =
        As("demo.po1", "POST",
           kPerson + "/sentences/" + std::to_string(licence) + "/licence-conditions",
           {{"type", "additional"}, {"description", description}, {"start_date", "2026-09-01"}});
    EXPECT_EQ(r.status, 201) << r.body;
    return json::parse(r.body)["id"];
  }

  // An unacceptable failure to attend at `uk_time` (winter: UTC); the clock ends an hour after.
  int64_t Fail(int64_t sentence, const std::string& uk_time) {
    return RecordFailure(kCrn, sentence, uk_time);
  }

  ClientResponse Decide(int64_t sentence, int64_t appointment, const std::string& kind,
                        json extra = json::object()) {
    json body = {{"sentence_id", sentence},
                 {"appointment_id", appointment},
                 {"kind", kind},
                 {"rationale", "Decided after a supervision discussion"}};
    for (const auto& [k, v] : extra.items()) body[k] = v;
    return As("demo.po1", "POST", kPerson + "/enforcement/decisions", body);
  }

  // Breach proceedings begun the way they are in practice: a warning, a second failure, a
  // breach decision. Returns the breach.
  json BeginBreach(int64_t order) {
    const int64_t first = Fail(order, "2026-11-02T10:00");
    EXPECT_EQ(Decide(order, first, "warning_issued").status, 201);
    const int64_t second = Fail(order, "2026-11-09T10:00");
    const auto d = Decide(order, second, "breach_initiated");
    EXPECT_EQ(d.status, 201) << d.body;
    const auto list = As("demo.po1", "GET", kPerson + "/breaches");
    EXPECT_EQ(list.status, 200) << list.body;
    return json::parse(list.body)["items"][0];
  }

  // A recall opened directly (as app::RecordDecision does inside its transaction), by demo.po1,
  // for the tests that are about the recall's later steps. Returns the recall.
  json OpenRecall(int64_t licence, const std::vector<int64_t>& conditions) {
    const std::string po = PoActor();  // before the write transaction: the server writes too
    auto tx = db_->BeginWrite();
    auto person = cases::FindPerson(tx, kCrn);
    EXPECT_TRUE(person.has_value());
    const app::CaseRef on{person->id, kCrn, false};
    auto id = app::OpenRecall(
        tx, {po, std::nullopt}, on, licence, 0,
        {"Whereabouts unknown for a week", conditions, "Curfew tightened; a final warning letter"},
        clock_.Now());
    EXPECT_TRUE(id) << (id ? "" : id.error().message);
    tx.Commit();
    return Recall(*id);
  }

  std::string PoActor() {
    return "staff:" +
           std::to_string(
               json::parse(As("demo.po1", "GET", "/api/v1/me").body)["staff_id"].get<int64_t>());
  }

  std::string RecallPath(const json& recall, const std::string& rest = "") {
    return kPerson + "/recalls/" + std::to_string(recall["id"].get<int64_t>()) + rest;
  }
  std::string BreachPath(const json& breach, const std::string& rest = "") {
    return kPerson + "/breaches/" + std::to_string(breach["id"].get<int64_t>()) + rest;
  }

  json Recall(int64_t id) {
    const auto r = As("demo.po1", "GET", kPerson + "/recalls/" + std::to_string(id));
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body);
  }

  // Posts a step with the recall's current version; returns the response.
  ClientResponse Step(const std::string& who, json& recall, const std::string& verb,
                      json body = json::object()) {
    body["version"] = recall["version"];
    const auto r = As(who, "POST", RecallPath(recall, "/" + verb), body);
    if (r.status == 200) recall = json::parse(r.body);
    return r;
  }
  ClientResponse BreachStep(const std::string& who, json& breach, json body) {
    body["version"] = breach["version"];
    const auto r = As(who, "POST", BreachPath(breach, "/steps"), body);
    if (r.status == 200) breach = json::parse(r.body);
    return r;
  }

  // Endorsed by the SPO and a senior manager and sent to the recall team.
  void EndorseAndSend(json& recall) {
    ASSERT_EQ(Step("demo.spo1", recall, "endorsements", {{"endorsed", true}}).status, 200);
    ASSERT_EQ(Step("demo.manager1", recall, "endorsements", {{"endorsed", true}}).status, 200);
    ASSERT_EQ(Step("demo.po1", recall, "sent").status, 200);
  }

  size_t EventCount() {
    auto tx = db_->BeginRead();
    return store::EventsForSubject(tx, kCrn).size();
  }

  std::vector<enforcement::ProceedingsPeriod> Periods(int64_t sentence) {
    auto tx = db_->BeginRead();
    return enforcement::LoadProceedingsPeriods(tx, sentence);
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
    EXPECT_FALSE(body["error"]["message"].get<std::string>().empty());
    EXPECT_EQ(EventCount(), events_before);
  }

  std::string Timeline() {
    const auto r = As("demo.po1", "GET", kPerson + "/timeline");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.body;
  }
};

TEST_P(ProceedingsTest, BreachProceedingsRunFromTheDecisionToTheEndWithEveryStepOnTheTimeline) {
  const int64_t order = AddOrder();
  json breach = BeginBreach(order);
  EXPECT_EQ(breach["status"], "initiated");
  EXPECT_EQ(breach["sentence_id"], order);
  EXPECT_EQ(breach["initiated_on"], "2026-11-09");
  EXPECT_EQ(breach["open"], true);
  ASSERT_EQ(breach["steps"].size(), 1u);
  EXPECT_EQ(breach["steps"][0]["recorded_by_name"], "Priya Okafor");

  clock_.Set(*ParseUtc("2026-11-12T09:00:00.000000Z"));
  ASSERT_EQ(BreachStep("demo.enforcement", breach, {{"kind", "summons_issued"}}).status, 200);
  ASSERT_EQ(BreachStep("demo.enforcement", breach,
                       {{"kind", "court_listed"},
                        {"listed_for", "2026-11-26"},
                        {"court", "Newcastle Magistrates' Court"}})
                .status,
            200);
  EXPECT_EQ(breach["next_listing_on"], "2026-11-26");
  clock_.Set(*ParseUtc("2026-11-26T15:00:00.000000Z"));
  ASSERT_EQ(BreachStep("demo.po1", breach,
                       {{"kind", "outcome_recorded"},
                        {"outcome", "amended"},
                        {"note", "Ten more hours of unpaid work"}})
                .status,
            200);
  const auto ended = BreachStep("demo.po1", breach, {{"kind", "ended"}});
  ASSERT_EQ(ended.status, 200) << ended.body;
  EXPECT_EQ(breach["status"], "ended");
  EXPECT_EQ(breach["outcome"], "amended");
  EXPECT_EQ(breach["ended_on"], "2026-11-26");
  EXPECT_EQ(breach["open"], false);
  EXPECT_EQ(breach["version"], 5);
  ASSERT_EQ(breach["steps"].size(), 5u);
  EXPECT_EQ(breach["steps"][1]["recorded_by_name"], "Erin Walsh");
  EXPECT_EQ(breach["steps"][1]["on"], "2026-11-12");
  EXPECT_EQ(breach["steps"][1]["recorded_at"], "2026-11-12T09:00:00.000000Z");
  EXPECT_EQ(breach["steps"][3]["recorded_by_name"], "Priya Okafor");

  // One event per step, each on the timeline.
  size_t steps = 0;
  {
    auto tx = db_->BeginRead();
    for (const auto& e : store::EventsForSubject(tx, kCrn))
      if (e.kind == "breach.step_recorded") ++steps;
  }
  EXPECT_EQ(steps, 4u);
  const auto timeline = Timeline();
  for (const char* line :
       {"Breach proceedings initiated (Community order)", "Summons issued (12 November 2026)",
        "Listed at court: Newcastle Magistrates' Court, hearing on 26 November 2026",
        "Court outcome recorded: Order amended (26 November 2026). Ten more hours of unpaid work",
        "Breach proceedings ended (26 November 2026)"})
    EXPECT_NE(timeline.find(line), std::string::npos) << line << "\n" << timeline;

  // The engine reads the period; with it ended, the sentence has no proceedings open.
  const auto periods = Periods(order);
  ASSERT_EQ(periods.size(), 1u);
  EXPECT_EQ(periods[0].started_on, *ParseDate("2026-11-09"));
  EXPECT_EQ(periods[0].ended_on, ParseDate("2026-11-26"));
  {
    auto tx = db_->BeginRead();
    const auto all = enforcement::LoadAllProceedingsPeriods(tx);
    ASSERT_EQ(all.count(order), 1u);
    EXPECT_EQ(all.at(order).size(), 1u);
  }
  const auto e = json::parse(As("demo.po1", "GET", kPerson + "/enforcement").body);
  for (const auto& s : e["sentences"])
    if (s["sentence_id"] == order) {
      EXPECT_EQ(s["proceedings_open"], false) << s;
    }
}

TEST_P(ProceedingsTest, BreachStepsOutOfOrderAreRefusedAndWriteNothing) {
  const int64_t order = AddOrder();
  json breach = BeginBreach(order);
  const size_t before = EventCount();
  ExpectRefused(BreachStep("demo.po1", breach,
                           {{"kind", "court_listed"},
                            {"listed_for", "2026-11-26"},
                            {"court", "Newcastle Magistrates' Court"}}),
                409, "out_of_order", "kind", before);
  ExpectRefused(BreachStep("demo.po1", breach, {{"kind", "outcome_recorded"}, {"outcome", "fine"}}),
                409, "out_of_order", "kind", before);
  ExpectRefused(BreachStep("demo.po1", breach, {{"kind", "ended"}}), 409, "out_of_order", "kind",
                before);
  ExpectRefused(BreachStep("demo.po1", breach, {{"kind", "initiated"}}), 400, "unknown_kind",
                "kind", before);
  ExpectRefused(BreachStep("demo.po1", breach, {{"kind", "summons_issued"}, {"on", "2027-01-01"}}),
                400, "date_in_future", "on", before);
  ExpectRefused(BreachStep("demo.po1", breach, {{"kind", "summons_issued"}, {"colour", "red"}}),
                400, "unknown_field", "colour", before);
  EXPECT_EQ(json::parse(As("demo.po1", "GET", BreachPath(breach)).body)["steps"].size(), 1u);

  // Withdrawn needs no listing; after the end nothing more is recorded.
  ASSERT_EQ(BreachStep("demo.po1", breach, {{"kind", "outcome_recorded"}, {"outcome", "withdrawn"}})
                .status,
            200);
  ASSERT_EQ(BreachStep("demo.po1", breach, {{"kind", "ended"}}).status, 200);
  const size_t after = EventCount();
  ExpectRefused(BreachStep("demo.po1", breach, {{"kind", "warrant_issued"}}), 409,
                "proceedings_ended", "kind", after);
}

TEST_P(ProceedingsTest, AStaleVersionIsAConflictAndWritesNothing) {
  const int64_t order = AddOrder();
  json breach = BeginBreach(order);
  json old = breach;
  ASSERT_EQ(BreachStep("demo.po1", breach, {{"kind", "summons_issued"}}).status, 200);
  const size_t before = EventCount();
  ExpectRefused(BreachStep("demo.po1", old, {{"kind", "warrant_issued"}}), 409, "stale_version",
                "version", before);

  const int64_t licence = AddLicence();
  json recall = OpenRecall(licence, {AddCondition(licence, "Report as directed")});
  json stale = recall;
  ASSERT_EQ(Step("demo.spo1", recall, "endorsements", {{"endorsed", true}}).status, 200);
  const size_t now = EventCount();
  ExpectRefused(Step("demo.manager1", stale, "endorsements", {{"endorsed", true}}), 409,
                "stale_version", "version", now);
}

TEST_P(ProceedingsTest, ARecallIsRequestedEndorsedSentDecidedAndThePersonReturnedToCustody) {
  const int64_t licence = AddLicence("standard");
  const int64_t reside = AddCondition(licence, "Reside at an approved address");
  const int64_t report = AddCondition(licence, "Report as directed");
  Fail(licence, "2026-11-02T10:00");
  Fail(licence, "2026-11-09T10:00");
  const int64_t third = Fail(licence, "2026-11-16T10:00");
  const size_t before_bad = EventCount();
  ExpectRefused(Decide(licence, third, "recall_requested",
                       {{"reasons", "Whereabouts unknown"},
                        {"alternatives_tried", "Curfew tightened"},
                        {"conditions_breached", {999999}}}),
                400, "unknown_condition", "conditions_breached", before_bad);
  const auto d = Decide(licence, third, "recall_requested",
                        {{"reasons", "Whereabouts unknown; left approved premises"},
                         {"alternatives_tried", "Curfew tightened; final warning letter"},
                         {"conditions_breached", {reside, report}}});
  ASSERT_EQ(d.status, 201) << d.body;
  const auto list = json::parse(As("demo.po1", "GET", kPerson + "/recalls").body)["items"];
  ASSERT_EQ(list.size(), 1u);
  json recall = Recall(list[0]["id"]);
  EXPECT_EQ(recall["status"], "requested");
  EXPECT_EQ(recall["conditions_breached"], json({reside, report}));
  EXPECT_EQ(recall["reasons"], "Whereabouts unknown; left approved premises");
  EXPECT_EQ(recall["fixed_term"]["allowed"], true);
  EXPECT_EQ(Periods(licence).size(), 1u);
  EXPECT_FALSE(Periods(licence)[0].ended_on.has_value());

  // Endorsement: a practitioner may not; a senior manager comes after the SPO; then both.
  size_t before = EventCount();
  ExpectRefused(Step("demo.po1", recall, "endorsements", {{"endorsed", true}}), 403, "forbidden",
                "", before);
  ExpectRefused(Step("demo.enforcement", recall, "endorsements", {{"endorsed", true}}), 403,
                "forbidden", "", before);
  ExpectRefused(Step("demo.manager1", recall, "endorsements", {{"endorsed", true}}), 409,
                "out_of_order", "kind", before);
  ExpectRefused(Step("demo.po1", recall, "sent"), 409, "out_of_order", "kind", before);
  // Until it is sent, the recall team cannot see the case at all.
  ExpectRefused(Step("demo.recall", recall, "decision",
                     {{"decision", "standard"}, {"note", "Risk cannot be managed"}}),
                404, "not_found", "", before);
  EXPECT_EQ(As("demo.recall", "GET", kPerson).status, 404);
  clock_.Set(*ParseUtc("2026-11-17T09:00:00.000000Z"));
  ASSERT_EQ(Step("demo.spo1", recall, "endorsements", {{"endorsed", true}}).status, 200);
  ASSERT_EQ(Step("demo.manager1", recall, "endorsements", {{"endorsed", true}}).status, 200);
  before = EventCount();
  ExpectRefused(Step("demo.recall", recall, "sent"), 404, "not_found", "", before);
  ASSERT_EQ(Step("demo.po1", recall, "sent").status, 200);
  EXPECT_EQ(recall["sent_on"], "2026-11-17");
  // Sent, the case opens to the recall team, wherever it is held.
  EXPECT_EQ(As("demo.recall", "GET", kPerson).status, 200);
  ExpectRefused(Step("demo.recall", recall, "sent"), 403, "wrong_role", "", EventCount());

  // The recall team sees it in their list; others may not read the list.
  const auto queue = As("demo.recall", "GET", "/api/v1/recalls");
  ASSERT_EQ(queue.status, 200) << queue.body;
  ASSERT_EQ(json::parse(queue.body)["items"].size(), 1u);
  EXPECT_EQ(json::parse(queue.body)["items"][0]["crn"], kCrn);
  EXPECT_EQ(As("demo.po1", "GET", "/api/v1/recalls").status, 403);
  EXPECT_EQ(As("demo.recall", "GET", "/api/v1/recalls?status=decided").Json()["items"].size(), 0u);
  // The recall team reads recalls, not breach proceedings.
  EXPECT_EQ(As("demo.recall", "GET", kPerson + "/breaches").status, 403);

  // Only the recall team decides, and a return to custody follows the decision.
  before = EventCount();
  ExpectRefused(Step("demo.spo1", recall, "decision",
                     {{"decision", "standard"}, {"note", "Risk cannot be managed"}}),
                403, "wrong_role", "", before);
  ExpectRefused(Step("demo.recall", recall, "returned-to-custody"), 409, "out_of_order", "kind",
                before);
  ExpectRefused(Step("demo.recall", recall, "decision", {{"decision", "standard"}}), 400,
                "required", "note", before);
  ASSERT_EQ(Step("demo.recall", recall, "decision",
                 {{"decision", "standard"}, {"note", "Risk cannot be managed in the community"}})
                .status,
            200);
  EXPECT_EQ(recall["decision"], "standard");
  EXPECT_EQ(recall["open"], true);
  EXPECT_EQ(As("demo.recall", "GET", "/api/v1/recalls").Json()["items"].size(), 0u);
  EXPECT_EQ(As("demo.recall", "GET", "/api/v1/recalls?status=decided").Json()["items"].size(), 1u);
  clock_.Set(*ParseUtc("2026-11-19T09:00:00.000000Z"));
  ASSERT_EQ(Step("demo.recall", recall, "returned-to-custody").status, 200);
  EXPECT_EQ(recall["status"], "returned_to_custody");
  EXPECT_EQ(recall["ended_on"], "2026-11-19");
  EXPECT_EQ(recall["open"], false);
  before = EventCount();
  ExpectRefused(Step("demo.recall", recall, "returned-to-custody"), 409, "proceedings_ended",
                "kind", before);

  // Each step with who and when.
  ASSERT_EQ(recall["steps"].size(), 6u);
  const std::vector<std::pair<std::string, std::string>> who = {
      {"requested", "Priya Okafor"},
      {"spo_endorsed", "Sandra Price"},
      {"senior_manager_endorsed", "Martin Reid"},
      {"sent_to_recall_team", "Priya Okafor"},
      {"decided", "Extra demo.recall"},
      {"returned_to_custody", "Extra demo.recall"}};
  for (size_t i = 0; i < who.size(); ++i) {
    EXPECT_EQ(recall["steps"][i]["kind"], who[i].first);
    EXPECT_EQ(recall["steps"][i]["recorded_by_name"], who[i].second);
    EXPECT_FALSE(recall["steps"][i]["recorded_at"].get<std::string>().empty());
  }
  const auto timeline = Timeline();
  for (const char* line :
       {"Recall requested (2 licence conditions breached)", "Recall endorsed by the SPO",
        "Recall endorsed by a senior manager", "Recall sent to the recall team",
        "Recall decided: Standard recall", "Returned to custody (19 November 2026)"})
    EXPECT_NE(timeline.find(line), std::string::npos) << line;
  std::vector<std::string> kinds;
  {
    auto tx = db_->BeginRead();
    for (const auto& e : store::EventsForSubject(tx, kCrn))
      if (e.kind.starts_with("recall.")) kinds.push_back(e.kind);
  }
  EXPECT_EQ(kinds, (std::vector<std::string>{"recall.requested", "recall.endorsed",
                                             "recall.endorsed", "recall.sent", "recall.decided",
                                             "recall.returned_to_custody"}));
  const auto periods = Periods(licence);
  ASSERT_EQ(periods.size(), 1u);
  EXPECT_EQ(periods[0].started_on, *ParseDate("2026-11-16"));
  EXPECT_EQ(periods[0].ended_on, ParseDate("2026-11-19"));
}

TEST_P(ProceedingsTest, NoOneEndorsesTheirOwnRequestAndARefusalEndsIt) {
  const int64_t licence = AddLicence();
  json recall = OpenRecall(licence, {AddCondition(licence, "Report as directed")});
  size_t before = EventCount();
  ExpectRefused(Step("demo.spo1", recall, "endorsements", {{"endorsed", false}}), 400, "required",
                "note", before);
  ASSERT_EQ(Step("demo.spo1", recall, "endorsements", {{"endorsed", true}}).status, 200);
  ASSERT_EQ(Step("demo.manager1", recall, "endorsements",
                 {{"endorsed", false}, {"note", "Try an electronically monitored curfew first"}})
                .status,
            200);
  EXPECT_EQ(recall["status"], "senior_manager_refused");
  EXPECT_EQ(recall["open"], false);
  before = EventCount();
  ExpectRefused(Step("demo.po1", recall, "sent"), 409, "proceedings_ended", "kind", before);
  EXPECT_NE(Timeline().find("Recall not endorsed by a senior manager"), std::string::npos);
  // A new recall may be requested once this one has ended.
  json again = OpenRecall(licence, {recall["conditions_breached"][0].get<int64_t>()});
  EXPECT_EQ(again["status"], "requested");
}

TEST_P(ProceedingsTest, OnlyOneSetOfProceedingsIsOpenOnASentence) {
  const int64_t licence = AddLicence();
  const int64_t condition = AddCondition(licence, "Report as directed");
  OpenRecall(licence, {condition});
  const int64_t other = AddLicence();
  const int64_t other_condition = AddCondition(other, "Reside at approved premises");
  auto tx = db_->BeginWrite();
  auto person = cases::FindPerson(tx, kCrn);
  const app::CaseRef on{person->id, kCrn, false};
  const app::RecallRequest request{"again", {condition}, "tried"};
  auto second =
      app::OpenRecall(tx, {"staff:1", std::nullopt}, on, licence, 0, request, clock_.Now());
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, "proceedings_open");
  auto wrong = app::OpenBreach(tx, {"staff:1", std::nullopt}, on, licence, 0, clock_.Now());
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().field, "sentence_id");
  // A request with no reasons is bad input on a sentence free to be recalled.
  auto blank = app::OpenRecall(tx, {"staff:1", std::nullopt}, on, other, 0,
                               {"", {other_condition}, "tried"}, clock_.Now());
  ASSERT_FALSE(blank);
  EXPECT_EQ(blank.error().field, "reasons");
}

TEST_P(ProceedingsTest, FixedTermRecallIsRefusedForEachOfItsFourReasons) {
  struct Case {
    const char* why;
    std::optional<std::string> custody_type;
    std::optional<json> registration;
    const char* code;
  };
  const std::vector<Case> cases = {
      {"indeterminate sentence", "indeterminate", std::nullopt, "indeterminate_sentence"},
      {"extended sentence", "extended", std::nullopt, "extended_sentence"},
      {"terrorism-related", "standard", json{{"type", "terrorism"}, {"start_date", "2026-01-01"}},
       "terrorism"},
      {"MAPPA level 2", std::nullopt,
       json{{"type", "mappa"}, {"level", "2"}, {"category", "2"}, {"start_date", "2026-01-01"}},
       "mappa_level"},
  };
  std::vector<int64_t> registrations;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    // One registration at a time: end the previous case's.
    for (const int64_t id : registrations) {
      const auto ended =
          As("demo.po1", "POST", kPerson + "/registrations/" + std::to_string(id) + "/end",
             {{"version", 1}, {"end_date", "2026-09-30"}, {"reason", "reviewed"}});
      ASSERT_EQ(ended.status, 200) << ended.body;
    }
    registrations.clear();
    if (c.registration) {
      const auto r = As("demo.po1", "POST", kPerson + "/registrations", *c.registration);
      ASSERT_EQ(r.status, 201) << r.body;
      registrations.push_back(json::parse(r.body)["id"]);
    }
    const int64_t licence = AddLicence(c.custody_type);
    json recall = OpenRecall(licence, {AddCondition(licence, "Report as directed")});
    EXPECT_EQ(recall["fixed_term"]["allowed"], false);
    EXPECT_EQ(recall["fixed_term"]["refusal"]["code"], c.code);
    EndorseAndSend(recall);
    const size_t before = EventCount();
    ExpectRefused(Step("demo.recall", recall, "decision",
                       {{"decision", "fixed_term"}, {"note", "28 days would suffice"}}),
                  400, "fixed_term_not_allowed", "decision", before);
    ASSERT_EQ(Step("demo.recall", recall, "decision",
                   {{"decision", "not_recalled"}, {"note", "Managed in the community"}})
                  .status,
              200);
    EXPECT_EQ(recall["open"], false);
  }
  // With none of the four, fixed-term recall is open.
  for (const int64_t id : registrations)
    ASSERT_EQ(As("demo.po1", "POST", kPerson + "/registrations/" + std::to_string(id) + "/end",
                 {{"version", 1}, {"end_date", "2026-09-30"}, {"reason", "reviewed"}})
                  .status,
              200);
  const int64_t licence = AddLicence("standard");
  json recall = OpenRecall(licence, {AddCondition(licence, "Report as directed")});
  EndorseAndSend(recall);
  ASSERT_EQ(Step("demo.recall", recall, "decision",
                 {{"decision", "fixed_term"}, {"note", "28 days will do"}})
                .status,
            200);
  EXPECT_EQ(recall["decision"], "fixed_term");
}

TEST_P(ProceedingsTest, AnSpoOutsideTheCasesTeamCannotEndorse) {
  AddAccount("other.spo", access::Role::kSpo, {"NE-DUR-A"});
  const int64_t licence = AddLicence();
  json recall = OpenRecall(licence, {AddCondition(licence, "Report as directed")});
  const size_t before = EventCount();
  const auto r = Step("other.spo", recall, "endorsements", {{"endorsed", true}});
  EXPECT_TRUE(r.status == 403 || r.status == 404) << r.status << r.body;
  EXPECT_EQ(EventCount(), before);
}

TEST_P(ProceedingsTest, StepsCannotBeChangedInTheDatabase) {
  const int64_t licence = AddLicence();
  OpenRecall(licence, {AddCondition(licence, "Report as directed")});
  for (const char* sql : {"UPDATE recall_step SET note = 'changed'", "DELETE FROM recall_step"}) {
    SCOPED_TRACE(sql);
    auto tx = db_->BeginWrite();
    EXPECT_ANY_THROW(tx.sql() << sql);
  }
}

PROBITY_ON_BOTH_BACKENDS(ProceedingsTest);

}  // namespace
}  // namespace probity

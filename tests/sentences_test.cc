// Sentences, requirements and licence conditions on both backends: each use case's outcome, the
// events it appends and the timeline rows they show; stale versions writing nothing; then the same
// over HTTP with the application's own router: statuses, error fields, another person's ids and
// a practitioner outside the case's team.
#include "app/sentences.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/people.h"
#include "app_server.h"
#include "cases/timeline_store.h"
#include "sentence_bodies.h"
#include "store/event_log.h"

namespace probity {
namespace {

using nlohmann::json;
using testing::ClientResponse;

const UtcTime kNow = ParseUtc("2026-11-23T09:00:00.000000Z").value();
const store::Actor kOfficer{"staff:1", std::nullopt};

cases::NewSentence Order(int months = 12) {
  cases::NewSentence s;
  s.kind = "community_order";
  s.court = "Newcastle Magistrates' Court";
  s.offence = "Theft from a shop";
  s.offence_group = "theft_non_motor";
  s.sentence_date = "2026-03-10";
  s.length_months = months;
  return s;
}

cases::NewSentence Licence() {
  cases::NewSentence s;
  s.kind = "licence";
  s.court = "Newcastle Crown Court";
  s.offence = "Robbery";
  s.offence_group = "robbery";
  s.sentence_date = "2024-05-01";
  s.length_months = 48;
  s.release_date = "2026-01-15";
  s.licence_end = "2028-05-01";
  return s;
}

// The use cases run on the server's database; the HTTP tests below call the server itself.
class SentencesTest : public testing::AppServerTest {
 protected:
  void SetUp() override {
    AppServerTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    person_ = Register("X100001", "Smith");
    other_ = Register("X100002", "Jones");
  }

  app::CaseRef Register(const std::string& crn, const std::string& last_name) {
    cases::NewPerson p;
    p.crn = crn;
    p.first_name = "Sam";
    p.last_name = last_name;
    p.date_of_birth = "1990-04-02";
    p.gender = "male";
    p.team_code = "NE-TYN-A";
    auto registered = app::RegisterPerson(*db_, kOfficer, p, kNow);
    EXPECT_TRUE(registered) << registered.error().message;
    return {registered ? registered->person_id : 0, crn, false};
  }

  // The case's events but the tier's own (tier.changed, which risk_record_test.cc follows).
  std::vector<store::EventRow> Events(const std::string& crn) {
    auto tx = db_->BeginRead();
    auto events = store::EventsForSubject(tx, crn);
    std::erase_if(events, [](const store::EventRow& e) { return e.kind == "tier.changed"; });
    return events;
  }

  std::vector<cases::Contact> Timeline(const app::CaseRef& on) {
    auto tx = db_->BeginRead();
    cases::TimelineQuery q;
    q.person_id = on.person_id;
    q.limit = 200;
    auto items = cases::ReadTimeline(tx, q).items;  // but the tier's own lines, as Events
    std::erase_if(items, [](const cases::Contact& c) { return c.type == "tier.changed"; });
    return items;
  }

  // The events after the first `skip` (registration), as (kind, payload).
  std::vector<std::pair<std::string, json>> EventsAfter(const app::CaseRef& on, size_t skip) {
    std::vector<std::pair<std::string, json>> out;
    const auto events = Events(on.crn);
    for (size_t i = skip; i < events.size(); ++i)
      out.emplace_back(events[i].kind, json::parse(events[i].payload));
    return out;
  }

  app::SentenceRecord AddOrder(const app::CaseRef& on, int months = 12) {
    auto added = app::AddSentence(*db_, kOfficer, on, Order(months), kNow);
    EXPECT_TRUE(added) << added.error().message;
    return added ? *added : app::SentenceRecord{};
  }

  cases::Requirement AddUpw(const app::CaseRef& on, int64_t sentence_id, int hours) {
    auto added = app::AddRequirement(*db_, kOfficer, on, sentence_id,
                                     {"unpaid_work", hours, "2026-03-10"}, kNow);
    EXPECT_TRUE(added) << added.error().message;
    return added ? *added : cases::Requirement{};
  }

  app::CaseRef person_, other_;
};

TEST_P(SentencesTest, AddingASentenceStoresItWithItsExpectedEndAndShowsItOnTheTimeline) {
  const auto added = AddOrder(person_);
  EXPECT_GT(added.sentence.id, 0);
  EXPECT_EQ(added.sentence.expected_end, "2027-03-10");
  EXPECT_EQ(added.sentence.status, "active");
  EXPECT_EQ(added.sentence.version, 1);

  const auto listed = app::ListSentences(*db_, person_);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].sentence.id, added.sentence.id);
  EXPECT_EQ(listed[0].sentence.court, "Newcastle Magistrates' Court");
  EXPECT_EQ(listed[0].sentence.person_id, person_.person_id);

  const auto events = EventsAfter(person_, 1);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].first, "sentence.added");
  EXPECT_EQ(events[0].second["id"], added.sentence.id);
  EXPECT_EQ(events[0].second["kind"], "community_order");
  EXPECT_EQ(events[0].second["expected_end"], "2027-03-10");
  EXPECT_EQ(events[0].second["length_months"], 12);
  EXPECT_TRUE(events[0].second["release_date"].is_null());

  const auto timeline = Timeline(person_);
  ASSERT_FALSE(timeline.empty());
  EXPECT_EQ(timeline[0].type, "sentence.added");
  EXPECT_EQ(timeline[0].note, "Community order added: 12 months, Newcastle Magistrates' Court");
  EXPECT_EQ(timeline[0].sentence_id, added.sentence.id);
  EXPECT_TRUE(timeline[0].system);
}

TEST_P(SentencesTest, ALicenceShowsItsReleaseOnTheTimelineAndEndsWithItsLicence) {
  auto added = app::AddSentence(*db_, kOfficer, person_, Licence(), kNow);
  ASSERT_TRUE(added) << added.error().message;
  EXPECT_EQ(added->sentence.expected_end, "2028-05-01");
  EXPECT_EQ(Timeline(person_)[0].note,
            "Licence added: 48 months, Newcastle Crown Court, released 2026-01-15");
}

TEST_P(SentencesTest, BadSentenceInputIsRefusedNamingTheFieldAndWritesNothing) {
  auto order = Order();
  order.release_date = "2026-04-01";
  auto refused = app::AddSentence(*db_, kOfficer, person_, order, kNow);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(refused.error().field, "release_date");
  EXPECT_TRUE(app::ListSentences(*db_, person_).empty());
  EXPECT_EQ(Events(person_.crn).size(), 1u);
}

TEST_P(SentencesTest, ProgressIsTheNewTotalAndReachingTheAmountCompletesTheRequirement) {
  const auto order = AddOrder(person_);
  const auto upw = AddUpw(person_, order.sentence.id, 40);
  EXPECT_EQ(upw.unit, "hours");
  EXPECT_EQ(upw.version, 1);

  auto part = app::RecordRequirementProgress(*db_, kOfficer, person_, upw.id, 15, 1, kNow);
  ASSERT_TRUE(part) << part.error().message;
  EXPECT_EQ(part->progress, 15);
  EXPECT_EQ(part->status, "active");
  EXPECT_EQ(part->version, 2);

  auto done = app::RecordRequirementProgress(*db_, kOfficer, person_, upw.id, 40, 2, kNow);
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_EQ(done->status, "completed");
  EXPECT_EQ(done->end_date, "2026-11-23");
  EXPECT_EQ(done->end_reason, "completed");
  EXPECT_EQ(done->version, 3);

  auto stored = app::GetSentence(*db_, person_, order.sentence.id);
  ASSERT_TRUE(stored);
  ASSERT_EQ(stored->requirements.size(), 1u);
  EXPECT_EQ(stored->requirements[0].progress, 40);
  EXPECT_EQ(stored->requirements[0].status, "completed");

  const auto events = EventsAfter(person_, 1);
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[1].first, "requirement.added");
  EXPECT_EQ(events[1].second["amount"], 40);
  EXPECT_EQ(events[1].second["unit"], "hours");
  EXPECT_EQ(events[2].first, "requirement.progressed");
  EXPECT_EQ(events[2].second["from"], 0);
  EXPECT_EQ(events[2].second["progress"], 15);
  EXPECT_EQ(events[2].second["version"], 2);
  EXPECT_EQ(events[3].second["status"], "completed");

  const auto timeline = Timeline(person_);
  EXPECT_EQ(timeline[0].note, "Unpaid work completed: 40 of 40 hours done");
  EXPECT_EQ(timeline[1].note, "Unpaid work progress: 15 of 40 hours done");
  EXPECT_EQ(timeline[2].note, "Requirement added: Unpaid work, 40 hours");
  EXPECT_EQ(timeline[0].sentence_id, order.sentence.id);

  auto after = app::RecordRequirementProgress(*db_, kOfficer, person_, upw.id, 30, 3, kNow);
  ASSERT_FALSE(after);
  EXPECT_EQ(after.error().code, "requirement_not_active");
}

TEST_P(SentencesTest, AStaleVersionIsAConflictSayingWhatChangedAndWritesNothing) {
  const auto order = AddOrder(person_);
  const auto upw = AddUpw(person_, order.sentence.id, 100);
  ASSERT_TRUE(app::RecordRequirementProgress(*db_, kOfficer, person_, upw.id, 10, 1, kNow));
  const size_t events_before = Events(person_.crn).size();
  const size_t timeline_before = Timeline(person_).size();

  auto stale = app::RecordRequirementProgress(*db_, kOfficer, person_, upw.id, 20, 1, kNow);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(stale.error().code, "stale_version");
  EXPECT_EQ(stale.error().field, "version");
  EXPECT_NE(stale.error().message.find("now version 2"), std::string::npos)
      << stale.error().message;
  EXPECT_NE(stale.error().message.find("changed since: progress"), std::string::npos)
      << stale.error().message;

  auto ended = app::EndRequirement(*db_, kOfficer, person_, upw.id, "2026-11-01", "other", 1, kNow);
  ASSERT_FALSE(ended);
  EXPECT_EQ(ended.error().code, "stale_version");
  auto terminated = app::TerminateSentence(*db_, kOfficer, person_, order.sentence.id, "2026-11-01",
                                           "completed", 2, kNow);
  ASSERT_FALSE(terminated);
  EXPECT_EQ(terminated.error().code, "stale_version");

  EXPECT_EQ(Events(person_.crn).size(), events_before);
  EXPECT_EQ(Timeline(person_).size(), timeline_before);
  auto stored = app::GetSentence(*db_, person_, order.sentence.id);
  EXPECT_EQ(stored->requirements[0].progress, 10);
  EXPECT_EQ(stored->requirements[0].version, 2);
  EXPECT_EQ(stored->sentence.status, "active");
}

TEST_P(SentencesTest, EndingARequirementRecordsItsReasonAndStatus) {
  const auto order = AddOrder(person_);
  const auto upw = AddUpw(person_, order.sentence.id, 100);
  auto ended = app::EndRequirement(*db_, kOfficer, person_, upw.id, "2026-11-01",
                                   "terminated_by_court", 1, kNow);
  ASSERT_TRUE(ended) << ended.error().message;
  EXPECT_EQ(ended->status, "terminated");
  EXPECT_EQ(ended->end_reason, "terminated_by_court");
  EXPECT_EQ(ended->version, 2);
  const auto events = EventsAfter(person_, 1);
  EXPECT_EQ(events.back().first, "requirement.ended");
  EXPECT_EQ(events.back().second["reason"], "terminated_by_court");
  EXPECT_EQ(events.back().second["version"], 2);
  EXPECT_EQ(Timeline(person_)[0].note,
            "Requirement ended: Unpaid work, 0 of 100 hours done (Terminated by the court)");

  auto bad = app::EndRequirement(*db_, kOfficer, person_, upw.id, "2026-11-01", "bored", 2, kNow);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, "requirement_not_active") << "ended already";
}

TEST_P(SentencesTest, TerminatingASentenceEndsItsActiveRequirementsInTheSameTransaction) {
  const auto order = AddOrder(person_);
  const auto upw = AddUpw(person_, order.sentence.id, 40);
  auto rar = app::AddRequirement(*db_, kOfficer, person_, order.sentence.id,
                                 {"rehabilitation_activity", 20, "2026-03-10"}, kNow);
  ASSERT_TRUE(rar);
  ASSERT_TRUE(app::RecordRequirementProgress(*db_, kOfficer, person_, upw.id, 40, 1, kNow));
  const size_t before = Events(person_.crn).size();

  auto done = app::TerminateSentence(*db_, kOfficer, person_, order.sentence.id, "2026-11-01",
                                     "revoked_resentenced", 1, kNow);
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_EQ(done->sentence.status, "terminated");
  EXPECT_EQ(done->sentence.terminated_on, "2026-11-01");
  EXPECT_EQ(done->sentence.termination_reason, "revoked_resentenced");
  EXPECT_EQ(done->sentence.version, 2);
  ASSERT_EQ(done->requirements.size(), 2u);
  EXPECT_EQ(done->requirements[0].status, "completed") << "already complete: left alone";
  EXPECT_EQ(done->requirements[1].status, "terminated");
  EXPECT_EQ(done->requirements[1].end_reason, "sentence_ended");
  EXPECT_EQ(done->requirements[1].end_date, "2026-11-01");

  auto stored = app::GetSentence(*db_, person_, order.sentence.id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->sentence.status, "terminated");
  EXPECT_EQ(stored->requirements[1].status, "terminated");
  EXPECT_EQ(stored->requirements[1].version, 2);

  const auto events = EventsAfter(person_, before);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].first, "sentence.terminated");
  EXPECT_EQ(events[0].second["reason"], "revoked_resentenced");
  EXPECT_EQ(events[1].first, "requirement.ended");
  EXPECT_EQ(events[1].second["id"], rar->id);
  EXPECT_EQ(events[1].second["reason"], "sentence_ended");

  const auto timeline = Timeline(person_);
  EXPECT_EQ(timeline[1].note, "Community order terminated on 2026-11-01: Revoked and re-sentenced");
  EXPECT_EQ(timeline[0].type, "requirement.ended");

  auto again = app::TerminateSentence(*db_, kOfficer, person_, order.sentence.id, "2026-11-02",
                                      "completed", 2, kNow);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, "sentence_not_active");
  auto more = app::AddRequirement(*db_, kOfficer, person_, order.sentence.id,
                                  {"curfew", 3, "2026-03-10"}, kNow);
  ASSERT_FALSE(more);
  EXPECT_EQ(more.error().code, "sentence_not_active");
}

TEST_P(SentencesTest, ALicenceTakesConditionsNotRequirements) {
  auto licence = app::AddSentence(*db_, kOfficer, person_, Licence(), kNow);
  ASSERT_TRUE(licence);
  const int64_t id = licence->sentence.id;

  auto requirement =
      app::AddRequirement(*db_, kOfficer, person_, id, {"curfew", 3, "2026-03-10"}, kNow);
  ASSERT_FALSE(requirement);
  EXPECT_EQ(requirement.error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(requirement.error().field, "sentence_id");

  auto condition = app::AddLicenceCondition(
      *db_, kOfficer, person_, id, {"additional", "Not to contact the victim", std::nullopt}, kNow);
  ASSERT_TRUE(condition) << condition.error().message;
  EXPECT_EQ(condition->start_date, "2026-01-15");
  auto residence =
      app::AddLicenceCondition(*db_, kOfficer, person_, id,
                               {"standard", "Reside at an approved address", "2026-02-01"}, kNow);
  ASSERT_TRUE(residence);

  auto ended =
      app::EndLicenceCondition(*db_, kOfficer, person_, condition->id, "2026-10-01", 1, kNow);
  ASSERT_TRUE(ended) << ended.error().message;
  EXPECT_EQ(ended->end_date, "2026-10-01");
  EXPECT_EQ(ended->version, 2);
  auto stale =
      app::EndLicenceCondition(*db_, kOfficer, person_, condition->id, "2026-10-02", 1, kNow);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, "stale_version");
  EXPECT_NE(stale.error().message.find("end_date"), std::string::npos) << stale.error().message;

  auto done =
      app::TerminateSentence(*db_, kOfficer, person_, id, "2026-11-20", "recalled", 1, kNow);
  ASSERT_TRUE(done) << done.error().message;
  ASSERT_EQ(done->licence_conditions.size(), 2u);
  EXPECT_EQ(done->licence_conditions[0].end_date, "2026-10-01") << "ended before: left alone";
  EXPECT_EQ(done->licence_conditions[1].end_date, "2026-11-20");

  std::vector<std::string> kinds;
  for (const auto& [kind, payload] : EventsAfter(person_, 1)) kinds.push_back(kind);
  EXPECT_EQ(kinds, (std::vector<std::string>{"sentence.added", "licence_condition.added",
                                             "licence_condition.added", "licence_condition.ended",
                                             "sentence.terminated", "licence_condition.ended"}));
  const auto last = EventsAfter(person_, 1).back().second;
  EXPECT_EQ(last["reason"], "sentence_ended");

  const auto order = AddOrder(person_);
  auto on_order = app::AddLicenceCondition(*db_, kOfficer, person_, order.sentence.id,
                                           {"standard", "Keep in touch", std::nullopt}, kNow);
  ASSERT_FALSE(on_order);
  EXPECT_EQ(on_order.error().field, "sentence_id");
}

TEST_P(SentencesTest, AnotherPersonsSentenceRequirementOrConditionIsNotFound) {
  const auto order = AddOrder(person_);
  const auto upw = AddUpw(person_, order.sentence.id, 40);
  auto licence = app::AddSentence(*db_, kOfficer, person_, Licence(), kNow);
  auto condition =
      app::AddLicenceCondition(*db_, kOfficer, person_, licence->sentence.id,
                               {"standard", "Be of good behaviour", std::nullopt}, kNow);
  ASSERT_TRUE(condition);
  const size_t before = Events(other_.crn).size();

  EXPECT_EQ(app::GetSentence(*db_, other_, order.sentence.id).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(app::AddRequirement(*db_, kOfficer, other_, order.sentence.id,
                                {"curfew", 3, "2026-03-10"}, kNow)
                .error()
                .code,
            "unknown_sentence");
  EXPECT_EQ(app::RecordRequirementProgress(*db_, kOfficer, other_, upw.id, 5, 1, kNow).error().code,
            "unknown_requirement");
  EXPECT_EQ(app::EndRequirement(*db_, kOfficer, other_, upw.id, "2026-11-01", "other", 1, kNow)
                .error()
                .kind,
            ErrorKind::kNotFound);
  EXPECT_EQ(app::TerminateSentence(*db_, kOfficer, other_, order.sentence.id, "2026-11-01",
                                   "completed", 1, kNow)
                .error()
                .kind,
            ErrorKind::kNotFound);
  EXPECT_EQ(app::EndLicenceCondition(*db_, kOfficer, other_, condition->id, "2026-11-01", 1, kNow)
                .error()
                .code,
            "unknown_licence_condition");
  EXPECT_TRUE(app::ListSentences(*db_, other_).empty());
  EXPECT_EQ(Events(other_.crn).size(), before);
  EXPECT_EQ(app::GetSentence(*db_, person_, order.sentence.id)->requirements[0].progress, 0);
}

TEST_P(SentencesTest, TheEventChainStillVerifies) {
  const auto order = AddOrder(person_);
  const auto upw = AddUpw(person_, order.sentence.id, 40);
  ASSERT_TRUE(app::RecordRequirementProgress(*db_, kOfficer, person_, upw.id, 12, 1, kNow));
  ASSERT_TRUE(app::TerminateSentence(*db_, kOfficer, person_, order.sentence.id, "2026-11-01",
                                     "completed", 1, kNow));
  const auto report = store::VerifyChain(*db_);
  EXPECT_TRUE(report.intact) << report.problem;
}

PROBITY_ON_BOTH_BACKENDS(SentencesTest);

// The same over HTTP, with bearer tokens (no CSRF) for the demo accounts.
class SentencesHttpTest : public SentencesTest {
 protected:
  // A request as demo.po1 unless `as` names another user.
  ClientResponse Call(const std::string& method, const std::string& target, const json& body = {},
                      const std::string& as = "demo.po1") {
    return As(as, method, target, body);
  }

  static json OrderJson() {
    return {{"kind", "community_order"},      {"court", "Newcastle Magistrates' Court"},
            {"offence", "Theft from a shop"}, {"offence_group", "theft_non_motor"},
            {"sentence_date", "2026-03-10"},  {"length_months", 12}};
  }
  static json LicenceJson() { return testing::RobberyLicenceJson(); }
};

TEST_P(SentencesHttpTest, ASentenceIsAddedListedProgressedAndTerminated) {
  const auto added = Call("POST", "/api/v1/people/X100001/sentences", OrderJson());
  ASSERT_EQ(added.status, 201) << added.body;
  const json sentence = added.Json();
  EXPECT_EQ(sentence["kind_label"], "Community order");
  EXPECT_EQ(sentence["expected_end"], "2027-03-10");
  EXPECT_EQ(sentence["version"], 1);
  EXPECT_EQ(sentence["requirements"], json::array());
  EXPECT_EQ(sentence["licence_conditions"], json::array());
  const std::string id = std::to_string(sentence["id"].get<int64_t>());

  const auto requirement =
      Call("POST", "/api/v1/people/X100001/sentences/" + id + "/requirements",
           {{"type", "unpaid_work"}, {"amount", 60}, {"start_date", "2026-03-10"}});
  ASSERT_EQ(requirement.status, 201) << requirement.body;
  EXPECT_EQ(requirement.Json()["unit"], "hours");
  const std::string rid = std::to_string(requirement.Json()["id"].get<int64_t>());

  const auto progressed = Call("POST", "/api/v1/people/X100001/requirements/" + rid + "/progress",
                               {{"version", 1}, {"progress", 60}});
  ASSERT_EQ(progressed.status, 200) << progressed.body;
  EXPECT_EQ(progressed.Json()["status"], "completed");
  EXPECT_EQ(progressed.Json()["version"], 2);

  const auto list = Call("GET", "/api/v1/people/X100001/sentences");
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.Json()["items"].size(), 1u);
  EXPECT_TRUE(list.Json()["next_cursor"].is_null());
  EXPECT_EQ(list.Json()["items"][0]["requirements"][0]["progress"], 60);

  const auto one = Call("GET", "/api/v1/people/X100001/sentences/" + id);
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(one.Json()["court"], "Newcastle Magistrates' Court");

  const auto terminated =
      Call("POST", "/api/v1/people/X100001/sentences/" + id + "/terminate",
           {{"version", 1}, {"terminated_on", "2026-11-20"}, {"reason", "completed"}});
  ASSERT_EQ(terminated.status, 200) << terminated.body;
  EXPECT_EQ(terminated.Json()["status"], "terminated");
  EXPECT_EQ(terminated.Json()["termination_reason_label"], "Completed");
  EXPECT_EQ(terminated.Json()["version"], 2);
}

TEST_P(SentencesHttpTest, BadInputIs400NamingTheField) {
  const struct {
    const char* why;
    json body;
    const char* field;
  } cases[] = {
      {"no kind",
       [] {
         auto b = OrderJson();
         b.erase("kind");
         return b;
       }(),
       "kind"},
      {"length as text",
       [] {
         auto b = OrderJson();
         b["length_months"] = "12";
         return b;
       }(),
       "length_months"},
      {"order too long",
       [] {
         auto b = OrderJson();
         b["length_months"] = 37;
         return b;
       }(),
       "length_months"},
      {"future sentence date",
       [] {
         auto b = OrderJson();
         b["sentence_date"] = "2026-12-01";
         return b;
       }(),
       "sentence_date"},
      {"licence without release",
       [] {
         auto b = LicenceJson();
         b.erase("release_date");
         return b;
       }(),
       "release_date"},
      {"misspelt field",
       [] {
         auto b = OrderJson();
         b["licence_end_date"] = "2027-01-01";
         return b;
       }(),
       "licence_end_date"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    const auto r = Call("POST", "/api/v1/people/X100001/sentences", c.body);
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(r.Json()["error"]["field"], c.field) << r.body;
  }
  EXPECT_EQ(Call("GET", "/api/v1/people/X100001/sentences").Json()["items"].size(), 0u);
}

TEST_P(SentencesHttpTest, AStaleVersionIs409AndWritesNothing) {
  const auto id = std::to_string(
      Call("POST", "/api/v1/people/X100001/sentences", OrderJson()).Json()["id"].get<int64_t>());
  const auto rid = std::to_string(
      Call("POST", "/api/v1/people/X100001/sentences/" + id + "/requirements",
           {{"type", "rehabilitation_activity"}, {"amount", 20}, {"start_date", "2026-03-10"}})
          .Json()["id"]
          .get<int64_t>());
  ASSERT_EQ(Call("POST", "/api/v1/people/X100001/requirements/" + rid + "/progress",
                 {{"version", 1}, {"progress", 5}})
                .status,
            200);
  const size_t events = Events("X100001").size();

  const auto stale = Call("POST", "/api/v1/people/X100001/requirements/" + rid + "/end",
                          {{"version", 1}, {"end_date", "2026-11-01"}, {"reason", "other"}});
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(stale.Json()["error"]["code"], "stale_version");
  EXPECT_EQ(stale.Json()["error"]["field"], "version");
  EXPECT_EQ(Events("X100001").size(), events);
  const auto now = Call("GET", "/api/v1/people/X100001/sentences/" + id);
  EXPECT_EQ(now.Json()["requirements"][0]["status"], "active");
  EXPECT_EQ(now.Json()["requirements"][0]["version"], 2);
}

TEST_P(SentencesHttpTest, AMisspeltFieldIsRefusedNamingItAndWritesNothing) {
  json body = OrderJson();
  body["lenght_months"] = 12;
  const auto r = Call("POST", "/api/v1/people/X100001/sentences", body);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.Json()["error"]["code"], "unknown_field");
  EXPECT_EQ(r.Json()["error"]["field"], "lenght_months");
  EXPECT_EQ(Call("GET", "/api/v1/people/X100001/sentences").Json()["items"].size(), 0u);
}

TEST_P(SentencesHttpTest, ARequirementOnALicenceIsRefused) {
  const auto licence = Call("POST", "/api/v1/people/X100001/sentences", LicenceJson());
  ASSERT_EQ(licence.status, 201) << licence.body;
  const auto id = std::to_string(licence.Json()["id"].get<int64_t>());
  const auto r = Call("POST", "/api/v1/people/X100001/sentences/" + id + "/requirements",
                      {{"type", "curfew"}, {"amount", 3}, {"start_date", "2026-03-10"}});
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.Json()["error"]["field"], "sentence_id");
  const auto condition =
      Call("POST", "/api/v1/people/X100001/sentences/" + id + "/licence-conditions",
           {{"type", "additional"}, {"description", "Not to enter Gateshead"}});
  ASSERT_EQ(condition.status, 201) << condition.body;
  EXPECT_EQ(condition.Json()["start_date"], "2026-01-15");
  const auto cid = std::to_string(condition.Json()["id"].get<int64_t>());
  const auto ended = Call("POST", "/api/v1/people/X100001/licence-conditions/" + cid + "/end",
                          {{"version", 1}, {"end_date", "2026-11-01"}});
  ASSERT_EQ(ended.status, 200) << ended.body;
  EXPECT_EQ(ended.Json()["end_date"], "2026-11-01");
}

TEST_P(SentencesHttpTest, AnotherPersonsSentenceIdIs404) {
  const auto id = std::to_string(
      Call("POST", "/api/v1/people/X100001/sentences", OrderJson()).Json()["id"].get<int64_t>());
  const auto rid =
      std::to_string(Call("POST", "/api/v1/people/X100001/sentences/" + id + "/requirements",
                          {{"type", "unpaid_work"}, {"amount", 60}, {"start_date", "2026-03-10"}})
                         .Json()["id"]
                         .get<int64_t>());
  EXPECT_EQ(Call("GET", "/api/v1/people/X100002/sentences/" + id).status, 404);
  EXPECT_EQ(Call("POST", "/api/v1/people/X100002/sentences/" + id + "/terminate",
                 {{"version", 1}, {"terminated_on", "2026-11-01"}, {"reason", "completed"}})
                .status,
            404);
  EXPECT_EQ(Call("POST", "/api/v1/people/X100002/requirements/" + rid + "/progress",
                 {{"version", 1}, {"progress", 5}})
                .status,
            404);
  EXPECT_EQ(Call("GET", "/api/v1/people/X100001/sentences/not-a-number").status, 404);
  EXPECT_EQ(Call("GET", "/api/v1/people/X100001/sentences/999999").status, 404);
  EXPECT_EQ(Call("GET", "/api/v1/people/X999999/sentences").status, 404);
}

TEST_P(SentencesHttpTest, APractitionerOutsideTheTeamGets404AndAReaderWhoMayNotWriteGets403) {
  const auto id = std::to_string(
      Call("POST", "/api/v1/people/X100001/sentences", OrderJson()).Json()["id"].get<int64_t>());
  EXPECT_EQ(Call("GET", "/api/v1/people/X100001/sentences", {}, "demo.po2").status, 404);
  EXPECT_EQ(Call("GET", "/api/v1/people/X100001/sentences/" + id, {}, "demo.po2").status, 404);
  EXPECT_EQ(Call("POST", "/api/v1/people/X100001/sentences", OrderJson(), "demo.po2").status, 404);
  EXPECT_EQ(
      Call("POST", "/api/v1/people/X100001/sentences/" + id + "/terminate",
           {{"version", 1}, {"terminated_on", "2026-11-01"}, {"reason", "completed"}}, "demo.po2")
          .status,
      404);
  EXPECT_EQ(Call("GET", "/api/v1/people/X100001/sentences", {}, "demo.enforcement").status, 200);
  EXPECT_EQ(
      Call("POST", "/api/v1/people/X100001/sentences", OrderJson(), "demo.enforcement").status,
      403);
  EXPECT_EQ(Call("GET", "/api/v1/people/X100001/sentences").Json()["items"].size(), 1u);
}

PROBITY_ON_BOTH_BACKENDS(SentencesHttpTest);

}  // namespace
}  // namespace probity

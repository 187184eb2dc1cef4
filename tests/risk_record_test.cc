// The tier kept from the record, on both backends: recalculated in the transaction of each change
// to its inputs (a licence, an RSR, needs, a conviction, ROSH registrations added and ended), one
// tier.changed event per change with its from, to, inputs and breakdown and none when the tier
// stays, RSR input refused naming the field with nothing written, the risk view's explanation,
// and every tier recalculated at once. risk.md's vector: a man with RSR over 7 and one current
// licence is B1, B2 or B3 by his needs.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/people.h"
#include "app/risk.h"
#include "app/sentences.h"
#include "app_server.h"
#include "sentence_bodies.h"
#include "store/event_log.h"

namespace probity {
namespace {

using nlohmann::json;

const UtcTime kNow = ParseUtc("2026-11-23T09:00:00.000000Z").value();
const store::Actor kOfficer{"staff:1", std::nullopt};

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

// A needs assessment: every tier need at `severity`, accommodation at `accommodation`.
std::vector<cases::Need> Needs(const std::string& severity, const std::string& accommodation = "") {
  std::vector<cases::Need> out;
  for (const char* need : {"accommodation", "education_training_employment", "relationships",
                           "lifestyle", "drugs", "alcohol", "thinking_behaviour", "attitudes"}) {
    cases::Need n;
    n.need = need;
    n.severity =
        std::string(need) == "accommodation" && !accommodation.empty() ? accommodation : severity;
    n.assessed_on = "2026-11-20";
    out.push_back(n);
  }
  return out;
}

cases::Registration Rosh(const std::string& level) {
  cases::Registration r;
  r.type = "rosh";
  r.level = level;
  r.start_date = "2026-11-01";
  return r;
}

app::RsrInput Rsr(const char* percent, std::string kind = "dynamic",
                  std::string on = "2026-11-02") {
  return {*risk::ParseDecimal(percent), std::move(kind), std::move(on), "Jo Bloggs"};
}

class RiskRecordTest : public testing::AppServerTest {
 protected:
  void SetUp() override {
    AppServerTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    cases::NewPerson p;
    p.crn = "X200001";
    p.first_name = "Dale";
    p.last_name = "Robson";
    p.date_of_birth = "1988-02-14";
    p.gender = "male";
    p.team_code = "NE-TYN-A";
    auto registered = app::RegisterPerson(*db_, kOfficer, p, kNow);
    ASSERT_TRUE(registered) << registered.error().message;
    dale_ = {registered->person_id, p.crn, false};
  }

  std::vector<json> TierEvents() {
    auto tx = db_->BeginRead();
    std::vector<json> out;
    for (const auto& e : store::EventsForSubject(tx, dale_.crn))
      if (e.kind == "tier.changed") out.push_back(json::parse(e.payload));
    return out;
  }
  size_t EventCount() {
    auto tx = db_->BeginRead();
    return store::EventsForSubject(tx, dale_.crn).size();
  }
  std::optional<std::string> StoredTier() {
    auto tx = db_->BeginRead();
    return risk::StoredTier(tx, dale_.person_id);
  }
  // The tier after `change`, which must write exactly one tier.changed event from `from`.
  template <class F>
  json ExpectChange(const std::string& from, const std::string& to, F change) {
    const auto before = TierEvents().size();
    change();
    const auto after = TierEvents();
    EXPECT_EQ(after.size(), before + 1) << "one tier.changed event for " << from << " -> " << to;
    if (after.size() != before + 1) return json();
    EXPECT_EQ(after.back()["from"], from == "" ? json() : json(from));
    EXPECT_EQ(after.back()["to"], to);
    EXPECT_EQ(StoredTier(), to);
    return after.back();
  }
  template <class F>
  void ExpectNoChange(F change) {
    const auto before = TierEvents().size();
    const auto tier = StoredTier();
    change();
    EXPECT_EQ(TierEvents().size(), before) << "no tier.changed event";
    EXPECT_EQ(StoredTier(), tier);
  }

  app::CaseRef dale_;
};

TEST_P(RiskRecordTest, EachInputChangesTheTierInItsOwnTransactionWithOneEventPerChange) {
  EXPECT_EQ(StoredTier(), std::nullopt) << "nothing to tier at registration";
  EXPECT_TRUE(TierEvents().empty());

  auto licence = ExpectChange(
      "", "D2", [&] { ASSERT_TRUE(app::AddSentence(*db_, kOfficer, dale_, Licence(), kNow)); });
  EXPECT_EQ(licence["inputs"]["mandate_for_change"], true) << "a licence is a mandate";
  EXPECT_TRUE(licence["inputs"]["needs"].is_null());
  EXPECT_EQ(licence["breakdown"].back()["code"], "no_needs_assessment");

  auto rsr = ExpectChange("D2", "B2", [&] {
    ASSERT_TRUE(app::RecordRsrAssessment(*db_, kOfficer, dale_, Rsr("7.1"), kNow));
  });
  EXPECT_EQ(rsr["protect_points"], 20);
  EXPECT_EQ(rsr["protect_level"], "B");
  EXPECT_EQ(rsr["inputs"]["rsr_percent"], "7.1");
  EXPECT_EQ(rsr["inputs"]["rsr_assessment"]["assessed_by"], "Jo Bloggs");
  EXPECT_EQ(rsr["breakdown"][0]["code"], "rsr");
  EXPECT_EQ(rsr["breakdown"][0]["points"], 20);

  // risk.md's vector (OGRS3 not scored yet: no conviction history): B1, B2, B3 by needs.
  ExpectChange("B2", "B1",
               [&] { ASSERT_TRUE(app::RecordNeeds(*db_, kOfficer, dale_, Needs("none"), kNow)); });
  ExpectChange("B1", "B3", [&] {
    ASSERT_TRUE(app::RecordNeeds(*db_, kOfficer, dale_, Needs("severe"), kNow));
  });
  auto nine = ExpectChange("B3", "B1", [&] {
    ASSERT_TRUE(app::RecordNeeds(*db_, kOfficer, dale_, Needs("standard", "none"), kNow));
  });
  EXPECT_EQ(nine["change_points"], 9);
  EXPECT_TRUE(nine["inputs"]["ogrs3_two_year_percent"].is_null());
  EXPECT_EQ(nine["inputs"]["ogrs3_refused"]["code"], "no_conviction_history");

  // An earlier conviction lets OGRS3 score: its tenths of the two-year % take 9 points to 10+.
  auto convicted = ExpectChange("B1", "B2", [&] {
    ASSERT_TRUE(
        app::AddConviction(*db_, kOfficer, dale_, {0, "2015-06-01", "theft_non_motor", {}}, kNow));
  });
  ASSERT_TRUE(convicted["inputs"]["ogrs3_two_year_percent"].is_number());
  EXPECT_GE(convicted["inputs"]["ogrs3_two_year_percent"].get<int>(), 10);

  // ROSH high scores 20 as RSR does: only the higher counts, so the tier stays.
  ExpectNoChange(
      [&] { ASSERT_TRUE(app::AddRegistration(*db_, kOfficer, dale_, Rosh("high"), kNow)); });
  int64_t very_high = 0;
  auto a = ExpectChange("B2", "A2", [&] {
    auto id = app::AddRegistration(*db_, kOfficer, dale_, Rosh("very_high"), kNow);
    ASSERT_TRUE(id);
    very_high = *id;
  });
  EXPECT_EQ(a["protect_points"], 150);
  EXPECT_EQ(a["inputs"]["rosh"], "very_high");
  ExpectChange("A2", "B2", [&] {
    ASSERT_TRUE(app::EndRegistration(*db_, kOfficer, dale_, very_high, "2026-11-23",
                                     "Reviewed: risk reduced", 1, kNow));
  });

  // Every change is in the history, newest first, with the timeline's line.
  auto view = app::GetRisk(*db_, dale_, kNow);
  ASSERT_TRUE(view) << view.error().message;
  ASSERT_EQ(view->history.size(), TierEvents().size());
  EXPECT_EQ(view->history[0].from_tier, "A2");
  EXPECT_EQ(view->history[0].to_tier, "B2");
  EXPECT_EQ(view->history.back().from_tier, std::nullopt);
}

TEST_P(RiskRecordTest, RsrInputErrorsNameTheFieldAndWriteNothing) {
  ASSERT_TRUE(app::AddSentence(*db_, kOfficer, dale_, Licence(), kNow));
  const auto events = EventCount();
  const struct {
    app::RsrInput in;
    const char* field;
  } cases[] = {
      {Rsr("100.01"), "percent"},
      {Rsr("-1"), "percent"},
      {Rsr("7.1", "static", "2026-11-24"), "assessed_on"},
      {Rsr("7.1", "static", "2026-02-30"), "assessed_on"},
      {Rsr("7.1", "guessed"), "kind"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.field);
    auto refused = app::RecordRsrAssessment(*db_, kOfficer, dale_, c.in, kNow);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, ErrorKind::kInvalid);
    EXPECT_EQ(refused.error().field, c.field);
  }
  auto empty_name = Rsr("7.1");
  empty_name.assessed_by = "";
  auto refused = app::RecordRsrAssessment(*db_, kOfficer, dale_, empty_name, kNow);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "assessed_by");
  EXPECT_EQ(EventCount(), events) << "neither the assessment nor a tier change written";
  EXPECT_EQ(StoredTier(), "D2");
  auto view = app::GetRisk(*db_, dale_, kNow);
  ASSERT_TRUE(view);
  EXPECT_TRUE(view->rsr_history.empty());
  EXPECT_FALSE(view->rsr);

  // 100 and 0 are percentages; the edges are accepted.
  EXPECT_TRUE(app::RecordRsrAssessment(*db_, kOfficer, dale_, Rsr("0"), kNow));
  EXPECT_TRUE(
      app::RecordRsrAssessment(*db_, kOfficer, dale_, Rsr("100", "static", "2026-11-23"), kNow));
}

TEST_P(RiskRecordTest, TheRiskViewExplainsTheTierFromTheRecord) {
  ASSERT_TRUE(app::AddSentence(*db_, kOfficer, dale_, Licence(), kNow));
  ASSERT_TRUE(app::RecordRsrAssessment(*db_, kOfficer, dale_, Rsr("6.95", "static"), kNow));
  ASSERT_TRUE(app::RecordRsrAssessment(*db_, kOfficer, dale_, Rsr("7.1"), kNow));
  ASSERT_TRUE(app::RecordNeeds(*db_, kOfficer, dale_, Needs("standard"), kNow));
  auto view = app::GetRisk(*db_, dale_, kNow);
  ASSERT_TRUE(view) << view.error().message;
  EXPECT_EQ(view->tier.Code(), "B2");
  EXPECT_EQ(view->stored_tier, "B2") << "the projection agrees with the record";
  EXPECT_EQ(view->explanation.title, "Why is this case B2?");
  EXPECT_EQ(view->explanation.protect_summary, "Protect level B: 20 points");
  ASSERT_FALSE(view->explanation.protect.empty());
  EXPECT_EQ(view->explanation.protect[0].label,
            "RSR 7.1% (dynamic, 2 November 2026, by Jo Bloggs)");
  ASSERT_TRUE(view->rsr);
  EXPECT_EQ(risk::FormatDecimal(view->rsr->assessment.percent), "7.1") << "the latest";
  ASSERT_EQ(view->rsr_history.size(), 2u);
  EXPECT_EQ(risk::FormatDecimal(view->rsr_history[1].assessment.percent), "6.95");
  EXPECT_TRUE(view->question.ogrs3_refused) << "no conviction history";
}

TEST_P(RiskRecordTest, RecalculatingEveryTierMendsATierSetElsewhereAndThenChangesNothing) {
  ASSERT_TRUE(app::AddSentence(*db_, kOfficer, dale_, Licence(), kNow));
  {
    auto tx = db_->BeginWrite();
    risk::SetStoredTier(tx, dale_.person_id, "A3");  // as a bulk load might leave it
    tx.Commit();
  }
  auto run = app::RecalculateAllTiers(*db_, {"system:tiering", std::nullopt}, kNow);
  EXPECT_GE(run.people, 1);
  EXPECT_EQ(run.changed, 1);
  EXPECT_EQ(run.refused, 0);
  EXPECT_EQ(StoredTier(), "D2");
  EXPECT_EQ(TierEvents().back()["from"], "A3");
  const auto events = TierEvents().size();
  run = app::RecalculateAllTiers(*db_, {"system:tiering", std::nullopt}, kNow);
  EXPECT_EQ(run.changed, 0);
  EXPECT_EQ(TierEvents().size(), events);
}

TEST_P(RiskRecordTest, TheApiRecordsRsrAndAnswersWhyTheCaseIsItsTier) {
  AddDale("X300001");
  if (HasFatalFailure()) return;
  const std::string person = "/api/v1/people/X300001";
  const auto licence = As("demo.po1", "POST", person + "/sentences", testing::RobberyLicenceJson());
  ASSERT_EQ(licence.status, 201) << licence.body;
  const json good = {{"percent", 7.1},
                     {"kind", "dynamic"},
                     {"assessed_on", "2026-11-02"},
                     {"assessed_by", "Jo Bloggs"}};
  for (const auto& [field, value] :
       std::vector<std::pair<std::string, json>>{{"percent", 100.5},
                                                 {"percent", "7.1"},
                                                 {"kind", "guessed"},
                                                 {"assessed_on", "2026-11-24"},
                                                 {"colour", "blue"}}) {
    json body = good;
    body[field] = value;
    const auto r = As("demo.po1", "POST", person + "/rsr-assessments", body);
    SCOPED_TRACE(field + " " + value.dump());
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(r.Json()["error"]["field"], field);
  }
  auto view = As("demo.po1", "GET", person + "/risk");
  ASSERT_EQ(view.status, 200) << view.body;
  EXPECT_TRUE(view.Json()["rsr"].is_null()) << "nothing written by a refusal";
  EXPECT_EQ(view.Json()["tier"], "D2");

  const auto recorded = As("demo.po1", "POST", person + "/rsr-assessments", good);
  ASSERT_EQ(recorded.status, 201) << recorded.body;
  const json risk = recorded.Json();
  EXPECT_EQ(risk["tier"], "B2");
  EXPECT_EQ(risk["stored_tier"], "B2");
  EXPECT_EQ(risk["protect_points"], 20);
  EXPECT_EQ(risk["rsr"]["percent"], "7.1");
  EXPECT_EQ(risk["rsr"]["band"], "high");
  EXPECT_EQ(risk["explanation"]["title"], "Why is this case B2?");
  EXPECT_EQ(risk["explanation"]["protect"][0]["label"],
            "RSR 7.1% (dynamic, 2 November 2026, by Jo Bloggs)");
  EXPECT_EQ(risk["ogrs3"]["refused"]["code"], "no_conviction_history");
  EXPECT_TRUE(risk["rosh"].is_null());
  ASSERT_EQ(risk["history"].size(), 2u);
  EXPECT_EQ(risk["history"][0]["from"], "D2");
  EXPECT_EQ(risk["history"][0]["to"], "B2");
  EXPECT_EQ(risk["history"][0]["breakdown"][0]["code"], "rsr");

  const auto timeline = As("demo.po1", "GET", person + "/timeline");
  ASSERT_EQ(timeline.status, 200);
  EXPECT_NE(timeline.body.find("Tier changed from D2 to B2"), std::string::npos);
}

PROBITY_ON_BOTH_BACKENDS(RiskRecordTest);

}  // namespace
}  // namespace probity

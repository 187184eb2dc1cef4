// The risk and tier pages on both backends: the panel answers "why is this case B2?" from the
// record with OGRS3 (or why it cannot be scored), RSR, ROSH, MAPPA, needs and the history; the RSR
// and needs forms record through the same use cases as the API, so the tier moves at once; bad
// input is refused beside its field with what was typed kept and nothing written; a case hidden
// from someone is not found, and a role that records nothing on cases gets no form.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "page_client.h"
#include "sentence_bodies.h"

namespace probity {
namespace {

using nlohmann::json;

constexpr const char* kCrn = "X500001";
const std::string kApi = std::string("/api/v1/people/") + kCrn;
const std::string kPages = std::string("/people/") + kCrn;
const std::string kRisk = kPages + "/risk";
const std::string kRsrForm = kPages + "/rsr-assessments/new";
const std::string kNeedsForm = kPages + "/needs-assessments/new";

// The eight needs the tier counts.
const char* const kTierNeeds[] = {"accommodation",
                                  "education_training_employment",
                                  "relationships",
                                  "lifestyle",
                                  "drugs",
                                  "alcohol",
                                  "thinking_behaviour",
                                  "attitudes"};

// A page holds `part`; on failure, the page is printed once.
void ExpectHas(const std::string& page, const std::string& part) {
  EXPECT_NE(page.find(part), std::string::npos) << "no \"" << part << "\" in:\n" << page;
}

class RiskPagesTest : public testing::PageTest {
 protected:
  void SetUp() override {
    PageTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    clock_.Set(*ParseUtc("2026-11-23T09:00:00.000000Z"));
    AddCase(kCrn, "Dale", "Robson");
    if (HasFatalFailure()) return;
    const auto licence = As("demo.po1", "POST", kApi + "/sentences", testing::RobberyLicenceJson());
    ASSERT_EQ(licence.status, 201) << licence.body;
  }

  std::vector<std::pair<std::string, std::string>> Rsr(const std::string& percent) {
    return {{"percent", percent},         {"kind", "dynamic"},
            {"assessed_on_day", "2"},     {"assessed_on_month", "11"},
            {"assessed_on_year", "2026"}, {"assessed_by", "Jo Bloggs"}};
  }

  json Risk() { return As("demo.po1", "GET", kApi + "/risk").Json(); }
};

TEST_P(RiskPagesTest, ThePanelExplainsTheTierFromTheRecord) {
  const auto page = GetAs("demo.po1", kRisk);
  ASSERT_EQ(page.status, 200) << page.body;
  ExpectHas(page.body, "aria-current=\"page\" href=\"" + kRisk + "\"");
  ExpectHas(page.body, "Why is this case D2?");
  ExpectHas(page.body, "Not scored: ");  // no conviction history yet
  ExpectHas(page.body, "id=\"rsr\">None recorded");
  ExpectHas(page.body, "id=\"rosh\">None registered");
  ExpectHas(page.body, "No needs assessment has been recorded.");
  ExpectHas(page.body, "<strong>D2</strong>");  // the history's first row: never tiered to D2
  ExpectHas(page.body, "Record an RSR assessment");
  // Every case page's header links the tier to its explanation.
  ExpectHas(GetAs("demo.po1", kPages).body, "href=\"" + kRisk + "#why\"><strong>D2</strong>");
}

TEST_P(RiskPagesTest, AnRsrRecordedOnTheFormMovesTheTierAtOnce) {
  const auto form = GetAs("demo.po1", kRsrForm);
  ASSERT_EQ(form.status, 200) << form.body;
  ExpectHas(form.body, "value=\"Priya Okafor\"");  // the signed-in officer as the assessor

  const auto done = PostAs("demo.po1", kRsrForm, Rsr("7.1"));
  ASSERT_EQ(done.status, 303) << done.body;
  EXPECT_EQ(done.Header("Location"), kRisk + "?recorded=rsr");
  const auto page = GetAs("demo.po1", kRisk + "?recorded=rsr");
  ASSERT_EQ(page.status, 200) << page.body;
  ExpectHas(page.body, "RSR assessment recorded. The tier has been worked out again.");
  ExpectHas(page.body, "Why is this case B2?");
  ExpectHas(page.body, "RSR 7.1% (dynamic, 2 November 2026, by Jo Bloggs)");
  ExpectHas(page.body, "7.1% (High), Dynamic, assessed on");
  EXPECT_EQ(Risk()["stored_tier"], "B2");
  EXPECT_EQ(Risk()["history"][0]["from"], "D2");
  // Each past change keeps why: the items it counted.
  ExpectHas(page.body, "Why B2</span></summary>");
  ExpectHas(page.body, "<li>Protect: RSR 7.1% (20 points)</li>");
}

TEST_P(RiskPagesTest, AnRsrJustBelowTheThresholdStaysBelowIt) {
  // 6.995 is below 7.0 exactly (10 protect points, not 20): no binary floating point on the way
  // from the form. Its band is high (6.9 and over).
  ASSERT_EQ(PostAs("demo.po1", kRsrForm, Rsr(" 6.995 % ")).status, 303);
  const json risk = Risk();
  EXPECT_EQ(risk["rsr"]["percent"], "6.995");
  EXPECT_EQ(risk["protect_points"], 10);
  const auto page = GetAs("demo.po1", kRisk);
  ExpectHas(page.body, "6.995% (High)");
  ExpectHas(page.body,
            "RSR 6.995% (dynamic, 2 November 2026, by Jo Bloggs)</td><td "
            "class=\"govuk-table__cell govuk-table__cell--numeric\">10 points");
}

TEST_P(RiskPagesTest, TheRsrFormRefusesBadInputBesideItsFieldAndWritesNothing) {
  Session("demo.po1");  // signing in is an event of its own
  const int64_t before = Events();
  const auto blank = PostAs("demo.po1", kRsrForm, {{"assessed_by", " "}});
  ASSERT_EQ(blank.status, 400) << blank.body;
  ExpectHas(blank.body, "href=\"#percent\">Enter the RSR score, such as 6.95");
  ExpectHas(blank.body, "href=\"#kind\">Select whether the score is static or dynamic");
  ExpectHas(blank.body, "href=\"#assessed_on\">Enter the date of the assessment");
  ExpectHas(blank.body,
            "href=\"#assessed_by\">Enter the name of the person who made the assessment");

  auto comma = Rsr("6,95");
  const auto typo = PostAs("demo.po1", kRsrForm, comma);
  ASSERT_EQ(typo.status, 400);
  ExpectHas(typo.body, "Enter the RSR score as a number from 0 to 100, such as 6.95");
  ExpectHas(typo.body, "value=\"6,95\"");  // what was typed, kept

  const auto over = PostAs("demo.po1", kRsrForm, Rsr("100.5"));
  ASSERT_EQ(over.status, 400);
  ExpectHas(over.body, "href=\"#percent\">An RSR is a percentage from 0 to 100");

  auto future = Rsr("7.1");
  future[4].second = "2027";  // assessed_on_year
  const auto later = PostAs("demo.po1", kRsrForm, future);
  ASSERT_EQ(later.status, 400);
  ExpectHas(later.body, "href=\"#assessed_on\">");

  auto unreal = Rsr("7.1");
  unreal[2].second = "31";  // 31 November
  ASSERT_EQ(PostAs("demo.po1", kRsrForm, unreal).status, 400);

  EXPECT_EQ(Events(), before);
  EXPECT_TRUE(Risk()["rsr"].is_null());
}

TEST_P(RiskPagesTest, ANeedsAssessmentOnTheFormIsShownAndTiered) {
  ASSERT_EQ(PostAs("demo.po1", kRsrForm, Rsr("7.1")).status, 303);
  const auto form = GetAs("demo.po1", kNeedsForm);
  ASSERT_EQ(form.status, 200) << form.body;
  ExpectHas(form.body, "Never assessed. Not counted in the tier.");  // finance
  ExpectHas(form.body, "name=\"learning_difficulty\"");

  const int64_t before = Events();
  const auto none = PostAs(
      "demo.po1", kNeedsForm,
      {{"assessed_on_day", "20"}, {"assessed_on_month", "11"}, {"assessed_on_year", "2026"}});
  ASSERT_EQ(none.status, 400);
  ExpectHas(none.body, "href=\"#accommodation\">Select the severity of at least one need");
  const auto unknown = PostAs("demo.po1", kNeedsForm, {{"drugs", "awful"}});
  ASSERT_EQ(unknown.status, 400);
  ExpectHas(unknown.body, "href=\"#drugs\">Select a severity for Drug misuse");
  ExpectHas(unknown.body, "href=\"#assessed_on\">Enter the date of the assessment");
  EXPECT_EQ(Events(), before);

  std::vector<std::pair<std::string, std::string>> severe = {
      {"assessed_on_day", "20"}, {"assessed_on_month", "11"}, {"assessed_on_year", "2026"}};
  for (const char* need : kTierNeeds) severe.emplace_back(need, "severe");
  severe.emplace_back("finance", "");  // not assessed this time
  const auto done = PostAs("demo.po1", kNeedsForm, severe);
  ASSERT_EQ(done.status, 303) << done.body;
  EXPECT_EQ(done.Header("Location"), kRisk + "?recorded=needs");

  const auto page = GetAs("demo.po1", kRisk);
  ExpectHas(page.body, "Why is this case B3?");
  ExpectHas(page.body, "Severe need");
  EXPECT_EQ(Risk()["stored_tier"], "B3");
  EXPECT_EQ(Risk()["needs"].size(), 8u);
  EXPECT_EQ(Risk()["needs"][0]["assessed_on"], "2026-11-20");
  ExpectHas(GetAs("demo.po1", kNeedsForm).body, "Last assessed 20 November 2026: Severe need.");
}

TEST_P(RiskPagesTest, HiddenCasesAreNotFoundAndReadersGetNoForms) {
  // demo.po2 works in another PDU: the case does not exist for them.
  EXPECT_EQ(GetAs("demo.po2", kRisk).status, 404);
  EXPECT_EQ(GetAs("demo.po2", kRsrForm).status, 404);
  EXPECT_EQ(PostAs("demo.po2", kNeedsForm, {{"drugs", "severe"}}).status, 404);

  // The enforcement administrator reads the case but records nothing on it.
  const auto page = GetAs("demo.enforcement", kRisk);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.body.find("Record an RSR assessment"), std::string::npos);
  EXPECT_EQ(GetAs("demo.enforcement", kRsrForm).status, 403);
  const int64_t before = Events();
  EXPECT_EQ(PostAs("demo.enforcement", kRsrForm, Rsr("7.1")).status, 403);
  EXPECT_EQ(Events(), before);

  // A form without its CSRF token is refused.
  const auto forged =
      PostForm(kRsrForm, testing::EncodeForm(Rsr("7.1")), {{"Cookie", Session("demo.po1").first}});
  EXPECT_EQ(forged.status, 403);
  EXPECT_TRUE(Risk()["rsr"].is_null());
}

// A person recorded as other or not stated: OGRS3 waits for a practitioner to choose the scale;
// the choice is refused for a person recorded as male or female (the record decides), recorded
// with its reason on the page, and scores OGRS3 in the same transaction.
TEST_P(RiskPagesTest, AScaleChosenForAPersonRecordedAsOtherLetsOgrs3Score) {
  const std::string crn = "X500002", api = "/api/v1/people/" + crn,
                    risk = "/people/" + crn + "/risk";
  ASSERT_EQ(As("demo.po1", "POST", "/api/v1/people",
               {{"crn", crn},
                {"first_name", "Alex"},
                {"last_name", "Rowe"},
                {"date_of_birth", "1990-04-12"},
                {"gender", "other"}})
                .status,
            201);
  ASSERT_EQ(As("demo.po1", "POST", api + "/sentences", testing::RobberyLicenceJson()).status, 201);
  ASSERT_EQ(As("demo.po1", "POST", api + "/convictions",
               {{"conviction_date", "2015-06-01"}, {"offence_group", "theft_non_motor"}})
                .status,
            201);
  auto view = As("demo.po1", "GET", api + "/risk").Json();
  EXPECT_EQ(view["ogrs3"]["refused"]["code"], "gender_needs_choice");
  EXPECT_TRUE(view["scale_choice"].is_null());
  ExpectHas(GetAs("demo.po1", risk).body, "No scale has been chosen");

  // The API refuses a bad scale, an empty reason, and any choice for a person recorded as male.
  const int64_t before = Events();
  auto refused = As("demo.po1", "POST", api + "/risk-scale", {{"scale", "other"}, {"reason", "x"}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.Json()["error"]["field"], "scale");
  refused = As("demo.po1", "POST", api + "/risk-scale", {{"scale", "female"}, {"reason", " "}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.Json()["error"]["field"], "reason");
  refused = As("demo.po1", "POST", kApi + "/risk-scale", {{"scale", "female"}, {"reason", "x"}});
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(refused.Json()["error"]["code"], "gender_recorded");

  // The page refuses a blank form beside its fields.
  Session("demo.po1");
  const int64_t signed_in = Events();
  const auto blank = PostAs("demo.po1", "/people/" + crn + "/risk-scale", {{"reason", ""}});
  ASSERT_EQ(blank.status, 400);
  ExpectHas(blank.body, "href=\"#scale\">Select the scale to score by");
  ExpectHas(blank.body, "href=\"#reason\">Enter why this scale fits the person");
  EXPECT_EQ(Events(), signed_in);
  EXPECT_GE(signed_in, before);

  const auto chosen =
      PostAs("demo.po1", "/people/" + crn + "/risk-scale",
             {{"scale", "female"}, {"reason", "Lives as a woman; agreed with Alex"}});
  ASSERT_EQ(chosen.status, 303) << chosen.body;
  const auto page = GetAs("demo.po1", risk + "?recorded=scale");
  ExpectHas(page.body,
            "<strong>Women&apos;s scale</strong>, chosen by Priya Okafor on 23 November 2026");
  ExpectHas(page.body, "Lives as a woman; agreed with Alex");
  view = As("demo.po1", "GET", api + "/risk").Json();
  EXPECT_TRUE(view["ogrs3"].contains("one_year_percent")) << view["ogrs3"].dump();
  EXPECT_EQ(view["scale_choice"]["scale"], "female");
  EXPECT_EQ(view["scale_choice"]["chosen_by"], "Priya Okafor");
  const auto timeline = As("demo.po1", "GET", api + "/timeline");
  ExpectHas(timeline.body,
            "Scale for scoring chosen: women's (Lives as a woman; agreed with Alex)");
}

PROBITY_ON_BOTH_BACKENDS(RiskPagesTest);

}  // namespace
}  // namespace probity

#include "letters/letter.h"

#include <gtest/gtest.h>

#include "core/templates.h"

namespace probity::letters {
namespace {

UtcTime At(const char* text) { return *ParseUtc(text); }

cases::Person Jo() {
  cases::Person p;
  p.id = 7;
  p.crn = "X123456";
  p.first_name = "Jo";
  p.last_name = "Bloggs";
  p.officer_name = "Sam Officer";
  return p;
}

cases::Address Address(std::string status, std::string line1, std::optional<std::string> end = {}) {
  cases::Address a;
  a.status = std::move(status);
  a.line1 = std::move(line1);
  a.town = "Leeds";
  a.postcode = "LS1 1AA";
  a.end_date = std::move(end);
  return a;
}

cases::Sentence Order() {
  cases::Sentence s;
  s.id = 3;
  s.kind = "community_order";
  s.court = "Leeds Magistrates' Court";
  s.offence = "Theft from a shop";
  s.sentence_date = "2026-01-05";
  return s;
}

cases::Sentence Licence() {
  cases::Sentence s = Order();
  s.kind = "licence";
  s.court = "Leeds Crown Court";
  s.release_date = "2026-02-01";
  return s;
}

LetterFacts Facts(LetterKind kind, cases::Sentence sentence, int failures) {
  LetterFacts f;
  f.kind = kind;
  f.issued_at = At("2026-06-10T09:00:00.000000Z");
  f.person = Jo();
  f.addresses = {Address("main", "1 High Street")};
  f.officer_name = "Sam Officer";
  f.office = org::Office{1, "LDS", "Leeds Probation Office", "1 Park Row, Leeds, LS1 5HD", "P1", 1};
  f.sentence = std::move(sentence);
  const char* days[] = {"2026-03-02T10:00:00.000000Z", "2026-04-06T13:30:00.000000Z",
                        "2026-05-04T08:15:00.000000Z"};
  for (int i = 0; i < failures; ++i)
    f.failures.push_back({i + 1, At(days[i]), "Supervision appointment", "failed_to_attend"});
  return f;
}

TEST(CurrentAddress, TheOpenMainAddressElseAnyOpenOne) {
  EXPECT_EQ(CurrentAddress({Address("previous", "Old"), Address("main", "Main")})->line1, "Main");
  EXPECT_EQ(CurrentAddress({Address("secondary", "Second"), Address("main", "Main")})->line1,
            "Main");
  EXPECT_EQ(CurrentAddress({Address("main", "Ended", "2026-01-01"), Address("secondary", "Second")})
                ->line1,
            "Second");
  EXPECT_FALSE(CurrentAddress({Address("previous", "Old")}));
  EXPECT_FALSE(CurrentAddress({}));
}

TEST(LetterFor, OnlyWarningComplianceAndBreachSendLetters) {
  using enforcement::DecisionKind;
  EXPECT_EQ(LetterFor(DecisionKind::kWarningIssued), LetterKind::kWarning);
  EXPECT_EQ(LetterFor(DecisionKind::kComplianceLetter), LetterKind::kComplianceLetter);
  EXPECT_EQ(LetterFor(DecisionKind::kBreachInitiated), LetterKind::kBreach);
  for (auto k : {DecisionKind::kRecallRequested, DecisionKind::kNotEnforced,
                 DecisionKind::kFurtherInformation, DecisionKind::kAddedToProceedings})
    EXPECT_FALSE(LetterFor(k)) << enforcement::ToString(k);
  for (auto k : {LetterKind::kWarning, LetterKind::kComplianceLetter, LetterKind::kBreach})
    EXPECT_EQ(ParseLetterKind(ToString(k)), k);
}

TEST(FillLetter, WarningNamesThePersonAddressSentenceAndFailure) {
  auto facts = Facts(LetterKind::kWarning, Order(), 1);
  cases::Requirement rar;
  rar.type = "rehabilitation_activity";
  rar.amount = 20;
  rar.unit = "days";
  facts.requirements = {rar};
  const auto l = FillLetter(facts);
  EXPECT_EQ(l.name, "Jo Bloggs");
  EXPECT_EQ(l.crn, "X123456");
  EXPECT_EQ(l.date, "10 June 2026");
  EXPECT_EQ(l.address_lines, (std::vector<std::string>{"1 High Street", "Leeds", "LS1 1AA"}));
  EXPECT_EQ(l.office_address, (std::vector<std::string>{"1 Park Row", "Leeds", "LS1 5HD"}));
  EXPECT_EQ(l.sentence, "Community order made at Leeds Magistrates' Court on 5 January 2026");
  EXPECT_EQ(l.conditions_heading, "The requirements of your order");
  ASSERT_EQ(l.conditions.size(), 1u);
  EXPECT_NE(l.conditions[0].find("20 days"), std::string::npos);
  ASSERT_EQ(l.failures.size(), 1u);
  EXPECT_EQ(l.failures[0].date, "2 March 2026");
  EXPECT_EQ(l.failures[0].time, "10am");
  EXPECT_EQ(l.failures[0].outcome, "Failed to attend");
  EXPECT_EQ(l.title, "Warning letter: failure to comply on 2 March 2026");
  EXPECT_NE(l.count_text.find("first unacceptable failure"), std::string::npos);
  ASSERT_FALSE(l.next_steps.empty());
  EXPECT_NE(l.next_steps[1].find("within 12 months"), std::string::npos);
  EXPECT_NE(l.next_steps[1].find("returned to court"), std::string::npos);
}

TEST(FillLetter, ComplianceLetterCountsTheSecondFailureAndWarnsOfRecall) {
  auto facts = Facts(LetterKind::kComplianceLetter, Licence(), 2);
  cases::LicenceCondition keep_in_touch;
  keep_in_touch.type = "standard";
  keep_in_touch.description = "Keep in touch with the supervising officer";
  facts.conditions = {keep_in_touch};
  const auto l = FillLetter(facts);
  EXPECT_EQ(l.failures.size(), 2u);
  EXPECT_EQ(l.failures[1].nth, "2nd");
  EXPECT_EQ(l.failures[1].date, "6 April 2026");
  EXPECT_EQ(l.failures[1].time, "2:30pm");  // BST
  EXPECT_NE(l.count_text.find("second unacceptable failure"), std::string::npos);
  EXPECT_EQ(l.conditions_heading, "The conditions of your licence");
  EXPECT_NE(l.sentence.find("released on 1 February 2026"), std::string::npos);
  bool recall = false;
  for (const auto& p : l.next_steps) recall |= p.find("recall to prison") != std::string::npos;
  EXPECT_TRUE(recall);
}

TEST(FillLetter, PostSentenceSupervisionWarnsOfCourtNotRecall) {
  auto sentence = Licence();
  sentence.kind = "pss";
  const auto l = FillLetter(Facts(LetterKind::kComplianceLetter, sentence, 1));
  for (const auto& p : l.next_steps) EXPECT_EQ(p.find("recall"), std::string::npos) << p;
}

TEST(FillLetter, BreachLetterSaysTheMatterReturnsToCourtWithTheRationale) {
  auto facts = Facts(LetterKind::kBreach, Order(), 2);
  facts.rationale = "Two missed appointments after a warning";
  const auto l = FillLetter(facts);
  EXPECT_EQ(l.title, "Breach letter: return to court after failure on 6 April 2026");
  EXPECT_NE(l.next_steps[0].find("returned to court"), std::string::npos);
  EXPECT_NE(l.next_steps[1].find("summons"), std::string::npos);
  EXPECT_EQ(l.rationale, "Two missed appointments after a warning");
}

TEST(FillLetter, NoCurrentAddressLeavesTheAddressEmpty) {
  auto facts = Facts(LetterKind::kWarning, Order(), 1);
  facts.addresses = {Address("previous", "Old")};
  EXPECT_TRUE(FillLetter(facts).address_lines.empty());
}

TEST(LetterTemplates, RenderEscapedWithEveryPart) {
  auto facts = Facts(LetterKind::kBreach, Order(), 2);
  facts.person.last_name = "<script>alert(1)</script>";
  facts.rationale = "Two missed appointments after a warning";
  for (auto kind : {LetterKind::kWarning, LetterKind::kComplianceLetter, LetterKind::kBreach}) {
    facts.kind = kind;
    const auto html = RenderTemplate(TemplateOf(kind), LetterData(FillLetter(facts)));
    SCOPED_TRACE(ToString(kind));
    EXPECT_EQ(html.find("<script>"), std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
    EXPECT_NE(html.find("X123456"), std::string::npos);
    EXPECT_NE(html.find("1 High Street"), std::string::npos);
    EXPECT_NE(html.find("6 April 2026"), std::string::npos);
    EXPECT_NE(html.find("Leeds Magistrates&apos;"), std::string::npos);
    EXPECT_EQ(html.find("Two missed appointments") != std::string::npos,
              kind == LetterKind::kBreach);
  }
}

}  // namespace
}  // namespace probity::letters

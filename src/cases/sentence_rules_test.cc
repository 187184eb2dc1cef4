#include "cases/sentence_rules.h"

#include <gtest/gtest.h>

#include <functional>

namespace probity::cases {
namespace {

const Date kToday = ParseDate("2026-11-23").value();

NewSentence Order(int months = 12) {
  return {"community_order",   "Newcastle Magistrates' Court",
          "Theft from a shop", "theft_non_motor",
          "2026-03-10",        months,
          std::nullopt,        std::nullopt,
          std::nullopt,        std::nullopt};
}
NewSentence Suspended(int months = 18) {
  NewSentence s = Order(months);
  s.kind = "suspended_sentence_order";
  return s;
}
NewSentence Licence() {
  return {"licence",    "Newcastle Crown Court",
          "Robbery",    "robbery",
          "2024-05-01", 48,
          "2026-01-15", "2028-05-01",
          std::nullopt, std::nullopt};
}
NewSentence Pss() {
  return {"pss",        "Newcastle Crown Court",
          "Burglary",   "burglary_domestic",
          "2026-01-05", 6,
          "2026-04-01", std::nullopt,
          std::nullopt, std::nullopt};
}

Sentence Added(const NewSentence& in, int64_t id = 7) {
  auto s = CheckNewSentence(in, kToday);
  EXPECT_TRUE(s) << s.error().message;
  Sentence out = s ? *s : Sentence{};
  out.id = id;
  return out;
}

Requirement Upw(int amount = 120, int progress = 0) {
  Requirement r;
  r.id = 3;
  r.sentence_id = 7;
  r.type = "unpaid_work";
  r.amount = amount;
  r.unit = "hours";
  r.progress = progress;
  r.start_date = "2026-03-10";
  return r;
}

TEST(ExpectedEnd, FollowsTheKindOfSentence) {
  const struct {
    const char* why;
    NewSentence in;
    std::optional<std::string> want;
  } cases[] = {
      {"order: sentence date plus its length", Order(12), "2027-03-10"},
      {"suspended order: the same", Suspended(18), "2027-09-10"},
      {"a month's end clips to the shorter month",
       [] {
         auto s = Order(1);
         s.sentence_date = "2026-01-31";
         return s;
       }(),
       "2026-02-28"},
      {"licence: its licence end", Licence(), "2028-05-01"},
      {"PSS: release plus 12 months", Pss(), "2027-04-01"},
      {"PSS: the end given wins",
       [] {
         auto s = Pss();
         s.expected_end = "2027-02-01";
         return s;
       }(),
       "2027-02-01"},
      {"licence without a licence end: none",
       [] {
         auto s = Licence();
         s.licence_end.reset();
         return s;
       }(),
       std::nullopt},
      {"PSS without a release date: none",
       [] {
         auto s = Pss();
         s.release_date.reset();
         return s;
       }(),
       std::nullopt},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    EXPECT_EQ(ExpectedEnd(c.in), c.want);
  }
}

TEST(CheckNewSentence, AcceptsEachKindAndFillsTheExpectedEnd) {
  for (const auto& in : {Order(), Suspended(), Licence(), Pss()}) {
    SCOPED_TRACE(in.kind);
    auto s = CheckNewSentence(in, kToday);
    ASSERT_TRUE(s) << s.error().message;
    EXPECT_EQ(s->status, "active");
    EXPECT_EQ(s->expected_end, ExpectedEnd(in).value());
    EXPECT_EQ(s->version, 1);
  }
}

TEST(CheckNewSentence, RefusesInputNamingTheField) {
  const struct {
    const char* why;
    std::function<void(NewSentence&)> change;
    NewSentence base;
    const char* field;
  } cases[] = {
      {"unknown kind", [](auto& s) { s.kind = "detention"; }, Order(), "kind"},
      {"no court", [](auto& s) { s.court = "  "; }, Order(), "court"},
      {"no offence", [](auto& s) { s.offence = ""; }, Order(), "offence"},
      {"unknown offence group", [](auto& s) { s.offence_group = "arson"; }, Order(),
       "offence_group"},
      {"sentence date not a date", [](auto& s) { s.sentence_date = "2026-02-30"; }, Order(),
       "sentence_date"},
      {"sentence date in the future", [](auto& s) { s.sentence_date = "2026-11-24"; }, Order(),
       "sentence_date"},
      {"no length", [](auto& s) { s.length_months = 0; }, Licence(), "length_months"},
      {"over 600 months", [](auto& s) { s.length_months = 601; }, Licence(), "length_months"},
      {"community order over 36 months", [](auto& s) { s.length_months = 37; }, Order(),
       "length_months"},
      {"suspended order over 24 months", [](auto& s) { s.length_months = 25; }, Suspended(),
       "length_months"},
      {"order with a release date", [](auto& s) { s.release_date = "2026-04-01"; }, Order(),
       "release_date"},
      {"suspended order with a licence end", [](auto& s) { s.licence_end = "2027-04-01"; },
       Suspended(), "licence_end"},
      {"order with an expected end", [](auto& s) { s.expected_end = "2027-04-01"; }, Order(),
       "expected_end"},
      {"licence with an expected end", [](auto& s) { s.expected_end = "2028-04-01"; }, Licence(),
       "expected_end"},
      {"licence without a release date", [](auto& s) { s.release_date.reset(); }, Licence(),
       "release_date"},
      {"licence released before sentence", [](auto& s) { s.release_date = "2024-04-30"; },
       Licence(), "release_date"},
      {"licence without a licence end", [](auto& s) { s.licence_end.reset(); }, Licence(),
       "licence_end"},
      {"licence ending on release", [](auto& s) { s.licence_end = "2026-01-15"; }, Licence(),
       "licence_end"},
      {"licence end not a date", [](auto& s) { s.licence_end = "soon"; }, Licence(), "licence_end"},
      {"PSS without a release date", [](auto& s) { s.release_date.reset(); }, Pss(),
       "release_date"},
      {"PSS ending before release", [](auto& s) { s.expected_end = "2026-03-01"; }, Pss(),
       "expected_end"},
      {"PSS licence end after supervision ends", [](auto& s) { s.licence_end = "2027-05-01"; },
       Pss(), "licence_end"},
      {"order with a custody type", [](auto& s) { s.custody_type = "standard"; }, Order(),
       "custody_type"},
      {"unknown custody type", [](auto& s) { s.custody_type = "life"; }, Licence(), "custody_type"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    NewSentence in = c.base;
    c.change(in);
    auto s = CheckNewSentence(in, kToday);
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().kind, ErrorKind::kInvalid);
    EXPECT_EQ(s.error().field, c.field) << s.error().message;
  }
}

TEST(CheckNewSentence, ALicenceOrPssKeepsItsCustodyType) {
  for (const char* type : {"standard", "extended", "indeterminate"}) {
    SCOPED_TRACE(type);
    NewSentence in = Licence();
    in.custody_type = type;
    EXPECT_EQ(Added(in).custody_type, type);
  }
  NewSentence pss = Pss();
  pss.custody_type = "extended";
  EXPECT_EQ(Added(pss).custody_type, "extended");
  EXPECT_EQ(Added(Licence()).custody_type, std::nullopt);
}

TEST(CheckNewSentence, LengthLimitsAreInclusive) {
  EXPECT_TRUE(CheckNewSentence(Order(1), kToday));
  EXPECT_TRUE(CheckNewSentence(Order(36), kToday));
  EXPECT_TRUE(CheckNewSentence(Suspended(24), kToday));
  auto licence = Licence();
  licence.length_months = 600;
  EXPECT_TRUE(CheckNewSentence(licence, kToday));
  auto today = Order();
  today.sentence_date = "2026-11-23";
  EXPECT_TRUE(CheckNewSentence(today, kToday)) << "sentenced today";
}

TEST(TerminateSentence, SetsStatusDateAndReason) {
  auto done = TerminateSentence(Added(Order()), "2026-11-01", "revoked_resentenced", kToday);
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_EQ(done->status, "terminated");
  EXPECT_EQ(done->terminated_on, "2026-11-01");
  EXPECT_EQ(done->termination_reason, "revoked_resentenced");
  EXPECT_FALSE(done->current());
}

TEST(TerminateSentence, RefusesBadDatesReasonsAndASecondTermination) {
  const Sentence order = Added(Order());
  const struct {
    const char* why;
    std::string on, reason;
    const char* field;
  } cases[] = {
      {"before the sentence date", "2026-03-09", "completed", "terminated_on"},
      {"in the future", "2026-11-24", "completed", "terminated_on"},
      {"not a date", "yesterday", "completed", "terminated_on"},
      {"unknown reason", "2026-11-01", "bored", "reason"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    auto done = TerminateSentence(order, c.on, c.reason, kToday);
    ASSERT_FALSE(done);
    EXPECT_EQ(done.error().kind, ErrorKind::kInvalid);
    EXPECT_EQ(done.error().field, c.field);
  }
  EXPECT_TRUE(TerminateSentence(order, "2026-03-10", "completed", kToday)) << "on the day itself";
  auto ended = TerminateSentence(order, "2026-11-01", "completed", kToday);
  auto again = TerminateSentence(*ended, "2026-11-02", "completed", kToday);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(again.error().code, "sentence_not_active");
}

TEST(MaxRequirementAmount, FollowsTheUnit) {
  EXPECT_EQ(MaxRequirementAmount("unpaid_work"), 300);
  EXPECT_EQ(MaxRequirementAmount("rehabilitation_activity"), 400);
  EXPECT_EQ(MaxRequirementAmount("accredited_programme"), 600);
  EXPECT_EQ(MaxRequirementAmount("curfew"), 600);
}

TEST(CheckNewRequirement, TakesTheUnitOfItsType) {
  const struct {
    const char* type;
    const char* unit;
  } cases[] = {
      {"unpaid_work", "hours"},
      {"rehabilitation_activity", "days"},
      {"accredited_programme", "sessions"},
      {"curfew", "months"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.type);
    auto r = CheckNewRequirement(Added(Suspended()), {c.type, 20, "2026-03-10"}, kToday);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->unit, c.unit);
    EXPECT_EQ(r->sentence_id, 7);
    EXPECT_EQ(r->progress, 0);
    EXPECT_EQ(r->status, "active");
  }
}

TEST(CheckNewRequirement, RefusesInputNamingTheField) {
  const Sentence order = Added(Order());
  const struct {
    const char* why;
    Sentence on;
    NewRequirement in;
    const char* field;
  } cases[] = {
      {"on a licence", Added(Licence()), {"curfew", 3, "2026-03-10"}, "sentence_id"},
      {"on PSS", Added(Pss()), {"curfew", 3, "2026-04-01"}, "sentence_id"},
      {"unknown type", order, {"knitting", 3, "2026-03-10"}, "type"},
      {"no amount", order, {"unpaid_work", 0, "2026-03-10"}, "amount"},
      {"301 hours of unpaid work", order, {"unpaid_work", 301, "2026-03-10"}, "amount"},
      {"401 RAR days", order, {"rehabilitation_activity", 401, "2026-03-10"}, "amount"},
      {"601 months of curfew", order, {"curfew", 601, "2026-03-10"}, "amount"},
      {"starts before the sentence", order, {"unpaid_work", 40, "2026-03-09"}, "start_date"},
      {"starts in the future", order, {"unpaid_work", 40, "2026-11-24"}, "start_date"},
      {"start not a date", order, {"unpaid_work", 40, "2026-13-01"}, "start_date"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    auto r = CheckNewRequirement(c.on, c.in, kToday);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::kInvalid);
    EXPECT_EQ(r.error().field, c.field) << r.error().message;
  }
  EXPECT_TRUE(CheckNewRequirement(order, {"unpaid_work", 300, "2026-03-10"}, kToday));
  EXPECT_TRUE(CheckNewRequirement(order, {"rehabilitation_activity", 400, "2026-11-23"}, kToday));
}

TEST(CheckNewRequirement, RefusesATerminatedSentence) {
  auto ended = TerminateSentence(Added(Order()), "2026-11-01", "completed", kToday);
  auto r = CheckNewRequirement(*ended, {"unpaid_work", 40, "2026-03-10"}, kToday);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(r.error().code, "sentence_not_active");
}

TEST(RecordProgress, SetsTheTotalAndCompletesAtTheAmount) {
  const struct {
    const char* why;
    Requirement before;
    int progress;
    const char* status;
    std::optional<std::string> end_date;
  } cases[] = {
      {"part way", Upw(120, 0), 40, "active", std::nullopt},
      {"a correction downwards", Upw(120, 40), 32, "active", std::nullopt},
      {"back to none", Upw(120, 40), 0, "active", std::nullopt},
      {"reaching the amount completes it today", Upw(120, 100), 120, "completed", "2026-11-23"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    auto r = RecordProgress(c.before, c.progress, kToday);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->progress, c.progress);
    EXPECT_EQ(r->status, c.status);
    EXPECT_EQ(r->end_date, c.end_date);
    EXPECT_EQ(r->end_reason, c.end_date ? std::optional<std::string>("completed") : std::nullopt);
  }
}

TEST(RecordProgress, RefusesOutOfRangeNoChangeAndEndedRequirements) {
  const struct {
    const char* why;
    int progress;
    const char* code;
  } cases[] = {
      {"negative", -1, "out_of_range"},
      {"past the amount", 121, "out_of_range"},
      {"the same as now", 40, "no_change"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    auto r = RecordProgress(Upw(120, 40), c.progress, kToday);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::kInvalid);
    EXPECT_EQ(r.error().code, c.code);
    EXPECT_EQ(r.error().field, "progress");
  }
  auto done = RecordProgress(Upw(120, 40), 120, kToday);
  auto after = RecordProgress(*done, 100, kToday);
  ASSERT_FALSE(after);
  EXPECT_EQ(after.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(after.error().code, "requirement_not_active");
}

TEST(EndRequirement, CompletedOrTerminatedByReason) {
  auto completed = EndRequirement(Upw(), "2026-11-01", "completed", kToday);
  ASSERT_TRUE(completed);
  EXPECT_EQ(completed->status, "completed");
  auto by_court = EndRequirement(Upw(), "2026-11-01", "terminated_by_court", kToday);
  ASSERT_TRUE(by_court);
  EXPECT_EQ(by_court->status, "terminated");
  EXPECT_EQ(by_court->end_date, "2026-11-01");
  EXPECT_EQ(by_court->end_reason, "terminated_by_court");

  const struct {
    const char* why;
    std::string end_date, reason;
    const char* field;
  } cases[] = {
      {"before the start", "2026-03-09", "other", "end_date"},
      {"in the future", "2026-11-24", "other", "end_date"},
      {"unknown reason", "2026-11-01", "finished", "reason"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    auto r = EndRequirement(Upw(), c.end_date, c.reason, kToday);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().field, c.field);
  }
  auto again = EndRequirement(*by_court, "2026-11-02", "other", kToday);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, "requirement_not_active");
}

TEST(CheckNewLicenceCondition, OnlyOnLicencesAndPss) {
  auto on_licence = CheckNewLicenceCondition(Added(Licence()), {"standard", "Be well behaved", {}});
  ASSERT_TRUE(on_licence) << on_licence.error().message;
  EXPECT_EQ(on_licence->start_date, "2026-01-15") << "starts on release by default";
  EXPECT_FALSE(on_licence->end_date);
  EXPECT_TRUE(CheckNewLicenceCondition(Added(Pss()), {"additional", "Drug testing", {}}));

  const struct {
    const char* why;
    Sentence on;
    NewLicenceCondition in;
    const char* field;
  } cases[] = {
      {"on a community order", Added(Order()), {"standard", "x", {}}, "sentence_id"},
      {"on a suspended order", Added(Suspended()), {"standard", "x", {}}, "sentence_id"},
      {"unknown type", Added(Licence()), {"optional", "x", {}}, "type"},
      {"no description", Added(Licence()), {"bespoke", " ", {}}, "description"},
      {"description over 2000",
       Added(Licence()),
       {"bespoke", std::string(2001, 'a'), {}},
       "description"},
      {"starts before release", Added(Licence()), {"bespoke", "x", "2026-01-14"}, "start_date"},
      {"start not a date", Added(Licence()), {"bespoke", "x", "01/02/2026"}, "start_date"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    auto r = CheckNewLicenceCondition(c.on, c.in);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::kInvalid);
    EXPECT_EQ(r.error().field, c.field) << r.error().message;
  }
  EXPECT_TRUE(
      CheckNewLicenceCondition(Added(Licence()), {"bespoke", std::string(2000, 'a') + "", {}}));
  EXPECT_TRUE(CheckNewLicenceCondition(Added(Licence()), {"bespoke", "Line one\nLine two", {}}));
}

TEST(EndLicenceCondition, EndsOnceWithinItsDates) {
  LicenceCondition c{4, 7, "additional", "No contact with the victim", "2026-01-15", {}, 1};
  auto ended = EndLicenceCondition(c, "2026-06-01", kToday);
  ASSERT_TRUE(ended);
  EXPECT_EQ(ended->end_date, "2026-06-01");
  EXPECT_EQ(EndLicenceCondition(c, "2026-01-14", kToday).error().field, "end_date");
  EXPECT_EQ(EndLicenceCondition(c, "2026-11-24", kToday).error().field, "end_date");
  EXPECT_EQ(EndLicenceCondition(*ended, "2026-06-02", kToday).error().code,
            "licence_condition_not_active");
  LicenceCondition later{5, 7, "standard", "Reside at approved premises", "2027-01-10", {}, 1};
  EXPECT_TRUE(EndLicenceCondition(later, "2027-01-10", kToday)) << "withdrawn before it started";
}

TEST(EndWithSentence, EndsWhatIsActiveOnTheTerminationDate) {
  const auto r = EndWithSentence(Upw(), "2026-11-01");
  EXPECT_EQ(r.status, "terminated");
  EXPECT_EQ(r.end_date, "2026-11-01");
  EXPECT_EQ(r.end_reason, "sentence_ended");
  const auto completed = *RecordProgress(Upw(120, 100), 120, kToday);
  EXPECT_EQ(EndWithSentence(completed, "2026-11-01").status, "completed") << "already ended";

  LicenceCondition c{4, 7, "additional", "No contact", "2026-01-15", {}, 1};
  EXPECT_EQ(EndWithSentence(c, "2026-11-01").end_date, "2026-11-01");
  LicenceCondition later{5, 7, "standard", "Reside", "2027-01-10", {}, 1};
  EXPECT_EQ(EndWithSentence(later, "2026-11-01").end_date, "2027-01-10")
      << "never before its own start";
}

}  // namespace
}  // namespace probity::cases

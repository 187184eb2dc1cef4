// The breach and recall pages over HTTP with the application's own router, on both backends:
// breach proceedings begun on the decision page and carried through summons, listing, outcome
// and end on the breach page (each step then shown, the enforcement tab linking to it); a step
// out of order, a date that is not one and a stale version refused with the error summary and
// nothing written; a recall for someone at MAPPA level 2 endorsed by the SPO (a refusal without
// its note refused first) and a senior manager, sent, decided by the recall team (fixed-term not
// offered, and refused with its reason when asked for) and the person returned to custody; the
// recall team's list and home, and who may not see it.
#include <gtest/gtest.h>

#include <regex>

#include "page_client.h"

namespace probity {
namespace {

using nlohmann::json;
using testing::ClientResponse;

constexpr const char* kCrn = "X400002";
const std::string kApi = std::string("/api/v1/people/") + kCrn;
const std::string kPage = std::string("/people/") + kCrn;
constexpr const char* kCourt = "Tyneside Magistrates Court";

bool Has(const ClientResponse& r, const std::string& text) {
  return r.body.find(text) != std::string::npos;
}
void ExpectIn(const ClientResponse& r, std::initializer_list<std::string> texts) {
  for (const auto& text : texts) EXPECT_TRUE(Has(r, text)) << text << "\n" << r.body;
}
void ExpectNotIn(const ClientResponse& r, std::initializer_list<std::string> texts) {
  for (const auto& text : texts) EXPECT_FALSE(Has(r, text)) << text;
}

// The version in the first form of a page.
std::string VersionOf(const ClientResponse& r) {
  std::smatch m;
  return std::regex_search(r.body, m, std::regex(R"(name="version" value="(\d+)\")")) ? m[1].str()
                                                                                      : "";
}

class ProceedingsPagesTest : public testing::PageTest {
 protected:
  void SetUp() override {
    PageTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    At("2026-10-01T09:00:00.000000Z");
    AddDale(kCrn);
    if (HasFatalFailure()) return;
    AddAccount("demo.recall", access::Role::kRecallTeam);
  }

  // Posts a step's form from the page as `user` now shows it (its version); follows the
  // redirect when it is recorded.
  ClientResponse Record(const std::string& user, const std::string& page,
                        std::vector<std::pair<std::string, std::string>> fields) {
    fields.insert(fields.begin(), {"version", VersionOf(GetAs(user, page))});
    const auto r = PostAs(user, page + "/steps", std::move(fields));
    EXPECT_EQ(r.status, 303) << r.body;
    if (r.status != 303) return r;
    EXPECT_TRUE(r.Header("Location").starts_with(page + "?recorded=")) << r.Header("Location");
    return GetAs(user, r.Header("Location"));
  }

  int64_t AddSentence(json body) {
    const auto r = As("demo.po1", "POST", kApi + "/sentences", body);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.Json()["id"].get<int64_t>() : 0;
  }

  // An unacceptable failure to attend at `uk_time` (winter: UTC); the clock ends an hour after.
  int64_t Fail(int64_t sentence, const std::string& uk_time) {
    const int64_t id = RecordFailure(kCrn, sentence, uk_time);
    sessions_.clear();
    return id;
  }

  // Breach proceedings begun on the decision page after a warning; returns the breach page.
  std::string BeginBreach() {
    const int64_t order = AddSentence({{"kind", "community_order"},
                                       {"court", kCourt},
                                       {"offence", "Theft from a shop"},
                                       {"offence_group", "theft_non_motor"},
                                       {"sentence_date", "2026-09-01"},
                                       {"length_months", 12}});
    const int64_t first = Fail(order, "2026-11-02T10:00");
    EXPECT_EQ(As("demo.po1", "POST", kApi + "/enforcement/decisions",
                 {{"sentence_id", order}, {"appointment_id", first}, {"kind", "warning_issued"}})
                  .status,
              201);
    const int64_t second = Fail(order, "2026-11-09T10:00");
    const auto decided =
        PostAs("demo.po1",
               kPage + "/enforcement/decisions/new?sentence=" + std::to_string(order) +
                   "&appointment=" + std::to_string(second),
               {{"kind", "breach_initiated"}, {"rationale", ""}});
    EXPECT_EQ(decided.status, 303) << decided.body;
    const auto list = As("demo.po1", "GET", kApi + "/breaches");
    EXPECT_EQ(list.Json()["items"].size(), 1u) << list.body;
    return kPage + "/breaches/" + std::to_string(list.Json()["items"][0]["id"].get<int64_t>());
  }
};

TEST_P(ProceedingsPagesTest, ABreachIsCarriedFromInitiationToItsEndThroughThePages) {
  const std::string breach = BeginBreach();
  ASSERT_FALSE(HasFatalFailure());
  const auto tab = GetAs("demo.po1", kPage + "/enforcement");
  ExpectIn(tab, {"<a class=\"govuk-link\" href=\"" + breach +
                 "\">Breach proceedings initiated on 9 November 2026: initiated</a>"});

  // Before a summons or warrant, no listing is offered, and the only outcome is a withdrawal.
  At("2026-11-12T09:00:00.000000Z");
  const auto opened = GetAs("demo.enforcement", breach);
  ASSERT_EQ(opened.status, 200) << opened.body;
  ExpectIn(opened, {"Breach proceedings initiated", "Priya Okafor", "value=\"summons_issued\"",
                    "value=\"warrant_issued\"", "value=\"outcome_recorded\"", "value=\"withdrawn\"",
                    "Record the next step"});
  ExpectNotIn(opened, {"value=\"court_listed\"", "value=\"fine\"", "value=\"ended\""});

  auto page = Record("demo.enforcement", breach, {{"kind", "summons_issued"}});
  ExpectIn(page,
           {"Recorded: Summons issued.", "Summons issued", "Erin Walsh",
            "<time datetime=\"2026-11-12\">12 November 2026</time>", "value=\"court_listed\""});

  page = Record("demo.enforcement", breach,
                {{"kind", "court_listed"},
                 {"listed_for_day", "26"},
                 {"listed_for_month", "11"},
                 {"listed_for_year", "2026"},
                 {"court", kCourt}});
  ExpectIn(page, {"Recorded: Listed at court.",
                  std::string("Hearing on 26 November 2026 at ") + kCourt, "value=\"fine\""});

  At("2026-11-26T15:00:00.000000Z");
  page = Record("demo.po1", breach,
                {{"kind", "outcome_recorded"},
                 {"outcome", "amended"},
                 {"note", "Ten more hours of unpaid work"},
                 {"on_day", "26"},
                 {"on_month", "11"},
                 {"on_year", "2026"}});
  ExpectIn(page, {"Order amended", "Ten more hours of unpaid work", "value=\"ended\""});
  ExpectNotIn(page, {"value=\"summons_issued\""});

  page = Record("demo.po1", breach, {{"kind", "ended"}});
  ExpectIn(page, {"Recorded: Breach proceedings ended.", "govuk-tag--grey\">Ended</strong>",
                  "Court outcome recorded", "Listed at court", "Summons issued"});
  ExpectNotIn(page, {"Record the next step"});
  EXPECT_EQ(As("demo.po1", "GET", kApi + "/breaches").Json()["items"][0]["steps"].size(), 5u);
  ExpectIn(GetAs("demo.po1", kPage + "/enforcement"),
           {"ended on 26 November 2026: amended</a>", "href=\"" + breach + "\""});
}

TEST_P(ProceedingsPagesTest, AStepOutOfOrderIsRefusedWithTheErrorShownAndNothingWritten) {
  const std::string breach = BeginBreach();
  ASSERT_FALSE(HasFatalFailure());
  At("2026-11-12T09:00:00.000000Z");
  const std::string version = VersionOf(GetAs("demo.po1", breach));
  const int64_t before = Events();

  // A listing before any summons or warrant (not offered; posted anyway).
  auto r = PostAs("demo.po1", breach + "/steps",
                  {{"version", version},
                   {"kind", "court_listed"},
                   {"listed_for_day", "26"},
                   {"listed_for_month", "11"},
                   {"listed_for_year", "2026"},
                   {"court", kCourt}});
  EXPECT_EQ(r.status, 409) << r.body;
  ExpectIn(r, {"<title>Error: ", "There is a problem",
               "<a href=\"#kind\">A summons or warrant brings the person to court: record it "
               "before the listing</a>",
               "value=\"summons_issued\""});
  // A date that is not one, and a listing without its court: beside their fields.
  r = PostAs("demo.po1", breach + "/steps",
             {{"version", version},
              {"kind", "summons_issued"},
              {"on_day", "31"},
              {"on_month", "2"},
              {"on_year", "2026"}});
  EXPECT_EQ(r.status, 400);
  ExpectIn(r, {"<a href=\"#on\">Enter a real date, such as 12 11 2026</a>", "value=\"31\""});
  r = PostAs("demo.po1", breach + "/steps", {{"version", version}, {"kind", ""}});
  EXPECT_EQ(r.status, 400);
  ExpectIn(r, {"<a href=\"#kind\">Select the step to record</a>"});
  EXPECT_EQ(Events(), before);
  EXPECT_EQ(As("demo.po1", "GET", kApi + "/breaches").Json()["items"][0]["steps"].size(), 1u);

  // Someone moved it on meanwhile: a conflict, shown as it now is.
  ASSERT_EQ(
      PostAs("demo.po1", breach + "/steps", {{"version", version}, {"kind", "summons_issued"}})
          .status,
      303);
  Session("demo.enforcement");  // signing in is an event of its own
  const int64_t after = Events();
  r = PostAs("demo.enforcement", breach + "/steps",
             {{"version", version}, {"kind", "warrant_issued"}});
  EXPECT_EQ(r.status, 409);
  ExpectIn(r, {"<a href=\"#steps\">Someone else recorded a step on these proceedings meanwhile",
               "Summons issued"});
  EXPECT_EQ(Events(), after);
  // The recall team works on recalls sent to it, and cannot see this case at all.
  EXPECT_EQ(GetAs("demo.recall", breach).status, 404);
}

TEST_P(ProceedingsPagesTest, ARecallIsEndorsedSentDecidedAndThePersonReturnedToCustody) {
  ASSERT_EQ(As("demo.po1", "POST", kApi + "/registrations",
               {{"type", "mappa"}, {"level", "2"}, {"category", "2"}, {"start_date", "2026-01-01"}})
                .status,
            201);
  const int64_t licence = AddSentence({{"kind", "licence"},
                                       {"court", "Newcastle Crown Court"},
                                       {"offence", "Robbery"},
                                       {"offence_group", "robbery"},
                                       {"sentence_date", "2024-05-01"},
                                       {"length_months", 48},
                                       {"release_date", "2026-09-01"},
                                       {"licence_end", "2028-05-01"},
                                       {"custody_type", "standard"}});
  const auto condition =
      As("demo.po1", "POST", kApi + "/sentences/" + std::to_string(licence) + "/licence-conditions",
         {{"type", "additional"},
          {"description", "Reside at an approved address"},
          {"start_date", "2026-09-01"}});
  ASSERT_EQ(condition.status, 201) << condition.body;
  const int64_t condition_id = condition.Json()["id"];
  Fail(licence, "2026-11-02T10:00");
  Fail(licence, "2026-11-09T10:00");
  const int64_t third = Fail(licence, "2026-11-16T10:00");
  const auto decided = As("demo.po1", "POST", kApi + "/enforcement/decisions",
                          {{"sentence_id", licence},
                           {"appointment_id", third},
                           {"kind", "recall_requested"},
                           {"reasons", "Whereabouts unknown; left approved premises"},
                           {"alternatives_tried", "Curfew tightened; final warning letter"},
                           {"conditions_breached", json::array({condition_id})}});
  ASSERT_EQ(decided.status, 201) << decided.body;
  const std::string recall =
      kPage + "/recalls/" +
      std::to_string(
          As("demo.po1", "GET", kApi + "/recalls").Json()["items"][0]["id"].get<int64_t>());

  At("2026-11-17T09:00:00.000000Z");
  ExpectIn(GetAs("demo.po1", kPage + "/enforcement"), {"href=\"" + recall + "\""});
  auto page = GetAs("demo.po1", recall);
  ASSERT_EQ(page.status, 200) << page.body;
  ExpectIn(page,
           {"Whereabouts unknown; left approved premises", "Curfew tightened; final warning letter",
            "Reside at an approved address", "Recall requested",
            "<strong class=\"govuk-tag govuk-tag--red\">Not open</strong> Managed at MAPPA "
            "level 2"});
  ExpectNotIn(page, {"Send to the recall team</button>", "Record endorsement"});

  // The SPO endorses; a senior manager refusing without a note is refused, then endorses.
  page = GetAs("demo.spo1", recall);
  ExpectIn(page, {"Endorse the recall request as the SPO"});
  page = Record("demo.spo1", recall, {{"step", "endorsement"}, {"endorsed", "yes"}});
  ExpectIn(page, {"Recorded: Recall endorsed by the SPO.", "Sandra Price"});
  ExpectNotIn(page, {"Record endorsement"});
  const std::string endorsed = VersionOf(GetAs("demo.manager1", recall));
  const int64_t before = Events();
  auto r =
      PostAs("demo.manager1", recall + "/steps",
             {{"version", endorsed}, {"step", "endorsement"}, {"endorsed", "no"}, {"note", ""}});
  EXPECT_EQ(r.status, 400) << r.body;
  ExpectIn(r, {"<a href=\"#endorsement-note\">Enter why you do not endorse the recall</a>",
               "value=\"no\" checked"});
  EXPECT_EQ(Events(), before);
  page = Record("demo.manager1", recall, {{"step", "endorsement"}, {"endorsed", "yes"}});
  ExpectIn(page, {"Recall endorsed by a senior manager", "Martin Reid"});

  page = Record("demo.po1", recall, {{"step", "sent"}});
  ExpectIn(page, {"Recorded: Recall sent to the recall team."});

  // The recall team's list, home and navigation; not the worklist; not for a practitioner.
  const auto list = GetAs("demo.recall", "/recalls");
  ASSERT_EQ(list.status, 200) << list.body;
  ExpectIn(list, {"href=\"" + recall + "\">Dale Robson</a>", kCrn, "href=\"/recalls\">Recalls</a>",
                  "17 November 2026"});
  ExpectNotIn(list, {"href=\"/enforcement/worklist\""});
  EXPECT_EQ(GetAs("demo.recall", "/enforcement/worklist").status, 403);
  EXPECT_EQ(GetAs("demo.recall", "/").Header("Location"), "/recalls");
  EXPECT_EQ(GetAs("demo.po1", "/recalls").status, 403);
  ExpectNotIn(GetAs("demo.po1", "/caseload"), {"href=\"/recalls\""});

  // Fixed-term recall is not offered, and refused with its reason when asked for.
  page = GetAs("demo.recall", recall);
  ExpectIn(page, {"Fixed-term recall is not open: Managed at MAPPA level 2.", "value=\"standard\"",
                  "value=\"not_recalled\""});
  ExpectNotIn(page, {"value=\"fixed_term\""});
  const int64_t sent = Events();
  r = PostAs("demo.recall", recall + "/steps",
             {{"version", VersionOf(page)},
              {"step", "decision"},
              {"decision", "fixed_term"},
              {"note", "28 days would do"}});
  EXPECT_EQ(r.status, 400) << r.body;
  ExpectIn(r, {"<a href=\"#decision\">Fixed-term recall is not open to someone managed at MAPPA "
               "level 2",
               "28 days would do"});
  EXPECT_EQ(Events(), sent);
  page = Record("demo.recall", recall,
                {{"step", "decision"},
                 {"decision", "standard"},
                 {"note", "Risk cannot be managed in the community"}});
  ExpectIn(page, {"Recorded: Recall decided.", "Standard recall",
                  "Risk cannot be managed in the community", "Returned to custody"});
  EXPECT_TRUE(Has(GetAs("demo.recall", "/recalls"), "No recall requests are awaiting a decision"));
  ExpectIn(GetAs("demo.recall", "/recalls?status=decided"),
           {"href=\"" + recall + "\">Dale Robson</a>", "Standard recall"});

  At("2026-11-19T09:00:00.000000Z");
  page = Record("demo.recall", recall, {{"step", "returned_to_custody"}});
  ExpectIn(page, {"Recorded: Returned to custody.", "govuk-tag--grey\">Ended</strong>",
                  "<time datetime=\"2026-11-19\">19 November 2026</time>"});
  ExpectNotIn(page, {"Record the return to custody</button>"});
  EXPECT_EQ(As("demo.po1", "GET", kApi + "/recalls").Json()["items"][0]["steps"].size(), 6u);
}

PROBITY_ON_BOTH_BACKENDS(ProceedingsPagesTest);

}  // namespace
}  // namespace probity

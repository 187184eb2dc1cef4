// The enforcement pages over HTTP with the application's own router, on both backends: an
// unacceptable failure recorded on a community order raises an alert the worklist shows (due,
// then due today, then overdue), filtered by team, officer and overdue only, restricted cases
// absent; the decision form refusing a decision not to enforce without its rationale (keeping what
// was typed), then recording it; the alert awaiting countersignature until the SPO countersigns,
// then gone from the worklist; declining with a note; who may countersign (403 for a
// practitioner) and who sees the worklist (403 for the recall team); the caseload's open alerts.
// The clock starts fixed at Monday 23 November 2026, 09:00 GMT.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <regex>

#include "core/uk_time.h"
#include "page_client.h"
#include "web/pages/page.h"

namespace probity {
namespace {

using nlohmann::json;
using testing::ClientResponse;
using testing::Form;

constexpr auto npos = std::string::npos;
const std::string kWorklist = "/enforcement/worklist";
const std::string kEnforcement = "/people/X123456/enforcement";

bool Has(const ClientResponse& r, const std::string& text) { return r.body.find(text) != npos; }

void ExpectIn(const ClientResponse& r, std::initializer_list<std::string> texts) {
  for (const auto& text : texts) EXPECT_TRUE(Has(r, text)) << text;
}

// The first capture of `pattern` in the page; "" when it is not there.
std::string Find(const ClientResponse& r, const std::string& pattern) {
  std::smatch m;
  return std::regex_search(r.body, m, std::regex(pattern)) ? m[1].str() : "";
}

class EnforcementPagesTest : public testing::PageTest {
 protected:
  void SetUp() override {
    PageTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    AddCase("X123456", "Sam", "Fielding");
    if (HasFatalFailure()) return;
    sentence_id_ = AddOrder("X123456");
  }

  int64_t AddOrder(const std::string& crn) {
    const auto sentence = As("demo.po1", "POST", "/api/v1/people/" + crn + "/sentences",
                             {{"kind", "community_order"},
                              {"court", "Newcastle Magistrates' Court"},
                              {"offence", "Theft from a shop"},
                              {"offence_group", "theft_non_motor"},
                              {"sentence_date", "2026-11-20"},
                              {"length_months", 12}});
    EXPECT_EQ(sentence.status, 201) << sentence.body;
    return sentence.status == 201 ? sentence.Json()["id"].get<int64_t>() : 0;
  }

  // Books a supervision appointment on the order at `uk_time` (booked the day before), then
  // records it an hour later as an unacceptable failure to attend. Returns the appointment's id.
  int64_t Failure(const std::string& crn, int64_t sentence_id, const std::string& uk_time) {
    const int64_t id = RecordFailure(crn, sentence_id, uk_time);
    sessions_.clear();
    return id;
  }

  std::string DecisionForm(int64_t appointment) const {
    return kEnforcement + "/decisions/new?sentence=" + std::to_string(sentence_id_) +
           "&appointment=" + std::to_string(appointment);
  }
  // The link to the form as the page writes it (HTML-escaped).
  std::string DecisionLink(int64_t appointment) const {
    const std::string url = DecisionForm(appointment);
    const auto amp = url.find('&');
    return "href=\"" + url.substr(0, amp) + "&amp;" + url.substr(amp + 1) + "\"";
  }
  std::string Anchor(int64_t appointment) const {
    return "alert-" + std::to_string(sentence_id_) + "-" + std::to_string(appointment);
  }

  int64_t sentence_id_ = 0;
};

TEST_P(EnforcementPagesTest, TheWorklistShowsTheAlertOfAnUnacceptableFailureThenItIsOverdue) {
  const int64_t failed = Failure("X123456", sentence_id_, "2026-11-23T10:00");
  const auto list = GetAs("demo.po1", kWorklist);
  ASSERT_EQ(list.status, 200) << list.body;
  // A first failure on an order: a warning, due 10 working days later.
  ExpectIn(list,
           {"href=\"/enforcement/worklist\">Enforcement</a>",
            "<h1 class=\"govuk-heading-l\">Enforcement worklist</h1>",
            "<time datetime=\"2026-12-07\">7 December 2026</time>",
            "href=\"" + kEnforcement + "#" + Anchor(failed) + "\">Fielding, Sam</a>", "X123456",
            "23 November 2026: Supervision appointment", "1st unacceptable failure. Warning",
            "govuk-tag--blue\">Open</strong>", "Priya Okafor", "NE-TYN-A", DecisionLink(failed)});
  EXPECT_FALSE(Has(list, "Overdue</strong>"));

  // The person's tab shows the alert at its anchor, and the caseload counts it.
  const auto tab = GetAs("demo.po1", kEnforcement);
  ASSERT_EQ(tab.status, 200) << tab.body;
  ExpectIn(tab, {"aria-current=\"page\" href=\"" + kEnforcement + "\">Enforcement</a>",
                 "id=\"" + Anchor(failed) + "\"", "1 since", "Warning stage",
                 "Community order: Theft from a shop (sentenced 20 November 2026)"});
  const auto caseload = GetAs("demo.po1", "/caseload");
  EXPECT_TRUE(Has(caseload, "govuk-tag--red\">1</strong>")) << caseload.body;

  At("2026-12-07T09:00:00.000000Z");
  EXPECT_TRUE(Has(GetAs("demo.po1", kWorklist), "govuk-tag--orange\">Due today</strong>"));
  At("2026-12-08T09:00:00.000000Z");
  const auto late = GetAs("demo.po1", kWorklist);
  EXPECT_TRUE(Has(late, "govuk-tag--red\">Overdue</strong>"));
  EXPECT_TRUE(Has(GetAs("demo.po1", kEnforcement), "govuk-tag--red\">Overdue</strong>"));
}

TEST_P(EnforcementPagesTest, FiltersByTeamOfficerAndOverdueAndHidesRestrictedCases) {
  AddCase("X654321", "Alex", "Moor");
  ASSERT_FALSE(HasFatalFailure());
  const int64_t other_sentence = AddOrder("X654321");
  Failure("X123456", sentence_id_, "2026-11-23T10:00");    // due 7 December
  Failure("X654321", other_sentence, "2026-11-30T10:00");  // due 14 December
  At("2026-12-08T09:00:00.000000Z");

  const auto all = GetAs("demo.manager1", kWorklist);
  ASSERT_EQ(all.status, 200) << all.body;
  const auto first = all.body.find("Fielding, Sam"), second = all.body.find("Moor, Alex");
  ASSERT_NE(first, npos);
  ASSERT_NE(second, npos);
  EXPECT_LT(first, second) << "the earliest due first";
  ExpectIn(all, {"<option value=\"NE-TYN-A\">", "<option value=\"NE-TYN-B\">"});
  const std::string priya = Find(all, "<option value=\"(\\d+)\">Priya Okafor</option>");
  const std::string sandra = Find(all, "<option value=\"(\\d+)\">Sandra Price</option>");
  ASSERT_FALSE(priya.empty());
  ASSERT_FALSE(sandra.empty());

  const auto overdue = GetAs("demo.manager1", kWorklist + "?overdue=1");
  EXPECT_TRUE(Has(overdue, "Fielding, Sam"));
  EXPECT_FALSE(Has(overdue, "Moor, Alex"));
  EXPECT_TRUE(
      Has(overdue, "id=\"overdue\" name=\"overdue\" type=\"checkbox\" value=\"1\" checked"));

  const auto mine = GetAs("demo.manager1", kWorklist + "?officer=" + priya);
  EXPECT_TRUE(Has(mine, "Fielding, Sam"));
  EXPECT_TRUE(Has(mine, "Moor, Alex"));
  EXPECT_TRUE(Has(mine, "<option value=\"" + priya + "\" selected>Priya Okafor</option>"));
  const auto none = GetAs("demo.manager1", kWorklist + "?officer=" + sandra);
  EXPECT_TRUE(Has(none, "No open alerts match these filters."));

  const auto team_a = GetAs("demo.manager1", kWorklist + "?team=NE-TYN-A&overdue=1");
  EXPECT_TRUE(Has(team_a, "Fielding, Sam"));
  EXPECT_FALSE(Has(team_a, "Moor, Alex"));
  EXPECT_TRUE(Has(GetAs("demo.manager1", kWorklist + "?team=NE-TYN-B"),
                  "No open alerts match these filters."));
  const auto wrong = GetAs("demo.manager1", kWorklist + "?team=NE-DUR-A");
  EXPECT_EQ(wrong.status, 400);
  EXPECT_TRUE(Has(wrong, "<a href=\"#team\">Select a team from the list</a>"));

  // Excluded from a case, the enforcement administrator never sees it listed.
  ASSERT_EQ(As("demo.spo1", "POST", "/api/v1/people/X654321/exclusions",
               {{"username", "demo.enforcement"}, {"reason", "relative"}})
                .status,
            201);
  const auto admin = GetAs("demo.enforcement", kWorklist);
  ASSERT_EQ(admin.status, 200);
  EXPECT_TRUE(Has(admin, "Fielding, Sam"));
  EXPECT_FALSE(Has(admin, "Moor, Alex"));
  EXPECT_FALSE(Has(admin, "X654321"));
  EXPECT_EQ(GetAs("demo.enforcement", "/people/X654321/enforcement").status, 404);
  // Another PDU's practitioner sees none of it.
  EXPECT_TRUE(Has(GetAs("demo.po2", kWorklist), "There are no open alerts."));
}

TEST_P(EnforcementPagesTest, NotEnforcedAwaitsTheSposCountersignatureThenLeavesTheWorklist) {
  const int64_t failed = Failure("X123456", sentence_id_, "2026-11-23T10:00");
  At("2026-11-24T09:00:00.000000Z");
  const auto form = GetAs("demo.po1", DecisionForm(failed));
  ASSERT_EQ(form.status, 200) << form.body;
  ExpectIn(form, {"value=\"warning_issued\"", "value=\"breach_initiated\"",
                  "value=\"not_enforced\"", "value=\"further_information\"", "id=\"alert-summary\"",
                  "1st unacceptable failure in the window"});
  EXPECT_FALSE(Has(form, "value=\"recall_requested\"")) << "an order is breached, not recalled";

  // Without its rationale: refused, keeping the choice; nothing written.
  const int64_t before = Events();
  const auto bare = PostAs("demo.po1", DecisionForm(failed), {{"kind", "not_enforced"}});
  EXPECT_EQ(bare.status, 400);
  ExpectIn(bare, {"<title>Error: Record an enforcement decision for Sam Fielding - Probity",
                  "<a href=\"#rationale\">Enter the professional judgement behind the decision "
                  "not to enforce</a>",
                  "<p id=\"rationale-error\" class=\"govuk-error-message\">",
                  "value=\"not_enforced\" checked"});
  // A response date that is no date: refused beside it, as typed.
  const auto odd = PostAs("demo.po1", DecisionForm(failed),
                          {{"kind", "further_information"},
                           {"respond_by_day", "31"},
                           {"respond_by_month", "2"},
                           {"respond_by_year", "2027"},
                           {"rationale", "Asked to explain."}});
  EXPECT_EQ(odd.status, 400);
  ExpectIn(odd, {"<a href=\"#respond_by\">Enter a real date", "value=\"31\"",
                 ">Asked to explain.</textarea>"});
  EXPECT_EQ(Events(), before);

  const std::string rationale = "Admitted to hospital that morning; evidence seen.";
  const auto decided = PostAs("demo.po1", DecisionForm(failed),
                              {{"kind", "not_enforced"}, {"rationale", rationale}});
  ASSERT_EQ(decided.status, 303) << decided.body;
  EXPECT_EQ(decided.Header("Location"), kEnforcement + "?decided=not_enforced#" + Anchor(failed));
  const auto tab = GetAs("demo.po1", decided.Header("Location"));
  ExpectIn(tab, {"id=\"enforcement-done\"", "Not enforced on professional judgement",
                 "govuk-tag--purple\">Awaiting countersignature</strong>", rationale,
                 "Awaiting countersignature by an SPO of the case"});
  EXPECT_FALSE(Has(tab, "/countersign\"")) << "the author does not countersign";
  EXPECT_FALSE(Has(tab, DecisionLink(failed))) << "no second decision now";
  EXPECT_TRUE(Has(GetAs("demo.po1", kWorklist), "Awaiting countersignature</strong>"))
      << "until countersigned the alert stays open";
  EXPECT_EQ(GetAs("demo.po1", DecisionForm(failed)).status, 409);

  // The practitioner may not countersign, even by sending the form.
  const std::string decision = Find(tab, "id=\"decision-(\\d+)\"");
  ASSERT_FALSE(decision.empty());
  const std::string countersign = kEnforcement + "/decisions/" + decision + "/countersign";
  const int64_t decided_at = Events();
  EXPECT_EQ(PostAs("demo.po1", countersign, {{"version", "1"}}).status, 403);
  EXPECT_EQ(Events(), decided_at);

  const auto spo = GetAs("demo.spo1", kEnforcement);
  ASSERT_EQ(spo.status, 200);
  ExpectIn(spo, {"action=\"" + countersign + "\"", "name=\"version\" value=\"1\"",
                 ">Countersign<span class=\"govuk-visually-hidden\">"});
  const auto signed_off = PostAs("demo.spo1", countersign, {{"version", "1"}});
  ASSERT_EQ(signed_off.status, 303) << signed_off.body;
  EXPECT_EQ(signed_off.Header("Location"),
            kEnforcement + "?countersigned=" + decision + "#decision-" + decision);
  const auto after = GetAs("demo.spo1", signed_off.Header("Location"));
  ExpectIn(after, {"Decision countersigned.", "Countersigned by</dt>", "Sandra Price",
                   "govuk-tag--grey\">Closed</strong>"});

  EXPECT_TRUE(Has(GetAs("demo.po1", kWorklist), "There are no open alerts."));
  EXPECT_FALSE(Has(GetAs("demo.po1", "/caseload"), "govuk-tag--red\">1</strong>"));

  // The same form again is stale: the page shows the decision as it now is.
  const auto again = PostAs("demo.spo1", countersign, {{"version", "1"}});
  EXPECT_EQ(again.status, 409);
  ExpectIn(again, {"<a href=\"#decision-" + decision + "\">Someone else answered this decision",
                   "Countersigned by</dt>"});
}

TEST_P(EnforcementPagesTest, DecliningNeedsANoteThenTheFailureAwaitsADecisionAgain) {
  const int64_t failed = Failure("X123456", sentence_id_, "2026-11-23T10:00");
  ASSERT_EQ(PostAs("demo.po1", DecisionForm(failed),
                   {{"kind", "not_enforced"}, {"rationale", "A one-off."}})
                .status,
            303);
  const auto tab = GetAs("demo.spo1", kEnforcement);
  const std::string decision = Find(tab, "id=\"decision-(\\d+)\"");
  ASSERT_FALSE(decision.empty());
  const std::string decline = kEnforcement + "/decisions/" + decision + "/decline";
  const auto bare = PostAs("demo.spo1", decline, {{"version", "1"}, {"note", " "}});
  EXPECT_EQ(bare.status, 400);
  ExpectIn(bare, {"<a href=\"#decline-note-" + decision +
                      "\">Enter why you are declining the decision</a>",
                  "id=\"decline-note-" + decision + "-error\""});

  const auto declined =
      PostAs("demo.spo1", decline, {{"version", "1"}, {"note", "Third absence this month: warn."}});
  ASSERT_EQ(declined.status, 303) << declined.body;
  const auto after = GetAs("demo.po1", declined.Header("Location"));
  ExpectIn(after, {"Decision declined.", "govuk-tag--red\">Declined</strong>",
                   "Third absence this month: warn.", "govuk-tag--blue\">Open</strong>",
                   DecisionLink(failed)});
  ExpectIn(GetAs("demo.po1", kWorklist), {"govuk-tag--blue\">Open</strong>"});
}

TEST_P(EnforcementPagesTest, TheRecallTeamHasNoWorklistAndMakesNoDecisionsHere) {
  const int64_t failed = Failure("X123456", sentence_id_, "2026-11-23T10:00");
  AddAccount("demo.recall", access::Role::kRecallTeam);
  const auto list = GetAs("demo.recall", kWorklist);
  EXPECT_EQ(list.status, 403);
  EXPECT_FALSE(Has(list, "Fielding"));
  EXPECT_FALSE(Has(list, "href=\"/enforcement/worklist\""));
  // No recall has been sent on the case: to the recall team it does not exist.
  EXPECT_EQ(GetAs("demo.recall", DecisionForm(failed)).status, 404);
  const auto posted =
      PostAs("demo.recall", DecisionForm(failed), {{"kind", "not_enforced"}, {"rationale", "No."}});
  EXPECT_EQ(posted.status, 404);
  // The enforcement administrator sees the worklist and decides.
  ExpectIn(GetAs("demo.enforcement", kWorklist), {"Fielding, Sam"});
  EXPECT_EQ(GetAs("demo.enforcement", DecisionForm(failed)).status, 200);
  // Another team's practitioner finds no such case.
  EXPECT_EQ(GetAs("demo.po2", DecisionForm(failed)).status, 404);
  EXPECT_EQ(GetAs("demo.po2", kEnforcement).status, 404);
  // Unknown failures, and forms without their token.
  EXPECT_EQ(GetAs("demo.po1", kEnforcement + "/decisions/new?sentence=" +
                                  std::to_string(sentence_id_) + "&appointment=999999")
                .status,
            404);
  EXPECT_EQ(GetAs("demo.po1", kEnforcement + "/decisions/new").status, 404);
  const auto forged = PostForm(DecisionForm(failed), Form({{"kind", "warning_issued"}}),
                               {{"Cookie", Session("demo.po1").first}});
  EXPECT_EQ(forged.status, 403);
}

TEST_P(EnforcementPagesTest, ASecondDecisionNotToEnforceNeedsASeniorManagersEndorsement) {
  const int64_t first = Failure("X123456", sentence_id_, "2026-11-23T10:00");
  ASSERT_EQ(PostAs("demo.po1", DecisionForm(first),
                   {{"kind", "warning_issued"}, {"rationale", "Warning letter sent."}})
                .status,
            303);
  const int64_t second = Failure("X123456", sentence_id_, "2026-11-30T10:00");
  ASSERT_EQ(PostAs("demo.po1", DecisionForm(second),
                   {{"kind", "not_enforced"}, {"rationale", "Bereavement."}})
                .status,
            303);
  std::string decision = Find(GetAs("demo.spo1", kEnforcement), "id=\"decision-(\\d+)\"");
  ASSERT_EQ(PostAs("demo.spo1", kEnforcement + "/decisions/" + decision + "/countersign",
                   {{"version", "1"}})
                .status,
            303);
  const int64_t third = Failure("X123456", sentence_id_, "2026-12-07T10:00");
  ASSERT_EQ(PostAs("demo.po1", DecisionForm(third),
                   {{"kind", "not_enforced"}, {"rationale", "Hospital again."}})
                .status,
            303);
  decision = Find(GetAs("demo.spo1", kEnforcement), "id=\"decision-(\\d+)\"");
  const std::string base = kEnforcement + "/decisions/" + decision;
  ASSERT_EQ(PostAs("demo.spo1", base + "/countersign", {{"version", "1"}}).status, 303);
  const auto waiting = GetAs("demo.po1", kEnforcement);
  EXPECT_TRUE(Has(waiting, "govuk-tag--purple\">Awaiting endorsement</strong>"));
  EXPECT_TRUE(Has(GetAs("demo.po1", kWorklist), "Awaiting endorsement</strong>"));
  EXPECT_EQ(PostAs("demo.spo1", base + "/endorse", {{"version", "2"}}).status, 403);

  const auto manager = GetAs("demo.manager1", kEnforcement);
  ExpectIn(manager, {"action=\"" + base + "/endorse\"", "name=\"version\" value=\"2\""});
  const auto endorsed = PostAs("demo.manager1", base + "/endorse", {{"version", "2"}});
  ASSERT_EQ(endorsed.status, 303) << endorsed.body;
  ExpectIn(GetAs("demo.po1", endorsed.Header("Location")),
           {"Decision endorsed.", "Endorsed by</dt>", "Martin Reid"});
  EXPECT_FALSE(Has(GetAs("demo.po1", kWorklist), "Fielding, Sam"));
}

TEST_P(EnforcementPagesTest, ARationaleTypedWhenTheSessionEndsIsKeptForItsAuthor) {
  const int64_t failed = Failure("X123456", sentence_id_, "2026-11-23T10:00");
  const auto [cookie, csrf] = Session("demo.po1");
  // The session ends (as when it times out); the browser still sends its cookie.
  ASSERT_EQ(
      Send("DELETE", "/api/v1/session", "", {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}).status,
      204);
  sessions_.clear();
  const int64_t before = Events();
  const std::string rationale = "In hospital that morning; discharge letter seen.";
  const auto kept =
      PostForm(DecisionForm(failed),
               Form({{"csrf_token", csrf}, {"kind", "not_enforced"}, {"rationale", rationale}}),
               {{"Cookie", cookie}});
  EXPECT_EQ(kept.status, 303);
  EXPECT_EQ(kept.Header("Location"),
            "/sign-in?draft_kept=1&next=" + web::pages::UrlEncoded(DecisionForm(failed)));
  EXPECT_EQ(Events(), before) << "a draft is not a record";

  // Signed in again, the form offers it back, with the decision chosen; no one else sees it.
  const auto form = GetAs("demo.po1", DecisionForm(failed));
  ASSERT_EQ(form.status, 200) << form.body;
  ExpectIn(form,
           {"id=\"draft-kept\"", rationale + "</textarea>", "value=\"not_enforced\" checked"});
  EXPECT_FALSE(Has(GetAs("demo.spo1", DecisionForm(failed)), rationale));

  // Recorded, the draft is gone.
  const auto decided = PostAs("demo.po1", DecisionForm(failed),
                              {{"kind", "not_enforced"}, {"rationale", rationale}});
  EXPECT_EQ(decided.status, 303) << decided.body;
  EXPECT_GT(Events(), before);
  long long drafts = -1;
  auto tx = db_->BeginRead();
  tx.sql() << "SELECT COUNT(*) FROM draft", soci::into(drafts);
  EXPECT_EQ(drafts, 0);
}

PROBITY_ON_BOTH_BACKENDS(EnforcementPagesTest);

}  // namespace
}  // namespace probity

// Letters kept as documents on both backends: a decision that sends a letter (warning issued,
// licence compliance letter, breach initiated) keeps it on the case in its own transaction,
// filled from the record (name, address, CRN, sentence, the failures counted) and on the
// timeline; other decisions send none. The list, the printable page and the API answer; a hidden
// case is 404 everywhere; the database refuses to change or delete a document.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "app/letters.h"
#include "cases/store.h"
#include "page_client.h"
#include "store/event_log.h"

namespace probity {
namespace {

using nlohmann::json;
using testing::ClientResponse;

constexpr const char* kCrn = "X400001";
const std::string kApi = std::string("/api/v1/people/") + kCrn;
const std::string kPages = std::string("/people/") + kCrn;

class DocumentsTest : public testing::PageTest {
 protected:
  void SetUp() override {
    PageTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    clock_.Set(*ParseUtc("2026-10-01T09:00:00.000000Z"));
    AddCase(kCrn, "Jo", "Bloggs");
    if (HasFatalFailure()) return;
    const auto address = As("demo.po1", "POST", kApi + "/addresses",
                            {{"line1", "1 High Street"},
                             {"town", "Gateshead"},
                             {"postcode", "NE8 1AA"},
                             {"start_date", "2025-01-01"}});
    ASSERT_EQ(address.status, 201) << address.body;
  }

  int64_t AddSentence(const json& body) {
    const auto r = As("demo.po1", "POST", kApi + "/sentences", body);
    EXPECT_EQ(r.status, 201) << r.body;
    return json::parse(r.body)["id"];
  }
  int64_t AddOrder() {
    return AddSentence({{"kind", "community_order"},
                        {"court", "Newcastle Magistrates' Court"},
                        {"offence", "Theft from a shop"},
                        {"offence_group", "theft_non_motor"},
                        {"sentence_date", "2026-09-01"},
                        {"length_months", 12}});
  }
  int64_t AddLicence() {
    return AddSentence({{"kind", "licence"},
                        {"court", "Newcastle Crown Court"},
                        {"offence", "Robbery"},
                        {"offence_group", "robbery"},
                        {"sentence_date", "2024-05-01"},
                        {"length_months", 48},
                        {"release_date", "2026-09-01"},
                        {"licence_end", "2028-05-01"}});
  }

  // Books a supervision appointment at `uk_time` (winter: UTC) and records that the person failed
  // to attend it, judged unacceptable. The clock ends an hour after it.
  int64_t Fail(int64_t sentence, const std::string& uk_time) {
    return RecordFailure(kCrn, sentence, uk_time);
  }

  json Decide(int64_t sentence, int64_t appointment, const std::string& kind,
              const std::string& rationale = "", json extra = json::object()) {
    json body = {{"sentence_id", sentence}, {"appointment_id", appointment}, {"kind", kind}};
    if (!rationale.empty()) body["rationale"] = rationale;
    for (const auto& [k, v] : extra.items()) body[k] = v;
    const auto r = As("demo.po1", "POST", kApi + "/enforcement/decisions", body);
    EXPECT_EQ(r.status, 201) << r.body;
    return json::parse(r.body, nullptr, false);
  }

  json Documents(const std::string& who = "demo.po1") {
    const auto r = As(who, "GET", kApi + "/documents");
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body)["items"];
  }

  json Document(int64_t id) {
    const auto r = As("demo.po1", "GET", kApi + "/documents/" + std::to_string(id));
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body);
  }

  std::vector<store::EventRow> IssuedEvents() {
    auto tx = db_->BeginRead();
    std::vector<store::EventRow> out;
    for (auto& e : store::EventsForSubject(tx, kCrn))
      if (e.kind == "document.issued") out.push_back(e);
    return out;
  }
};

void ExpectHas(const std::string& text, const std::string& part) {
  EXPECT_NE(text.find(part), std::string::npos) << "no \"" << part << "\" in " << text;
}

TEST_P(DocumentsTest, AWarningDecisionKeepsAWarningLetterFilledFromTheRecord) {
  const int64_t order = AddOrder();
  const int64_t failure = Fail(order, "2026-11-02T10:00");
  const auto decision = Decide(order, failure, "warning_issued");

  const auto items = Documents();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0]["kind"], "warning_letter");
  EXPECT_EQ(items[0]["title"], "Warning letter: failure to comply on 2 November 2026");
  EXPECT_EQ(items[0]["decision_id"], decision["id"]);
  EXPECT_EQ(items[0]["sentence_id"], order);
  EXPECT_TRUE(items[0]["created_by"].get<std::string>().starts_with("staff:"));
  EXPECT_FALSE(items[0].contains("body"));

  const auto d = Document(items[0]["id"]);
  const std::string body = d["body"];
  for (const char* part :
       {"Jo Bloggs", kCrn, "1 High Street", "NE8 1AA", "2 November 2026", "10am",
        "Supervision appointment", "Failed to attend",
        "Community order made at Newcastle Magistrates&apos; Court", "Theft from a shop",
        "first unacceptable failure", "within 12 months", "returned to court"})
    ExpectHas(body, part);

  // On the timeline, by its event, which names it.
  const auto events = IssuedEvents();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].seq, d["event_seq"]);
  const auto payload = json::parse(events[0].payload);
  EXPECT_EQ(payload["id"], d["id"]);
  EXPECT_EQ(payload["kind"], "warning_letter");
  EXPECT_EQ(payload["decision_id"], decision["id"]);
  EXPECT_EQ(payload["sentence_id"], order);
  EXPECT_EQ(payload["title"], d["title"]);
  ExpectHas(As("demo.po1", "GET", kApi + "/timeline").body,
            "Letter issued: Warning letter: failure to comply on 2 November 2026");
}

TEST_P(DocumentsTest, ALicenceComplianceLetterWarnsOfRecall) {
  const int64_t licence = AddLicence();
  const int64_t first = Fail(licence, "2026-11-02T10:00");
  Decide(licence, first, "compliance_letter");
  const int64_t second = Fail(licence, "2026-11-09T14:30");
  Decide(licence, second, "compliance_letter");

  const auto items = Documents();
  ASSERT_EQ(items.size(), 2u);  // newest first
  EXPECT_EQ(items[0]["kind"], "compliance_letter");
  const std::string body = Document(items[0]["id"])["body"];
  for (const char* part : {"Jo Bloggs", kCrn, "Licence made at Newcastle Crown Court",
                           "released on 1 September 2026", "2 November 2026", "9 November 2026",
                           "2:30pm", "second unacceptable failure", "recall to prison"})
    ExpectHas(body, part);
}

TEST_P(DocumentsTest, ABreachLetterSaysTheMatterReturnsToCourtWithTheFailuresCounted) {
  const int64_t order = AddOrder();
  const int64_t first = Fail(order, "2026-11-02T10:00");
  Decide(order, first, "warning_issued");
  const int64_t second = Fail(order, "2026-11-09T10:00");
  Decide(order, second, "breach_initiated",
         "Second unacceptable absence within 12 months of a warning");

  const auto items = Documents();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0]["kind"], "breach_letter");
  EXPECT_EQ(items[1]["kind"], "warning_letter");
  const std::string body = Document(items[0]["id"])["body"];
  for (const char* part : {"2 November 2026", "9 November 2026", "1st", "2nd", "returned to court",
                           "summons", "Second unacceptable absence within 12 months of a warning"})
    ExpectHas(body, part);
}

TEST_P(DocumentsTest, OtherDecisionsSendNoLetter) {
  const int64_t order = AddOrder();
  const int64_t failure = Fail(order, "2026-11-02T10:00");
  Decide(order, failure, "further_information", "", {{"respond_by", "2026-11-10"}});
  EXPECT_TRUE(Documents().empty());

  // Directly: every kind without a letter issues nothing and writes nothing.
  app::CaseRef ref{0, kCrn, false};
  {
    auto tx = db_->BeginRead();
    ref.person_id = cases::FindPerson(tx, kCrn)->id;
  }
  const int64_t before = Events();
  for (auto kind :
       {enforcement::DecisionKind::kRecallRequested, enforcement::DecisionKind::kNotEnforced,
        enforcement::DecisionKind::kFurtherInformation,
        enforcement::DecisionKind::kAddedToProceedings}) {
    enforcement::DecisionRecord d;
    d.decision.kind = kind;
    d.decision.appointment_id = failure;
    d.person_id = ref.person_id;
    d.sentence_id = order;
    auto tx = db_->BeginWrite();
    const auto id = app::IssueLetter(tx, {"staff:1", std::nullopt}, ref, d, clock_.Now());
    ASSERT_TRUE(id);
    EXPECT_EQ(*id, 0) << enforcement::ToString(kind);
    tx.Commit();
  }
  EXPECT_EQ(Events(), before);
  EXPECT_TRUE(Documents().empty());
}

TEST_P(DocumentsTest, ThePagesListAndPrintTheLetter) {
  const int64_t order = AddOrder();
  Decide(order, Fail(order, "2026-11-02T10:00"), "warning_issued");
  const int64_t id = Documents()[0]["id"];
  const auto [cookie, csrf] = SignIn("demo.po1");

  const auto list = Get(kPages + "/documents", cookie);
  ExpectHas(list.body,
            "aria-current=\"page\" href=\"/people/" + std::string(kCrn) + "/documents\"");
  ASSERT_EQ(list.status, 200) << list.body;
  ExpectHas(list.body, "Warning letter: failure to comply on 2 November 2026");
  ExpectHas(list.body, kPages + "/documents/" + std::to_string(id));

  const auto page = Get(kPages + "/documents/" + std::to_string(id), cookie);
  ASSERT_EQ(page.status, 200) << page.body;
  ExpectHas(page.body, "Print this letter");
  ExpectHas(page.body, "class=\"app-letter\"");
  ExpectHas(page.body, "1 High Street");
  ExpectHas(page.body, "<title>Warning letter: failure to comply on 2 November 2026 - Probity");

  EXPECT_EQ(Get(kPages + "/documents/" + std::to_string(id + 1), cookie).status, 404);
  EXPECT_EQ(As("demo.po1", "GET", kApi + "/documents/" + std::to_string(id + 1)).status, 404);
  EXPECT_EQ(As("demo.po1", "GET", kApi + "/documents/nine").status, 404);
}

TEST_P(DocumentsTest, AHiddenCaseIsNotFoundAndAnotherPersonsDocumentIsNotTheirs) {
  const int64_t order = AddOrder();
  Decide(order, Fail(order, "2026-11-02T10:00"), "warning_issued");
  const int64_t id = Documents()[0]["id"];
  const std::string one = "/documents/" + std::to_string(id);

  // demo.po2 works in another PDU: the case does not exist for them.
  EXPECT_EQ(As("demo.po2", "GET", kApi + "/documents").status, 404);
  EXPECT_EQ(As("demo.po2", "GET", kApi + one).status, 404);
  const auto [cookie, csrf] = SignIn("demo.po2");
  EXPECT_EQ(Get(kPages + "/documents", cookie).status, 404);
  EXPECT_EQ(Get(kPages + one, cookie).status, 404);

  // Restricted to demo.spo1: hidden from demo.po1, shown to demo.spo1.
  ASSERT_EQ(As("demo.spo1", "POST", kApi + "/restrictions",
               {{"username", "demo.spo1"}, {"reason", "high-profile case"}})
                .status,
            201);
  EXPECT_EQ(As("demo.po1", "GET", kApi + "/documents").status, 404);
  EXPECT_EQ(As("demo.po1", "GET", kApi + one).status, 404);
  EXPECT_EQ(As("demo.spo1", "GET", kApi + one).status, 200);

  // Another person's document by its id, under this one's CRN: not found.
  AddCase("X400002", "Sam", "Other");
  EXPECT_EQ(As("demo.po1", "GET", "/api/v1/people/X400002/documents/" + std::to_string(id)).status,
            404);
}

TEST_P(DocumentsTest, TheDatabaseRefusesToChangeOrDeleteADocument) {
  const int64_t order = AddOrder();
  Decide(order, Fail(order, "2026-11-02T10:00"), "warning_issued");
  const long long id = Documents()[0]["id"].get<long long>();
  const auto refused = [&](const std::string& sql) {
    auto tx = db_->BeginWrite();
    try {
      tx.sql() << sql, soci::use(id);
    } catch (const soci::soci_error&) {
      return true;
    }
    return false;
  };
  EXPECT_TRUE(refused("UPDATE case_document SET body = 'altered' WHERE id = :id"));
  EXPECT_TRUE(refused("DELETE FROM case_document WHERE id = :id"));
  const std::string body = Document(id)["body"];
  EXPECT_EQ(body.find("altered"), std::string::npos);
  ExpectHas(body, "Jo Bloggs");
}

PROBITY_ON_BOTH_BACKENDS(DocumentsTest);

}  // namespace
}  // namespace probity

// The unallocated queue on both backends: only cases with a current sentence and no officer, in
// the SPO's reach, most urgent first (a missed first appointment before one still due), with the
// risk flags an allocation weighs and who last did something; practitioners get 403; the page
// shows the same queue.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "page_client.h"

namespace probity {
namespace {

using nlohmann::json;

class UnallocatedQueueTest : public testing::PageTest {
 protected:
  void SetUp() override {
    PageTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    clock_.Set(*ParseUtc("2026-11-23T09:00:00.000000Z"));
  }

  void Register(const std::string& who, const std::string& crn, const std::string& team) {
    const auto r = As(who, "POST", "/api/v1/people",
                      {{"crn", crn},
                       {"first_name", "Sam"},
                       {"last_name", "Queue" + crn},
                       {"date_of_birth", "2000-01-15"},
                       {"gender", "male"},
                       {"team_code", team}});
    ASSERT_EQ(r.status, 201) << r.body;
  }

  void Order(const std::string& who, const std::string& crn, const std::string& date) {
    const auto r = As(who, "POST", "/api/v1/people/" + crn + "/sentences",
                      {{"kind", "community_order"},
                       {"court", "Newcastle Magistrates' Court"},
                       {"offence", "Theft from a shop"},
                       {"offence_group", "theft_non_motor"},
                       {"sentence_date", date},
                       {"length_months", 12}});
    ASSERT_EQ(r.status, 201) << r.body;
  }
};

TEST_P(UnallocatedQueueTest, ListsUnallocatedCasesInReachMostUrgentFirst) {
  Register("demo.po1", "X600001", "NE-TYN-A");
  Order("demo.po1", "X600001", "2026-11-20");  // first appointment due by 27 November
  Register("demo.po1", "X600002", "NE-TYN-A");
  Order("demo.po1", "X600002", "2026-11-02");  // due by 9 November: missed
  ASSERT_EQ(As("demo.po1", "POST", "/api/v1/people/X600002/registrations",
               {{"type", "rosh"}, {"level", "very_high"}, {"start_date", "2026-11-02"}})
                .status,
            201);
  Register("demo.po1", "X600003", "NE-TYN-A");  // allocated: not waiting
  Order("demo.po1", "X600003", "2026-11-02");
  ASSERT_EQ(As("demo.spo1", "POST", "/api/v1/people/X600003/allocation",
               {{"officer_username", "demo.po1"}, {"reason", "capacity"}})
                .status,
            201);
  Register("demo.po1", "X600004", "NE-TYN-A");  // no sentence: nothing to allocate
  Register("demo.po2", "X600005", "NE-DUR-A");  // another PDU
  Order("demo.po2", "X600005", "2026-11-02");
  if (HasFatalFailure()) return;

  const auto r = As("demo.spo1", "GET", "/api/v1/unallocated/queue");
  ASSERT_EQ(r.status, 200) << r.body;
  const json items = r.Json()["items"];
  ASSERT_EQ(items.size(), 2u) << items.dump(2);
  EXPECT_EQ(items[0]["person"]["crn"], "X600002");
  EXPECT_EQ(items[0]["first_appointment"]["status"], "missed");
  EXPECT_EQ(items[0]["first_appointment"]["due_by"], "2026-11-09");
  EXPECT_EQ(items[0]["risk_flags"], json::array({"ROSH very high"}));
  EXPECT_EQ(items[0]["high_risk"], true);
  EXPECT_EQ(items[0]["last_action"]["by"], "Priya Okafor");
  EXPECT_EQ(items[1]["person"]["crn"], "X600001");
  EXPECT_EQ(items[1]["first_appointment"]["status"], "due");
  EXPECT_EQ(items[1]["first_appointment"]["due_by"], "2026-11-27");
  EXPECT_EQ(items[1]["high_risk"], false);
  EXPECT_EQ(items[1]["age"], 26);
  EXPECT_EQ(items[1]["sentence"]["kind"], "community_order");
  EXPECT_EQ(items[1]["days_waiting"], 0);

  EXPECT_EQ(items[0]["viewed_by"], json::array()) << "no one has opened it yet";

  // Opening a waiting case is noted once a day per person; an allocated case's is not.
  ASSERT_EQ(GetAs("demo.spo1", "/people/X600002").status, 200);
  ASSERT_EQ(GetAs("demo.spo1", "/people/X600002").status, 200);
  ASSERT_EQ(GetAs("demo.manager1", "/people/X600002").status, 200);
  ASSERT_EQ(GetAs("demo.spo1", "/people/X600003").status, 200);
  const json viewed = As("demo.spo1", "GET", "/api/v1/unallocated/queue").Json()["items"][0];
  ASSERT_EQ(viewed["viewed_by"].size(), 2u) << viewed.dump();
  EXPECT_EQ(viewed["viewed_by"][0]["last_viewed_on"], "2026-11-23");
  {
    auto tx = db_->BeginRead();
    long long rows = 0;
    tx.sql() << "SELECT COUNT(*) FROM unallocated_view", soci::into(rows);
    EXPECT_EQ(rows, 2) << "one a day per person; none for the allocated case";
  }

  // The other PDU's SPO sees only theirs; a practitioner allocates nothing.
  EXPECT_EQ(As("demo.po1", "GET", "/api/v1/unallocated/queue").status, 403);

  // The page: the same order, the flags, and the link in the navigation.
  const auto page = GetAs("demo.spo1", "/unallocated");
  ASSERT_EQ(page.status, 200) << page.body;
  const auto first = page.body.find("X600002"), second = page.body.find("X600001");
  ASSERT_NE(first, std::string::npos);
  ASSERT_NE(second, std::string::npos);
  EXPECT_LT(first, second);
  EXPECT_NE(page.body.find("Missed</strong>"), std::string::npos);
  EXPECT_NE(page.body.find("ROSH very high"), std::string::npos);
  EXPECT_NE(page.body.find("Viewed by Martin Reid (23 November 2026); Sandra Price (23 November "
                           "2026)"),
            std::string::npos);
  EXPECT_NE(page.body.find("href=\"/unallocated\">Unallocated</a>"), std::string::npos);
  EXPECT_EQ(page.body.find("X600005"), std::string::npos);
  EXPECT_EQ(GetAs("demo.po1", "/unallocated").status, 403);
  EXPECT_EQ(GetAs("demo.po1", "/caseload").body.find("href=\"/unallocated\""), std::string::npos);
}

PROBITY_ON_BOTH_BACKENDS(UnallocatedQueueTest);

}  // namespace
}  // namespace probity

// Inspection samples, on both backends: the same seed over the log as of the same seq draws the
// same cases, however many cases arrive afterwards; a replacement is the next case of the seeded
// order, recorded with its reason while the original stays; bad input is refused naming the
// field with nothing written; practitioners are refused and an SPO sees only their teams'
// samples; the pages draw and replace; the CLI draws the same cases and verifies a sample.
#include "app/inspection_samples.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "page_client.h"
#include "program_runner.h"

namespace probity {
namespace {

using nlohmann::json;

const char* const kApi = "/api/v1/inspection-samples";
const char* const kSeed = "8f14e45fceea167a5a36dedd4bea2543c9f0f895fb98ab9159f51fd0297e236d";

std::string Crn(int n) {
  return "X2" + std::string(5 - std::to_string(n).size(), '0') + std::to_string(n);
}

std::vector<std::string> CrnsOf(const json& sample) {
  std::vector<std::string> out;
  for (const auto& c : sample["cases"])
    if (c["replaces_crn"].is_null()) out.push_back(c["crn"]);
  return out;
}

class InspectionSamplesTest : public testing::PageTest {
 protected:
  void SetUp() override {
    PageTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    AddAccount("demo.analyst", access::Role::kPerformanceAnalyst);
    // Ten cases in NE-TYN-A, the odd ones on a community order; one in NE-DUR-A.
    for (int n = 1; n <= 10; ++n) {
      AddCase(Crn(n), "Case", "Number" + std::to_string(n));
      if (HasFatalFailure()) return;
      if (n % 2 == 1) AddOrder(Crn(n));
    }
    ASSERT_EQ(As("demo.po2", "POST", "/api/v1/people",
                 {{"crn", "X299999"},
                  {"first_name", "Other"},
                  {"last_name", "Team"},
                  {"date_of_birth", "1991-01-01"},
                  {"gender", "female"}})
                  .status,
              201);
  }

  void AddOrder(const std::string& crn) {
    const auto r = As("demo.po1", "POST", "/api/v1/people/" + crn + "/sentences",
                      {{"kind", "community_order"},
                       {"court", "Newcastle Magistrates' Court"},
                       {"offence", "Theft from a shop"},
                       {"offence_group", "theft_non_motor"},
                       {"sentence_date", "2026-03-10"},
                       {"length_months", 12}});
    ASSERT_EQ(r.status, 201) << r.body;
  }

  static json TeamSample(json changes = json::object()) {
    json body = {{"title", "HMIP inspection, North Tyneside"},
                 {"unit", "team"},
                 {"code", "NE-TYN-A"},
                 {"size", 4},
                 {"seed", kSeed}};
    body.update(changes);
    return body;
  }

  json Draw(const json& body, const std::string& as = "demo.analyst") {
    const auto r = As(as, "POST", kApi, body);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.Json() : json::object();
  }

  std::string SampleUrl(const json& s) {
    return std::string(kApi) + "/" + std::to_string(s["id"].get<int64_t>());
  }
};

TEST_P(InspectionSamplesTest, TheSameSeedAndSeqDrawTheSameCasesEvenAfterMoreCasesArrive) {
  const json first = Draw(TeamSample());
  ASSERT_FALSE(first.empty());
  EXPECT_EQ(first["population_count"], 10) << "NE-TYN-A's ten, not NE-DUR-A's";
  EXPECT_EQ(first["seed"], kSeed);
  EXPECT_EQ(first["drawn_by"], "Extra demo.analyst");
  EXPECT_EQ(first["version"], 1);
  const auto crns = CrnsOf(first);
  ASSERT_EQ(crns.size(), 4u);
  EXPECT_EQ(std::set<std::string>(crns.begin(), crns.end()).size(), 4u);
  for (const auto& crn : crns) EXPECT_TRUE(crn.starts_with("X2000") || crn == "X200010") << crn;

  // Drawn again with the same seed: the same cases in the same order.
  const json again = Draw(TeamSample({{"as_of_seq", first["through_seq"]}}));
  EXPECT_EQ(CrnsOf(again), crns);

  // More cases arrive; as of the recorded seq the draw is unchanged, and the sample verifies.
  for (int n = 11; n <= 13; ++n) AddCase(Crn(n), "Later", "Case");
  const auto verification = As("demo.analyst", "GET", SampleUrl(first) + "/verification");
  ASSERT_EQ(verification.status, 200) << verification.body;
  EXPECT_EQ(verification.Json()["same"], true) << verification.body;
  EXPECT_EQ(verification.Json()["redrawn"], json(crns));
  const json later = Draw(TeamSample({{"as_of_seq", first["through_seq"]}}));
  EXPECT_EQ(later["population_count"], 10);
  EXPECT_EQ(CrnsOf(later), crns);
  EXPECT_EQ(later["head_hash"], first["head_hash"]);
  const json now = Draw(TeamSample());
  EXPECT_EQ(now["population_count"], 13);

  // A different seed draws differently; the kind filter keeps the five on an order.
  auto other = app::DrawFromLog(*db_, {*app::CriteriaFromJson(first["criteria"]), 10, "",
                                       std::string(64, 'a'), first["through_seq"].get<int64_t>()});
  ASSERT_TRUE(other);
  EXPECT_NE(std::vector<std::string>(other->crns.begin(), other->crns.begin() + 4), crns);
  const json orders =
      Draw(TeamSample({{"kinds", {"community_order"}}, {"size", 500}, {"title", "Orders"}}));
  EXPECT_EQ(orders["population_count"], 5) << "the later cases have no sentence";
  EXPECT_EQ(CrnsOf(orders).size(), 5u) << "a size past the population takes it all";
}

TEST_P(InspectionSamplesTest, AReplacementIsTheNextCaseOfTheOrderAndKeepsTheOriginal) {
  const json s = Draw(TeamSample());
  ASSERT_FALSE(s.empty());
  const auto crns = CrnsOf(s);
  auto order = app::DrawFromLog(*db_, {*app::CriteriaFromJson(s["criteria"]), 10, "",
                                       std::string(kSeed), s["through_seq"].get<int64_t>()});
  ASSERT_TRUE(order);
  const std::string url = SampleUrl(s) + "/replacements";

  const int64_t before = Events();
  for (const auto& [body, status, field] : std::vector<std::tuple<json, int, std::string>>{
           {{{"crn", crns[0]}, {"reason", " "}}, 400, "reason"},
           {{{"crn", crns[0]}, {"reason", std::string(501, 'x')}}, 400, "reason"},
           {{{"crn", "X999999"}, {"reason", "Moved abroad"}}, 400, "crn"},
           {{{"crn", crns[0]}, {"reason", "Moved abroad"}, {"version", 2}}, 409, "version"},
           {{{"crn", crns[0]}, {"reason", "x"}, {"colour", "red"}}, 400, "colour"}}) {
    SCOPED_TRACE(body.dump());
    const auto r = As("demo.analyst", "POST", url, body);
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(r.Json()["error"]["field"], field);
  }
  EXPECT_EQ(Events(), before);

  const auto replaced = As("demo.analyst", "POST", url,
                           {{"crn", crns[1]}, {"reason", "Case transferred out"}, {"version", 1}});
  ASSERT_EQ(replaced.status, 201) << replaced.body;
  const json r = replaced.Json();
  EXPECT_EQ(r["version"], 2);
  EXPECT_EQ(r["replacements"], 1);
  ASSERT_EQ(r["cases"].size(), 5u);
  EXPECT_EQ(r["cases"][1]["crn"], crns[1]) << "the original stays";
  EXPECT_EQ(r["cases"][1]["status"], "replaced");
  EXPECT_EQ(r["cases"][1]["replaced"]["reason"], "Case transferred out");
  EXPECT_EQ(r["cases"][1]["replaced"]["by_crn"], order->crns[4]);
  EXPECT_EQ(r["cases"][4]["crn"], order->crns[4]) << "the fifth case of the same order";
  EXPECT_EQ(r["cases"][4]["replaces_crn"], crns[1]);
  EXPECT_EQ(r["cases"][4]["position"], 5);

  const auto twice = As("demo.analyst", "POST", url, {{"crn", crns[1]}, {"reason", "Again"}});
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(twice.Json()["error"]["code"], "already_replaced");
  // A second replacement skips nothing and takes the sixth.
  const auto second =
      As("demo.analyst", "POST", url, {{"crn", order->crns[4]}, {"reason", "Dead"}});
  ASSERT_EQ(second.status, 201) << second.body;
  EXPECT_EQ(second.Json()["cases"][5]["crn"], order->crns[5]);

  const auto v = As("demo.analyst", "GET", SampleUrl(s) + "/verification").Json();
  EXPECT_EQ(v["same"], true) << v.dump();

  auto tx = db_->BeginRead();
  std::vector<std::string> kinds;
  for (const auto& e : store::EventsForSubject(tx, "inspection_sample:" + s["id"].dump()))
    kinds.push_back(e.kind);
  EXPECT_EQ(kinds,
            (std::vector<std::string>{"inspection_sample.drawn", "inspection_sample.case_replaced",
                                      "inspection_sample.case_replaced"}));
}

TEST_P(InspectionSamplesTest, BadInputIsRefusedNamingTheFieldWithNothingWritten) {
  As("demo.analyst", "GET", kApi);  // signed in first: a token is made once
  const int64_t before = Events();
  for (const auto& [change, field] : std::vector<std::pair<json, std::string>>{
           {{{"size", 0}}, "size"},
           {{{"size", 501}}, "size"},
           {{{"seed", "abc"}}, "seed"},
           {{{"seed", std::string(64, 'g')}}, "seed"},
           {{{"code", "NE-XXX-Z"}}, "team"},
           {{{"unit", "officer"}}, "unit"},
           {{{"unit", "pdu"}, {"code", ""}}, "pdu"},
           {{{"kinds", {"parole"}}}, "kinds"},
           {{{"started_from", "2026-02-30"}}, "started_from"},
           {{{"started_from", "2026-06-01"}, {"started_to", "2026-05-01"}}, "started_to"},
           {{{"as_of_seq", 0}}, "as_of_seq"},
           {{{"as_of_seq", 999999}}, "as_of_seq"},
           {{{"title", "  "}}, "title"},
           {{{"colour", "red"}}, "colour"}}) {
    SCOPED_TRACE(change.dump());
    const auto r = As("demo.analyst", "POST", kApi, TeamSample(change));
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(r.Json()["error"]["field"], field);
  }
  EXPECT_EQ(Events(), before);
  EXPECT_EQ(As("demo.analyst", "GET", std::string(kApi) + "/999").status, 404);
}

TEST_P(InspectionSamplesTest, PractitionersAreRefusedAndAnSpoSeesOnlyTheirTeamsSamples) {
  const json team = Draw(TeamSample(), "demo.manager1");
  const json pdu = Draw(TeamSample({{"unit", "pdu"}, {"code", "NE-DUR"}}), "demo.admin");
  ASSERT_FALSE(team.empty());
  ASSERT_FALSE(pdu.empty());
  EXPECT_EQ(pdu["population_count"], 1);

  for (const auto& [method, target] : std::vector<std::pair<std::string, std::string>>{
           {"GET", kApi},
           {"POST", kApi},
           {"GET", SampleUrl(team)},
           {"GET", SampleUrl(team) + "/verification"},
           {"POST", SampleUrl(team) + "/replacements"}}) {
    SCOPED_TRACE(method + " " + target);
    const json body = method == "POST" ? json(target == kApi ? TeamSample() : json{{"crn", "X1"}})
                                       : json(nullptr);
    EXPECT_EQ(As("demo.po1", method, target, body).status, 403);
  }
  EXPECT_EQ(As("demo.spo1", "POST", kApi, TeamSample()).status, 403);
  const auto list = As("demo.spo1", "GET", kApi);
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.Json()["items"].size(), 1u);
  EXPECT_EQ(list.Json()["items"][0]["id"], team["id"]);
  EXPECT_EQ(As("demo.spo1", "GET", SampleUrl(team)).status, 200);
  EXPECT_EQ(As("demo.spo1", "GET", SampleUrl(pdu)).status, 403);
  EXPECT_EQ(As("demo.spo1", "POST", SampleUrl(team) + "/replacements",
               {{"crn", CrnsOf(team)[0]}, {"reason", "x"}})
                .status,
            403);
  EXPECT_EQ(As("demo.analyst", "GET", kApi).Json()["items"].size(), 2u);

  const auto csv = As("demo.spo1", "GET", SampleUrl(team) + ".csv");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.Header("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_TRUE(csv.body.starts_with("position,crn,status,replaces_crn,replaced_by_crn,reason\r\n"));
  EXPECT_NE(csv.body.find("\"1\",\"" + CrnsOf(team)[0] + "\",\"in sample\""), std::string::npos)
      << csv.body;
  EXPECT_EQ(As("demo.spo1", "GET", SampleUrl(team) + "?format=csv").body, csv.body);

  // Kept as recorded.
  auto tx = db_->BeginWrite();
  EXPECT_THROW(tx.sql() << "UPDATE inspection_sample_case SET crn = 'X000001'", soci::soci_error);
}

TEST_P(InspectionSamplesTest, ThePagesDrawAndReplaceAndShowTheSeedAndVerdict) {
  EXPECT_EQ(GetAs("demo.po1", "/reports/samples").status, 403);
  const auto list = GetAs("demo.analyst", "/reports/samples");
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_NE(list.body.find("No inspection sample has been drawn"), std::string::npos);
  EXPECT_NE(list.body.find("<option value=\"team:NE-TYN-A\">"), std::string::npos);

  const int64_t before = Events();
  const auto blank = PostAs("demo.analyst", "/reports/samples", {{"size", "0"}});
  ASSERT_EQ(blank.status, 400);
  EXPECT_NE(blank.body.find("href=\"#title\">Enter what the sample is for"), std::string::npos);
  EXPECT_NE(blank.body.find("href=\"#size\">Enter how many cases, from 1 to 500"),
            std::string::npos);
  const auto bad_seed = PostAs("demo.analyst", "/reports/samples",
                               {{"title", "x"}, {"size", "3"}, {"seed", "xyz"}, {"unit", "all"}});
  ASSERT_EQ(bad_seed.status, 400);
  EXPECT_NE(bad_seed.body.find("href=\"#seed\">Seed is 64 hexadecimal characters"),
            std::string::npos);
  EXPECT_EQ(Events(), before);

  const auto drawn = PostAs("demo.analyst", "/reports/samples",
                            {{"title", "Thematic inspection: orders"},
                             {"unit", "team:NE-TYN-A"},
                             {"kinds", "community_order"},
                             {"size", "3"},
                             {"seed", kSeed}});
  ASSERT_EQ(drawn.status, 303) << drawn.body;
  const std::string location = drawn.Header("Location");
  ASSERT_TRUE(location.starts_with("/reports/samples/")) << location;
  const auto page = GetAs("demo.analyst", location);
  ASSERT_EQ(page.status, 200) << page.body;
  for (const char* text :
       {"Thematic inspection: orders", "Team NE-TYN-A; current Community order", kSeed, "Verified",
        "probity sample verify --db URL --id", "3 requested from a population of 5"})
    EXPECT_NE(page.body.find(text), std::string::npos) << text;

  const json sample =
      As("demo.analyst", "GET",
         std::string(kApi) +
             location.substr(location.rfind('/'), location.find('?') - location.rfind('/')))
          .Json();
  const std::string first = CrnsOf(sample)[0];
  const std::string action = location.substr(0, location.find('?')) + "/replacements";
  const auto no_reason =
      PostAs("demo.analyst", action, {{"crn", first}, {"reason", ""}, {"version", "1"}});
  ASSERT_EQ(no_reason.status, 400);
  EXPECT_NE(no_reason.body.find("href=\"#replace-" + first + "-reason\">Reason says why"),
            std::string::npos)
      << no_reason.body;
  const auto replaced =
      PostAs("demo.analyst", action,
             {{"crn", first}, {"reason", "Under a different court"}, {"version", "1"}});
  ASSERT_EQ(replaced.status, 303) << replaced.body;
  const auto after = GetAs("demo.analyst", replaced.Header("Location"));
  EXPECT_NE(after.body.find("Under a different court"), std::string::npos);
  EXPECT_NE(after.body.find("Replaces " + first), std::string::npos);
  EXPECT_NE(after.body.find("Verified"), std::string::npos);

  const auto spo_list = GetAs("demo.spo1", "/reports/samples");
  ASSERT_EQ(spo_list.status, 200);
  EXPECT_NE(spo_list.body.find("Thematic inspection: orders"), std::string::npos);
  EXPECT_EQ(spo_list.body.find("Draw a sample"), std::string::npos);
}

TEST_P(InspectionSamplesTest, TheCliDrawsTheSameCasesAndVerifiesARecordedSample) {
  const json s = Draw(TeamSample());
  ASSERT_FALSE(s.empty());
  AddCase(Crn(11), "Later", "Case");
  const std::string program = testing::ProgramPath() + " sample ";
  const std::string db = " --db '" + url() + "'";
  const auto drawn = testing::Shell(program + "draw" + db + " --team NE-TYN-A --size 4 --seed " +
                                    kSeed + " --as-of-seq " + s["through_seq"].dump());
  ASSERT_EQ(drawn.exit_code, 0) << drawn.output;
  const json out = json::parse(drawn.output);
  EXPECT_EQ(out["crns"], json(CrnsOf(s)));
  EXPECT_EQ(out["through_seq"], s["through_seq"]);
  EXPECT_EQ(out["seed"], kSeed);
  EXPECT_TRUE(out["id"].is_null());

  const auto csv =
      testing::Shell(program + "draw" + db + " --team NE-TYN-A --size 2 --seed " + kSeed +
                     " --as-of-seq " + s["through_seq"].dump() + " --format csv");
  ASSERT_EQ(csv.exit_code, 0) << csv.output;
  EXPECT_EQ(csv.output, "position,crn,seed,through_seq\r\n\"1\",\"" + CrnsOf(s)[0] + "\",\"" +
                            kSeed + "\",\"" + s["through_seq"].dump() + "\"\r\n\"2\",\"" +
                            CrnsOf(s)[1] + "\",\"" + kSeed + "\",\"" + s["through_seq"].dump() +
                            "\"\r\n");

  const auto verified = testing::Shell(program + "verify" + db + " --id " + s["id"].dump());
  EXPECT_EQ(verified.exit_code, 0) << verified.output;
  EXPECT_EQ(json::parse(verified.output)["same"], true);

  const auto recorded =
      testing::Shell(program + "draw" + db + " --pdu NE-TYN --size 2 --record --by demo.analyst");
  ASSERT_EQ(recorded.exit_code, 0) << recorded.output;
  const json r = json::parse(recorded.output);
  EXPECT_TRUE(r["id"].is_number());
  EXPECT_EQ(r["seed"].get<std::string>().size(), 64u);
  EXPECT_EQ(As("demo.analyst", "GET", std::string(kApi) + "/" + r["id"].dump()).status, 200);

  for (const char* bad :
       {"draw --size 0", "draw --size 3 --team NE-XXX-Z", "draw --size 3 --seed 12",
        "draw --size 3 --record", "draw --size 3 --team A --pdu B"}) {
    SCOPED_TRACE(bad);
    const auto run = testing::Shell(program + bad + db);
    EXPECT_EQ(run.exit_code, 2) << run.output;
    EXPECT_EQ(run.Lines(), 1) << run.output;
  }
  EXPECT_EQ(testing::Shell(program + "verify" + db + " --id 999").exit_code, 1);
}

TEST_P(InspectionSamplesTest, ARestrictedCaseKeepsItsPlaceWithoutItsCrnForThoseWhoMayNotSeeIt) {
  ASSERT_EQ(As("demo.spo1", "POST", "/api/v1/people/" + Crn(1) + "/restrictions",
               {{"username", "demo.spo1"}, {"reason", "high-profile case"}})
                .status,
            201);
  const json s = Draw(TeamSample({{"size", 10}}));
  ASSERT_FALSE(s.empty());
  EXPECT_EQ(s["population_count"], 10) << "restricted cases are in the population";
  int withheld = 0;
  for (const auto& c : s["cases"]) {
    if (c["withheld"] == true) {
      ++withheld;
      EXPECT_TRUE(c["crn"].is_null());
    }
    EXPECT_NE(c["crn"], Crn(1));
  }
  EXPECT_EQ(withheld, 1);
  const auto csv = As("demo.analyst", "GET", SampleUrl(s) + ".csv");
  EXPECT_EQ(csv.body.find(Crn(1)), std::string::npos) << csv.body;
  const auto v = As("demo.analyst", "GET", SampleUrl(s) + "/verification").Json();
  EXPECT_EQ(v["same"], true);
  EXPECT_EQ(v.dump().find(Crn(1)), std::string::npos);
  // Named on the restriction, the SPO sees it.
  const json seen = As("demo.spo1", "GET", SampleUrl(s)).Json();
  EXPECT_NE(seen.dump().find(Crn(1)), std::string::npos);
}

PROBITY_ON_BOTH_BACKENDS(InspectionSamplesTest);

}  // namespace
}  // namespace probity

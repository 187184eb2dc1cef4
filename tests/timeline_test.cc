// Contacts and the timeline over HTTP with the application's own router, on both backends:
// recording contacts, the timeline newest first with system entries among them, its filters and
// cursor, amendments that keep the original, the events each write appends, and a practitioner
// of another PDU finding nothing.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "access/store.h"
#include "app/contacts.h"
#include "app/people.h"
#include "app/sentences.h"
#include "app_server.h"
#include "cases/vocabulary.h"
#include "store/event_log.h"

namespace probity {
namespace {

using nlohmann::json;
using testing::ClientResponse;

const UtcTime kNow = ParseUtc("2026-11-23T09:00:00.000000Z").value();
const std::string kCrn = "X100001";
const std::string kOtherCrn = "X100002";

std::string At(UtcTime t) { return FormatUtc(t); }
UtcTime DaysAgo(int n) { return kNow - std::chrono::days{n}; }

class TimelineTest : public testing::AppServerTest {
 protected:
  void SetUp() override {
    AppServerTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    po1_ = {"staff:" + std::to_string(StaffIdOf("demo.po1")), std::nullopt};
    // Registered ten days ago, so recorded contacts come after the system entry.
    for (const auto& crn : {kCrn, kOtherCrn}) {
      cases::NewPerson person;
      person.crn = crn;
      person.first_name = "Sam";
      person.last_name = crn == kCrn ? "Fielding" : "Other";
      person.date_of_birth = "1990-04-01";
      person.gender = "male";
      person.team_code = "NE-TYN-A";
      auto registered = app::RegisterPerson(*db_, po1_, person, DaysAgo(10));
      ASSERT_TRUE(registered) << registered.error().message;
      (crn == kCrn ? person_ : other_) = {registered->person_id, crn, false};
    }
  }

  int64_t StaffIdOf(const std::string& username) {
    auto tx = db_->BeginRead();
    auto account = access::FindAccount(tx, username);
    EXPECT_TRUE(account) << username;
    return account ? account->account.staff_id : 0;
  }

  std::vector<store::EventRow> Events(const std::string& subject) {
    auto tx = db_->BeginRead();
    return store::EventsForSubject(tx, subject);
  }

  ClientResponse Get(const std::string& target, const std::string& user = "demo.po1") {
    return As(user, "GET", target);
  }

  // Records a contact over HTTP as demo.po1; returns its JSON.
  json Record(const std::string& type, std::optional<UtcTime> at, const std::string& note,
              const std::string& crn = kCrn) {
    json body = {{"type", type}, {"note", note}};
    if (at) body["at"] = At(*at);
    const auto r = As("demo.po1", "POST", "/api/v1/people/" + crn + "/contacts", body);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.Json();
  }

  // A whole timeline read a page at a time; fails the test if a page is not 200.
  std::vector<json> AllPages(const std::string& query, int limit) {
    std::vector<json> items;
    std::string cursor;
    for (int pages = 0; pages < 1000; ++pages) {
      std::string target = "/api/v1/people/" + kCrn + "/timeline?limit=" + std::to_string(limit);
      if (!query.empty()) target += "&" + query;
      if (!cursor.empty()) target += "&cursor=" + cursor;
      const auto r = Get(target);
      EXPECT_EQ(r.status, 200) << r.body;
      if (r.status != 200) break;
      const json page = r.Json();
      EXPECT_LE(page["items"].size(), static_cast<size_t>(limit));
      for (const auto& item : page["items"]) items.push_back(item);
      if (page["next_cursor"].is_null()) break;
      cursor = page["next_cursor"].get<std::string>();
    }
    return items;
  }

  std::vector<std::string> Types(const std::string& query) {
    std::vector<std::string> types;
    for (const auto& item : AllPages(query, 200)) types.push_back(item["type"]);
    return types;
  }

  // Adds a community order for a person; returns its id.
  int64_t AddSentence(const app::CaseRef& on) {
    cases::NewSentence order;
    order.kind = "community_order";
    order.court = "North Tyneside Magistrates";
    order.offence = "Theft";
    order.offence_group = "theft_non_motor";
    order.sentence_date = "2026-01-10";
    order.length_months = 12;
    auto added = app::AddSentence(*db_, po1_, on, order, DaysAgo(10));
    EXPECT_TRUE(added) << added.error().message;
    return added ? added->sentence.id : 0;
  }

  store::Actor po1_;
  app::CaseRef person_, other_;
};

TEST_P(TimelineTest, ContactsAndSystemEntriesShareOneTimelineNewestFirst) {
  const json phone = Record("phone_call", DaysAgo(5), "Rang to confirm the address.");
  const json visit = Record("home_visit", DaysAgo(1), "Visited at home.\nAll well.");
  const json now = Record("office_visit", std::nullopt, "Reported as required.");
  EXPECT_EQ(now["at"], At(kNow)) << "no time given: now";

  const auto r = Get("/api/v1/people/" + kCrn + "/timeline");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("Cache-Control"), "no-store");
  const json page = r.Json();
  EXPECT_TRUE(page["next_cursor"].is_null());
  const json& items = page["items"];
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0]["id"], now["id"]);
  EXPECT_EQ(items[1]["id"], visit["id"]);
  EXPECT_EQ(items[2]["id"], phone["id"]);
  EXPECT_EQ(items[3]["type"], "person.registered");
  EXPECT_EQ(items[3]["type_label"], "Person registered");
  EXPECT_EQ(items[3]["system"], true);
  EXPECT_EQ(items[3]["at"], At(DaysAgo(10)));

  const json& v = items[1];
  EXPECT_EQ(v["type"], "home_visit");
  EXPECT_EQ(v["type_label"], "Home visit");
  EXPECT_EQ(v["at"], At(DaysAgo(1)));
  EXPECT_EQ(v["author"], po1_.id);
  EXPECT_EQ(v["author_name"], "Priya Okafor");
  EXPECT_EQ(v["note"], "Visited at home.\nAll well.");
  EXPECT_EQ(v["system"], false);
  EXPECT_TRUE(v["sentence_id"].is_null());
  EXPECT_TRUE(v["event_seq"].is_number_integer());
  EXPECT_EQ(v["recorded_at"], At(kNow));
}

TEST_P(TimelineTest, RecordingAContactAppendsContactRecordedWithTheNote) {
  const auto r = As(
      "demo.po1", "POST", "/api/v1/people/" + kCrn + "/contacts",
      {{"type", "email"}, {"at", "2026-11-22T15:30:00+01:00"}, {"note", "Sent \xC3\xA9t\xC3\xA9"}});
  ASSERT_EQ(r.status, 201) << r.body;
  const json contact = r.Json();
  EXPECT_EQ(r.Header("Location"),
            "/api/v1/people/" + kCrn + "/contacts/" + std::to_string(contact["id"].get<int64_t>()));
  EXPECT_EQ(contact["at"], "2026-11-22T14:30:00.000000Z") << "an offset is converted to UTC";

  const auto events = Events(kCrn);
  ASSERT_FALSE(events.empty());
  const auto& last = events.back();
  EXPECT_EQ(last.kind, "contact.recorded");
  EXPECT_EQ(last.actor, po1_.id);
  EXPECT_EQ(last.seq, contact["event_seq"]);
  EXPECT_EQ(json::parse(last.payload), (json{{"id", contact["id"]},
                                             {"type", "email"},
                                             {"at", "2026-11-22T14:30:00.000000Z"},
                                             {"note", "Sent \xC3\xA9t\xC3\xA9"},
                                             {"note_length", 8},
                                             {"sentence_id", nullptr}}));
  EXPECT_TRUE(store::VerifyChain(*db_).intact);
}

TEST_P(TimelineTest, AContactMayNameOnlyThePersonsOwnSentence) {
  const int64_t own = AddSentence(person_);
  const int64_t others = AddSentence(other_);
  const std::string path = "/api/v1/people/" + kCrn + "/contacts";
  const auto ok = As("demo.po1", "POST", path,
                     {{"type", "phone_call"}, {"note", "About the order."}, {"sentence_id", own}});
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(ok.Json()["sentence_id"], own);
  EXPECT_EQ(json::parse(Events(kCrn).back().payload)["sentence_id"], own);

  for (const json& bad : {json(others), json(999999), json("1"), json(0)}) {
    SCOPED_TRACE(bad.dump());
    const auto r =
        As("demo.po1", "POST", path, {{"type", "phone_call"}, {"note", "x"}, {"sentence_id", bad}});
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(r.Json()["error"]["field"], "sentence_id");
  }
}

TEST_P(TimelineTest, InvalidContactsAre400NamingTheFieldAndWriteNothing) {
  const std::string path = "/api/v1/people/" + kCrn + "/contacts";
  const size_t events_before = Events(kCrn).size();
  const struct {
    const char* why;
    json body;
    const char* field;
  } cases[] = {
      {"tomorrow", {{"type", "phone_call"}, {"at", At(DaysAgo(-1))}, {"note", "x"}}, "at"},
      {"six minutes ahead",
       {{"type", "phone_call"}, {"at", At(kNow + std::chrono::minutes(6))}, {"note", "x"}},
       "at"},
      {"before 1990",
       {{"type", "phone_call"}, {"at", "1989-06-01T10:00:00Z"}, {"note", "x"}},
       "at"},
      {"not an instant", {{"type", "phone_call"}, {"at", "yesterday"}, {"note", "x"}}, "at"},
      {"empty note", {{"type", "phone_call"}, {"note", ""}}, "note"},
      {"blank note", {{"type", "phone_call"}, {"note", "  \n "}}, "note"},
      {"no note", {{"type", "phone_call"}}, "note"},
      {"note too long", {{"type", "phone_call"}, {"note", std::string(20001, 'n')}}, "note"},
      {"unknown type", {{"type", "telepathy"}, {"note", "x"}}, "type"},
      {"a system kind", {{"type", "person.registered"}, {"note", "x"}}, "type"},
      {"no type", {{"note", "x"}}, "type"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    const auto r = As("demo.po1", "POST", path, c.body);
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(r.Json()["error"]["field"], c.field);
  }
  EXPECT_EQ(Events(kCrn).size(), events_before);
  EXPECT_EQ(Types("").size(), 1u) << "only person.registered";
  const auto five_minutes_ahead =
      As("demo.po1", "POST", path,
         {{"type", "phone_call"}, {"at", At(kNow + std::chrono::minutes(5))}, {"note", "x"}});
  EXPECT_EQ(five_minutes_ahead.status, 201) << "clock skew allowed";
}

TEST_P(TimelineTest, TypeFilterKeepsOnlyTheNamedTypes) {
  Record("phone_call", DaysAgo(3), "one");
  Record("home_visit", DaysAgo(2), "two");
  Record("phone_call", DaysAgo(1), "three");
  EXPECT_EQ(Types("type=phone_call"), (std::vector<std::string>{"phone_call", "phone_call"}));
  EXPECT_EQ(Types("type=home_visit&type=person.registered"),
            (std::vector<std::string>{"home_visit", "person.registered"}));
  EXPECT_EQ(Types("type=home_visit,phone_call"),
            (std::vector<std::string>{"phone_call", "home_visit", "phone_call"}));
  EXPECT_EQ(Types("type=email"), std::vector<std::string>{});
  EXPECT_EQ(Types("type="), (std::vector<std::string>{"phone_call", "home_visit", "phone_call",
                                                      "person.registered"}))
      << "a blank filter is no filter";
}

TEST_P(TimelineTest, DateRangeKeepsEntriesFromTheStartOfFromToTheEndOfTo) {
  Record("phone_call", ParseUtc("2026-11-20T23:59:59.999999Z"), "20th, late");
  Record("phone_call", ParseUtc("2026-11-21T00:00:00.000000Z"), "21st, midnight");
  Record("phone_call", ParseUtc("2026-11-21T12:00:00.000000Z"), "21st, noon");
  Record("phone_call", ParseUtc("2026-11-22T00:00:00.000000Z"), "22nd, midnight");
  const auto notes = [this](const std::string& query) {
    std::vector<std::string> out;
    for (const auto& item : AllPages(query, 200)) out.push_back(item["note"]);
    return out;
  };
  EXPECT_EQ(notes("from=2026-11-21&to=2026-11-21"),
            (std::vector<std::string>{"21st, noon", "21st, midnight"}));
  EXPECT_EQ(notes("from=2026-11-21&type=phone_call"),
            (std::vector<std::string>{"22nd, midnight", "21st, noon", "21st, midnight"}));
  EXPECT_EQ(notes("to=2026-11-20&type=phone_call"), (std::vector<std::string>{"20th, late"}));
  EXPECT_EQ(notes("from=2026-11-21T12:00:00Z&to=2026-11-22T00:00:00.000000Z"),
            (std::vector<std::string>{"21st, noon"}));
}

TEST_P(TimelineTest, CursorPagingReturnsEveryEntryOnceInOrderWhenManyShareATime) {
  // 120 contacts in 12 groups of 10 recorded at the same instant, plus the registration.
  std::vector<int64_t> ids;
  for (int i = 0; i < 120; ++i) {
    cases::NewContact contact{"case_note", kNow - std::chrono::minutes(i / 10),
                              "note " + std::to_string(i), std::nullopt};
    auto recorded = app::RecordContact(*db_, po1_, person_, contact, kNow);
    ASSERT_TRUE(recorded) << recorded.error().message;
    ids.push_back(recorded->id);
  }
  for (int limit : {1, 7, 10, 50, 121, 200}) {
    SCOPED_TRACE("limit " + std::to_string(limit));
    const auto items = AllPages("", limit);
    ASSERT_EQ(items.size(), 121u);
    std::set<int64_t> seen;
    for (size_t i = 0; i < items.size(); ++i) {
      EXPECT_TRUE(seen.insert(items[i]["id"].get<int64_t>()).second) << "repeated " << items[i];
      if (i == 0) continue;
      const auto& newer = items[i - 1];
      const auto& older = items[i];
      const bool ordered =
          newer["at"] > older["at"] || (newer["at"] == older["at"] && newer["id"] > older["id"]);
      EXPECT_TRUE(ordered) << newer << " then " << older;
    }
    EXPECT_EQ(items.back()["type"], "person.registered");
  }
  // The same with a filter: the cursor continues within it.
  EXPECT_EQ(AllPages("type=case_note", 9).size(), 120u);
  // Paging while someone records: a page already read is not shifted by a new entry.
  const auto first = Get("/api/v1/people/" + kCrn + "/timeline?limit=10").Json();
  Record("phone_call", std::nullopt, "newest");
  const auto second = Get("/api/v1/people/" + kCrn +
                          "/timeline?limit=10&cursor=" + first["next_cursor"].get<std::string>())
                          .Json();
  EXPECT_EQ(second["items"][0]["id"], ids[19]) << "the 11th newest before the new entry";
}

TEST_P(TimelineTest, BadTimelineParametersAre400NamingTheParameter) {
  const std::string path = "/api/v1/people/" + kCrn + "/timeline?";
  const struct {
    const char* query;
    const char* field;
  } cases[] = {
      {"cursor=garbage", "cursor"},
      {"cursor=MjAyNi0xMS0yM3wxMg", "cursor"},
      {"limit=0", "limit"},
      {"limit=201", "limit"},
      {"limit=ten", "limit"},
      {"type=phonecall", "type"},
      {"from=23/11/2026", "from"},
      {"to=tomorrow", "to"},
      {"from=2026-11-23&to=2026-11-22", "to"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.query);
    const auto r = Get(path + c.query);
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(r.Json()["error"]["field"], c.field);
  }
}

TEST_P(TimelineTest, AnAmendmentKeepsTheOriginalAndBothAreVisible) {
  const json original = Record("home_visit", DaysAgo(2), "Seen on Monday.");
  const std::string path =
      "/api/v1/people/" + kCrn + "/contacts/" + std::to_string(original["id"].get<int64_t>());
  const auto before = Get(path);
  ASSERT_EQ(before.status, 200) << before.body;
  EXPECT_EQ(before.Json()["amendments"], json::array());

  const auto amended = As("demo.po1", "POST", path + "/amendments",
                          {{"note", "Seen on Tuesday."}, {"reason", "Wrong day"}});
  ASSERT_EQ(amended.status, 201) << amended.body;
  const json amendment = amended.Json();
  EXPECT_EQ(amendment["contact_id"], original["id"]);
  EXPECT_EQ(amendment["note"], "Seen on Tuesday.");
  EXPECT_EQ(amendment["reason"], "Wrong day");
  EXPECT_TRUE(amendment["instructed_by"].is_null());

  const auto after = Get(path);
  ASSERT_EQ(after.status, 200) << after.body;
  json detail = after.Json();
  ASSERT_EQ(detail["amendments"].size(), 1u);
  EXPECT_EQ(detail["amendments"][0], amendment);
  detail.erase("amendments");
  EXPECT_EQ(detail, original) << "the original is exactly as it was";

  const auto timeline = AllPages("", 200);
  ASSERT_EQ(timeline.size(), 3u);
  EXPECT_EQ(timeline[0]["type"], "contact.amended");
  EXPECT_EQ(timeline[0]["system"], true);
  EXPECT_EQ(timeline[0]["at"], At(kNow));
  EXPECT_EQ(timeline[0]["id"], amendment["id"]);
  EXPECT_EQ(timeline[0]["note"], "Amendment to contact " +
                                     std::to_string(original["id"].get<int64_t>()) +
                                     ": Wrong day\n\nSeen on Tuesday.");
  EXPECT_EQ(timeline[1], original);

  const auto event = Events(kCrn).back();
  EXPECT_EQ(event.kind, "contact.amended");
  EXPECT_EQ(event.seq, amendment["event_seq"]);
  EXPECT_FALSE(event.instructed_by);
  EXPECT_EQ(json::parse(event.payload),
            (json{{"id", original["id"]}, {"reason", "Wrong day"}, {"note", "Seen on Tuesday."}}));

  // A second amendment, on a senior's instruction, joins the first; the original still stands.
  const auto second = As("demo.po1", "POST", path + "/amendments",
                         {{"note", "Seen on Wednesday."},
                          {"reason", "Diary checked"},
                          {"instructed_by", "demo.spo1"}});
  ASSERT_EQ(second.status, 201) << second.body;
  const std::string spo = "staff:" + std::to_string(StaffIdOf("demo.spo1"));
  EXPECT_EQ(second.Json()["instructed_by"], spo);
  EXPECT_EQ(second.Json()["instructed_by_name"], "Sandra Price");
  EXPECT_EQ(Events(kCrn).back().instructed_by.value_or(""), spo);
  const json both = Get(path).Json();
  ASSERT_EQ(both["amendments"].size(), 2u);
  EXPECT_EQ(both["amendments"][0]["note"], "Seen on Tuesday.");
  EXPECT_EQ(both["amendments"][1]["note"], "Seen on Wednesday.");
  EXPECT_EQ(both["amendments"][1]["instructed_by_name"], "Sandra Price");
  EXPECT_EQ(both["note"], "Seen on Monday.");
  EXPECT_TRUE(store::VerifyChain(*db_).intact);
}

TEST_P(TimelineTest, SystemEntriesAndBadAmendmentsAreRefused) {
  const json original = Record("phone_call", DaysAgo(1), "Rang.");
  const std::string path =
      "/api/v1/people/" + kCrn + "/contacts/" + std::to_string(original["id"].get<int64_t>());
  const auto timeline = AllPages("type=person.registered", 10);
  ASSERT_EQ(timeline.size(), 1u);
  const std::string system_path =
      "/api/v1/people/" + kCrn + "/contacts/" + std::to_string(timeline[0]["id"].get<int64_t>());
  const size_t events_before = Events(kCrn).size();

  const auto on_system = As("demo.po1", "POST", system_path + "/amendments",
                            {{"note", "Different."}, {"reason", "Because"}});
  EXPECT_EQ(on_system.status, 400) << on_system.body;
  EXPECT_EQ(on_system.Json()["error"]["code"], "system_entry");

  const struct {
    const char* why;
    json body;
    const char* field;
  } cases[] = {
      {"no note", {{"reason", "Typo"}}, "note"},
      {"blank note", {{"note", "   "}, {"reason", "Typo"}}, "note"},
      {"no reason", {{"note", "Text"}}, "reason"},
      {"unknown instructor",
       {{"note", "Text"}, {"reason", "Typo"}, {"instructed_by", "nobody"}},
       "instructed_by"},
      {"instructed by oneself",
       {{"note", "Text"}, {"reason", "Typo"}, {"instructed_by", "demo.po1"}},
       "instructed_by"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    const auto r = As("demo.po1", "POST", path + "/amendments", c.body);
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(r.Json()["error"]["field"], c.field);
  }
  EXPECT_EQ(Events(kCrn).size(), events_before);

  // An amendment row is a system entry too: correct the original again instead.
  const auto amended = As("demo.po1", "POST", path + "/amendments",
                          {{"note", "Rang twice."}, {"reason", "Missed a call"}});
  ASSERT_EQ(amended.status, 201);
  const auto again = As("demo.po1", "POST",
                        "/api/v1/people/" + kCrn + "/contacts/" +
                            std::to_string(amended.Json()["id"].get<int64_t>()) + "/amendments",
                        {{"note", "x"}, {"reason", "y"}});
  EXPECT_EQ(again.status, 400);
  EXPECT_EQ(again.Json()["error"]["code"], "system_entry");
}

TEST_P(TimelineTest, AContactIsFoundOnlyUnderItsOwnPerson) {
  const json theirs = Record("phone_call", DaysAgo(1), "Other person's call.", kOtherCrn);
  const std::string id = std::to_string(theirs["id"].get<int64_t>());
  const std::string wrong = "/api/v1/people/" + kCrn + "/contacts/" + id;
  EXPECT_EQ(Get(wrong).status, 404);
  EXPECT_EQ(As("demo.po1", "POST", wrong + "/amendments", {{"note", "x"}, {"reason", "y"}}).status,
            404);
  EXPECT_EQ(Get("/api/v1/people/" + kOtherCrn + "/contacts/" + id).status, 200);
  for (const char* bad : {"0", "-1", "abc", "99999999", "1x", "99999999999999999999"}) {
    SCOPED_TRACE(bad);
    EXPECT_EQ(Get("/api/v1/people/" + kCrn + "/contacts/" + bad).status, 404);
  }
  const auto timeline = AllPages("", 200);
  EXPECT_EQ(timeline.size(), 1u) << "the other person's contact is not on this timeline";
}

TEST_P(TimelineTest, APractitionerOfAnotherPduFindsNothing) {
  const json contact = Record("phone_call", DaysAgo(1), "Rang.");
  const std::string path =
      "/api/v1/people/" + kCrn + "/contacts/" + std::to_string(contact["id"].get<int64_t>());
  const size_t events_before = Events(kCrn).size();
  const struct {
    const char* method;
    std::string target;
    json body;
  } requests[] = {
      {"POST", "/api/v1/people/" + kCrn + "/contacts", {{"type", "phone_call"}, {"note", "x"}}},
      {"GET", path, nullptr},
      {"POST", path + "/amendments", {{"note", "x"}, {"reason", "y"}}},
      {"GET", "/api/v1/people/" + kCrn + "/timeline", nullptr},
      {"GET", "/api/v1/people/" + kCrn + "/timeline?cursor=garbage", nullptr},
      {"POST", "/api/v1/people/" + kCrn + "/contacts", {{"type", "nonsense"}}},
  };
  for (const auto& r : requests) {
    SCOPED_TRACE(std::string(r.method) + " " + r.target);
    const auto response = As("demo.po2", r.method, r.target, r.body);
    EXPECT_EQ(response.status, 404) << response.body;
    EXPECT_EQ(response.Json()["error"]["code"], "not_found");
    EXPECT_NE(As("demo.spo1", r.method, r.target, r.body).status, 404)
        << "the case's own team finds it";
  }
  EXPECT_EQ(Events(kCrn).size(), events_before + 2) << "only the SPO's two writes";
}

TEST_P(TimelineTest, ContactTypesListEveryCodeWithItsLabel) {
  const auto r = Get("/api/v1/contact-types", "demo.po2");
  ASSERT_EQ(r.status, 200) << r.body;
  const json items = r.Json()["items"];
  ASSERT_EQ(items.size(), cases::ContactTypes().size());
  EXPECT_EQ(items[0], (json{{"code", cases::ContactTypes()[0].code},
                            {"label", cases::ContactTypes()[0].label}}));
  bool phone = false;
  for (const auto& item : items)
    phone = phone || item == json{{"code", "phone_call"}, {"label", "Phone call"}};
  EXPECT_TRUE(phone);
}

PROBITY_ON_BOTH_BACKENDS(TimelineTest);

}  // namespace
}  // namespace probity

// Practitioners' private calendar feeds over real HTTP, on both backends: the secret URL is the
// only authentication and revoking it ends access at once; events keep their UID, their SEQUENCE
// goes up when they change and a rearranged appointment is cancelled beside its replacement; the
// ETag answers 304; the feed holds no names or addresses; and UK times either side of both clock
// changes come out as the right UTC instants, read back by libical and by python3-icalendar.
#include <gtest/gtest.h>
#include <libical/ical.h>
#include <soci/soci.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "access/secret.h"
#include "page_client.h"
#include "store/event_log.h"

namespace probity {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

const char* const kMine = "/api/v1/me/calendar-feed";
const char* const kCrn = "X100001";

struct Event {
  std::string status;
  int sequence = 0;
  std::string summary;
  std::string location;
  std::string dtstart_utc;  // "2027-03-29T09:00Z", by libical from the feed's VTIMEZONE
};

// The feed's events by UID, as libical reads them back. Empty when it does not parse.
std::map<std::string, Event> ParseFeed(const std::string& text) {
  std::map<std::string, Event> out;
  icalcomponent* cal = icalparser_parse_string(text.c_str());
  if (!cal) return out;
  for (auto* e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); e;
       e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
    const icaltimetype start = icalcomponent_get_dtstart(e);
    const auto seconds = icaltime_as_timet_with_zone(start, start.zone);
    Event ev{icalproperty_status_to_string(icalcomponent_get_status(e)),
             icalcomponent_get_sequence(e), icalcomponent_get_summary(e),
             icalcomponent_get_location(e),
             FormatUtc(UtcTime{std::chrono::seconds{seconds}}).substr(0, 16) + "Z"};
    out[icalcomponent_get_uid(e)] = ev;
  }
  icalcomponent_free(cal);
  return out;
}

std::string Uid(int64_t id) { return "appointment-" + std::to_string(id) + "@probity"; }

// tests/ical_check.py, beside this file (a relative __FILE__ is relative to the build folder,
// where the test program is).
fs::path CheckScript() {
  fs::path here(__FILE__);
  if (here.is_relative()) here = fs::read_symlink("/proc/self/exe").parent_path() / here;
  return fs::weakly_canonical(here.parent_path() / "ical_check.py");
}

// Runs the python3-icalendar check over `feed`; its output, one line per event.
std::string RunPythonCheck(const std::string& feed, int* exit_status) {
  const fs::path file = fs::temp_directory_path() / testing::UniqueName("feed_") += ".ics";
  std::ofstream(file, std::ios::binary) << feed;
  const std::string command =
      "/usr/bin/python3 '" + CheckScript().string() + "' '" + file.string() + "' 2>&1";
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return "popen failed";
  std::array<char, 512> buffer{};
  while (fgets(buffer.data(), buffer.size(), pipe)) out += buffer.data();
  *exit_status = pclose(pipe);
  fs::remove(file);
  return out;
}

class CalendarFeedTest : public testing::PageTest {
 protected:
  void SetUp() override {
    PageTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    clock_.Set(*ParseUtc("2026-11-23T09:00:00.000000Z"));
    AddCase(kCrn, "Jordan", "Smithson");
  }

  // Books an appointment with demo.po1 at UK time `uk_time`; its id, or 0.
  int64_t Book(const std::string& uk_time, json place = {{"office", "NE-WALL"}}) {
    json body = {{"type", "supervision"}, {"starts_at", uk_time}, {"duration_minutes", 45}};
    body.update(place);
    const auto r =
        As("demo.po1", "POST", std::string("/api/v1/people/") + kCrn + "/appointments", body);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.Json()["id"].get<int64_t>() : 0;
  }

  // Issues demo.po1's feed through the API; its path.
  std::string Issue() {
    const auto r = As("demo.po1", "POST", kMine);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.Json()["path"].get<std::string>() : "";
  }

  // The feed with no credentials at all, as a calendar app fetches it.
  testing::ClientResponse Fetch(const std::string& path, Headers headers = {}) {
    return Send("GET", path, "", std::move(headers));
  }
};

TEST_P(CalendarFeedTest, RearrangingRaisesTheSequenceAndCancelsTheOriginalBesideItsReplacement) {
  const int64_t first = Book("2026-12-01T10:00");
  ASSERT_NE(first, 0);
  const std::string path = Issue();
  ASSERT_FALSE(path.empty());
  const auto before = Fetch(path);
  ASSERT_EQ(before.status, 200) << before.body;
  auto events = ParseFeed(before.body);
  ASSERT_EQ(events.size(), 1u) << before.body;
  EXPECT_EQ(events[Uid(first)].status, "CONFIRMED");
  EXPECT_EQ(events[Uid(first)].sequence, 1);
  EXPECT_EQ(events[Uid(first)].summary, "X100001 J.S.: Supervision appointment");
  EXPECT_EQ(events[Uid(first)].dtstart_utc, "2026-12-01T10:00Z");

  const auto moved = As("demo.po1", "POST",
                        std::string("/api/v1/people/") + kCrn + "/appointments/" +
                            std::to_string(first) + "/rearrange",
                        {{"version", 1},
                         {"requested_by", "person"},
                         {"reason", "Job interview"},
                         {"starts_at", "2026-12-02T14:00"}});
  ASSERT_EQ(moved.status, 201) << moved.body;
  const int64_t replacement = moved.Json()["replacement"]["id"];

  const auto after = Fetch(path);
  ASSERT_EQ(after.status, 200);
  events = ParseFeed(after.body);
  ASSERT_EQ(events.size(), 2u) << after.body;
  EXPECT_EQ(events[Uid(first)].status, "CANCELLED");
  EXPECT_GT(events[Uid(first)].sequence, 1) << "a change clients must apply";
  EXPECT_EQ(events[Uid(first)].dtstart_utc, "2026-12-01T10:00Z") << "the same UID, as it was";
  EXPECT_EQ(events[Uid(replacement)].status, "CONFIRMED");
  EXPECT_EQ(events[Uid(replacement)].sequence, 1);
  EXPECT_EQ(events[Uid(replacement)].dtstart_utc, "2026-12-02T14:00Z");
  EXPECT_NE(after.Header("ETag"), before.Header("ETag"));
}

TEST_P(CalendarFeedTest, RevokingOrReplacingTheSecretEndsAccessAtOnce) {
  ASSERT_NE(Book("2026-12-01T10:00"), 0);
  EXPECT_EQ(As("demo.po1", "GET", kMine).Json(), (json{{"live", false}, {"issued_at", nullptr}}));
  const auto issued = As("demo.po1", "POST", kMine);
  ASSERT_EQ(issued.status, 201) << issued.body;
  const std::string path = issued.Json()["path"];
  const std::string secret = path.substr(16, path.size() - 16 - 4);
  EXPECT_EQ(issued.Json()["url"].get<std::string>().ends_with(path), true);
  EXPECT_EQ(issued.Json()["replaced"], false);
  EXPECT_EQ(As("demo.po1", "GET", kMine).Json()["live"], true);
  EXPECT_EQ(As("demo.po1", "GET", kMine).body.find(secret), std::string::npos);
  EXPECT_EQ(Fetch(path).status, 200);

  // Replacing it: the old address is gone the moment the new one exists.
  const auto replaced = As("demo.po1", "POST", kMine);
  ASSERT_EQ(replaced.status, 201);
  EXPECT_EQ(replaced.Json()["replaced"], true);
  const std::string new_path = replaced.Json()["path"];
  EXPECT_EQ(Fetch(path).status, 404);
  EXPECT_EQ(Fetch(new_path).status, 200);

  // Revoking it: 404 straight after, exactly as for a secret that never existed.
  ASSERT_EQ(As("demo.po1", "DELETE", kMine).status, 200);
  const auto gone = Fetch(new_path);
  EXPECT_EQ(gone.status, 404);
  const auto never = Fetch("/calendar/feeds/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics");
  EXPECT_EQ(never.status, 404);
  EXPECT_EQ(gone.Json()["error"]["code"], never.Json()["error"]["code"]);
  for (const char* bad : {"/calendar/feeds/short.ics", "/calendar/feeds/x", "/calendar/feeds/.ics"})
    EXPECT_EQ(Fetch(bad).status, 404) << bad;
  EXPECT_EQ(As("demo.po1", "DELETE", kMine).status, 404) << "nothing left to revoke";
  EXPECT_EQ(As("demo.po1", "GET", kMine).Json()["live"], false);

  // The log: issued, revoked (by replacing), issued, revoked; never the secret or its hash.
  auto tx = db_->BeginRead();
  std::vector<std::string> kinds;
  for (const auto& e : store::EventsForSubject(tx, "staff:demo.po1")) {
    if (!e.kind.starts_with("calendar_feed.")) continue;
    kinds.push_back(e.kind);
    EXPECT_EQ(e.payload.find(secret), std::string::npos);
    EXPECT_EQ(e.payload.find(access::HashSecret(secret)), std::string::npos);
  }
  EXPECT_EQ(kinds, (std::vector<std::string>{"calendar_feed.issued", "calendar_feed.revoked",
                                             "calendar_feed.issued", "calendar_feed.revoked"}));
  int stored = 0;
  tx.sql() << "SELECT COUNT(*) FROM calendar_feed WHERE secret_hash = :s", soci::use(secret),
      soci::into(stored);
  EXPECT_EQ(stored, 0) << "the secret itself is never stored";
  tx.sql() << "SELECT COUNT(*) FROM calendar_feed WHERE revoked_at IS NULL", soci::into(stored);
  EXPECT_EQ(stored, 0) << "none live";
}

TEST_P(CalendarFeedTest, TheDatabaseRefusesToUnrevokeOrDeleteAFeed) {
  ASSERT_FALSE(Issue().empty());
  ASSERT_EQ(As("demo.po1", "DELETE", kMine).status, 200);
  {
    auto tx = db_->BeginWrite();
    EXPECT_THROW(tx.sql() << "UPDATE calendar_feed SET revoked_at = NULL", soci::soci_error);
  }
  auto tx = db_->BeginWrite();
  EXPECT_THROW(tx.sql() << "DELETE FROM calendar_feed", soci::soci_error);
}

TEST_P(CalendarFeedTest, AnswersNotModifiedToAMatchingEtagAndOnlyToIt) {
  ASSERT_NE(Book("2026-12-01T10:00"), 0);
  const std::string path = Issue();
  const auto first = Fetch(path);
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(first.Header("Content-Type"), "text/calendar; charset=utf-8");
  EXPECT_EQ(first.Header("Cache-Control"), "private, max-age=300");
  const std::string etag = first.Header("ETag");
  ASSERT_TRUE(etag.size() > 2 && etag.front() == '"' && etag.back() == '"') << etag;
  EXPECT_EQ(Fetch(path).Header("ETag"), etag) << "the same appointments, the same bytes";

  const auto same = Fetch(path, {{"If-None-Match", etag}});
  EXPECT_EQ(same.status, 304);
  EXPECT_TRUE(same.body.empty());
  EXPECT_EQ(same.Header("ETag"), etag);
  EXPECT_EQ(Fetch(path, {{"If-None-Match", "\"other\", W/" + etag}}).status, 304);
  EXPECT_EQ(Fetch(path, {{"If-None-Match", "\"other\""}}).status, 200);

  ASSERT_NE(Book("2026-12-03T11:00"), 0);
  const auto changed = Fetch(path, {{"If-None-Match", etag}});
  EXPECT_EQ(changed.status, 200);
  EXPECT_NE(changed.Header("ETag"), etag);
  EXPECT_EQ(ParseFeed(changed.body).size(), 2u);
}

TEST_P(CalendarFeedTest, HoldsNoNamesOrAddressesAndOnlyThePractitionersOwnWindow) {
  const int64_t visit =
      Book("2026-12-01T10:00", {{"location", "Home address: 4 Quay Road, Wallsend"}});
  ASSERT_NE(visit, 0);
  const int64_t later = Book("2028-01-10T10:00");  // beyond 365 days ahead
  ASSERT_NE(later, 0);
  const std::string path = Issue();
  const auto feed = Fetch(path);
  ASSERT_EQ(feed.status, 200);
  for (const char* personal : {"Jordan", "Smithson", "Quay Road", "Wallsend,", "Job interview"})
    EXPECT_EQ(feed.body.find(personal), std::string::npos) << personal;
  auto events = ParseFeed(feed.body);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[Uid(visit)].location, "Away from the office");
  EXPECT_EQ(events[Uid(visit)].summary, "X100001 J.S.: Supervision appointment");

  // A case the practitioner is excluded from leaves their feed, as it leaves their diary.
  ASSERT_EQ(As("demo.spo1", "POST", std::string("/api/v1/people/") + kCrn + "/exclusions",
               {{"username", "demo.po1"}, {"reason", "Related to the officer"}})
                .status,
            201);
  EXPECT_EQ(ParseFeed(Fetch(path).body).size(), 0u);

  // demo.po2's own feed shows none of demo.po1's appointments.
  const auto theirs = As("demo.po2", "POST", kMine);
  ASSERT_EQ(theirs.status, 201);
  EXPECT_EQ(ParseFeed(Fetch(theirs.Json()["path"].get<std::string>()).body).size(), 0u);
}

TEST_P(CalendarFeedTest, UkTimesEitherSideOfBothClockChangesAreTheRightInstantsToBothParsers) {
  // 10:00 UK time each day: GMT until 28 March 2027, BST until 31 October 2027, then GMT.
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"2027-03-26T10:00", "2027-03-26T10:00Z"},
      {"2027-03-29T10:00", "2027-03-29T09:00Z"},
      {"2027-10-29T10:00", "2027-10-29T09:00Z"},
      {"2027-11-01T10:00", "2027-11-01T10:00Z"},
  };
  std::map<std::string, std::string> want;
  for (const auto& [uk, utc] : cases) {
    const int64_t id = Book(uk);
    ASSERT_NE(id, 0) << uk;
    want[Uid(id)] = utc;
  }
  const auto feed = Fetch(Issue());
  ASSERT_EQ(feed.status, 200);

  const auto events = ParseFeed(feed.body);
  ASSERT_EQ(events.size(), want.size());
  for (const auto& [uid, utc] : want) EXPECT_EQ(events.at(uid).dtstart_utc, utc) << uid;

  int exit_status = -1;
  const std::string out = RunPythonCheck(feed.body, &exit_status);
  ASSERT_EQ(exit_status, 0) << out;
  std::map<std::string, std::string> by_python;
  std::istringstream lines(out);
  for (std::string uid, from_vtimezone, from_name, status, sequence;
       lines >> uid >> from_vtimezone >> from_name >> status >> sequence;) {
    EXPECT_EQ(from_vtimezone, from_name) << uid;
    EXPECT_EQ(status, "CONFIRMED");
    by_python[uid] = from_vtimezone;
  }
  EXPECT_EQ(by_python, want) << out;
}

TEST_P(CalendarFeedTest, TheAccountPageCreatesShowsOnceAndRevokesTheAddress) {
  const auto empty = GetAs("demo.po1", "/account/calendar-feed");
  ASSERT_EQ(empty.status, 200) << empty.body;
  EXPECT_NE(empty.body.find("You have no calendar feed"), std::string::npos);
  EXPECT_EQ(PostForm("/account/calendar-feed", "", {{"Cookie", Session("demo.po1").first}}).status,
            403)
      << "no CSRF token";

  const auto created = PostAs("demo.po1", "/account/calendar-feed", {});
  ASSERT_EQ(created.status, 200) << created.body;
  const auto at = created.body.find("/calendar/feeds/");
  ASSERT_NE(at, std::string::npos);
  const std::string path = created.body.substr(at, 16 + 43 + 4);
  EXPECT_EQ(Fetch(path).status, 200);
  const auto shown = GetAs("demo.po1", "/account/calendar-feed");
  EXPECT_NE(shown.body.find("Active since"), std::string::npos);
  EXPECT_EQ(shown.body.find("/calendar/feeds/"), std::string::npos) << "shown only once";

  const auto revoked = PostAs("demo.po1", "/account/calendar-feed/revoke", {});
  EXPECT_EQ(revoked.status, 303);
  EXPECT_EQ(Fetch(path).status, 404);
  EXPECT_NE(GetAs("demo.po1", "/account/calendar-feed?done=revoked")
                .body.find("Its address no longer works"),
            std::string::npos);
}

PROBITY_ON_BOTH_BACKENDS(CalendarFeedTest);

}  // namespace
}  // namespace probity

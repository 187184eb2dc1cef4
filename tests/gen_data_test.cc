// probity gen-data's loader on both backends: a small national-shaped load verifies, counts
// match, the same seed gives the same chain in another database, person pages read back, and
// the bulk row writer it stands on round-trips awkward text.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "app/people.h"
#include "cases/store.h"
#include "cases/timeline_store.h"
#include "db_fixture.h"
#include "gen/writer.h"
#include "store/bulk_copy.h"
#include "store/event_batch.h"
#include "store/event_log.h"
#include "store/migrate.h"

namespace probity {
namespace {

using testing::DbTest;

int64_t Count(store::Db& db, const std::string& sql) {
  auto tx = db.BeginRead();
  long long n = 0;
  tx.sql() << sql, soci::into(n);
  return n;
}

// A second, empty database on the same backend, dropped when it goes out of scope.
class OtherDatabase {
 public:
  explicit OtherDatabase(store::Backend backend) {
    const std::string name = testing::UniqueName("gen");
    if (backend == store::Backend::kSqlite) {
      dir_ = std::filesystem::temp_directory_path() / ("probity_" + name);
      std::filesystem::create_directories(dir_);
      url_ = "sqlite:" + (dir_ / "other.db").string();
      return;
    }
    admin_url_ = std::getenv("PROBITY_TEST_PG");
    schema_ = name;
    Admin("CREATE SCHEMA " + schema_);
    url_ = admin_url_ + (admin_url_.find('?') == std::string::npos ? "?" : "&") +
           "options=-csearch_path%3D" + schema_;
  }
  ~OtherDatabase() {
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
    if (!schema_.empty()) Admin("DROP SCHEMA " + schema_ + " CASCADE");
  }
  std::unique_ptr<store::Db> OpenMigrated() {
    auto db = store::Db::Open(url_, 2);
    if (!db) throw std::runtime_error(db.error().message);
    if (auto m = store::Migrate(**db); !m) throw std::runtime_error(m.error().message);
    return std::move(*db);
  }

 private:
  void Admin(const std::string& sql) {
    auto db = store::Db::Open(admin_url_, 1);
    if (!db) throw std::runtime_error(db.error().message);
    auto tx = (*db)->BeginWrite();
    tx.sql() << sql;
    tx.Commit();
  }
  std::filesystem::path dir_;
  std::string admin_url_, schema_, url_;
};

class GenDataTest : public DbTest {};

TEST_P(GenDataTest, LoadsTwoHundredPeopleWhoseEventsVerify) {
  auto db = OpenMigrated();
  std::vector<gen::LoadProgress> seen;
  auto report =
      gen::Load(*db, {200, 7}, 60, [&](const gen::LoadProgress& p) { seen.push_back(p); });
  ASSERT_TRUE(report) << report.error().message;
  ASSERT_EQ(seen.size(), 4u) << "one report a batch: 60, 120, 180, 200";
  EXPECT_EQ(seen.back().people_done, 200);
  EXPECT_EQ(seen.back().events, report->events);

  EXPECT_EQ(report->people, 200);
  EXPECT_EQ(report->staff, 40);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM person"), 200);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM staff"), 40);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM team"), report->teams);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM sentence"), report->sentences);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM requirement"), report->requirements);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM licence_condition"), report->licence_conditions);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM registration"), report->registrations);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM conviction"), report->convictions);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM allocation"), report->allocations);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM contact WHERE system = 0"), report->contacts);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM contact WHERE system = 1"), report->system_entries);
  EXPECT_GT(report->contacts, 200 * 30);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM contact WHERE event_seq IS NULL"), 0);
  // One event per fact: every timeline row points at its own event.
  EXPECT_EQ(Count(*db, "SELECT COUNT(DISTINCT event_seq) FROM contact"),
            report->contacts + report->system_entries);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM event_log"), report->events);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM person WHERE officer_staff_id IS NULL"),
            200 - report->allocations);

  const auto verified = store::VerifyChain(*db);
  EXPECT_TRUE(verified.intact) << verified.problem;
  EXPECT_EQ(verified.count, report->events);
  EXPECT_EQ(verified.head_hash, report->head_hash);
}

TEST_P(GenDataTest, TheSameSeedGivesTheSameChainInAnotherDatabase) {
  auto db = OpenMigrated();
  OtherDatabase other_database(backend());
  auto other = other_database.OpenMigrated();
  auto a = gen::Load(*db, {120, 11}, 50);
  auto b = gen::Load(*other, {120, 11}, 33);  // batch size does not change the history
  ASSERT_TRUE(a) << a.error().message;
  ASSERT_TRUE(b) << b.error().message;
  EXPECT_EQ(a->events, b->events);
  EXPECT_EQ(a->head_hash, b->head_hash);
  EXPECT_EQ(store::VerifyChain(*other).head_hash, a->head_hash);
}

TEST_P(GenDataTest, AnotherSeedGivesAnotherChain) {
  auto db = OpenMigrated();
  OtherDatabase other_database(backend());
  auto other = other_database.OpenMigrated();
  auto a = gen::Load(*db, {40, 1}, 500);
  auto b = gen::Load(*other, {40, 2}, 500);
  ASSERT_TRUE(a && b);
  EXPECT_NE(a->head_hash, b->head_hash);
}

TEST_P(GenDataTest, PersonPagesReadBack) {
  auto db = OpenMigrated();
  const gen::Options options{50, 5};
  auto report = gen::Load(*db, options, 500);
  ASSERT_TRUE(report) << report.error().message;
  const gen::GenOrg org = gen::GenerateOrg(options);
  for (int64_t i = 0; i < options.people; i += 7) {
    const gen::GenPerson want = gen::GeneratePerson(org, options, i);
    SCOPED_TRACE(want.details.crn);
    auto tx = db->BeginRead();
    auto person = cases::FindPerson(tx, want.details.crn);
    ASSERT_TRUE(person);
    EXPECT_EQ(person->first_name, want.details.first_name);
    EXPECT_EQ(person->date_of_birth, want.details.date_of_birth);
    EXPECT_EQ(person->team_code, want.details.team_code);
    EXPECT_EQ(person->tier, want.tier);
    EXPECT_EQ(person->officer_staff_id.has_value(), want.officer.has_value());
    if (want.officer) {
      EXPECT_EQ(person->officer_name, org.staff[*want.officer].staff.name);
    }
    const auto record = cases::LoadCaseRecord(tx, *person);
    EXPECT_EQ(record.registrations.size(), want.registrations.size());
    EXPECT_EQ(record.convictions.size(), want.convictions.size());
    EXPECT_EQ(record.addresses.size(), 1u);
    EXPECT_EQ(record.needs.size(), want.needs.size());

    cases::TimelineQuery query;
    query.person_id = person->id;
    query.limit = 50;
    const auto page = cases::ReadTimeline(tx, query);
    long long rows = 0;
    const long long person_id = person->id;
    tx.sql() << "SELECT COUNT(*) FROM contact WHERE person_id = :p", soci::use(person_id),
        soci::into(rows);
    ASSERT_EQ(static_cast<long long>(page.items.size()), std::min(rows, 50LL));
    EXPECT_EQ(page.next.has_value(), rows > 50);
    for (size_t k = 1; k < page.items.size(); ++k)
      EXPECT_GE(page.items[k - 1].at, page.items[k].at) << "newest first";
    const auto events = store::EventsForSubject(tx, want.details.crn);
    EXPECT_EQ(static_cast<long long>(events.size()), rows) << "one timeline row per event";
    std::map<int64_t, std::string> kinds;
    for (const auto& e : events) kinds[e.seq] = e.kind;
    for (const auto& item : page.items) {
      ASSERT_TRUE(item.event_seq);
      EXPECT_EQ(kinds[*item.event_seq], item.system ? item.type : "contact.recorded");
    }
    EXPECT_EQ(events.front().kind, "person.registered");
    const auto registered = nlohmann::json::parse(events.front().payload);
    EXPECT_EQ(registered["id"], person->id);
    EXPECT_EQ(registered["crn"], want.details.crn);
  }
}

TEST_P(GenDataTest, RefusesADatabaseThatHoldsPeople) {
  auto db = OpenMigrated();
  ASSERT_TRUE(gen::Load(*db, {10, 1}, 500));
  const auto again = gen::Load(*db, {10, 1}, 500);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(again.error().code, "not_empty");
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM person"), 10);
}

TEST_P(GenDataTest, RefusesOptionsOutOfRange) {
  auto db = OpenMigrated();
  for (const auto& [people, batch] : std::vector<std::pair<int64_t, int>>{
           {0, 500}, {-1, 500}, {gen::kMaxPeople + 1, 500}, {10, 0}, {10, 100'001}}) {
    const auto report = gen::Load(*db, {people, 1}, batch);
    ASSERT_FALSE(report);
    EXPECT_EQ(report.error().kind, ErrorKind::kInvalid);
  }
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM region"), 0);
}

TEST_P(GenDataTest, OrdinaryWritesFollowALoad) {
  // Explicit ids must leave PostgreSQL's sequences past them, and the chain open for appends.
  auto db = OpenMigrated();
  auto report = gen::Load(*db, {30, 3}, 500);
  ASSERT_TRUE(report);
  cases::NewPerson in;
  in.crn = "Z999999";
  in.first_name = "Ada";
  in.last_name = "Lovelace";
  in.date_of_birth = "1990-12-10";
  in.gender = "female";
  in.team_code = "G01-P01-T01";
  auto added = app::RegisterPerson(*db, {"staff:1", std::nullopt}, in, SystemClock().Now());
  ASSERT_TRUE(added) << added.error().message;
  EXPECT_EQ(added->person_id, 31);
  const auto verified = store::VerifyChain(*db);
  EXPECT_TRUE(verified.intact) << verified.problem;
  EXPECT_EQ(verified.count, report->events + 1);
}

PROBITY_ON_BOTH_BACKENDS(GenDataTest);

class GenBulkInsertTest : public DbTest {};

TEST_P(GenBulkInsertTest, AwkwardTextRoundTrips) {
  auto db = OpenMigrated();
  const std::vector<std::string> texts = {
      "tab\there", "new\nline", "carriage\rreturn",   "back\\slash",           "\\N",
      "\\.",       "",          "£ and ü and 🙂", "quote ' and \" double", "end\\"};
  {
    auto tx = db->BeginWrite();
    store::BulkInsert rows(tx, "region", {"id", "code", "name"});
    for (size_t i = 0; i < texts.size(); ++i)
      rows.Int(static_cast<int64_t>(i + 1)).Text("R" + std::to_string(i)).Text(texts[i]).EndRow();
    rows.Finish();
    store::BulkInsert nulls(
        tx, "person_alias",
        {"id", "person_id", "first_name", "last_name", "date_of_birth", "added_by", "added_at"});
    nulls.Finish();  // nothing buffered: nothing sent
    store::SyncIdSequence(tx, "region");
    tx.Commit();
  }
  auto tx = db->BeginRead();
  for (size_t i = 0; i < texts.size(); ++i) {
    std::string name;
    const long long id = static_cast<long long>(i + 1);
    tx.sql() << "SELECT name FROM region WHERE id = :id", soci::use(id), soci::into(name);
    EXPECT_EQ(name, texts[i]) << i;
  }
}

TEST_P(GenBulkInsertTest, NullsAndIntegersRoundTrip) {
  auto db = OpenMigrated();
  {
    auto tx = db->BeginWrite();
    store::BulkInsert staff(
        tx, "staff", {"id", "name", "grade", "contracted_minutes", "start_date", "qualified_on"});
    staff.Int(7)
        .Text("A")
        .Text("po")
        .Int(int64_t{2220})
        .Null()
        .Text(std::optional<std::string>())
        .EndRow();
    EXPECT_THROW(staff.Int(8).Text("B").EndRow(), std::logic_error);
    staff.Finish();
    tx.Commit();
  }
  auto tx = db->BeginRead();
  soci::indicator start = soci::i_ok, qualified = soci::i_ok;
  std::string s, q;
  int minutes = 0;
  tx.sql() << "SELECT contracted_minutes, start_date, qualified_on FROM staff WHERE id = 7",
      soci::into(minutes), soci::into(s, start), soci::into(q, qualified);
  EXPECT_EQ(minutes, 2220);
  EXPECT_EQ(start, soci::i_null);
  EXPECT_EQ(qualified, soci::i_null);
}

TEST_P(GenBulkInsertTest, BatchedEventsMatchSingleAppends) {
  // The same events through AppendEvent in one database and EventBatch in another hash alike.
  auto db = OpenMigrated();
  OtherDatabase other_database(backend());
  auto other = other_database.OpenMigrated();
  const store::Actor by{"staff:3", std::string("staff:4")};
  const store::Actor system{"system:test", std::nullopt};
  const UtcTime at = *ParseUtc("2026-01-02T03:04:05.678901Z");
  const std::vector<nlohmann::json> payloads = {{{"b", 1}, {"a", "x\ty"}}, {{"n", nullptr}}, {}};
  {
    auto tx = db->BeginWrite();
    for (size_t i = 0; i < payloads.size(); ++i)
      store::AppendEvent(tx, i % 2 ? system : by, {"X000001", "thing.done", payloads[i]}, at);
    tx.Commit();
  }
  {
    auto tx = other->BeginWrite();
    store::EventBatch batch(tx);
    for (size_t i = 0; i < payloads.size(); ++i)
      batch.Append(i % 2 ? system : by, "X000001", "thing.done", payloads[i], at);
    EXPECT_EQ(batch.appended(), 3);
    batch.Flush();
    tx.Commit();
  }
  const auto a = store::VerifyChain(*db), b = store::VerifyChain(*other);
  EXPECT_TRUE(b.intact) << b.problem;
  EXPECT_EQ(a.head_hash, b.head_hash);
  // A second batch continues the chain.
  {
    auto tx = other->BeginWrite();
    store::EventBatch batch(tx);
    EXPECT_EQ(batch.first_seq(), 4);
    batch.Append(system, "X000001", "thing.done", nlohmann::json::object(), at);
    batch.Flush();
    tx.Commit();
  }
  EXPECT_TRUE(store::VerifyChain(*other).intact);
  EXPECT_EQ(store::VerifyChain(*other).count, 4);
}

PROBITY_ON_BOTH_BACKENDS(GenBulkInsertTest);

}  // namespace
}  // namespace probity

// Migrations, connection settings and transactions on both backends; the organisation use cases
// and seed-demo as the first writers through the event log.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "app/organisation.h"
#include "app/seed_demo.h"
#include "db_fixture.h"
#include "org/store.h"
#include "store/event_log.h"
#include "store/migrate.h"

namespace probity {
namespace {

using testing::DbTest;

const store::Actor kAdmin{"staff:1", std::nullopt};
const UtcTime kNow = ParseUtc("2026-11-23T10:00:00.000000Z").value();

class StorageTest : public DbTest {
 protected:
  long long Count(store::Db& db, const std::string& table) {
    auto tx = db.BeginRead();
    long long n = 0;
    tx.sql() << "SELECT COUNT(*) FROM " << table, soci::into(n);
    return n;
  }
};

TEST_P(StorageTest, MigrateAppliesEveryMigrationThenIsANoOp) {
  auto db = Open();
  EXPECT_EQ(store::SchemaVersion(*db), 0);
  auto first = store::Migrate(*db);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->applied.size(), store::BuiltInMigrations().size());
  EXPECT_EQ(store::SchemaVersion(*db), static_cast<int>(store::BuiltInMigrations().size()));
  auto second = store::Migrate(*db);
  ASSERT_TRUE(second);
  EXPECT_TRUE(second->applied.empty());
  EXPECT_EQ(second->current, first->current);
  EXPECT_EQ(Count(*db, "schema_migrations"), static_cast<long long>(first->applied.size()));
}

TEST_P(StorageTest, TwoServersMigratingAtOnceApplyEachMigrationOnce) {
  auto a = Open(1), b = Open(1);
  Result<store::MigrateReport> ra = store::MigrateReport{}, rb = store::MigrateReport{};
  std::thread ta([&] { ra = store::Migrate(*a); });
  std::thread tb([&] { rb = store::Migrate(*b); });
  ta.join();
  tb.join();
  ASSERT_TRUE(ra);
  ASSERT_TRUE(rb);
  EXPECT_EQ(ra->applied.size() + rb->applied.size(), store::BuiltInMigrations().size());
  EXPECT_EQ(Count(*a, "schema_migrations"),
            static_cast<long long>(store::BuiltInMigrations().size()));
}

TEST_P(StorageTest, MigrateRefusesASchemaNewerThanTheProgram) {
  auto db = OpenMigrated();
  {
    auto tx = db->BeginWrite();
    tx.sql() << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', "
                "'2030-01-01T00:00:00.000000Z')";
    tx.Commit();
  }
  auto again = store::Migrate(*db);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::kConflict);
}

TEST_P(StorageTest, AFailingMigrationLeavesNoPartOfIt) {
  auto db = OpenMigrated();
  auto migrations = store::BuiltInMigrations();
  migrations.push_back({static_cast<int>(migrations.size()) + 1, "broken",
                        "CREATE TABLE half_done (x INTEGER); THIS IS NOT SQL;", "", ""});
  EXPECT_THROW((void)store::Migrate(*db, migrations), soci::soci_error);
  EXPECT_EQ(store::SchemaVersion(*db), static_cast<int>(store::BuiltInMigrations().size()));
  EXPECT_THROW(Count(*db, "half_done"), soci::soci_error);
}

TEST_P(StorageTest, CommitsReachTheDiskBeforeTheyAreAcknowledged) {
  auto db = OpenMigrated();
  auto tx = db->BeginRead();
  if (backend() == store::Backend::kSqlite) {
    std::string journal;
    int synchronous = 0, foreign_keys = 0, busy = 0;
    tx.sql() << "PRAGMA journal_mode", soci::into(journal);
    tx.sql() << "PRAGMA synchronous", soci::into(synchronous);
    tx.sql() << "PRAGMA foreign_keys", soci::into(foreign_keys);
    tx.sql() << "PRAGMA busy_timeout", soci::into(busy);
    EXPECT_EQ(journal, "wal");
    EXPECT_EQ(synchronous, 2);  // FULL: the WAL is synced at every commit
    EXPECT_EQ(foreign_keys, 1);
    EXPECT_GT(busy, 0);
  } else {
    std::string synchronous_commit, fsync;
    tx.sql() << "SHOW synchronous_commit", soci::into(synchronous_commit);
    tx.sql() << "SHOW fsync", soci::into(fsync);
    EXPECT_EQ(synchronous_commit, "on");
    EXPECT_EQ(fsync, "on");
  }
}

TEST_P(StorageTest, ForeignKeysAreEnforced) {
  auto db = OpenMigrated();
  auto tx = db->BeginWrite();
  EXPECT_THROW(tx.sql() << "INSERT INTO team (code, name, pdu_id) VALUES ('T1', 'Team', 4242)",
               soci::soci_error);
}

TEST_P(StorageTest, CreatesTheOrganisationWithAnEventPerChange) {
  auto db = OpenMigrated();
  ASSERT_TRUE(app::CreateRegion(*db, kAdmin, {0, "NE", "North East", 1}, kNow));
  ASSERT_TRUE(app::CreatePdu(*db, kAdmin, {0, "NE-TYN", "North Tyneside", "NE", 1}, kNow));
  auto team = app::CreateTeam(*db, kAdmin, {0, "NE-TYN-A", "Team A", "NE-TYN", 1}, kNow);
  ASSERT_TRUE(team) << team.error().message;
  auto tx = db->BeginRead();
  auto found = org::FindTeam(tx, "NE-TYN-A");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, *team);
  EXPECT_EQ(found->pdu_code, "NE-TYN");
  const auto events = store::EventsForSubject(tx, "team:NE-TYN-A");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, "team.created");
  EXPECT_EQ(events[0].actor, "staff:1");
  EXPECT_EQ(nlohmann::json::parse(events[0].payload)["pdu_code"], "NE-TYN");
}

TEST_P(StorageTest, RefusedInputWritesNothing) {
  auto db = OpenMigrated();
  ASSERT_TRUE(app::CreateRegion(*db, kAdmin, {0, "NE", "North East", 1}, kNow));
  const auto events_before = Count(*db, "event_log");

  auto taken = app::CreateRegion(*db, kAdmin, {0, "NE", "Again", 1}, kNow);
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().kind, ErrorKind::kConflict);

  auto orphan = app::CreatePdu(*db, kAdmin, {0, "XX-1", "Nowhere", "XX", 1}, kNow);
  ASSERT_FALSE(orphan);
  EXPECT_EQ(orphan.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(orphan.error().field, "region_code");

  auto bad = app::CreateRegion(*db, kAdmin, {0, "ne", "lower case", 1}, kNow);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(bad.error().field, "code");

  EXPECT_EQ(Count(*db, "event_log"), events_before);
  EXPECT_EQ(Count(*db, "region"), 1);
  EXPECT_EQ(Count(*db, "pdu"), 0);
}

TEST_P(StorageTest, AWriteThatFailsMidwayLeavesNeitherStateNorEvent) {
  auto db = OpenMigrated();
  ASSERT_TRUE(app::CreateRegion(*db, kAdmin, {0, "NE", "North East", 1}, kNow));
  const auto events_before = Count(*db, "event_log");
  try {
    auto tx = db->BeginWrite();
    ASSERT_TRUE(org::Insert(tx, org::Region{0, "LDN", "London", 1}));
    store::AppendEvent(tx, kAdmin, {"region:LDN", "region.created", {{"code", "LDN"}}}, kNow);
    // The next step of the use case fails: the database refuses a second, clashing row.
    tx.sql() << "INSERT INTO region (code, name) VALUES ('NE', 'clash')";
    tx.Commit();
    FAIL() << "the clashing insert should have thrown";
  } catch (const soci::soci_error&) {
  }
  EXPECT_EQ(Count(*db, "event_log"), events_before);
  EXPECT_EQ(Count(*db, "region"), 1);
  EXPECT_TRUE(store::VerifyChain(*db).intact);
  ASSERT_TRUE(app::CreateRegion(*db, kAdmin, {0, "LDN", "London", 1}, kNow));
  EXPECT_TRUE(store::VerifyChain(*db).intact);
}

TEST_P(StorageTest, SeedDemoWritesThroughUseCasesAndRunsOnce) {
  auto db = OpenMigrated();
  auto first = app::SeedDemo(*db, "", kNow);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_FALSE(first->already_seeded);
  EXPECT_GT(first->teams, 0);
  const auto events = Count(*db, "event_log");
  // One event per organisation unit and room, two per account (staff.created, account.created).
  EXPECT_EQ(events, first->regions + first->pdus + first->teams + first->offices + first->rooms +
                        2 * static_cast<long long>(first->usernames.size()));
  auto second = app::SeedDemo(*db, "", kNow);
  ASSERT_TRUE(second);
  EXPECT_TRUE(second->already_seeded);
  EXPECT_EQ(Count(*db, "event_log"), events);
  const auto report = store::VerifyChain(*db);
  EXPECT_TRUE(report.intact);
  EXPECT_EQ(report.count, events);
}

TEST_P(StorageTest, PingAnswersWhileTheDatabaseDoes) {
  auto db = OpenMigrated();
  EXPECT_TRUE(db->Ping());
}

TEST_P(StorageTest, ReconnectsWhenTheDatabaseDropsAConnection) {
  if (backend() != store::Backend::kPostgres) GTEST_SKIP() << "a SQLite file never disconnects";
  auto db = OpenMigrated(1);
  long long pid = 0;
  {
    auto tx = db->BeginRead();
    tx.sql() << "SELECT pg_backend_pid()", soci::into(pid);
  }
  {
    auto admin = Open(1);  // as a database administrator or a restart would
    auto tx = admin->BeginWrite();
    tx.sql() << "SELECT pg_terminate_backend(" << pid << ")";
    tx.Commit();
  }
  EXPECT_TRUE(db->Ping());
  ASSERT_TRUE(app::CreateRegion(*db, kAdmin, {0, "NE", "North East", 1}, kNow));
  EXPECT_EQ(Count(*db, "region"), 1);
}

PROBITY_ON_BOTH_BACKENDS(StorageTest);

TEST(DbOpen, UnreachablePostgresIsUnavailableWithAHint) {
  auto db = store::Db::Open("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2", 1);
  ASSERT_FALSE(db);
  EXPECT_EQ(db.error().kind, ErrorKind::kUnavailable);
  EXPECT_NE(db.error().message.find("PROBITY_DB"), std::string::npos);
}

TEST(DbOpen, SqliteInAMissingFolderIsUnavailable) {
  auto db = store::Db::Open("sqlite:/nonexistent-folder/x/probity.db", 1);
  ASSERT_FALSE(db);
  EXPECT_EQ(db.error().kind, ErrorKind::kUnavailable);
}

TEST(DbOpen, BadUrlIsInvalid) {
  auto db = store::Db::Open("mysql://x", 1);
  ASSERT_FALSE(db);
  EXPECT_EQ(db.error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(db.error().field, "db");
}

}  // namespace
}  // namespace probity

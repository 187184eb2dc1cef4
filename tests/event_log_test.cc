// The event log on both backends: appends form one chain, the database refuses changes, and
// `audit verify` finds any edit, deletion, insertion or reordering at the first broken seq.
#include "store/event_log.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "db_fixture.h"
#include "store/migrate.h"

namespace probity {
namespace {

using store::Actor;
using testing::DbTest;

const Actor kTester{"staff:1", std::nullopt};
const UtcTime kNow = ParseUtc("2026-11-23T10:00:00.000000Z").value();

class EventLogTest : public DbTest {
 protected:
  void AppendN(store::Db& db, int n, const std::string& subject = "X123456") {
    for (int i = 0; i < n; ++i) {
      auto tx = db.BeginWrite();
      const nlohmann::json payload = {{"i", i}, {"note", "contact " + std::to_string(i)}};
      store::AppendEvent(tx, kTester, {subject, "contact.added", payload}, kNow);
      tx.Commit();
    }
  }

  // Test-only vandalism: removes the append-only triggers, as someone with database access could.
  void DropTriggers(store::Db& db) {
    auto tx = db.BeginWrite();
    if (backend() == store::Backend::kSqlite) {
      tx.sql() << "DROP TRIGGER event_log_no_update";
      tx.sql() << "DROP TRIGGER event_log_no_delete";
    } else {
      tx.sql() << "DROP TRIGGER event_log_no_update ON event_log";
    }
    tx.Commit();
  }

  void Exec(store::Db& db, const std::string& sql) {
    auto tx = db.BeginWrite();
    tx.sql() << sql;
    tx.Commit();
  }
};

TEST_P(EventLogTest, AppendsChainEachEventToThePrevious) {
  auto db = OpenMigrated();
  AppendN(*db, 3);
  auto tx = db->BeginRead();
  const auto rows = store::EventsForSubject(tx, "X123456");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].seq, 1);
  EXPECT_EQ(rows[0].prev_hash, store::GenesisHash());
  EXPECT_EQ(rows[1].prev_hash, rows[0].hash);
  EXPECT_EQ(rows[2].prev_hash, rows[1].hash);
  EXPECT_EQ(rows[2].hash, store::ChainHash(rows[2]));
  EXPECT_EQ(rows[0].recorded_at, "2026-11-23T10:00:00.000000Z");
  EXPECT_EQ(nlohmann::json::parse(rows[1].payload)["note"], "contact 1");
}

TEST_P(EventLogTest, KeepsWhoActedAndOnWhoseInstruction) {
  auto db = OpenMigrated();
  {
    auto tx = db->BeginWrite();
    store::AppendEvent(tx, {"staff:9", "staff:2"}, {"X123456", "outcome.amended", {{"a", 1}}},
                       kNow);
    tx.Commit();
  }
  auto tx = db->BeginRead();
  const auto rows = store::EventsForSubject(tx, "X123456");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].actor, "staff:9");
  EXPECT_EQ(rows[0].instructed_by, std::optional<std::string>("staff:2"));
}

TEST_P(EventLogTest, DatabaseRefusesUpdateAndDelete) {
  auto db = OpenMigrated();
  AppendN(*db, 2);
  EXPECT_THROW(Exec(*db, "UPDATE event_log SET payload = '{}' WHERE seq = 1"), soci::soci_error);
  EXPECT_THROW(Exec(*db, "DELETE FROM event_log WHERE seq = 2"), soci::soci_error);
  if (backend() == store::Backend::kPostgres) {
    EXPECT_THROW(Exec(*db, "TRUNCATE event_log"), soci::soci_error);
  }
  const auto report = store::VerifyChain(*db);
  EXPECT_TRUE(report.intact) << report.problem;
  EXPECT_EQ(report.count, 2);
}

TEST_P(EventLogTest, VerifyReportsCountAndHeadOfAnIntactChain) {
  auto db = OpenMigrated();
  EXPECT_EQ(store::VerifyChain(*db).count, 0);
  EXPECT_EQ(store::VerifyChain(*db).head_hash, store::GenesisHash());
  AppendN(*db, 5);
  const auto report = store::VerifyChain(*db);
  EXPECT_TRUE(report.intact);
  EXPECT_EQ(report.count, 5);
  auto tx = db->BeginRead();
  EXPECT_EQ(report.head_hash, store::ReadChainHead(tx).hash);
}

TEST_P(EventLogTest, VerifyFindsAnEditedPayload) {
  auto db = OpenMigrated();
  AppendN(*db, 5);
  DropTriggers(*db);
  Exec(*db,
       "UPDATE event_log SET payload = '{\"i\":2,\"note\":\"nothing happened\"}' WHERE seq = 3");
  const auto report = store::VerifyChain(*db);
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.broken_seq, 3);
  EXPECT_EQ(report.count, 2);
}

TEST_P(EventLogTest, VerifyFindsAnEditedActor) {
  auto db = OpenMigrated();
  AppendN(*db, 3);
  DropTriggers(*db);
  Exec(*db, "UPDATE event_log SET actor = 'staff:2' WHERE seq = 2");
  EXPECT_EQ(store::VerifyChain(*db).broken_seq, 2);
}

TEST_P(EventLogTest, VerifyFindsADeletedRow) {
  auto db = OpenMigrated();
  AppendN(*db, 5);
  DropTriggers(*db);
  Exec(*db, "DELETE FROM event_log WHERE seq = 3");
  const auto report = store::VerifyChain(*db);
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.broken_seq, 3);
}

TEST_P(EventLogTest, VerifyFindsTwoSwappedRows) {
  auto db = OpenMigrated();
  AppendN(*db, 5);
  DropTriggers(*db);
  Exec(*db, "UPDATE event_log SET seq = 1000002 WHERE seq = 2");
  Exec(*db, "UPDATE event_log SET seq = 2 WHERE seq = 3");
  Exec(*db, "UPDATE event_log SET seq = 3 WHERE seq = 1000002");
  const auto report = store::VerifyChain(*db);
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.broken_seq, 2);
}

TEST_P(EventLogTest, VerifyFindsAnInsertedRowEvenWithAValidHash) {
  auto db = OpenMigrated();
  AppendN(*db, 4);
  DropTriggers(*db);
  // Make room at seq 3 and forge a row whose own hash is right: the next row no longer links.
  for (int seq = 4; seq >= 3; --seq)
    Exec(*db, "UPDATE event_log SET seq = " + std::to_string(seq + 1) +
                  " WHERE seq = " + std::to_string(seq));
  std::string prev;
  {
    auto tx = db->BeginRead();
    tx.sql() << "SELECT hash FROM event_log WHERE seq = 2", soci::into(prev);
  }
  store::EventRow forged{3,
                         "2026-11-23T10:00:00.000000Z",
                         "staff:1",
                         std::nullopt,
                         "X123456",
                         "contact.added",
                         "{\"forged\":true}",
                         prev,
                         ""};
  forged.hash = store::ChainHash(forged);
  Exec(*db,
       "INSERT INTO event_log (seq, recorded_at, actor, subject, kind, payload, prev_hash, "
       "hash) VALUES (3, '" +
           forged.recorded_at +
           "', 'staff:1', 'X123456', "
           "'contact.added', '{\"forged\":true}', '" +
           prev + "', '" + forged.hash + "')");
  const auto report = store::VerifyChain(*db);
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.broken_seq, 4);
}

TEST_P(EventLogTest, VerifyFindsARowAddedAtTheEndWithoutTheChain) {
  auto db = OpenMigrated();
  AppendN(*db, 2);
  Exec(*db,
       "INSERT INTO event_log (seq, recorded_at, actor, subject, kind, payload, prev_hash, "
       "hash) VALUES (3, '2026-11-23T10:00:00.000000Z', 'staff:1', 'X123456', 'x', '{}', '" +
           std::string(64, 'a') + "', '" + std::string(64, 'b') + "')");
  EXPECT_EQ(store::VerifyChain(*db).broken_seq, 3);
}

TEST_P(EventLogTest, ConcurrentAppendsFromManyThreadsAndTwoServersFormOneChain) {
  auto server_a = OpenMigrated(4);
  auto server_b = Open(4);  // a second pool on the same database: a second server
  constexpr int kThreads = 8, kPerThread = 25;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    store::Db& db = t % 2 == 0 ? *server_a : *server_b;
    threads.emplace_back([&db, t] {
      for (int i = 0; i < kPerThread; ++i) {
        auto tx = db.BeginWrite();
        store::AppendEvent(tx, kTester, {"X00000" + std::to_string(t), "contact.added", {{"i", i}}},
                           kNow);
        tx.Commit();
      }
    });
  }
  for (auto& th : threads) th.join();
  const auto report = store::VerifyChain(*server_a);
  EXPECT_TRUE(report.intact) << report.problem;
  EXPECT_EQ(report.count, kThreads * kPerThread);
}

TEST_P(EventLogTest, AnEventRolledBackLeavesNoTraceAndTheChainContinues) {
  auto db = OpenMigrated();
  AppendN(*db, 2);
  {
    auto tx = db->BeginWrite();
    store::AppendEvent(tx, kTester, {"X123456", "contact.added", {{"lost", true}}}, kNow);
    // no Commit: the transaction ends by rolling back
  }
  AppendN(*db, 1);
  const auto report = store::VerifyChain(*db);
  EXPECT_TRUE(report.intact) << report.problem;
  EXPECT_EQ(report.count, 3);
}

TEST_P(EventLogTest, StreamsMoreThanOnePage) {
  auto db = OpenMigrated();
  {
    auto tx = db->BeginWrite();  // one transaction: fast on both backends
    for (int i = 0; i < 2500; ++i)
      store::AppendEvent(tx, kTester, {"X123456", "contact.added", {{"i", i}}}, kNow);
    tx.Commit();
  }
  const auto report = store::VerifyChain(*db);
  EXPECT_TRUE(report.intact) << report.problem;
  EXPECT_EQ(report.count, 2500);
}

PROBITY_ON_BOTH_BACKENDS(EventLogTest);

}  // namespace
}  // namespace probity

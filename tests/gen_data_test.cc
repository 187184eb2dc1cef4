// probity gen-data's loader on both backends: a small national-shaped load verifies, counts
// match, the same seed gives the same chain in another database, person pages and appointments
// read back, the use cases write exactly what it writes, and the bulk row writer it stands on
// round-trips awkward text.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "app/appointments.h"
#include "app/people.h"
#include "app/risk.h"
#include "cases/sentence_store.h"
#include "cases/store.h"
#include "cases/timeline_store.h"
#include "db_fixture.h"
#include "gen/writer.h"
#include "risk/store.h"
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

  // Appointments and their outcome history, consistent as the use cases keep them.
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM appointment"), report->appointments);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM appointment_outcome"), report->outcomes);
  EXPECT_GT(report->appointments, 200 * 7);
  EXPECT_GT(report->outcomes, report->appointments * 3 / 4);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM appointment WHERE status = 'rearranged'"),
            Count(*db, "SELECT COUNT(*) FROM appointment WHERE rearranged_from IS NOT NULL"));
  EXPECT_EQ(Count(*db,
                  "SELECT COUNT(*) FROM appointment a JOIN appointment r ON r.id = "
                  "a.rearranged_to WHERE r.rearranged_from <> a.id OR a.status <> 'rearranged' "
                  "OR a.outcome IS NOT NULL"),
            0);
  EXPECT_EQ(Count(*db,
                  "SELECT COUNT(*) FROM appointment a WHERE a.outcome_id IS NOT NULL AND "
                  "a.outcome_id <> (SELECT MAX(o.id) FROM appointment_outcome o WHERE "
                  "o.appointment_id = a.id)"),
            0)
      << "the current outcome is the latest";
  EXPECT_EQ(Count(*db,
                  "SELECT COUNT(*) FROM appointment a JOIN appointment_outcome o ON o.id = "
                  "a.outcome_id WHERE a.outcome = o.outcome AND COALESCE(a.judgement, '-') = "
                  "COALESCE(o.judgement, '-') AND a.person_id = o.person_id"),
            Count(*db, "SELECT COUNT(*) FROM appointment WHERE outcome IS NOT NULL"));
  EXPECT_EQ(Count(*db,
                  "SELECT COUNT(*) FROM appointment_outcome o JOIN event_log e ON e.seq = "
                  "o.event_seq WHERE (e.kind = 'appointment.outcome_recorded' AND "
                  "o.amendment_reason IS NULL) OR (e.kind = 'appointment.outcome_amended' AND "
                  "o.amendment_reason IS NOT NULL)"),
            report->outcomes)
      << "each outcome row points at its event";
  EXPECT_EQ(Count(*db,
                  "SELECT COUNT(*) FROM appointment a JOIN appointment_type t ON t.code = a.type "
                  "WHERE a.enforceable = t.enforceable"),
            report->appointments)
      << "enforceability copied from the type";
  EXPECT_EQ(Count(*db,
                  "SELECT COUNT(*) FROM appointment a JOIN person p ON p.id = a.person_id JOIN "
                  "team t ON t.id = p.team_id JOIN office o ON o.id = a.office_id WHERE o.pdu_id "
                  "<> t.pdu_id"),
            0)
      << "at the office of the person's PDU";
  EXPECT_EQ(Count(*db,
                  "SELECT COUNT(*) FROM appointment WHERE office_id IS NULL AND location "
                  "IS NULL"),
            0);
  EXPECT_EQ(Count(*db,
                  "SELECT COUNT(*) FROM appointment a JOIN sentence s ON s.id = a.sentence_id "
                  "WHERE s.status <> 'terminated' AND s.person_id = a.person_id"),
            report->appointments)
      << "on the current sentence";

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

TEST(GenDataBackends, SqliteAndPostgresqlEndAtTheSameHead) {
  if (!std::getenv("PROBITY_TEST_PG")) GTEST_SKIP() << "PROBITY_TEST_PG is not set";
  OtherDatabase lite(store::Backend::kSqlite), pg(store::Backend::kPostgres);
  auto a = lite.OpenMigrated();
  auto b = pg.OpenMigrated();
  const auto on_sqlite = gen::Load(*a, {90, 13}, 40);
  const auto on_postgresql = gen::Load(*b, {90, 13}, 500);
  ASSERT_TRUE(on_sqlite) << on_sqlite.error().message;
  ASSERT_TRUE(on_postgresql) << on_postgresql.error().message;
  EXPECT_GT(on_sqlite->appointments, 0);
  EXPECT_EQ(on_sqlite->events, on_postgresql->events);
  EXPECT_EQ(on_sqlite->rows, on_postgresql->rows);
  EXPECT_EQ(on_sqlite->head_hash, on_postgresql->head_hash);
  EXPECT_EQ(store::VerifyChain(*b).head_hash, on_sqlite->head_hash);
}

// RecalculateAllTiers reads a range of people in a few queries; RecalculateTier reads one case
// alone. Over a generated caseload (every kind of sentence, requirements, registrations, needs,
// convictions; tiers written by the generator, not worked out), after the bulk run, working out
// each case alone changes nothing: both read the same record the same way.
TEST_P(GenDataTest, EveryTierRecalculatedInBulkIsWhatEachCaseGivesAlone) {
  auto db = OpenMigrated();
  ASSERT_TRUE(gen::Load(*db, {150, 21}, 50));
  const UtcTime now = *ParseUtc("2026-11-23T09:00:00.000000Z");
  const store::Actor system{"system:tiering", std::nullopt};
  const auto run = app::RecalculateAllTiers(*db, system, now);
  EXPECT_EQ(run.people, 150);
  EXPECT_EQ(run.refused, 0);
  EXPECT_GT(run.changed, 0) << "the generator's tiers are not the record's";

  int tiered = 0;
  {
    auto tx = db->BeginWrite();
    for (const auto& person : risk::LoadPersonKeys(tx)) {
      const auto alone = app::RecalculateTier(tx, system, {person.id, person.crn, false}, now);
      ASSERT_TRUE(alone) << person.crn << ": " << alone.error().message;
      EXPECT_FALSE(*alone) << person.crn << " would change from "
                           << (*alone)->from_tier.value_or("none") << " to " << (*alone)->to_tier;
      tiered += risk::StoredTier(tx, person.id).has_value();
    }
    tx.Commit();
  }
  EXPECT_EQ(tiered, 150);
  EXPECT_EQ(app::RecalculateAllTiers(*db, system, now).changed, 0);
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
    // One timeline row per event, but for a replacement's booking (RearrangeAppointment's
    // timeline row is the rearrangement's).
    long long replacements = 0;
    for (const auto& e : events)
      replacements += e.kind == "appointment.booked" &&
                      !nlohmann::json::parse(e.payload)["rearranged_from"].is_null();
    EXPECT_EQ(static_cast<long long>(events.size()) - replacements, rows);
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

app::CaseRef RefOf(store::Db& db, const std::string& crn) {
  auto tx = db.BeginRead();
  auto person = cases::FindPerson(tx, crn);
  if (!person) throw std::runtime_error("no person " + crn);
  return {person->id, crn, false};
}

TEST_P(GenDataTest, AppointmentsReadBackThroughTheUseCases) {
  auto db = OpenMigrated();
  const gen::Options options{60, 8};
  ASSERT_TRUE(gen::Load(*db, options, 25));
  const gen::GenOrg org = gen::GenerateOrg(options);
  const UtcTime as_of(gen::AsOf());
  int rearranged = 0, amended = 0, instructed = 0, failures = 0, awaiting = 0, ahead = 0;
  for (int64_t i = 0; i < options.people; ++i) {
    const gen::GenPerson want = gen::GeneratePerson(org, options, i);
    SCOPED_TRACE(want.details.crn);
    const app::CaseRef ref = RefOf(*db, want.details.crn);
    const gen::GenTeam& team = org.teams[want.team];
    const auto got = app::ListAppointments(*db, ref, as_of);
    ASSERT_EQ(got.items.size(), want.appointments.size());
    int64_t current_sentence = 0;
    {
      auto tx = db->BeginRead();
      for (const auto& s : cases::LoadSentences(tx, ref.person_id))
        if (s.current()) current_sentence = s.id;
    }
    int rearranged_here = 0;
    for (size_t k = 0; k < got.items.size(); ++k) {
      const auto& a = got.items[k];
      const gen::GenAppointment& w = want.appointments[k];
      SCOPED_TRACE(k);
      EXPECT_EQ(a.type, w.type);
      EXPECT_EQ(FormatUtc(a.starts_at), FormatUtc(w.starts_at));
      EXPECT_EQ(FormatUtc(a.ends_at()),
                FormatUtc(w.starts_at + std::chrono::minutes{w.duration_minutes}));
      EXPECT_EQ(a.enforceable, w.type != "phone_call");
      EXPECT_EQ(a.place.location, w.location);
      if (!w.location) {
        EXPECT_EQ(a.place.office_code, org.offices[team.pdu].code);
        EXPECT_EQ(a.place.office_name, org.offices[team.pdu].name);
      }
      EXPECT_EQ(a.sentence_id, current_sentence);
      EXPECT_EQ(a.requirement_id.has_value(), w.requirement.has_value());
      EXPECT_EQ(a.staff_name, org.staff[w.staff].staff.name);
      EXPECT_EQ(a.booked_by_name, org.staff[w.booked_by].staff.name);
      EXPECT_EQ(FormatUtc(a.booked_at), FormatUtc(w.booked_at));
      EXPECT_EQ(a.status, w.rearranged_to ? "rearranged" : "booked");
      EXPECT_EQ(a.version, 1 + (w.rearranged_to ? 1 : 0) + static_cast<int>(w.outcomes.size()));
      ahead += a.starts_at >= as_of;
      awaiting += a.starts_at < as_of && a.status == "booked" && a.outcomes.empty();
      if (w.rearranged_to) {
        ++rearranged_here;
        ASSERT_LT(k + 1, got.items.size());
        EXPECT_EQ(a.rearranged_to, got.items[k + 1].id);
        EXPECT_EQ(got.items[k + 1].rearranged_from, a.id);
        EXPECT_EQ(a.rearrange_requested_by, w.rearrange_requested_by);
        EXPECT_EQ(a.rearrange_reason, w.rearrange_reason);
      }
      ASSERT_EQ(a.outcomes.size(), w.outcomes.size());
      for (size_t o = 0; o < a.outcomes.size(); ++o) {
        const auto& have = a.outcomes[o];
        const gen::GenOutcome& should = w.outcomes[o];
        EXPECT_EQ(have.outcome, should.outcome);
        EXPECT_EQ(have.judgement, should.judgement);
        EXPECT_EQ(have.judgement_reason, should.judgement_reason);
        EXPECT_EQ(have.note, should.note);
        EXPECT_EQ(have.recorded_by_name, org.staff[should.recorded_by].staff.name);
        EXPECT_EQ(FormatUtc(have.recorded_at), FormatUtc(should.recorded_at));
        EXPECT_EQ(have.amendment_reason, should.amendment_reason);
        EXPECT_EQ(have.instructed_by_name.has_value(), should.instructed_by.has_value());
        if (should.instructed_by) {
          EXPECT_EQ(*have.instructed_by_name, org.staff[*should.instructed_by].staff.name);
          ++instructed;
        }
        failures += have.judgement.has_value();
      }
      amended += a.outcomes.size() > 1;
    }
    rearranged += rearranged_here;
    EXPECT_EQ(got.rearrangements.by_person + got.rearrangements.by_service, rearranged_here);
    // The induction, measured against national standards on the current sentence.
    bool measured = false;
    for (const auto& first : got.first_appointments) {
      if (first.sentence_id != current_sentence) continue;
      measured = true;
      EXPECT_NE(first.status, "due") << "every current sentence began before AsOf()";
    }
    EXPECT_TRUE(measured);
    const auto one = app::GetAppointment(*db, ref, got.items.front().id);
    ASSERT_TRUE(one) << one.error().message;
    EXPECT_EQ(one->type, "initial");
    EXPECT_EQ(one->outcomes.size(), want.appointments.front().outcomes.size());
  }
  EXPECT_GT(rearranged, 0);
  EXPECT_GT(amended, 0);
  EXPECT_GT(failures, 0);
  EXPECT_GT(ahead, options.people * 9 / 10);
  EXPECT_EQ(app::GetAppointment(*db, RefOf(*db, gen::CrnOf(options.seed, 0)), 999'999).error().kind,
            ErrorKind::kNotFound);
  (void)instructed;
  (void)awaiting;
}

// An appointment event and its timeline summary (nullopt: no timeline row).
struct Written {
  std::string actor;
  std::optional<std::string> instructed_by;
  nlohmann::json payload;
  std::optional<std::string> summary;
};

// The last event of `kind` about appointment `id` of `crn`, without the fields named in `drop`.
Written Find(store::Db& db, const std::string& crn, const std::string& kind, int64_t id,
             std::initializer_list<const char*> drop) {
  auto tx = db.BeginRead();
  std::optional<Written> found;
  for (const auto& e : store::EventsForSubject(tx, crn)) {
    if (e.kind != kind) continue;
    auto payload = nlohmann::json::parse(e.payload);
    if (payload["id"] != id) continue;
    for (const char* key : drop) payload.erase(key);
    found = Written{e.actor, e.instructed_by, payload, std::nullopt};
    const long long seq = e.seq;
    std::string note;
    tx.sql() << "SELECT note FROM contact WHERE event_seq = :s", soci::use(seq), soci::into(note);
    if (tx.sql().got_data()) found->summary = note;
  }
  if (!found)
    throw std::runtime_error("no " + kind + " event for appointment " + std::to_string(id));
  return *found;
}

void ExpectSame(const Written& generated, const Written& use_case) {
  EXPECT_EQ(generated.actor, use_case.actor);
  EXPECT_EQ(generated.instructed_by, use_case.instructed_by);
  EXPECT_EQ(generated.payload.dump(), use_case.payload.dump());
  EXPECT_EQ(generated.summary, use_case.summary);
}

TEST_P(GenDataTest, UseCasesWriteWhatTheGeneratorWrites) {
  // The same appointment booked, rearranged, recorded and amended through app/appointments.h at
  // the same instants gives the same events (but for ids) and the same timeline rows.
  auto db = OpenMigrated();
  const gen::Options options{150, 4};
  ASSERT_TRUE(gen::Load(*db, options, 500));
  const gen::GenOrg org = gen::GenerateOrg(options);
  bool booked = false, rearranged = false, amended = false;
  for (int64_t i = 0; i < options.people && !(booked && rearranged && amended); ++i) {
    const gen::GenPerson want = gen::GeneratePerson(org, options, i);
    const app::CaseRef ref = RefOf(*db, want.details.crn);
    const auto ids = app::ListAppointments(*db, ref, UtcTime(gen::AsOf())).items;
    for (size_t k = 1; k < want.appointments.size(); ++k) {
      const gen::GenAppointment& w = want.appointments[k];
      const bool amend = w.outcomes.size() > 1 && !w.outcomes[1].instructed_by;
      const bool rearrange = w.rearranged_to.has_value();
      const bool plain = !rearrange && !amend && !w.outcomes.empty();
      const bool wanted = (rearrange && !rearranged) || (amend && !amended) || (plain && !booked);
      if (w.booked_by != w.staff || w.rearranged_from || !wanted) continue;
      SCOPED_TRACE(want.details.crn + " appointment " + std::to_string(ids[k].id));
      const Written gen_booked = Find(*db, ref.crn, "appointment.booked", ids[k].id, {"id"});
      appointments::NewAppointment in = gen::BookingOf(org, want, w);
      in.sentence_id = gen_booked.payload["sentence_id"].get<int64_t>();
      if (!gen_booked.payload["requirement_id"].is_null())
        in.requirement_id = gen_booked.payload["requirement_id"].get<int64_t>();
      const store::Actor booker{gen_booked.actor, std::nullopt};
      auto copy = app::BookAppointment(*db, booker, ref, in, w.booked_at);
      ASSERT_TRUE(copy) << copy.error().message;
      ExpectSame(gen_booked, Find(*db, ref.crn, "appointment.booked", copy->id, {"id"}));
      if (rearrange) {
        const auto& next = want.appointments[k + 1];
        appointments::Rearrangement change;
        change.requested_by = *w.rearrange_requested_by;
        change.reason = *w.rearrange_reason;
        change.starts_at = next.starts_at;
        const Written gen_rearranged =
            Find(*db, ref.crn, "appointment.rearranged", ids[k].id, {"id", "replacement_id"});
        auto moved = app::RearrangeAppointment(*db, {gen_rearranged.actor, std::nullopt}, ref,
                                               copy->id, change, 1, w.rearranged_at);
        ASSERT_TRUE(moved) << moved.error().message;
        ExpectSame(gen_rearranged, Find(*db, ref.crn, "appointment.rearranged", copy->id,
                                        {"id", "replacement_id"}));
        ExpectSame(
            Find(*db, ref.crn, "appointment.booked", ids[k + 1].id, {"id", "rearranged_from"}),
            Find(*db, ref.crn, "appointment.booked", moved->replacement.id,
                 {"id", "rearranged_from"}));
        rearranged = true;
        continue;
      }
      const gen::GenOutcome& first = w.outcomes[0];
      const Written gen_recorded =
          Find(*db, ref.crn, "appointment.outcome_recorded", ids[k].id, {"id"});
      auto recorded = app::RecordOutcome(*db, {gen_recorded.actor, std::nullopt}, ref, copy->id,
                                         gen::InputOf(first), 1, first.recorded_at);
      ASSERT_TRUE(recorded) << recorded.error().message;
      ExpectSame(gen_recorded,
                 Find(*db, ref.crn, "appointment.outcome_recorded", copy->id, {"id"}));
      if (!amend) {
        booked = true;
        continue;
      }
      const gen::GenOutcome& second = w.outcomes[1];
      const Written gen_amended =
          Find(*db, ref.crn, "appointment.outcome_amended", ids[k].id, {"id"});
      auto changed = app::AmendOutcome(*db, {gen_amended.actor, std::nullopt}, ref, copy->id,
                                       gen::InputOf(second), *second.amendment_reason, std::nullopt,
                                       2, second.recorded_at);
      ASSERT_TRUE(changed) << changed.error().message;
      ExpectSame(gen_amended, Find(*db, ref.crn, "appointment.outcome_amended", copy->id, {"id"}));
      amended = true;
    }
  }
  EXPECT_TRUE(booked && rearranged && amended) << "the sample has each kind to compare";
  const auto verified = store::VerifyChain(*db);
  EXPECT_TRUE(verified.intact) << verified.problem;
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

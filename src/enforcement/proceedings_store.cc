#include "enforcement/proceedings_store.h"

#include <soci/soci.h>

#include <map>

#include "cases/store.h"
#include "store/bind.h"
#include "store/row.h"
#include "store/rows.h"

namespace probity::enforcement {

namespace {
using store::GetInt;
using store::GetOptionalInt;
using store::GetOptionalText;
using store::GetText;

// Dates are stored as 'YYYY-MM-DD'; a row that fails to parse is a broken invariant, read as the
// epoch rather than thrown, like appointments' instants.
Date DateAt(const soci::row& r, size_t column) {
  return ParseDate(GetText(r, column)).value_or(Date{});
}
std::optional<Date> OptionalDateAt(const soci::row& r, size_t column) {
  const auto text = GetOptionalText(r, column);
  if (!text) return std::nullopt;
  return ParseDate(*text);
}
std::optional<std::string> OptionalDateText(const std::optional<Date>& d) {
  if (!d) return std::nullopt;
  return FormatDate(*d);
}

// Periods ordered by start, from rows (sentence_id, started_on, ended_on).
void AddPeriod(std::vector<ProceedingsPeriod>& periods, const soci::row& r) {
  periods.push_back({DateAt(r, 1), OptionalDateAt(r, 2)});
}
Error Stale(const char* what, int64_t id) {
  return Error{ErrorKind::kConflict, "stale_version",
               std::string(what) + " " + std::to_string(id) +
                   " was changed by someone else while you were changing it; reload it and make "
                   "your change again",
               "version"};
}

// ---- breach ----

constexpr const char* kBreachColumns =
    "id, person_id, sentence_id, decision_id, status, initiated_on, ended_on, outcome, "
    "next_listing_on, court, initiated_by, initiated_at, version";
constexpr const char* kBreachStepColumns =
    "id, breach_id, kind, step_on, listed_for, court, outcome, note, recorded_by, recorded_at, "
    "event_seq";

Breach ReadBreach(const soci::row& r) {
  Breach b;
  b.id = GetInt(r, 0);
  b.person_id = GetInt(r, 1);
  b.sentence_id = GetInt(r, 2);
  b.decision_id = GetInt(r, 3);
  b.status = GetText(r, 4);
  b.initiated_on = DateAt(r, 5);
  b.ended_on = OptionalDateAt(r, 6);
  b.outcome = GetOptionalText(r, 7);
  b.next_listing_on = OptionalDateAt(r, 8);
  b.court = GetOptionalText(r, 9);
  b.initiated_by = GetText(r, 10);
  b.initiated_at = ParseUtc(GetText(r, 11)).value_or(UtcTime{});
  b.version = static_cast<int>(GetInt(r, 12));
  return b;
}

BreachStep ReadBreachStep(const soci::row& r) {
  BreachStep s;
  s.id = GetInt(r, 0);
  s.kind = GetText(r, 2);
  s.on = DateAt(r, 3);
  s.listed_for = OptionalDateAt(r, 4);
  s.court = GetOptionalText(r, 5);
  s.outcome = GetOptionalText(r, 6);
  s.note = GetText(r, 7);
  s.recorded_by = GetText(r, 8);
  s.recorded_at = ParseUtc(GetText(r, 9)).value_or(UtcTime{});
  s.event_seq = GetInt(r, 10);
  return s;
}

// Attaches steps to breaches, read in one query over the breaches' ids.
void AttachBreachSteps(store::Transaction& tx, std::vector<Breach>& breaches) {
  if (breaches.empty()) return;
  std::map<int64_t, Breach*> by_id;
  std::vector<int64_t> ids;
  for (auto& b : breaches) {
    by_id[b.id] = &b;
    ids.push_back(b.id);
  }
  store::Rows(tx).Read(std::string("SELECT ") + kBreachStepColumns +
                           " FROM breach_step WHERE breach_id IN (" + store::IdList(ids) +
                           ") ORDER BY breach_id, id",
                       [&](const soci::row& r) {
                         if (auto it = by_id.find(GetInt(r, 1)); it != by_id.end())
                           it->second->steps.push_back(ReadBreachStep(r));
                       });
}

// ---- recall ----

constexpr const char* kRecallColumns =
    "rc.id, rc.person_id, rc.sentence_id, rc.decision_id, rc.reasons, rc.alternatives_tried, "
    "rc.status, rc.decision, rc.requested_on, rc.sent_on, rc.decided_on, rc.ended_on, "
    "rc.requested_by, rc.requested_at, rc.version";
constexpr size_t kRecallColumnCount = 15;
constexpr const char* kRecallStepColumns =
    "id, recall_id, kind, step_on, decision, note, recorded_by, recorded_at, event_seq";

Recall ReadRecall(const soci::row& r) {
  Recall c;
  c.id = GetInt(r, 0);
  c.person_id = GetInt(r, 1);
  c.sentence_id = GetInt(r, 2);
  c.decision_id = GetInt(r, 3);
  c.reasons = GetText(r, 4);
  c.alternatives_tried = GetText(r, 5);
  c.status = GetText(r, 6);
  c.decision = GetOptionalText(r, 7);
  c.requested_on = DateAt(r, 8);
  c.sent_on = OptionalDateAt(r, 9);
  c.decided_on = OptionalDateAt(r, 10);
  c.ended_on = OptionalDateAt(r, 11);
  c.requested_by = GetText(r, 12);
  c.requested_at = ParseUtc(GetText(r, 13)).value_or(UtcTime{});
  c.version = static_cast<int>(GetInt(r, 14));
  return c;
}

RecallStep ReadRecallStep(const soci::row& r) {
  RecallStep s;
  s.id = GetInt(r, 0);
  s.kind = GetText(r, 2);
  s.on = DateAt(r, 3);
  s.decision = GetOptionalText(r, 4);
  s.note = GetText(r, 5);
  s.recorded_by = GetText(r, 6);
  s.recorded_at = ParseUtc(GetText(r, 7)).value_or(UtcTime{});
  s.event_seq = GetInt(r, 8);
  return s;
}

// Attaches steps and conditions to recalls, two queries over their ids.
void AttachRecallDetail(store::Transaction& tx, std::vector<Recall>& recalls) {
  if (recalls.empty()) return;
  std::map<int64_t, Recall*> by_id;
  std::vector<int64_t> ids;
  for (auto& c : recalls) {
    by_id[c.id] = &c;
    ids.push_back(c.id);
  }
  const std::string in = store::IdList(ids);
  store::Rows(tx).Read(std::string("SELECT ") + kRecallStepColumns +
                           " FROM recall_step WHERE recall_id IN (" + in +
                           ") ORDER BY recall_id, id",
                       [&](const soci::row& r) {
                         if (auto it = by_id.find(GetInt(r, 1)); it != by_id.end())
                           it->second->steps.push_back(ReadRecallStep(r));
                       });
  store::Rows(tx).Read(
      "SELECT recall_id, licence_condition_id FROM recall_condition WHERE recall_id IN (" + in +
          ") ORDER BY recall_id, licence_condition_id",
      [&](const soci::row& r) {
        if (auto it = by_id.find(GetInt(r, 0)); it != by_id.end())
          it->second->conditions_breached.push_back(GetInt(r, 1));
      });
}
}  // namespace

std::vector<ProceedingsPeriod> LoadProceedingsPeriods(store::Transaction& tx, int64_t sentence_id) {
  const long long sentence = sentence_id;
  std::vector<ProceedingsPeriod> out;
  store::Rows(tx)
      .Use(sentence, "s")
      .Use(sentence, "s2")
      .Read(
          "SELECT sentence_id, initiated_on AS started_on, ended_on FROM breach WHERE "
          "sentence_id = :s UNION ALL SELECT sentence_id, requested_on, ended_on FROM recall "
          "WHERE sentence_id = :s2 ORDER BY 2",
          [&](const soci::row& r) { AddPeriod(out, r); });
  return out;
}

std::unordered_map<int64_t, std::vector<ProceedingsPeriod>> LoadAllProceedingsPeriods(
    store::Transaction& tx) {
  std::unordered_map<int64_t, std::vector<ProceedingsPeriod>> out;
  store::Rows(tx).Read(
      "SELECT sentence_id, initiated_on AS started_on, ended_on FROM breach UNION ALL SELECT "
      "sentence_id, requested_on, ended_on FROM recall ORDER BY 1, 2",
      [&](const soci::row& r) { AddPeriod(out[GetInt(r, 0)], r); });
  return out;
}

int64_t InsertBreach(store::Transaction& tx, const Breach& b) {
  const long long person = b.person_id, sentence = b.sentence_id, decision = b.decision_id;
  const std::string initiated_on = FormatDate(b.initiated_on), at = FormatUtc(b.initiated_at);
  store::NullableText ended(OptionalDateText(b.ended_on)), outcome(b.outcome),
      listing(OptionalDateText(b.next_listing_on)), court(b.court);
  long long id = 0;
  tx.sql() << "INSERT INTO breach (person_id, sentence_id, decision_id, status, initiated_on, "
              "ended_on, outcome, next_listing_on, court, initiated_by, initiated_at) VALUES (:p, "
              ":s, :d, :st, :io, :e, :o, :nl, :c, :ib, :ia) RETURNING id",
      soci::use(person), soci::use(sentence), soci::use(decision), soci::use(b.status),
      soci::use(initiated_on), store::Use(ended), store::Use(outcome), store::Use(listing),
      store::Use(court), soci::use(b.initiated_by), soci::use(at), soci::into(id);
  return id;
}

int64_t InsertBreachStep(store::Transaction& tx, int64_t breach_id, const BreachStep& s) {
  const long long breach = breach_id, seq = s.event_seq;
  const std::string on = FormatDate(s.on), at = FormatUtc(s.recorded_at);
  store::NullableText listed(OptionalDateText(s.listed_for)), court(s.court), outcome(s.outcome);
  long long id = 0;
  tx.sql() << "INSERT INTO breach_step (breach_id, kind, step_on, listed_for, court, outcome, "
              "note, recorded_by, recorded_at, event_seq) VALUES (:b, :k, :o, :lf, :c, :oc, :n, "
              ":rb, :ra, :seq) RETURNING id",
      soci::use(breach), soci::use(s.kind), soci::use(on), store::Use(listed), store::Use(court),
      store::Use(outcome), soci::use(s.note), soci::use(s.recorded_by), soci::use(at),
      soci::use(seq), soci::into(id);
  return id;
}

Result<int> UpdateBreach(store::Transaction& tx, const Breach& before, const Breach& after) {
  const long long id = before.id;
  const int version = before.version, next = before.version + 1;
  store::NullableText ended(OptionalDateText(after.ended_on)), outcome(after.outcome),
      listing(OptionalDateText(after.next_listing_on)), court(after.court);
  soci::statement st =
      (tx.sql().prepare << "UPDATE breach SET status = :st, ended_on = :e, outcome = :o, "
                           "next_listing_on = :nl, court = :c, version = :n WHERE id = :id AND "
                           "version = :v",
       soci::use(after.status), store::Use(ended), store::Use(outcome), store::Use(listing),
       store::Use(court), soci::use(next), soci::use(id), soci::use(version));
  st.execute(true);
  if (st.get_affected_rows() != 1) return Stale("breach", before.id);
  return next;
}

std::optional<Breach> FindBreach(store::Transaction& tx, int64_t person_id, int64_t breach_id) {
  const long long person = person_id, id = breach_id;
  std::vector<Breach> found;
  store::Rows(tx).Use(id).Use(person).Read(
      std::string("SELECT ") + kBreachColumns + " FROM breach WHERE id = :id AND person_id = :p",
      [&](const soci::row& r) { found.push_back(ReadBreach(r)); });
  if (found.empty()) return std::nullopt;
  AttachBreachSteps(tx, found);
  return std::move(found.front());
}

std::vector<Breach> LoadBreaches(store::Transaction& tx, int64_t person_id) {
  const long long person = person_id;
  std::vector<Breach> out;
  store::Rows(tx).Use(person).Read(std::string("SELECT ") + kBreachColumns +
                                       " FROM breach WHERE person_id = :p ORDER BY id DESC",
                                   [&](const soci::row& r) { out.push_back(ReadBreach(r)); });
  AttachBreachSteps(tx, out);
  return out;
}

int64_t InsertRecall(store::Transaction& tx, const Recall& c) {
  const long long person = c.person_id, sentence = c.sentence_id, decision = c.decision_id;
  const std::string requested_on = FormatDate(c.requested_on), at = FormatUtc(c.requested_at);
  store::NullableText outcome(c.decision), sent(OptionalDateText(c.sent_on)),
      decided(OptionalDateText(c.decided_on)), ended(OptionalDateText(c.ended_on));
  long long id = 0;
  tx.sql() << "INSERT INTO recall (person_id, sentence_id, decision_id, reasons, "
              "alternatives_tried, status, decision, requested_on, sent_on, decided_on, ended_on, "
              "requested_by, requested_at) VALUES (:p, :s, :d, :r, :a, :st, :dc, :ro, :so, :do, "
              ":eo, :rb, :ra) RETURNING id",
      soci::use(person), soci::use(sentence), soci::use(decision), soci::use(c.reasons),
      soci::use(c.alternatives_tried), soci::use(c.status), store::Use(outcome),
      soci::use(requested_on), store::Use(sent), store::Use(decided), store::Use(ended),
      soci::use(c.requested_by), soci::use(at), soci::into(id);
  for (const int64_t condition_id : c.conditions_breached) {
    const long long condition = condition_id;
    tx.sql() << "INSERT INTO recall_condition (recall_id, licence_condition_id) VALUES (:r, :c)",
        soci::use(id), soci::use(condition);
  }
  return id;
}

int64_t InsertRecallStep(store::Transaction& tx, int64_t recall_id, const RecallStep& s) {
  const long long recall = recall_id, seq = s.event_seq;
  const std::string on = FormatDate(s.on), at = FormatUtc(s.recorded_at);
  store::NullableText decision(s.decision);
  long long id = 0;
  tx.sql() << "INSERT INTO recall_step (recall_id, kind, step_on, decision, note, recorded_by, "
              "recorded_at, event_seq) VALUES (:r, :k, :o, :d, :n, :rb, :ra, :seq) RETURNING id",
      soci::use(recall), soci::use(s.kind), soci::use(on), store::Use(decision), soci::use(s.note),
      soci::use(s.recorded_by), soci::use(at), soci::use(seq), soci::into(id);
  return id;
}

Result<int> UpdateRecall(store::Transaction& tx, const Recall& before, const Recall& after) {
  const long long id = before.id;
  const int version = before.version, next = before.version + 1;
  store::NullableText decision(after.decision), sent(OptionalDateText(after.sent_on)),
      decided(OptionalDateText(after.decided_on)), ended(OptionalDateText(after.ended_on));
  soci::statement st =
      (tx.sql().prepare << "UPDATE recall SET status = :st, decision = :d, sent_on = :so, "
                           "decided_on = :do, ended_on = :eo, version = :n WHERE id = :id AND "
                           "version = :v",
       soci::use(after.status), store::Use(decision), store::Use(sent), store::Use(decided),
       store::Use(ended), soci::use(next), soci::use(id), soci::use(version));
  st.execute(true);
  if (st.get_affected_rows() != 1) return Stale("recall", before.id);
  return next;
}

std::optional<Recall> FindRecall(store::Transaction& tx, int64_t person_id, int64_t recall_id) {
  const long long person = person_id, id = recall_id;
  std::vector<Recall> found;
  store::Rows(tx).Use(id).Use(person).Read(
      std::string("SELECT ") + kRecallColumns +
          " FROM recall rc WHERE rc.id = :id AND rc.person_id = :p",
      [&](const soci::row& r) { found.push_back(ReadRecall(r)); });
  if (found.empty()) return std::nullopt;
  AttachRecallDetail(tx, found);
  return std::move(found.front());
}

std::vector<Recall> LoadRecalls(store::Transaction& tx, int64_t person_id) {
  const long long person = person_id;
  std::vector<Recall> out;
  store::Rows(tx).Use(person).Read(std::string("SELECT ") + kRecallColumns +
                                       " FROM recall rc WHERE rc.person_id = :p ORDER BY rc.id "
                                       "DESC",
                                   [&](const soci::row& r) { out.push_back(ReadRecall(r)); });
  AttachRecallDetail(tx, out);
  return out;
}

bool HasOpenProceedings(store::Transaction& tx, int64_t sentence_id) {
  const long long sentence = sentence_id;
  int count = 0;
  tx.sql() << "SELECT (SELECT COUNT(*) FROM breach WHERE sentence_id = :s AND ended_on IS NULL) "
              "+ (SELECT COUNT(*) FROM recall WHERE sentence_id = :s2 AND ended_on IS NULL)",
      soci::use(sentence, "s"), soci::use(sentence, "s2"), soci::into(count);
  return count > 0;
}

FixedTermFacts LoadFixedTermFacts(store::Transaction& tx, int64_t person_id, int64_t sentence_id) {
  const long long person = person_id, sentence = sentence_id;
  FixedTermFacts facts;
  store::Rows(tx).Use(person).Read(
      "SELECT type, level FROM registration WHERE person_id = :p AND end_date IS NULL AND type "
      "IN ('mappa', 'terrorism') ORDER BY start_date, id",
      [&](const soci::row& r) {
        const std::string type = GetText(r, 0);
        if (type == "terrorism") facts.terrorism = true;
        if (type == "mappa") {
          const auto level = GetOptionalText(r, 1);
          if (level && (*level == "1" || *level == "2" || *level == "3")) {
            const int n = std::stoi(*level);
            if (!facts.mappa_level || n > *facts.mappa_level) facts.mappa_level = n;
          }
        }
      });
  store::Rows(tx).Use(sentence).Use(person).Read(
      "SELECT custody_type FROM sentence WHERE id = :s AND person_id = :p",
      [&](const soci::row& r) { facts.custody_type = GetOptionalText(r, 0); });
  return facts;
}

std::vector<RecallListEntry> LoadRecallList(store::Transaction& tx, int64_t viewer, bool decided,
                                            int limit) {
  const long long v = viewer;
  const int n = limit;
  std::vector<RecallListEntry> out;
  const std::string where =
      decided ? "rc.decided_on IS NOT NULL ORDER BY rc.decided_on DESC, rc.id DESC"
              : "rc.status = 'sent_to_recall_team' ORDER BY rc.sent_on, rc.id";
  store::Rows(tx)
      .Use(v, "viewer")
      .Use(v, "viewer2")
      .Use(n, "n")
      .Read(std::string("SELECT ") + kRecallColumns +
                ", p.crn, p.first_name, p.last_name, s.kind FROM recall rc JOIN person p ON p.id "
                "= rc.person_id JOIN sentence s ON s.id = rc.sentence_id WHERE " +
                cases::kVisibleTo + " AND " + where + " LIMIT :n",
            [&](const soci::row& r) {
              out.push_back({ReadRecall(r), GetText(r, kRecallColumnCount),
                             GetText(r, kRecallColumnCount + 1), GetText(r, kRecallColumnCount + 2),
                             GetText(r, kRecallColumnCount + 3)});
            });
  return out;
}

}  // namespace probity::enforcement

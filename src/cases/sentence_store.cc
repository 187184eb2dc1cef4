#include "cases/sentence_store.h"

#include <soci/soci.h>

#include <utility>

#include "store/bind.h"
#include "store/row.h"
#include "store/rows.h"

namespace probity::cases {

namespace {
using store::GetInt;
using store::GetOptionalText;
using store::GetText;

constexpr const char* kSentenceColumns =
    "id, person_id, kind, court, offence, offence_group, sentence_date, length_months, "
    "expected_end, release_date, licence_end, status, terminated_on, termination_reason, version, "
    "custody_type";

Sentence ReadSentence(const soci::row& r) {
  Sentence s;
  s.id = GetInt(r, 0);
  s.person_id = GetInt(r, 1);
  s.kind = GetText(r, 2);
  s.court = GetText(r, 3);
  s.offence = GetText(r, 4);
  s.offence_group = GetText(r, 5);
  s.sentence_date = GetText(r, 6);
  s.length_months = static_cast<int>(GetInt(r, 7));
  s.expected_end = GetText(r, 8);
  s.release_date = GetOptionalText(r, 9);
  s.licence_end = GetOptionalText(r, 10);
  s.status = GetText(r, 11);
  s.terminated_on = GetOptionalText(r, 12);
  s.termination_reason = GetOptionalText(r, 13);
  s.version = static_cast<int>(GetInt(r, 14));
  s.custody_type = GetOptionalText(r, 15);
  return s;
}

constexpr const char* kRequirementColumns =
    "id, sentence_id, type, amount, unit, progress, status, start_date, end_date, end_reason, "
    "version";

Requirement ReadRequirement(const soci::row& r) {
  Requirement q;
  q.id = GetInt(r, 0);
  q.sentence_id = GetInt(r, 1);
  q.type = GetText(r, 2);
  q.amount = static_cast<int>(GetInt(r, 3));
  q.unit = GetText(r, 4);
  q.progress = static_cast<int>(GetInt(r, 5));
  q.status = GetText(r, 6);
  q.start_date = GetText(r, 7);
  q.end_date = GetOptionalText(r, 8);
  q.end_reason = GetOptionalText(r, 9);
  q.version = static_cast<int>(GetInt(r, 10));
  return q;
}

constexpr const char* kConditionColumns =
    "id, sentence_id, type, description, start_date, end_date, version";

LicenceCondition ReadCondition(const soci::row& r) {
  LicenceCondition c;
  c.id = GetInt(r, 0);
  c.sentence_id = GetInt(r, 1);
  c.type = GetText(r, 2);
  c.description = GetText(r, 3);
  c.start_date = GetText(r, 4);
  c.end_date = GetOptionalText(r, 5);
  c.version = static_cast<int>(GetInt(r, 6));
  return c;
}

// The rows `sql` selects, binding `ids` in order, read by `read`. Each id must be an lvalue that
// outlives the call (soci::use keeps a reference).
template <class T, class Read, class... Ids>
std::vector<T> Select(store::Transaction& tx, const std::string& sql, Read read,
                      const Ids&... ids) {
  store::Rows rows(tx);
  (rows.Use(ids), ...);
  std::vector<T> out;
  rows.Read(sql, [&](const soci::row& r) { out.push_back(read(r)); });
  return out;
}

template <class T>
std::optional<T> First(std::vector<T> rows) {
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::string From(const char* columns, const char* table, const char* where) {
  return std::string("SELECT ") + columns + " FROM " + table + " WHERE " + where;
}

// A record's fields as (name, value) pairs, for saying which differ.
using Fields = std::vector<std::pair<const char*, std::string>>;
std::string Text(const std::optional<std::string>& v) { return v ? *v : "none"; }

Fields FieldsOf(const Sentence& s) {
  return {{"kind", s.kind},
          {"court", s.court},
          {"offence", s.offence},
          {"offence_group", s.offence_group},
          {"sentence_date", s.sentence_date},
          {"length_months", std::to_string(s.length_months)},
          {"expected_end", s.expected_end},
          {"release_date", Text(s.release_date)},
          {"licence_end", Text(s.licence_end)},
          {"status", s.status},
          {"terminated_on", Text(s.terminated_on)},
          {"termination_reason", Text(s.termination_reason)}};
}
Fields FieldsOf(const Requirement& r) {
  return {{"type", r.type},
          {"amount", std::to_string(r.amount)},
          {"unit", r.unit},
          {"progress", std::to_string(r.progress)},
          {"status", r.status},
          {"start_date", r.start_date},
          {"end_date", Text(r.end_date)},
          {"end_reason", Text(r.end_reason)}};
}
Fields FieldsOf(const LicenceCondition& c) {
  return {{"type", c.type},
          {"description", c.description},
          {"start_date", c.start_date},
          {"end_date", Text(c.end_date)}};
}

// kConflict "stale_version": the current version, and each field that differs from `before`.
template <class T>
Error Stale(const char* what, const T& before, const std::optional<T>& now) {
  if (!now)
    return Error{ErrorKind::kNotFound, "not_found",
                 std::string("there is no ") + what + " " + std::to_string(before.id), "id"};
  std::string changed;
  const Fields was = FieldsOf(before), is = FieldsOf(*now);
  for (size_t i = 0; i < was.size(); ++i) {
    if (was[i].second == is[i].second) continue;
    changed +=
        std::string(changed.empty() ? "" : ", ") + was[i].first + " (now " + is[i].second + ")";
  }
  return Error{ErrorKind::kConflict, "stale_version",
               std::string(what) + " " + std::to_string(before.id) +
                   " was changed by someone else: you had version " +
                   std::to_string(before.version) + ", it is now version " +
                   std::to_string(now->version) + (changed.empty() ? "" : "; changed: " + changed) +
                   ". Reload it and make your change again.",
               "version"};
}

// Runs a prepared UPDATE; true when it changed exactly one row.
bool ChangedOne(soci::statement& st) {
  st.execute(true);
  return st.get_affected_rows() == 1;
}
}  // namespace

std::vector<Sentence> LoadSentences(store::Transaction& tx, int64_t person_id) {
  const long long person = person_id;
  return Select<Sentence>(tx,
                          From(kSentenceColumns, "sentence",
                               "person_id = :p ORDER BY CASE WHEN status = 'active' THEN 0 ELSE 1 "
                               "END, sentence_date DESC, id DESC"),
                          ReadSentence, person);
}

std::map<int64_t, std::vector<Sentence>> LoadCurrentSentences(
    store::Transaction& tx, const std::vector<int64_t>& person_ids) {
  std::map<int64_t, std::vector<Sentence>> out;
  if (person_ids.empty()) return out;
  // Whole numbers from the caller's own list, not user text, so they are written in directly.
  const std::string ids = store::IdList(person_ids);
  store::Rows(tx).Read(
      From(kSentenceColumns, "sentence",
           ("status = 'active' AND person_id IN (" + ids + ") ORDER BY sentence_date DESC, id DESC")
               .c_str()),
      [&](const soci::row& r) {
        Sentence s = ReadSentence(r);
        out[s.person_id].push_back(std::move(s));
      });
  return out;
}

std::vector<Requirement> LoadRequirements(store::Transaction& tx, int64_t person_id) {
  const long long person = person_id;
  return Select<Requirement>(
      tx, From(kRequirementColumns, "requirement", "person_id = :p ORDER BY sentence_id, id"),
      ReadRequirement, person);
}

std::map<int64_t, std::vector<Sentence>> LoadSentencesInRange(store::Transaction& tx,
                                                              int64_t first_id, int64_t last_id) {
  std::map<int64_t, std::vector<Sentence>> out;
  const long long first = first_id, last = last_id;
  store::Rows(tx).Use(first).Use(last).Read(
      From(kSentenceColumns, "sentence",
           "person_id BETWEEN :a AND :b ORDER BY person_id, CASE WHEN status = 'active' THEN 0 "
           "ELSE 1 END, sentence_date DESC, id DESC"),
      [&](const soci::row& r) {
        Sentence s = ReadSentence(r);
        out[s.person_id].push_back(std::move(s));
      });
  return out;
}

std::map<int64_t, std::vector<Requirement>> LoadRequirementsInRange(store::Transaction& tx,
                                                                    int64_t first_id,
                                                                    int64_t last_id) {
  std::map<int64_t, std::vector<Requirement>> out;
  const long long first = first_id, last = last_id;
  // The person's id follows the requirement's own columns, which ReadRequirement reads by place.
  store::Rows(tx).Use(first).Use(last).Read(
      std::string("SELECT ") + kRequirementColumns +
          ", person_id FROM requirement WHERE person_id BETWEEN :a AND :b ORDER BY person_id, "
          "sentence_id, id",
      [&](const soci::row& r) { out[GetInt(r, r.size() - 1)].push_back(ReadRequirement(r)); });
  return out;
}

std::vector<LicenceCondition> LoadLicenceConditions(store::Transaction& tx, int64_t person_id) {
  const long long person = person_id;
  return Select<LicenceCondition>(
      tx, From(kConditionColumns, "licence_condition", "person_id = :p ORDER BY sentence_id, id"),
      ReadCondition, person);
}

std::optional<Sentence> FindSentence(store::Transaction& tx, int64_t person_id,
                                     int64_t sentence_id) {
  const long long person = person_id, id = sentence_id;
  return First(Select<Sentence>(tx,
                                From(kSentenceColumns, "sentence", "person_id = :p AND id = :id"),
                                ReadSentence, person, id));
}

std::optional<Requirement> FindRequirement(store::Transaction& tx, int64_t person_id,
                                           int64_t requirement_id) {
  const long long person = person_id, id = requirement_id;
  return First(Select<Requirement>(
      tx, From(kRequirementColumns, "requirement", "person_id = :p AND id = :id"), ReadRequirement,
      person, id));
}

std::optional<LicenceCondition> FindLicenceCondition(store::Transaction& tx, int64_t person_id,
                                                     int64_t condition_id) {
  const long long person = person_id, id = condition_id;
  return First(Select<LicenceCondition>(
      tx, From(kConditionColumns, "licence_condition", "person_id = :p AND id = :id"),
      ReadCondition, person, id));
}

int64_t InsertSentence(store::Transaction& tx, int64_t person_id, const Sentence& s,
                       const std::string& added_by, UtcTime now) {
  const long long person = person_id;
  store::NullableText release(s.release_date), licence_end(s.licence_end),
      terminated_on(s.terminated_on), reason(s.termination_reason), custody(s.custody_type);
  const std::string at = FormatUtc(now);
  long long id = 0;
  tx.sql()
      << "INSERT INTO sentence (person_id, kind, court, offence, offence_group, "
         "sentence_date, length_months, expected_end, release_date, licence_end, status, "
         "terminated_on, termination_reason, added_by, added_at, custody_type) VALUES (:p, :k, "
         ":c, :o, :g, :sd, :len, :ee, :rd, :le, :st, :to, :tr, :by, :at, :ct) RETURNING id",
      soci::use(person), soci::use(s.kind), soci::use(s.court), soci::use(s.offence),
      soci::use(s.offence_group), soci::use(s.sentence_date), soci::use(s.length_months),
      soci::use(s.expected_end), store::Use(release), store::Use(licence_end), soci::use(s.status),
      store::Use(terminated_on), store::Use(reason), soci::use(added_by), soci::use(at),
      store::Use(custody), soci::into(id);
  return id;
}

int64_t InsertRequirement(store::Transaction& tx, int64_t person_id, const Requirement& r,
                          const std::string& added_by, UtcTime now) {
  const long long person = person_id, sentence = r.sentence_id;
  store::NullableText end_date(r.end_date), end_reason(r.end_reason);
  const std::string at = FormatUtc(now);
  long long id = 0;
  tx.sql() << "INSERT INTO requirement (sentence_id, person_id, type, amount, unit, progress, "
              "status, start_date, end_date, end_reason, added_by, added_at) VALUES (:s, :p, :t, "
              ":a, :u, :pr, :st, :sd, :ed, :er, :by, :at) RETURNING id",
      soci::use(sentence), soci::use(person), soci::use(r.type), soci::use(r.amount),
      soci::use(r.unit), soci::use(r.progress), soci::use(r.status), soci::use(r.start_date),
      store::Use(end_date), store::Use(end_reason), soci::use(added_by), soci::use(at),
      soci::into(id);
  return id;
}

int64_t InsertLicenceCondition(store::Transaction& tx, int64_t person_id, const LicenceCondition& c,
                               const std::string& added_by, UtcTime now) {
  const long long person = person_id, sentence = c.sentence_id;
  store::NullableText end_date(c.end_date);
  const std::string at = FormatUtc(now);
  long long id = 0;
  tx.sql() << "INSERT INTO licence_condition (sentence_id, person_id, type, description, "
              "start_date, end_date, added_by, added_at) VALUES (:s, :p, :t, :d, :sd, :ed, :by, "
              ":at) RETURNING id",
      soci::use(sentence), soci::use(person), soci::use(c.type), soci::use(c.description),
      soci::use(c.start_date), store::Use(end_date), soci::use(added_by), soci::use(at),
      soci::into(id);
  return id;
}

Result<int> UpdateSentence(store::Transaction& tx, const Sentence& before, const Sentence& after) {
  const long long id = before.id;
  const int version = before.version, next = before.version + 1;
  store::NullableText terminated_on(after.terminated_on), reason(after.termination_reason);
  soci::statement st =
      (tx.sql().prepare << "UPDATE sentence SET status = :st, terminated_on = :to, "
                           "termination_reason = :tr, version = :next WHERE id = :id AND "
                           "version = :v",
       soci::use(after.status), store::Use(terminated_on), store::Use(reason), soci::use(next),
       soci::use(id), soci::use(version));
  if (ChangedOne(st)) return next;
  return Stale("sentence", before,
               First(Select<Sentence>(tx, From(kSentenceColumns, "sentence", "id = :id"),
                                      ReadSentence, id)));
}

Result<int> UpdateRequirement(store::Transaction& tx, const Requirement& before,
                              const Requirement& after) {
  const long long id = before.id;
  const int version = before.version, next = before.version + 1;
  store::NullableText end_date(after.end_date), end_reason(after.end_reason);
  soci::statement st =
      (tx.sql().prepare << "UPDATE requirement SET progress = :pr, status = :st, end_date = :ed, "
                           "end_reason = :er, version = :next WHERE id = :id AND version = :v",
       soci::use(after.progress), soci::use(after.status), store::Use(end_date),
       store::Use(end_reason), soci::use(next), soci::use(id), soci::use(version));
  if (ChangedOne(st)) return next;
  return Stale("requirement", before,
               First(Select<Requirement>(tx, From(kRequirementColumns, "requirement", "id = :id"),
                                         ReadRequirement, id)));
}

Result<int> UpdateLicenceCondition(store::Transaction& tx, const LicenceCondition& before,
                                   const LicenceCondition& after) {
  const long long id = before.id;
  const int version = before.version, next = before.version + 1;
  store::NullableText end_date(after.end_date);
  soci::statement st =
      (tx.sql().prepare << "UPDATE licence_condition SET end_date = :ed, version = :next WHERE "
                           "id = :id AND version = :v",
       store::Use(end_date), soci::use(next), soci::use(id), soci::use(version));
  if (ChangedOne(st)) return next;
  return Stale(
      "licence condition", before,
      First(Select<LicenceCondition>(tx, From(kConditionColumns, "licence_condition", "id = :id"),
                                     ReadCondition, id)));
}

}  // namespace probity::cases

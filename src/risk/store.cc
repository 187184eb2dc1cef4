#include "risk/store.h"

#include <soci/soci.h>

#include "store/bind.h"
#include "store/row.h"
#include "store/rows.h"

namespace probity::risk {

namespace {
using store::GetInt;
using store::GetOptionalText;
using store::GetText;

constexpr const char* kRsrColumns =
    "id, person_id, percent, kind, assessed_on, assessed_by, recorded_by, recorded_at, event_seq";

StoredRsr ReadRsr(const soci::row& r) {
  StoredRsr s;
  s.id = GetInt(r, 0);
  s.person_id = GetInt(r, 1);
  s.assessment.percent = ParseDecimal(GetText(r, 2)).value_or(Decimal{});
  s.assessment.kind = GetText(r, 3) == "dynamic" ? RsrKind::kDynamic : RsrKind::kStatic;
  s.assessment.assessed_on = ParseDate(GetText(r, 4)).value_or(Date{});
  s.assessment.assessed_by = GetText(r, 5);
  s.recorded_by = GetText(r, 6);
  s.recorded_at = ParseUtc(GetText(r, 7)).value_or(UtcTime{});
  s.event_seq = GetInt(r, 8);
  return s;
}

std::vector<StoredRsr> ReadRsrs(store::Transaction& tx, int64_t person_id, const char* limit) {
  std::vector<StoredRsr> out;
  const long long id = person_id;
  store::Rows(tx).Use(id).Read(std::string("SELECT ") + kRsrColumns +
                                   " FROM rsr_assessment WHERE person_id = :p ORDER BY "
                                   "assessed_on DESC, id DESC" +
                                   limit,
                               [&](const soci::row& r) { out.push_back(ReadRsr(r)); });
  return out;
}
}  // namespace

int64_t InsertRsr(store::Transaction& tx, const StoredRsr& s) {
  const long long person = s.person_id, seq = s.event_seq;
  const std::string percent = FormatDecimal(s.assessment.percent);
  const std::string kind = ToString(s.assessment.kind);
  const std::string on = FormatDate(s.assessment.assessed_on), at = FormatUtc(s.recorded_at);
  long long id = 0;
  tx.sql() << "INSERT INTO rsr_assessment (person_id, percent, kind, assessed_on, assessed_by, "
              "recorded_by, recorded_at, event_seq) VALUES (:p, :pc, :k, :o, :ab, :rb, :ra, :seq) "
              "RETURNING id",
      soci::use(person), soci::use(percent), soci::use(kind), soci::use(on),
      soci::use(s.assessment.assessed_by), soci::use(s.recorded_by), soci::use(at), soci::use(seq),
      soci::into(id);
  return id;
}

std::optional<StoredRsr> LatestRsr(store::Transaction& tx, int64_t person_id) {
  auto rows = ReadRsrs(tx, person_id, " LIMIT 1");
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<StoredRsr> LoadRsrHistory(store::Transaction& tx, int64_t person_id) {
  return ReadRsrs(tx, person_id, "");
}

int64_t InsertTierChange(store::Transaction& tx, const TierChangeRow& c) {
  const long long person = c.person_id, seq = c.event_seq;
  store::NullableText from(c.from_tier);
  const std::string protect(1, c.protect_level), at = FormatUtc(c.calculated_at);
  long long id = 0;
  tx.sql() << "INSERT INTO tier_change (person_id, from_tier, to_tier, protect_level, "
              "protect_points, change_level, change_points, inputs, breakdown, calculated_at, "
              "event_seq) VALUES (:p, :f, :t, :pl, :pp, :cl, :cp, :i, :b, :ca, :seq) RETURNING id",
      soci::use(person), store::Use(from), soci::use(c.to_tier), soci::use(protect),
      soci::use(c.protect_points), soci::use(c.change_level), soci::use(c.change_points),
      soci::use(c.inputs), soci::use(c.breakdown), soci::use(at), soci::use(seq), soci::into(id);
  return id;
}

std::vector<TierChangeRow> LoadTierChanges(store::Transaction& tx, int64_t person_id) {
  std::vector<TierChangeRow> out;
  const long long id = person_id;
  store::Rows(tx).Use(id).Read(
      "SELECT id, person_id, from_tier, to_tier, protect_level, protect_points, change_level, "
      "change_points, inputs, breakdown, calculated_at, event_seq FROM tier_change WHERE "
      "person_id = :p ORDER BY id DESC",
      [&](const soci::row& r) {
        TierChangeRow c;
        c.id = GetInt(r, 0);
        c.person_id = GetInt(r, 1);
        c.from_tier = GetOptionalText(r, 2);
        c.to_tier = GetText(r, 3);
        const std::string protect = GetText(r, 4);
        c.protect_level = protect.empty() ? 'D' : protect[0];
        c.protect_points = static_cast<int>(GetInt(r, 5));
        c.change_level = static_cast<int>(GetInt(r, 6));
        c.change_points = static_cast<int>(GetInt(r, 7));
        c.inputs = GetText(r, 8);
        c.breakdown = GetText(r, 9);
        c.calculated_at = ParseUtc(GetText(r, 10)).value_or(UtcTime{});
        c.event_seq = GetInt(r, 11);
        out.push_back(std::move(c));
      });
  return out;
}

std::optional<std::string> StoredTier(store::Transaction& tx, int64_t person_id) {
  const long long id = person_id;
  std::string tier;
  soci::indicator ind = soci::i_null;
  tx.sql() << "SELECT tier FROM person WHERE id = :id", soci::use(id), soci::into(tier, ind);
  if (!tx.sql().got_data() || ind != soci::i_ok) return std::nullopt;
  return tier;
}

void SetStoredTier(store::Transaction& tx, int64_t person_id, const std::string& tier) {
  const long long id = person_id;
  tx.sql() << "UPDATE person SET tier = :t WHERE id = :id", soci::use(tier), soci::use(id);
}

bool EverBreachedOrRecalled(store::Transaction& tx, int64_t person_id) {
  const long long a = person_id, b = person_id;
  int any = 0;
  tx.sql() << "SELECT CASE WHEN EXISTS (SELECT 1 FROM breach WHERE person_id = :a) OR EXISTS "
              "(SELECT 1 FROM recall WHERE person_id = :b) THEN 1 ELSE 0 END",
      soci::use(a), soci::use(b), soci::into(any);
  return any == 1;
}

std::map<int64_t, StoredRsr> LatestRsrInRange(store::Transaction& tx, int64_t first_id,
                                              int64_t last_id) {
  std::map<int64_t, StoredRsr> out;
  const long long first = first_id, last = last_id;
  // Newest first within each person: the first row seen for a person is their latest.
  store::Rows(tx).Use(first).Use(last).Read(
      std::string("SELECT ") + kRsrColumns +
          " FROM rsr_assessment WHERE person_id BETWEEN :a AND :b ORDER BY person_id, "
          "assessed_on DESC, id DESC",
      [&](const soci::row& r) {
        StoredRsr rsr = ReadRsr(r);
        out.try_emplace(rsr.person_id, std::move(rsr));
      });
  return out;
}

std::set<int64_t> BreachedOrRecalledInRange(store::Transaction& tx, int64_t first_id,
                                            int64_t last_id) {
  std::set<int64_t> out;
  const long long a = first_id, b = last_id, c = first_id, d = last_id;
  store::Rows(tx).Use(a).Use(b).Use(c).Use(d).Read(
      "SELECT person_id FROM breach WHERE person_id BETWEEN :a AND :b UNION SELECT person_id "
      "FROM recall WHERE person_id BETWEEN :c AND :d",
      [&](const soci::row& r) { out.insert(GetInt(r, 0)); });
  return out;
}

int64_t InsertScaleChoice(store::Transaction& tx, const ScaleChoice& c) {
  const long long person = c.person_id, seq = c.event_seq;
  const std::string scale = ToString(c.scale), at = FormatUtc(c.chosen_at);
  long long id = 0;
  tx.sql() << "INSERT INTO risk_scale_choice (person_id, scale, reason, chosen_by, chosen_at, "
              "event_seq) VALUES (:p, :s, :r, :b, :a, :seq) RETURNING id",
      soci::use(person), soci::use(scale), soci::use(c.reason), soci::use(c.chosen_by),
      soci::use(at), soci::use(seq), soci::into(id);
  return id;
}

std::optional<ScaleChoice> LatestScaleChoice(store::Transaction& tx, int64_t person_id) {
  std::optional<ScaleChoice> out;
  const long long id = person_id;
  store::Rows(tx).Use(id).Read(
      "SELECT id, person_id, scale, reason, chosen_by, chosen_at, event_seq FROM "
      "risk_scale_choice WHERE person_id = :p ORDER BY id DESC LIMIT 1",
      [&](const soci::row& r) {
        ScaleChoice c;
        c.id = GetInt(r, 0);
        c.person_id = GetInt(r, 1);
        c.scale = ParseGender(GetText(r, 2)).value_or(Gender::kMale);
        c.reason = GetText(r, 3);
        c.chosen_by = GetText(r, 4);
        c.chosen_at = ParseUtc(GetText(r, 5)).value_or(UtcTime{});
        c.event_seq = GetInt(r, 6);
        out = std::move(c);
      });
  return out;
}

std::map<int64_t, Gender> LatestScaleChoiceInRange(store::Transaction& tx, int64_t first_id,
                                                   int64_t last_id) {
  std::map<int64_t, Gender> out;
  const long long first = first_id, last = last_id;
  // Oldest first: each later choice replaces the one before.
  store::Rows(tx).Use(first).Use(last).Read(
      "SELECT person_id, scale FROM risk_scale_choice WHERE person_id BETWEEN :a AND :b ORDER BY "
      "person_id, id",
      [&](const soci::row& r) {
        if (auto scale = ParseGender(GetText(r, 1))) out[GetInt(r, 0)] = *scale;
      });
  return out;
}

std::vector<PersonKey> LoadPersonKeys(store::Transaction& tx) {
  std::vector<PersonKey> out;
  store::Rows(tx).Read("SELECT id, crn FROM person ORDER BY id", [&](const soci::row& r) {
    out.push_back({GetInt(r, 0), GetText(r, 1)});
  });
  return out;
}

}  // namespace probity::risk

#include "workload/live_store.h"

#include <soci/soci.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "store/bind.h"
#include "store/row.h"
#include "store/rows.h"

namespace probity::workload {

namespace {
using store::GetInt;
using store::GetOptionalInt;
using store::GetOptionalText;
using store::GetText;

// " AND <column> IN (...)" for some staff, nothing for everyone. Ids are integers, never text.
std::string StaffFilter(const char* column, const StaffIds& ids) {
  if (!ids) return "";
  return std::string(" AND ") + column + " IN (" + store::IdList(*ids) + ")";
}

Date DateAt(const soci::row& r, size_t column) {
  return ParseDate(GetText(r, column)).value_or(Date{});
}
std::optional<Date> OptionalDateAt(const soci::row& r, size_t column) {
  auto text = GetOptionalText(r, column);
  return text ? ParseDate(*text) : std::nullopt;
}

Row RowOf(const nlohmann::json& j, const char* key, const Row& fallback) {
  if (!j.contains(key) || !j[key].is_array() || j[key].size() != 16) return fallback;
  Row out{};
  for (size_t i = 0; i < 16; ++i) out[i] = j[key][i].get<int64_t>();
  return out;
}

Settings SettingsOf(const soci::row& r) {
  Settings s;
  s.version = GetInt(r, 0);
  const auto j = nlohmann::json::parse(GetText(r, 1));
  const Weightings d = DefaultWeightings();
  s.weights.community = RowOf(j, "community", d.community);
  s.weights.custody = RowOf(j, "custody", d.custody);
  s.weights.licence = RowOf(j, "licence", d.licence);
  s.weights.young_adult = RowOf(j, "young_adult", d.young_adult);
  s.weights.standard_report = j.value("standard_report", d.standard_report);
  s.weights.fast_report = j.value("fast_report", d.fast_report);
  s.nominal_target = GetInt(r, 2);
  s.default_hours = GetInt(r, 3);
  return s;
}

constexpr const char* kSettingsColumns =
    "SELECT id, weights, nominal_target, default_hours, reason, changed_by, changed_at FROM "
    "workload_weighting ";

constexpr const char* kStaffColumns =
    "SELECT s.id, s.name, COALESCE(a.username, ''), s.grade, s.contracted_minutes, "
    "s.qualified_on FROM staff s LEFT JOIN account a ON a.staff_id = s.id ";

std::vector<StaffFacts> ReadStaff(store::Transaction& tx, const std::string& where) {
  std::vector<StaffFacts> out;
  std::map<int64_t, size_t> at;
  store::Rows(tx).Read(std::string(kStaffColumns) + where + " ORDER BY s.name, s.id",
                       [&](const soci::row& r) {
                         StaffFacts s;
                         s.id = GetInt(r, 0);
                         s.name = GetText(r, 1);
                         s.username = GetText(r, 2);
                         s.grade = access::ParseGrade(GetText(r, 3)).value_or(access::Grade::kPo);
                         s.contracted_minutes = GetInt(r, 4);
                         s.qualified_on = OptionalDateAt(r, 5);
                         at[s.id] = out.size();
                         out.push_back(std::move(s));
                       });
  if (out.empty()) return out;
  std::vector<int64_t> ids;
  for (const auto& s : out) ids.push_back(s.id);
  store::Rows(tx).Read(
      "SELECT staff_id, team_id FROM staff_team WHERE staff_id IN (" + store::IdList(ids) +
          ") ORDER BY staff_id, team_id",
      [&](const soci::row& r) { out[at[GetInt(r, 0)]].team_ids.push_back(GetInt(r, 1)); });
  return out;
}

ReductionRecord ReadReduction(const soci::row& r) {
  ReductionRecord x;
  x.id = GetInt(r, 0);
  x.staff_id = GetInt(r, 1);
  x.allowance = GetText(r, 2);
  x.hours = GetInt(r, 3);
  x.start = DateAt(r, 4);
  x.expires = OptionalDateAt(r, 5);
  x.note = GetText(r, 6);
  x.added_by = GetText(r, 7);
  x.added_at = ParseUtc(GetText(r, 8)).value_or(UtcTime{});
  x.ended_on = OptionalDateAt(r, 9);
  x.end_reason = GetOptionalText(r, 10).value_or("");
  x.ended_by = GetOptionalText(r, 11).value_or("");
  return x;
}

constexpr const char* kReductionColumns =
    "SELECT r.id, r.staff_id, r.allowance, r.hours, r.start_date, r.expires_on, r.note, "
    "r.added_by, r.added_at, e.ended_on, e.reason, e.ended_by FROM workload_reduction r LEFT JOIN "
    "workload_reduction_end e ON e.reduction_id = r.id ";
}  // namespace

Settings LoadSettings(store::Transaction& tx) {
  Settings out;
  store::Rows(tx).Read(std::string(kSettingsColumns) + "ORDER BY id DESC LIMIT 1",
                       [&](const soci::row& r) { out = SettingsOf(r); });
  return out;
}

std::vector<SettingsVersion> ListSettings(store::Transaction& tx) {
  std::vector<SettingsVersion> out;
  store::Rows(tx).Read(std::string(kSettingsColumns) + "ORDER BY id DESC", [&](const soci::row& r) {
    out.push_back(
        {SettingsOf(r), GetText(r, 4), GetText(r, 5), ParseUtc(GetText(r, 6)).value_or(UtcTime{})});
  });
  out.push_back({Settings{}, "The published defaults", "", UtcTime{}});
  return out;
}

std::optional<std::string> LatestWeightsJson(store::Transaction& tx) {
  std::optional<std::string> out;
  store::Rows(tx).Read("SELECT weights FROM workload_weighting ORDER BY id DESC LIMIT 1",
                       [&](const soci::row& r) { out = GetText(r, 0); });
  return out;
}

int64_t InsertSettings(store::Transaction& tx, const Settings& s, const std::string& weights_json,
                       const std::string& reason, const std::string& by, UtcTime at) {
  const long long nominal = s.nominal_target, hours = s.default_hours;
  const std::string when = FormatUtc(at);
  long long id = 0;
  tx.sql() << "INSERT INTO workload_weighting (weights, nominal_target, default_hours, reason, "
              "changed_by, changed_at) VALUES (:w, :n, :h, :r, :b, :a) RETURNING id",
      soci::use(weights_json), soci::use(nominal), soci::use(hours), soci::use(reason),
      soci::use(by), soci::use(when), soci::into(id);
  return id;
}

std::vector<StaffFacts> LoadStaff(store::Transaction& tx, const StaffIds& ids) {
  return ReadStaff(tx, "WHERE 1 = 1" + StaffFilter("s.id", ids));
}

std::vector<StaffFacts> StaffOfTeams(store::Transaction& tx, const std::vector<int64_t>& team_ids) {
  return ReadStaff(tx, "WHERE s.id IN (SELECT staff_id FROM staff_team WHERE team_id IN (" +
                           store::IdList(team_ids) + "))");
}

std::optional<StaffFacts> StaffOfUsername(store::Transaction& tx, const std::string& username) {
  std::optional<int64_t> id;
  store::Rows(tx).Use(username).Read("SELECT staff_id FROM account WHERE username = :u",
                                     [&](const soci::row& r) { id = GetInt(r, 0); });
  if (!id) return std::nullopt;
  auto staff = ReadStaff(tx, "WHERE s.id = " + std::to_string(*id));
  if (staff.empty()) return std::nullopt;
  return std::move(staff.front());
}

namespace {
// Cases with their active sentences, one row per sentence, grouped by person in id order.
template <class Each>
void ReadCases(store::Transaction& tx, const std::string& where, Each each) {
  // The national recompute reads every active sentence (a quarter of a million rows), so this
  // fetches in batches into vectors rather than through soci's dynamic rows, which cost a type
  // lookup and an allocation per value and were most of the time.
  constexpr size_t kBatch = 4096;
  std::vector<long long> person(kBatch), officer(kBatch);
  std::vector<std::string> dob(kBatch), tier(kBatch), kind(kBatch), start(kBatch), release(kBatch);
  std::vector<soci::indicator> officer_set(kBatch), tier_set(kBatch), release_set(kBatch);
  soci::statement st =
      (tx.sql().prepare << "SELECT p.id, p.officer_staff_id, p.date_of_birth, p.tier, s.kind, "
                           "s.sentence_date, s.release_date FROM person p JOIN sentence s ON "
                           "s.person_id = p.id AND s.status = 'active' WHERE " +
                               where + " ORDER BY p.id, s.id",
       soci::into(person), soci::into(officer, officer_set), soci::into(dob),
       soci::into(tier, tier_set), soci::into(kind), soci::into(start),
       soci::into(release, release_set));
  std::optional<CaseFacts> current;
  int64_t current_officer = 0;
  st.execute();
  while (st.fetch()) {
    for (size_t i = 0; i < person.size(); ++i) {
      if (!current || current->person_id != person[i]) {
        if (current) each(current_officer, std::move(*current));
        current = CaseFacts{person[i],
                            ParseDate(dob[i]).value_or(Date{}),
                            tier_set[i] == soci::i_ok ? std::optional(tier[i]) : std::nullopt,
                            {}};
        current_officer = officer_set[i] == soci::i_ok ? officer[i] : 0;
      }
      current->sentences.push_back(
          {std::move(kind[i]), ParseDate(start[i]).value_or(Date{}),
           release_set[i] == soci::i_ok ? ParseDate(release[i]) : std::nullopt});
    }
    for (auto* v : {&person, &officer}) v->resize(kBatch);
    for (auto* v : {&dob, &tier, &kind, &start, &release}) v->resize(kBatch);
    for (auto* v : {&officer_set, &tier_set, &release_set}) v->resize(kBatch);
  }
  if (current) each(current_officer, std::move(*current));
}
}  // namespace

std::map<int64_t, std::vector<CaseFacts>> CasesOfStaff(store::Transaction& tx,
                                                       const StaffIds& ids) {
  std::map<int64_t, std::vector<CaseFacts>> out;
  if (ids && ids->empty()) return out;
  ReadCases(tx, "p.officer_staff_id IS NOT NULL" + StaffFilter("p.officer_staff_id", ids),
            [&](int64_t officer, CaseFacts c) { out[officer].push_back(std::move(c)); });
  return out;
}

std::optional<CaseFacts> CaseFactsOf(store::Transaction& tx, int64_t person_id) {
  std::optional<CaseFacts> out;
  store::Rows(tx).Read(
      "SELECT id, date_of_birth, tier FROM person WHERE id = " + std::to_string(person_id),
      [&](const soci::row& r) {
        out = CaseFacts{GetInt(r, 0), DateAt(r, 1), GetOptionalText(r, 2), {}};
      });
  if (!out) return out;
  ReadCases(tx, "p.id = " + std::to_string(person_id),
            [&](int64_t, CaseFacts c) { out->sentences = std::move(c.sentences); });
  return out;
}

Reduction ReductionRecord::Effective() const {
  Reduction r{hours, start, expires};
  if (ended_on && (!r.expires || *ended_on < *r.expires)) r.expires = ended_on;
  return r;
}

std::map<int64_t, std::vector<Reduction>> ReductionsOfStaff(store::Transaction& tx,
                                                            const StaffIds& ids) {
  std::map<int64_t, std::vector<Reduction>> out;
  if (ids && ids->empty()) return out;
  store::Rows(tx).Read(std::string(kReductionColumns) + "WHERE 1 = 1" +
                           StaffFilter("r.staff_id", ids) + " ORDER BY r.staff_id, r.id",
                       [&](const soci::row& r) {
                         const auto x = ReadReduction(r);
                         out[x.staff_id].push_back(x.Effective());
                       });
  return out;
}

std::vector<ReductionRecord> ListReductions(store::Transaction& tx, int64_t staff_id) {
  std::vector<ReductionRecord> out;
  const long long staff = staff_id;
  store::Rows(tx).Use(staff).Read(std::string(kReductionColumns) +
                                      "WHERE r.staff_id = :s ORDER BY r.start_date DESC, r.id DESC",
                                  [&](const soci::row& r) { out.push_back(ReadReduction(r)); });
  return out;
}

std::optional<ReductionRecord> FindReduction(store::Transaction& tx, int64_t id) {
  std::optional<ReductionRecord> out;
  const long long key = id;
  store::Rows(tx).Use(key).Read(std::string(kReductionColumns) + "WHERE r.id = :i",
                                [&](const soci::row& r) { out = ReadReduction(r); });
  return out;
}

int64_t InsertReduction(store::Transaction& tx, const ReductionRecord& r) {
  const long long staff = r.staff_id, hours = r.hours;
  const std::string start = FormatDate(r.start), at = FormatUtc(r.added_at);
  store::NullableText expires(r.expires ? std::optional(FormatDate(*r.expires)) : std::nullopt);
  long long id = 0;
  tx.sql() << "INSERT INTO workload_reduction (staff_id, allowance, hours, start_date, expires_on, "
              "note, added_by, added_at) VALUES (:s, :k, :h, :f, :e, :n, :b, :a) RETURNING id",
      soci::use(staff), soci::use(r.allowance), soci::use(hours), soci::use(start),
      store::Use(expires), soci::use(r.note), soci::use(r.added_by), soci::use(at), soci::into(id);
  return id;
}

void InsertReductionEnd(store::Transaction& tx, int64_t id, Date on, const std::string& reason,
                        const std::string& by, UtcTime at) {
  const long long key = id;
  const std::string day = FormatDate(on), when = FormatUtc(at);
  tx.sql() << "INSERT INTO workload_reduction_end (reduction_id, ended_on, reason, ended_by, "
              "ended_at) VALUES (:i, :o, :r, :b, :a)",
      soci::use(key), soci::use(day), soci::use(reason), soci::use(by), soci::use(when);
}

std::map<int64_t, ReportCounts> ReportsOfStaff(store::Transaction& tx, const StaffIds& ids,
                                               Date from, Date to) {
  std::map<int64_t, ReportCounts> out;
  if (ids && ids->empty()) return out;
  const std::string a = FormatDate(from), b = FormatDate(to);
  store::Rows(tx).Use(a).Use(b).Read(
      "SELECT staff_id, kind, COUNT(*) FROM court_report WHERE completed_on >= :a AND "
      "completed_on <= :b" +
          StaffFilter("staff_id", ids) + " GROUP BY staff_id, kind",
      [&](const soci::row& r) {
        auto& counts = out[GetInt(r, 0)];
        (GetText(r, 1) == "fast" ? counts.fast : counts.standard) += GetInt(r, 2);
      });
  return out;
}

std::vector<CourtReport> ListCourtReports(store::Transaction& tx, int64_t staff_id, Date from) {
  std::vector<CourtReport> out;
  const long long staff = staff_id;
  const std::string since = FormatDate(from);
  store::Rows(tx).Use(staff).Use(since).Read(
      "SELECT id, staff_id, kind, completed_on, crn, added_by, added_at FROM court_report WHERE "
      "staff_id = :s AND completed_on >= :f ORDER BY completed_on DESC, id DESC",
      [&](const soci::row& r) {
        out.push_back({GetInt(r, 0), GetInt(r, 1), GetText(r, 2), DateAt(r, 3), GetText(r, 4),
                       GetText(r, 5), ParseUtc(GetText(r, 6)).value_or(UtcTime{})});
      });
  return out;
}

int64_t InsertCourtReport(store::Transaction& tx, const CourtReport& r) {
  const long long staff = r.staff_id;
  const std::string on = FormatDate(r.completed_on), at = FormatUtc(r.added_at);
  long long id = 0;
  tx.sql() << "INSERT INTO court_report (staff_id, kind, completed_on, crn, added_by, added_at) "
              "VALUES (:s, :k, :o, :c, :b, :a) RETURNING id",
      soci::use(staff), soci::use(r.kind), soci::use(on), soci::use(r.crn), soci::use(r.added_by),
      soci::use(at), soci::into(id);
  return id;
}

void InsertOverCapacity(store::Transaction& tx, const OverCapacityAllocation& a) {
  const long long id = a.allocation_id, staff = a.staff_id, team = a.team_id,
                  before = a.capacity_before, after = a.capacity_after;
  const std::string at = FormatUtc(a.allocated_at);
  tx.sql() << "INSERT INTO allocation_over_capacity (allocation_id, staff_id, team_id, "
              "capacity_before, capacity_after, reason, allocated_by, allocated_at) VALUES (:i, "
              ":s, :t, :b, :a, :r, :by, :at)",
      soci::use(id), soci::use(staff), soci::use(team), soci::use(before), soci::use(after),
      soci::use(a.reason), soci::use(a.allocated_by), soci::use(at);
}

std::vector<OverCapacityAllocation> ListOverCapacity(store::Transaction& tx,
                                                     const std::vector<int64_t>& team_ids,
                                                     UtcTime since) {
  std::vector<OverCapacityAllocation> out;
  if (team_ids.empty()) return out;
  const std::string from = FormatUtc(since);
  store::Rows(tx).Use(from).Read(
      "SELECT o.allocation_id, o.staff_id, o.team_id, o.capacity_before, o.capacity_after, "
      "o.reason, o.allocated_by, o.allocated_at, p.crn, s.name, t.code FROM "
      "allocation_over_capacity o JOIN allocation a ON a.id = o.allocation_id JOIN person p ON "
      "p.id = a.person_id JOIN staff s ON s.id = o.staff_id JOIN team t ON t.id = o.team_id "
      "WHERE o.allocated_at >= :f AND o.team_id IN (" +
          store::IdList(team_ids) + ") ORDER BY o.allocated_at DESC, o.allocation_id DESC",
      [&](const soci::row& r) {
        OverCapacityAllocation a;
        a.allocation_id = GetInt(r, 0);
        a.staff_id = GetInt(r, 1);
        a.team_id = GetInt(r, 2);
        a.capacity_before = GetInt(r, 3);
        a.capacity_after = GetInt(r, 4);
        a.reason = GetText(r, 5);
        a.allocated_by = GetText(r, 6);
        a.allocated_at = ParseUtc(GetText(r, 7)).value_or(UtcTime{});
        a.crn = GetText(r, 8);
        a.officer_name = GetText(r, 9);
        a.team_code = GetText(r, 10);
        out.push_back(std::move(a));
      });
  return out;
}

void UpsertWeek(store::Transaction& tx, const Week& w, UtcTime at) {
  const long long staff = w.staff_id, points = w.points, available = w.available_points,
                  capacity = w.capacity_tenths, cases = w.cases;
  const std::string week = FormatDate(w.week_start), when = FormatUtc(at);
  tx.sql() << "INSERT INTO workload_week (staff_id, week_start, points, available_points, "
              "capacity, cases, recorded_at) VALUES (:s, :w, :p, :a, :c, :n, :t) ON CONFLICT "
              "(staff_id, week_start) DO UPDATE SET points = excluded.points, available_points = "
              "excluded.available_points, capacity = excluded.capacity, cases = excluded.cases, "
              "recorded_at = excluded.recorded_at",
      soci::use(staff), soci::use(week), soci::use(points), soci::use(available),
      soci::use(capacity), soci::use(cases), soci::use(when);
}

std::vector<Week> WeeksOf(store::Transaction& tx, const StaffIds& ids, Date from) {
  std::vector<Week> out;
  if (ids && ids->empty()) return out;
  const std::string since = FormatDate(from);
  store::Rows(tx).Use(since).Read(
      "SELECT staff_id, week_start, points, available_points, capacity, cases FROM workload_week "
      "WHERE week_start >= :f" +
          StaffFilter("staff_id", ids) + " ORDER BY staff_id, week_start",
      [&](const soci::row& r) {
        out.push_back(
            {GetInt(r, 0), DateAt(r, 1), GetInt(r, 2), GetInt(r, 3), GetInt(r, 4), GetInt(r, 5)});
      });
  return out;
}

}  // namespace probity::workload

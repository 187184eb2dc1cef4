#include "app/workload.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "access/policy.h"
#include "allocation/queue.h"
#include "app/unit_full.h"
#include "cases/store.h"
#include "core/uk_time.h"
#include "org/store.h"
#include "workload/capacity.h"
#include "workload/records.h"

namespace probity::app {

// FROZEN event kinds and payload fields (they are in the hash chain):
//   workload.weightings_changed {version, nominal_target, default_hours_hundredths, reason}
//                               subject "workload:weightings"
//   workload.reduction_added    {id, staff_id, allowance, hours_hundredths, start, expires (or
//                               null), note}  subject "staff:ID"
//   workload.reduction_ended    {id, ended_on, reason}  subject "staff:ID"
//   workload.court_report_recorded {id, staff_id, kind, completed_on, crn}  subject "staff:ID"
//   workload.allocated_over_capacity (written by Allocate, people.cc) {allocation_id, staff_id,
//                               capacity_before, capacity_after (tenths of a percent), reason}

namespace {
using access::Action;
using access::Principal;
using nlohmann::json;
using workload::StaffIds;

// Grades that hold cases: the practitioners a dashboard shows.
bool HoldsCases(access::Grade g) {
  return g == access::Grade::kPo || g == access::Grade::kPso || g == access::Grade::kPqip;
}

// Where each team sits.
struct Places {
  org::Organisation org;
  std::map<int64_t, int64_t> pdu_of_team;         // team id -> PDU id
  std::map<std::string, int64_t> pdu_id_of_code;  // PDU code -> id
  std::map<int64_t, std::string> region_of_pdu;   // PDU id -> region code
};

Places LoadPlaces(store::Transaction& tx) {
  Places p{org::LoadOrganisation(tx), {}, {}, {}};
  for (const auto& pdu : p.org.pdus) {
    p.pdu_id_of_code[pdu.code] = pdu.id;
    p.region_of_pdu[pdu.id] = pdu.region_code;
  }
  for (const auto& team : p.org.teams) p.pdu_of_team[team.id] = p.pdu_id_of_code[team.pdu_code];
  return p;
}

bool OnAnyTeam(const Principal& who, Action action, const Places& places,
               const std::vector<int64_t>& team_ids) {
  for (const int64_t team : team_ids) {
    const auto pdu = places.pdu_of_team.find(team);
    if (pdu != places.pdu_of_team.end() &&
        access::Decide(who, action, access::UnitAccess{team, pdu->second}))
      return true;
  }
  return false;
}

Date ReportsFrom(Date today) { return today - std::chrono::days{29}; }
Date TrendFrom(Date today) {
  return workload::WeekStart(today) - std::chrono::weeks{kTrendWeeks - 1};
}

// Today's figures for these staff, from a handful of bulk reads.
std::map<int64_t, workload::Figure> LiveFigures(store::Transaction& tx,
                                                const workload::Settings& settings,
                                                const std::vector<workload::StaffFacts>& staff,
                                                const StaffIds& ids, Date today) {
  auto cases = workload::CasesOfStaff(tx, ids);
  auto reductions = workload::ReductionsOfStaff(tx, ids);
  auto reports = workload::ReportsOfStaff(tx, ids, ReportsFrom(today), today);
  std::map<int64_t, workload::Figure> out;
  for (const auto& s : staff) {
    const auto& r = reports[s.id];
    auto figure = workload::FigureOf(settings, workload::HoursOfMinutes(s.contracted_minutes),
                                     cases[s.id], reductions[s.id], r.standard, r.fast, today);
    // Contracted hours are checked when staff are recorded; a figure that cannot be worked out
    // shows as nothing available rather than hiding the member of staff.
    out[s.id] = figure ? std::move(*figure) : workload::Figure{};
  }
  return out;
}

// Each member of staff's weeks, oldest first, this week replaced by today's figure.
std::vector<StaffWorkload> WithWeeks(store::Transaction& tx,
                                     std::vector<workload::StaffFacts> staff,
                                     std::map<int64_t, workload::Figure> figures, Date today) {
  std::vector<int64_t> ids;
  for (const auto& s : staff) ids.push_back(s.id);
  std::map<int64_t, std::vector<workload::Week>> weeks;
  for (auto& w : workload::WeeksOf(tx, ids, TrendFrom(today))) weeks[w.staff_id].push_back(w);
  const Date this_week = workload::WeekStart(today);
  std::vector<StaffWorkload> out;
  for (auto& s : staff) {
    StaffWorkload w{std::move(s), std::move(figures[s.id]), std::move(weeks[s.id]), false};
    std::erase_if(w.weeks, [&](const auto& x) { return x.week_start >= this_week; });
    w.weeks.push_back({w.staff.id, this_week, w.figure.points.total, w.figure.available_points,
                       w.figure.capacity_tenths, w.figure.cases});
    // Four weeks running: the last four weeks recorded must be consecutive.
    std::vector<int64_t> run;
    for (size_t i = 0; i < w.weeks.size(); ++i) {
      if (i > 0 && w.weeks[i].week_start - w.weeks[i - 1].week_start != std::chrono::days{7})
        run.clear();
      run.push_back(w.weeks[i].capacity_tenths);
    }
    w.excessive = workload::Excessive(run);
    out.push_back(std::move(w));
  }
  return out;
}

StaffWorkload OneStaffWorkload(store::Transaction& tx, const workload::Settings& settings,
                               workload::StaffFacts staff, Date today) {
  const StaffIds ids = std::vector<int64_t>{staff.id};
  std::vector<workload::StaffFacts> one = {std::move(staff)};
  auto figures = LiveFigures(tx, settings, one, ids, today);
  return std::move(WithWeeks(tx, std::move(one), std::move(figures), today).front());
}

Error UnknownUsername(const std::string& username) {
  Error e = Error::NotFound("unknown_user", "there is no member of staff " + username);
  e.field = "username";
  return e;
}
}  // namespace

Result<StaffWorkloadDetail> WorkloadOfStaff(store::Db& db, const Principal& who,
                                            const std::string& username, UtcTime now) {
  const Date today = UkDateOf(now);
  auto tx = db.BeginRead();
  auto staff = workload::StaffOfUsername(tx, username);
  if (!staff) return UnknownUsername(username);
  const auto places = LoadPlaces(tx);
  const bool own = staff->id == who.staff_id;
  if (!own && !OnAnyTeam(who, Action::kReadTeamWorkload, places, staff->team_ids))
    return Error::Forbidden("forbidden", "you may read your own workload and your teams' only");
  StaffWorkloadDetail out;
  out.settings = workload::LoadSettings(tx);
  out.may_manage = OnAnyTeam(who, Action::kManageWorkload, places, staff->team_ids);
  out.reductions = workload::ListReductions(tx, staff->id);
  for (auto& r : out.reductions) {
    r.added_by = cases::ActorName(tx, r.added_by);
    if (r.ended_on) r.ended_by = cases::ActorName(tx, r.ended_by);
  }
  out.reports = workload::ListCourtReports(tx, staff->id, ReportsFrom(today));
  out.workload = OneStaffWorkload(tx, out.settings, std::move(*staff), today);
  return out;
}

Result<UnitWorkload> WorkloadOfUnit(store::Db& db, const Principal& who, const std::string& unit,
                                    const std::string& code, UtcTime now) {
  const Date today = UkDateOf(now);
  auto tx = db.BeginRead();
  const auto places = LoadPlaces(tx);
  UnitWorkload out;
  out.unit = unit;
  out.code = code;
  std::vector<int64_t> team_ids;
  std::set<int64_t> pdu_ids;
  // The parts: a PDU's teams or a region's PDUs, each with its teams.
  std::vector<std::pair<UnitWorkload::Part, std::vector<int64_t>>> parts;
  if (unit == "team") {
    for (const auto& t : places.org.teams)
      if (t.code == code) {
        out.name = t.name;
        team_ids.push_back(t.id);
        pdu_ids.insert(places.pdu_of_team.at(t.id));
      }
  } else if (unit == "pdu") {
    const auto pdu = places.pdu_id_of_code.find(code);
    if (pdu != places.pdu_id_of_code.end()) {
      pdu_ids.insert(pdu->second);
      for (const auto& p : places.org.pdus)
        if (p.id == pdu->second) out.name = p.name;
      for (const auto& t : places.org.teams)
        if (t.pdu_code == code) {
          team_ids.push_back(t.id);
          parts.push_back({{t.code, t.name, {}, 0}, {t.id}});
        }
    }
  } else if (unit == "region") {
    for (const auto& r : places.org.regions)
      if (r.code == code) out.name = r.name;
    for (const auto& p : places.org.pdus) {
      if (p.region_code != code) continue;
      pdu_ids.insert(p.id);
      std::vector<int64_t> teams;
      for (const auto& t : places.org.teams)
        if (t.pdu_code == p.code) teams.push_back(t.id);
      team_ids.insert(team_ids.end(), teams.begin(), teams.end());
      parts.push_back({{p.code, p.name, {}, 0}, std::move(teams)});
    }
  } else {
    return Error::NotFound("not_found", "a unit is a team, pdu or region");
  }
  if (out.name.empty()) return Error::NotFound("not_found", "there is no " + unit + " " + code);

  bool allowed = false;
  if (unit == "team") {
    allowed = OnAnyTeam(who, Action::kReadTeamWorkload, places, team_ids);
  } else {
    for (const int64_t pdu : pdu_ids)
      if (access::Decide(who, Action::kReadTeamWorkload, access::UnitAccess{0, pdu})) {
        allowed = true;
        if (unit == "pdu") break;
      }
  }
  if (!allowed)
    return Error::Forbidden("forbidden", "you may not read this " + unit + "'s workload");

  auto staff = workload::StaffOfTeams(tx, team_ids);
  std::erase_if(staff, [](const auto& s) { return !HoldsCases(s.grade); });
  std::vector<int64_t> ids;
  for (const auto& s : staff) ids.push_back(s.id);
  const auto settings = workload::LoadSettings(tx);
  auto figures = LiveFigures(tx, settings, staff, ids, today);
  out.staff = WithWeeks(tx, std::move(staff), std::move(figures), today);

  std::map<Date, workload::Sum> by_week;
  for (const auto& s : out.staff) {
    out.sum.points += s.figure.points.total;
    out.sum.available_points += s.figure.available_points;
    for (const auto& w : s.weeks) {
      by_week[w.week_start].points += w.points;
      by_week[w.week_start].available_points += w.available_points;
    }
    for (auto& [part, teams] : parts)
      if (std::any_of(teams.begin(), teams.end(), [&](int64_t t) {
            return std::find(s.staff.team_ids.begin(), s.staff.team_ids.end(), t) !=
                   s.staff.team_ids.end();
          })) {
        part.sum.points += s.figure.points.total;
        part.sum.available_points += s.figure.available_points;
        ++part.staff;
      }
  }
  std::vector<int64_t> run;
  for (const auto& [week, sum] : by_week) {
    if (!out.trend.empty() && week - out.trend.back().week_start != std::chrono::days{7})
      run.clear();
    out.trend.push_back({week, sum});
    run.push_back(sum.capacity_tenths());
  }
  out.excessive = workload::Excessive(run);
  for (auto& [part, teams] : parts) out.parts.push_back(std::move(part));
  out.over_capacity =
      workload::ListOverCapacity(tx, team_ids, now - std::chrono::weeks{kTrendWeeks});
  for (auto& a : out.over_capacity) a.allocated_by = cases::ActorName(tx, a.allocated_by);
  tx.Commit();

  for (auto& d : ListUnitFull(db, who)) {
    if (!workload::InForce(d, today)) continue;
    const bool covers =
        d.team_id ? std::find(team_ids.begin(), team_ids.end(), *d.team_id) != team_ids.end()
                  : pdu_ids.count(d.pdu_id) > 0;
    if (covers) out.declarations.push_back(std::move(d));
  }
  return out;
}

Result<workload::ReductionRecord> AddReduction(store::Db& db, const Principal& who,
                                               const ReductionInput& in, UtcTime now) {
  const auto start = ParseDate(in.start);
  if (!start) return Error::Invalid("invalid_date", "start is a date, YYYY-MM-DD", "start");
  std::optional<workload::Hours> given;
  if (in.hours) {
    auto hours = workload::ParseHours(*in.hours, "hours");
    if (!hours) return hours.error();
    given = *hours;
  }
  if (in.note.size() > 500)
    return Error::Invalid("too_long", "note is at most 500 characters", "note");
  auto tx = db.BeginWrite();
  auto staff = workload::StaffOfUsername(tx, in.username);
  if (!staff) return UnknownUsername(in.username);
  const auto places = LoadPlaces(tx);
  if (!OnAnyTeam(who, Action::kManageWorkload, places, staff->team_ids))
    return Error::Forbidden("forbidden",
                            "only the SPO of their team or the head of their PDU reduces hours");
  auto plan = workload::PlanReduction(
      in.allowance, workload::HoursOfMinutes(staff->contracted_minutes), given, *start);
  if (!plan) return plan.error();
  workload::ReductionRecord r;
  r.staff_id = staff->id;
  r.allowance = in.allowance;
  r.hours = plan->hours;
  r.start = plan->start;
  r.expires = plan->expires;
  r.note = in.note;
  r.added_by = who.ActorId();
  r.added_at = now;
  r.id = workload::InsertReduction(tx, r);
  store::AppendEvent(tx, {who.ActorId(), std::nullopt},
                     {"staff:" + std::to_string(staff->id),
                      "workload.reduction_added",
                      {{"id", r.id},
                       {"staff_id", r.staff_id},
                       {"allowance", r.allowance},
                       {"hours_hundredths", r.hours},
                       {"start", FormatDate(r.start)},
                       {"expires", r.expires ? json(FormatDate(*r.expires)) : json(nullptr)},
                       {"note", r.note}}},
                     now);
  r.added_by = cases::ActorName(tx, r.added_by);
  tx.Commit();
  return r;
}

Result<workload::ReductionRecord> EndReduction(store::Db& db, const Principal& who, int64_t id,
                                               const std::string& ended_on,
                                               const std::string& reason, UtcTime now) {
  const auto on = ParseDate(ended_on);
  if (!on) return Error::Invalid("invalid_date", "ended_on is a date, YYYY-MM-DD", "ended_on");
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
    return Error::Invalid("required", "reason is required", "reason");
  auto tx = db.BeginWrite();
  auto r = workload::FindReduction(tx, id);
  if (!r) return Error::NotFound("not_found", "there is no such reduction");
  auto staff = workload::LoadStaff(tx, std::vector<int64_t>{r->staff_id});
  const auto places = LoadPlaces(tx);
  if (staff.empty() || !OnAnyTeam(who, Action::kManageWorkload, places, staff.front().team_ids))
    return Error::Forbidden("forbidden",
                            "only the SPO of their team or the head of their PDU ends a reduction");
  if (r->ended_on) return Error::Conflict("already_ended", "the reduction has already ended");
  if (auto ok = workload::CheckReductionEnd(r->Effective(), *on); !ok) return ok.error();
  workload::InsertReductionEnd(tx, id, *on, reason, who.ActorId(), now);
  store::AppendEvent(tx, {who.ActorId(), std::nullopt},
                     {"staff:" + std::to_string(r->staff_id),
                      "workload.reduction_ended",
                      {{"id", id}, {"ended_on", FormatDate(*on)}, {"reason", reason}}},
                     now);
  auto ended = workload::FindReduction(tx, id);
  ended->added_by = cases::ActorName(tx, ended->added_by);
  ended->ended_by = cases::ActorName(tx, ended->ended_by);
  tx.Commit();
  return std::move(*ended);
}

Result<workload::CourtReport> RecordCourtReport(store::Db& db, const Principal& who,
                                                const CourtReportInput& in, UtcTime now) {
  const auto on = ParseDate(in.completed_on);
  if (!on)
    return Error::Invalid("invalid_date", "completed_on is a date, YYYY-MM-DD", "completed_on");
  if (auto ok = workload::CheckCourtReport(in.kind, *on, UkDateOf(now)); !ok) return ok.error();
  auto tx = db.BeginWrite();
  auto staff = workload::StaffOfUsername(tx, in.username);
  if (!staff) return UnknownUsername(in.username);
  const auto places = LoadPlaces(tx);
  if (staff->id != who.staff_id &&
      !OnAnyTeam(who, Action::kManageWorkload, places, staff->team_ids))
    return Error::Forbidden(
        "forbidden", "you record your own reports, or your team's as their SPO or head of PDU");
  if (!cases::FindPerson(tx, in.crn)) {
    Error e = Error::NotFound("unknown_crn", "there is no person with CRN " + in.crn);
    e.field = "crn";
    return e;
  }
  workload::CourtReport r{0, staff->id, in.kind, *on, in.crn, who.ActorId(), now};
  r.id = workload::InsertCourtReport(tx, r);
  store::AppendEvent(tx, {who.ActorId(), std::nullopt},
                     {"staff:" + std::to_string(staff->id),
                      "workload.court_report_recorded",
                      {{"id", r.id},
                       {"staff_id", r.staff_id},
                       {"kind", r.kind},
                       {"completed_on", FormatDate(r.completed_on)},
                       {"crn", r.crn}}},
                     now);
  tx.Commit();
  return r;
}

std::vector<workload::SettingsVersion> WeightingVersions(store::Db& db) {
  auto tx = db.BeginRead();
  auto out = workload::ListSettings(tx);
  for (auto& v : out)
    if (!v.changed_by.empty()) v.changed_by = cases::ActorName(tx, v.changed_by);
  return out;
}

namespace {
Result<int64_t> WholeField(const json& body, const std::string& field, int64_t low, int64_t high) {
  const auto it = body.find(field);
  if (it == body.end()) return Error::Invalid("required", field + " is required", field);
  if (!it->is_number_integer() || it->get<int64_t>() < low || it->get<int64_t>() > high)
    return Error::Invalid(
        "out_of_range",
        field + " is a whole number from " + std::to_string(low) + " to " + std::to_string(high),
        field);
  return it->get<int64_t>();
}

Result<workload::Row> RowField(const json& body, const char* field) {
  const auto it = body.find(field);
  if (it == body.end() || !it->is_array() || it->size() != 16)
    return Error::Invalid("invalid_row",
                          std::string(field) + " is a list of 16 weights, tiers A3 to D0", field);
  workload::Row row{};
  for (size_t i = 0; i < 16; ++i) {
    auto w = WholeField(json{{"w", (*it)[i]}}, "w", 0, 10000);
    if (!w)
      return Error::Invalid("out_of_range", "each weight is a whole number from 0 to 10000",
                            std::string(field) + "[" + std::to_string(i) + "]");
    row[i] = *w;
  }
  return row;
}
}  // namespace

Result<workload::SettingsVersion> ChangeWeightings(store::Db& db, const Principal& who,
                                                   const json& body, UtcTime now) {
  if (auto ok = access::Require(access::Decide(who, Action::kManageOrganisation)); !ok)
    return ok.error();
  static const std::set<std::string> kFields = {"community",      "custody",         "licence",
                                                "young_adult",    "standard_report", "fast_report",
                                                "nominal_target", "default_hours",   "reason"};
  if (!body.is_object()) return Error::Invalid("invalid_json", "send a JSON object");
  for (const auto& [key, value] : body.items())
    if (!kFields.count(key)) return Error::Invalid("unknown_field", key + " is not a field", key);
  workload::Settings s;
  for (auto [field, row] : {std::pair{"community", &s.weights.community},
                            {"custody", &s.weights.custody},
                            {"licence", &s.weights.licence},
                            {"young_adult", &s.weights.young_adult}}) {
    auto parsed = RowField(body, field);
    if (!parsed) return parsed.error();
    *row = *parsed;
  }
  for (auto [field, target] : {std::pair{"standard_report", &s.weights.standard_report},
                               {"fast_report", &s.weights.fast_report}}) {
    auto w = WholeField(body, field, 0, 10000);
    if (!w) return w.error();
    *target = *w;
  }
  auto nominal = WholeField(body, "nominal_target", 1, 1000000);
  if (!nominal) return nominal.error();
  s.nominal_target = *nominal;
  const auto hours = body.find("default_hours");
  if (hours == body.end() || !hours->is_number())
    return Error::Invalid("required", "default_hours is a number of hours", "default_hours");
  auto parsed_hours = workload::ParseHours(hours->dump(), "default_hours");
  if (!parsed_hours) return parsed_hours.error();
  if (*parsed_hours <= 0)
    return Error::Invalid("out_of_range", "default_hours must be over 0", "default_hours");
  s.default_hours = *parsed_hours;
  const auto reason = body.find("reason");
  if (reason == body.end() || !reason->is_string() ||
      reason->get<std::string>().find_first_not_of(" \t\r\n") == std::string::npos)
    return Error::Invalid("required", "reason is required", "reason");
  const json weights = {{"community", s.weights.community},
                        {"custody", s.weights.custody},
                        {"licence", s.weights.licence},
                        {"young_adult", s.weights.young_adult},
                        {"standard_report", s.weights.standard_report},
                        {"fast_report", s.weights.fast_report}};
  auto tx = db.BeginWrite();
  s.version = workload::InsertSettings(tx, s, weights.dump(), reason->get<std::string>(),
                                       who.ActorId(), now);
  store::AppendEvent(tx, {who.ActorId(), std::nullopt},
                     {"workload:weightings",
                      "workload.weightings_changed",
                      {{"version", s.version},
                       {"nominal_target", s.nominal_target},
                       {"default_hours_hundredths", s.default_hours},
                       {"reason", reason->get<std::string>()}}},
                     now);
  workload::SettingsVersion out{s, reason->get<std::string>(), who.name, now};
  tx.Commit();
  return out;
}

namespace {
std::map<int64_t, workload::Figure> FiguresOfEveryone(store::Transaction& tx, Date today) {
  const auto settings = workload::LoadSettings(tx);
  auto staff = workload::LoadStaff(tx, std::nullopt);
  std::erase_if(staff, [](const auto& s) { return !HoldsCases(s.grade); });
  return LiveFigures(tx, settings, staff, std::nullopt, today);
}
}  // namespace

std::map<int64_t, workload::Figure> AllFigures(store::Db& db, Date today) {
  auto tx = db.BeginRead();
  return FiguresOfEveryone(tx, today);
}

int64_t RecordWeek(store::Db& db, UtcTime now) {
  const Date today = UkDateOf(now);
  auto tx = db.BeginWrite();
  const auto figures = FiguresOfEveryone(tx, today);
  const Date week = workload::WeekStart(today);
  for (const auto& [id, f] : figures)
    workload::UpsertWeek(
        tx, {id, week, f.points.total, f.available_points, f.capacity_tenths, f.cases}, now);
  tx.Commit();
  return static_cast<int64_t>(figures.size());
}

Result<workload::Figure> FigureOfStaff(store::Transaction& tx, int64_t staff_id, Date today) {
  const StaffIds ids = std::vector<int64_t>{staff_id};
  auto staff = workload::LoadStaff(tx, ids);
  if (staff.empty()) return Error::NotFound("not_found", "there is no such member of staff");
  const auto settings = workload::LoadSettings(tx);
  auto cases = workload::CasesOfStaff(tx, ids);
  auto reductions = workload::ReductionsOfStaff(tx, ids);
  auto reports = workload::ReportsOfStaff(tx, ids, ReportsFrom(today), today);
  return workload::FigureOf(settings, workload::HoursOfMinutes(staff.front().contracted_minutes),
                            cases[staff_id], reductions[staff_id], reports[staff_id].standard,
                            reports[staff_id].fast, today);
}

int64_t PointsOfCase(store::Transaction& tx, int64_t person_id, Date today) {
  const auto facts = workload::CaseFactsOf(tx, person_id);
  if (!facts) return 0;
  const auto settings = workload::LoadSettings(tx);
  const auto one = workload::CountOf(*facts, settings.weights, today);
  return one ? workload::WeightOf(settings.weights, *one) : 0;
}

Result<Recommendations> RecommendFor(store::Db& db, const Principal& who, const std::string& crn,
                                     UtcTime now) {
  const Date today = UkDateOf(now);
  auto tx = db.BeginRead();
  const auto access_record = cases::LoadCaseAccess(tx, crn);
  if (!access_record) return Error::NotFound("not_found", "there is no such person");
  if (auto ok = access::Require(access::Decide(who, Action::kAllocateCase, access_record->access));
      !ok)
    return ok.error();
  const auto person = cases::FindPerson(tx, crn);
  const auto record = cases::LoadCaseRecord(tx, *person);
  Recommendations out;
  out.crn = crn;
  out.team_code = person->team_code;
  out.to_place.tier = person->tier;
  out.to_place.high_risk = allocation::IsHighRisk(record.registrations, today);
  out.to_place.points = PointsOfCase(tx, person->id, today);

  auto staff = workload::StaffOfTeams(tx, {person->team_id});
  std::vector<int64_t> ids;
  for (const auto& s : staff) ids.push_back(s.id);
  const auto settings = workload::LoadSettings(tx);
  auto figures = LiveFigures(tx, settings, staff, ids, today);
  // Continuity: when each past officer stopped holding the case (the next allocation's day).
  std::map<int64_t, Date> officer_until;
  const auto history = cases::LoadAllocations(tx, person->id);  // newest first
  for (size_t i = 1; i < history.size(); ++i)
    if (history[i].staff_id && !officer_until.count(*history[i].staff_id))
      officer_until[*history[i].staff_id] = UkDateOf(history[i - 1].from);
  const auto& excluded = access_record->access.excluded_staff;
  const auto& restricted = access_record->access.restricted_to;
  std::vector<allocation::Candidate> candidates;
  for (const auto& s : staff) {
    allocation::Candidate c;
    c.staff_id = s.id;
    c.name = s.name;
    c.username = s.username;
    c.grade = s.grade;
    c.qualified_on = s.qualified_on;
    c.points = figures[s.id].points.total;
    c.available_points = figures[s.id].available_points;
    c.excluded = std::find(excluded.begin(), excluded.end(), s.id) != excluded.end() ||
                 (!restricted.empty() &&
                  std::find(restricted.begin(), restricted.end(), s.id) == restricted.end());
    if (const auto until = officer_until.find(s.id); until != officer_until.end())
      c.officer_until = until->second;
    candidates.push_back(std::move(c));
  }
  out.ranked = allocation::Recommend(out.to_place, candidates, today);
  return out;
}

}  // namespace probity::app

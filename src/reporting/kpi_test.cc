// The KPIs and the integrity report over a case history written as raw log rows, the way the
// log holds them: a record gamed as practitioners describe, and each attempt in the figures.
#include "reporting/kpi.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/time.h"
#include "reporting/case_log.h"
#include "reporting/integrity.h"

namespace probity::reporting {
namespace {

using nlohmann::json;

class Log {
 public:
  Log& Add(const std::string& at, const std::string& subject, const std::string& kind, json payload,
           const std::string& actor = "staff:1",
           std::optional<std::string> instructed_by = std::nullopt) {
    store::EventRow e;
    e.seq = static_cast<int64_t>(rows_.size()) + 1;
    e.recorded_at = at;
    e.actor = actor;
    e.instructed_by = std::move(instructed_by);
    e.subject = subject;
    e.kind = kind;
    e.payload = payload.dump();
    rows_.push_back(std::move(e));
    return *this;
  }
  OrgLog Org() const {
    OrgLog org;
    for (const auto& e : rows_) org.Apply(e);
    return org;
  }
  std::vector<CaseLog> Cases() const {
    std::map<std::string, std::vector<store::EventRow>> by_subject;
    for (const auto& e : rows_) by_subject[e.subject].push_back(e);
    std::vector<CaseLog> cases;
    for (const auto& [subject, rows] : by_subject)
      if (rows.front().kind == "person.registered") cases.push_back(FoldCase(subject, rows));
    return cases;
  }

 private:
  std::vector<store::EventRow> rows_;
};

json Booked(int64_t id, const std::string& starts_at, bool open_space = false,
            std::optional<int64_t> rearranged_from = std::nullopt) {
  return {{"id", id},
          {"type", "supervision"},
          {"enforceable", true},
          {"starts_at", starts_at},
          {"duration_minutes", 60},
          {"office", "NE-WALL"},
          {"room_id", 1},
          {"location", nullptr},
          {"staff_id", 1},
          {"sentence_id", 10},
          {"requirement_id", nullptr},
          {"rearranged_from", rearranged_from ? json(*rearranged_from) : json(nullptr)},
          {"open_space", open_space},
          {"room_reason", open_space ? json("Every interview room was full") : json(nullptr)}};
}

json Outcome(int64_t id, const std::string& outcome, const std::optional<std::string>& judgement,
             const std::string& starts_at) {
  return {{"id", id},
          {"outcome", outcome},
          {"judgement", judgement ? json(*judgement) : json(nullptr)},
          {"judgement_reason", judgement == "acceptable" ? json("illness") : json(nullptr)},
          {"note", "noted"},
          {"type", "supervision"},
          {"enforceable", true},
          {"starts_at", starts_at},
          {"sentence_id", 10},
          {"version", 2}};
}

json Amended(json outcome, const std::string& reason) {
  outcome["reason"] = reason;
  return outcome;
}

json Alert(int64_t appointment_id, const std::string& day, const std::string& due) {
  return {{"sentence_id", 10},           {"appointment_id", appointment_id},
          {"failure_day", day},          {"nth", 1},
          {"kind", "warning"},           {"due_on", due},
          {"during_proceedings", false}, {"policy_version", 1}};
}

// Two cases in team N1A (PDU P1, region R1), as of 1 May 2026:
//  X1: sentenced Monday 2 March (first appointment due 9 March); booked for 4 March, then moved by
//      the service to 12 March and attended; an absence on 16 March in an open-plan booth judged
//      unacceptable, then amended to acceptable on the SPO's instruction (its alert withdrawn);
//      an absence on 23 March decided late (not enforced, never countersigned); an absence on
//      1 April with no decision when the order was terminated as completed on 10 April.
//  X2: sentenced Wednesday 1 April and never seen, still unallocated: its due day, five working
//      days on, is 10 April because Good Friday and Easter Monday 2026 are bank holidays.
Log Scenario() {
  Log log;
  log.Add("2026-01-05T09:00:00.000000Z", "region:R1", "region.created",
          {{"id", 1}, {"code", "R1"}, {"name", "North East"}}, "system:seed")
      .Add("2026-01-05T09:00:01.000000Z", "pdu:P1", "pdu.created",
           {{"id", 1}, {"code", "P1"}, {"name", "Tyne"}, {"region_code", "R1"}}, "system:seed")
      .Add("2026-01-05T09:00:02.000000Z", "team:N1A", "team.created",
           {{"id", 1}, {"code", "N1A"}, {"name", "North 1"}, {"pdu_code", "P1"}}, "system:seed")
      .Add("2026-01-05T09:00:03.000000Z", "staff:1", "staff.created",
           {{"id", 1}, {"name", "Pat Officer"}}, "system:seed")
      .Add("2026-01-05T09:00:04.000000Z", "staff:2", "staff.created",
           {{"id", 2}, {"name", "Sam Manager"}}, "system:seed")
      .Add("2026-03-02T09:00:00.000000Z", "X1", "person.registered",
           {{"id", 1}, {"crn", "X1"}, {"team_code", "N1A"}}, "staff:2")
      .Add("2026-03-02T09:30:00.000000Z", "X1", "sentence.added",
           {{"id", 10},
            {"kind", "community_order"},
            {"sentence_date", "2026-03-02"},
            {"release_date", nullptr}})
      .Add("2026-03-02T10:00:00.000000Z", "X1", "case.allocated",
           {{"id", 5}, {"team_code", "N1A"}, {"officer_staff_id", 1}, {"reason", "new case"}},
           "staff:2")
      .Add("2026-03-02T10:00:00.000001Z", "X1", "workload.allocated_over_capacity",
           {{"allocation_id", 5},
            {"staff_id", 1},
            {"capacity_before", 1010},
            {"capacity_after", 1043},
            {"reason", "nobody else has capacity"}},
           "staff:2")
      .Add("2026-03-02T11:00:00.000000Z", "X1", "appointment.booked",
           Booked(100, "2026-03-04T10:00:00.000000Z"))
      .Add("2026-03-03T11:00:00.000000Z", "X1", "appointment.rearranged",
           {{"id", 100},
            {"replacement_id", 101},
            {"requested_by", "service"},
            {"reason", "officer on leave"},
            {"starts_at", "2026-03-04T10:00:00.000000Z"},
            {"new_starts_at", "2026-03-12T10:00:00.000000Z"},
            {"version", 2}})
      .Add("2026-03-03T11:00:00.000001Z", "X1", "appointment.booked",
           Booked(101, "2026-03-12T10:00:00.000000Z", false, 100))
      .Add("2026-03-12T11:00:00.000000Z", "X1", "appointment.outcome_recorded",
           Outcome(101, "attended_complied", std::nullopt, "2026-03-12T10:00:00.000000Z"))
      .Add("2026-03-12T11:05:00.000000Z", "X1", "appointment.booked",
           Booked(102, "2026-03-16T10:00:00.000000Z", true))
      .Add("2026-03-16T12:00:00.000000Z", "X1", "appointment.outcome_recorded",
           Outcome(102, "failed_to_attend", "unacceptable", "2026-03-16T10:00:00.000000Z"))
      .Add("2026-03-16T12:00:00.000001Z", "X1", "enforcement.alert_raised",
           Alert(102, "2026-03-16", "2026-03-30"), "system:enforcement")
      .Add("2026-03-20T09:00:00.000000Z", "X1", "appointment.outcome_amended",
           Amended(Outcome(102, "failed_to_attend", "acceptable", "2026-03-16T10:00:00.000000Z"),
                   "told to by my SPO"),
           "staff:1", "staff:2")
      .Add("2026-03-20T09:00:00.000001Z", "X1", "enforcement.alert_withdrawn",
           {{"sentence_id", 10}, {"appointment_id", 102}, {"failure_day", "2026-03-16"}},
           "system:enforcement")
      .Add("2026-03-16T12:10:00.000000Z", "X1", "appointment.booked",
           Booked(103, "2026-03-23T10:00:00.000000Z"))
      .Add("2026-03-23T12:00:00.000000Z", "X1", "appointment.outcome_recorded",
           Outcome(103, "failed_to_attend", "unacceptable", "2026-03-23T10:00:00.000000Z"))
      .Add("2026-03-23T12:00:00.000001Z", "X1", "enforcement.alert_raised",
           Alert(103, "2026-03-23", "2026-04-07"), "system:enforcement")
      .Add("2026-04-08T12:00:00.000000Z", "X1", "enforcement.decision_recorded",
           {{"id", 7},
            {"sentence_id", 10},
            {"appointment_id", 103},
            {"kind", "not_enforced"},
            {"rationale", "engaging well otherwise"},
            {"failure_day", "2026-03-23"}})
      .Add("2026-03-23T12:10:00.000000Z", "X1", "appointment.booked",
           Booked(104, "2026-04-01T10:00:00.000000Z"))
      .Add("2026-04-01T12:00:00.000000Z", "X1", "appointment.outcome_recorded",
           Outcome(104, "failed_to_attend", "unacceptable", "2026-04-01T10:00:00.000000Z"))
      .Add("2026-04-01T12:00:00.000001Z", "X1", "enforcement.alert_raised",
           Alert(104, "2026-04-01", "2026-04-16"), "system:enforcement")
      .Add("2026-04-10T12:00:00.000000Z", "X1", "sentence.terminated",
           {{"id", 10},
            {"kind", "community_order"},
            {"terminated_on", "2026-04-10"},
            {"reason", "completed"},
            {"version", 2}})
      .Add("2026-04-01T09:00:00.000000Z", "X2", "person.registered",
           {{"id", 2}, {"crn", "X2"}, {"team_code", "N1A"}}, "staff:2")
      .Add("2026-04-01T09:10:00.000000Z", "X2", "sentence.added",
           {{"id", 20},
            {"kind", "community_order"},
            {"sentence_date", "2026-04-01"},
            {"release_date", nullptr}});
  return log;
}

const Period kSpring{*ParseDate("2026-03-01"), *ParseDate("2026-04-30")};
const UtcTime kAsOf = *ParseUtc("2026-05-01T09:00:00.000000Z");

const Kpi& Find(const std::vector<Kpi>& kpis, std::string_view code) {
  for (const auto& k : kpis)
    if (k.code == code) return k;
  throw std::runtime_error("no KPI " + std::string(code));
}

std::vector<Kpi> Compute(const Scope& scope = {}) {
  const auto log = Scenario();
  const auto org = log.Org();
  const auto cases = log.Cases();
  return ComputeKpis(cases, kSpring, scope, org, kAsOf);
}

TEST(Kpi, AFirstAppointmentBookedInTimeThenMovedIsLateAndOneNeverHeldIsMissed) {
  const auto kpis = Compute();
  const auto& k = Find(kpis, "first_appointment_in_time");
  EXPECT_EQ(k.numerator, 0);
  EXPECT_EQ(k.denominator, 2);
  ASSERT_EQ(k.items.size(), 2u);
  EXPECT_EQ(k.items[0].crn, "X1");
  EXPECT_EQ(k.items[0].category, "late");
  EXPECT_EQ(k.items[0].detail, "due by 2026-03-09; first attended 2026-03-12");
  EXPECT_EQ(k.items[1].crn, "X2");
  EXPECT_EQ(k.items[1].category, "not attended by the due day");
  EXPECT_EQ(k.items[1].detail, "due by 2026-04-10");  // Easter 2026 pushed it to Friday
}

TEST(Kpi, AnAbsenceMadeAcceptableCountsWithWhoChangedItAndOnWhoseInstruction) {
  const auto kpis = Compute();
  const auto& k = Find(kpis, "absences_amended_to_acceptable");
  EXPECT_EQ(k.numerator, 1);
  EXPECT_EQ(k.denominator, 3);
  EXPECT_EQ(k.RateTenths(), 333);
  const auto counted =
      std::find_if(k.items.begin(), k.items.end(), [](const KpiItem& i) { return i.counted; });
  ASSERT_NE(counted, k.items.end());
  EXPECT_EQ(counted->who, "Pat Officer");
  EXPECT_EQ(counted->instructed_by, "Sam Manager");
  EXPECT_EQ(counted->category, "Pat Officer (on the instruction of Sam Manager)");
  EXPECT_NE(counted->detail.find("told to by my SPO"), std::string::npos);
}

TEST(Kpi, AWithdrawnAlertLeavesTheDecisionFigureAndALateDecisionIsNotInTime) {
  const auto kpis = Compute();
  const auto& k = Find(kpis, "enforcement_decision_in_time");
  EXPECT_EQ(k.denominator, 2);  // 23 March decided late; 1 April never decided
  EXPECT_EQ(k.numerator, 0);
  ASSERT_EQ(k.items.size(), 2u);
  EXPECT_EQ(k.items[0].category, "late");
  EXPECT_EQ(k.items[1].category, "not decided");
}

TEST(Kpi, RearrangementsOpenSpacesAndAllocationsPastCapacityAreCounted) {
  const auto kpis = Compute();
  const auto& moved = Find(kpis, "rearrangements");
  EXPECT_EQ(moved.numerator, 1);
  EXPECT_EQ(moved.denominator, 5);
  ASSERT_FALSE(moved.breakdown.empty());
  const auto& open = Find(kpis, "open_space_appointments");
  EXPECT_EQ(open.numerator, 1);
  EXPECT_EQ(open.denominator, 4);  // the rearranged-away booking was never held
  const auto& over = Find(kpis, "allocations_over_capacity");
  EXPECT_EQ(over.numerator, 1);
  EXPECT_EQ(over.denominator, 1);
  EXPECT_NE(over.items[0].detail.find("101.0% to 104.3%"), std::string::npos);
}

TEST(Kpi, AnUnallocatedCaseIsCountedWithHowLongItWaited) {
  const auto kpis = Compute();
  const auto& k = Find(kpis, "unallocated_cases");
  EXPECT_EQ(k.denominator, 1);  // X1's order ended on 10 April
  EXPECT_EQ(k.numerator, 1);
  EXPECT_EQ(k.items[0].category, "waiting over 4 weeks");
  EXPECT_EQ(k.items[0].detail, "waiting 29 days in N1A since 2026-04-01");
}

TEST(Kpi, AScopeCountsOnlyWhatItsUnitHeld) {
  Scope other_team{Scope::Level::kTeam, "N2B", 0};
  for (const auto& k : Compute(other_team)) EXPECT_EQ(k.denominator, 0) << k.code;
  Scope region{Scope::Level::kRegion, "R1", 0};
  EXPECT_EQ(Find(Compute(region), "first_appointment_in_time").denominator, 2);
  Scope officer{Scope::Level::kOfficer, "", 1};
  const auto mine = Compute(officer);
  EXPECT_EQ(Find(mine, "first_appointment_in_time").denominator, 1);  // X2 has no officer
  EXPECT_EQ(Find(mine, "unallocated_cases").denominator, 0);
}

TEST(Kpi, APeriodMustRunForwardsAndNotPastFiveYears) {
  EXPECT_FALSE(CheckPeriod({*ParseDate("2026-03-02"), *ParseDate("2026-03-01")}));
  EXPECT_FALSE(CheckPeriod({*ParseDate("2020-01-01"), *ParseDate("2026-01-01")}));
  EXPECT_TRUE(CheckPeriod({*ParseDate("2026-03-01"), *ParseDate("2026-03-01")}));
}

TEST(Integrity, EveryGamingOfTheRecordIsListedWithWhoAndOnWhoseInstruction) {
  const auto log = Scenario();
  const auto org = log.Org();
  const auto cases = log.Cases();
  const auto sections = ComputeIntegrity(cases, kSpring, {}, org, kAsOf);
  ASSERT_EQ(sections.size(), 5u);
  const auto section = [&](std::string_view code) -> const IntegritySection& {
    for (const auto& s : sections)
      if (s.code == code) return s;
    throw std::runtime_error("no section");
  };
  const auto& acceptable = section("unacceptable_to_acceptable");
  ASSERT_EQ(acceptable.entries.size(), 1u);
  EXPECT_EQ(acceptable.entries[0].who, "Pat Officer");
  EXPECT_EQ(acceptable.entries[0].instructed_by, "Sam Manager");
  EXPECT_EQ(acceptable.entries[0].reason, "told to by my SPO");
  EXPECT_EQ(section("outcome_amended").entries.size(), 1u);
  const auto& moved = section("first_appointment_moved_past_due");
  ASSERT_EQ(moved.entries.size(), 1u);
  EXPECT_EQ(moved.entries[0].reason, "officer on leave");
  EXPECT_NE(moved.entries[0].detail.find("moved to 2026-03-12"), std::string::npos);
  const auto& completed = section("completed_with_open_alert");
  ASSERT_EQ(completed.entries.size(), 1u);  // the 1 April alert; 23 March's was decided
  EXPECT_NE(completed.entries[0].detail.find("2026-04-01"), std::string::npos);
  const auto& uncountersigned = section("not_enforced_uncountersigned");
  ASSERT_EQ(uncountersigned.entries.size(), 1u);
  EXPECT_EQ(uncountersigned.entries[0].reason, "engaging well otherwise");
}

TEST(Integrity, ChangesOutsideThePeriodAreLeftOut) {
  const auto log = Scenario();
  const auto org = log.Org();
  const auto cases = log.Cases();
  const Period may{*ParseDate("2026-05-01"), *ParseDate("2026-05-31")};
  for (const auto& s : ComputeIntegrity(cases, may, {}, org, kAsOf))
    EXPECT_TRUE(s.entries.empty()) << s.code;
}

TEST(CaseLogFold, AMalformedPayloadNamesItsSeq) {
  store::EventRow e;
  e.seq = 42;
  e.recorded_at = "2026-03-02T09:00:00.000000Z";
  e.subject = "X1";
  e.kind = "appointment.outcome_recorded";
  e.payload = R"({"id": 9})";
  const std::vector<store::EventRow> rows{e};
  try {
    (void)FoldCase("X1", rows);
    FAIL() << "expected a throw";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("event 42"), std::string::npos);
  }
}

}  // namespace
}  // namespace probity::reporting

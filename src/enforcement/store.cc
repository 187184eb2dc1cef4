#include "enforcement/store.h"

#include <soci/soci.h>

#include "cases/store.h"
#include "core/uk_time.h"
#include "store/bind.h"
#include "store/row.h"
#include "store/rows.h"

namespace probity::enforcement {

namespace {
using store::GetInt;
using store::GetOptionalInt;
using store::GetOptionalText;
using store::GetText;

Date DayOf(const std::string& text) { return ParseDate(text).value_or(Date{}); }
std::optional<UtcTime> OptionalUtc(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  return ParseUtc(*text);
}
store::NullableText NullableUtc(const std::optional<UtcTime>& t) {
  return store::NullableText(t ? std::optional<std::string>(FormatUtc(*t)) : std::nullopt);
}

constexpr const char* kDecisionColumns =
    "id, person_id, sentence_id, appointment_id, kind, rationale, respond_by, decided_by, "
    "decided_at, countersigned_by, countersigned_at, endorsed_by, endorsed_at, declined_by, "
    "declined_at, declined_note, event_seq, version";

DecisionRecord ReadDecision(const soci::row& r) {
  DecisionRecord d;
  d.decision.id = GetInt(r, 0);
  d.person_id = GetInt(r, 1);
  d.sentence_id = GetInt(r, 2);
  d.decision.appointment_id = GetInt(r, 3);
  d.decision.kind = ParseDecisionKind(GetText(r, 4)).value_or(DecisionKind::kNotEnforced);
  d.rationale = GetText(r, 5);
  if (auto by = GetOptionalText(r, 6)) d.decision.respond_by = ParseDate(*by);
  d.decided_by = GetText(r, 7);
  d.decision.decided_at = ParseUtc(GetText(r, 8)).value_or(UtcTime{});
  d.countersigned_by = GetOptionalText(r, 9);
  d.countersigned_at = OptionalUtc(GetOptionalText(r, 10));
  d.endorsed_by = GetOptionalText(r, 11);
  d.endorsed_at = OptionalUtc(GetOptionalText(r, 12));
  d.declined_by = GetOptionalText(r, 13);
  d.declined_at = OptionalUtc(GetOptionalText(r, 14));
  d.declined_note = GetOptionalText(r, 15);
  d.event_seq = GetInt(r, 16);
  d.version = static_cast<int>(GetInt(r, 17));
  d.decision.countersigned = d.countersigned_by.has_value();
  d.decision.endorsed = d.endorsed_by.has_value();
  d.decision.declined = d.declined_by.has_value();
  return d;
}

void Name(store::Transaction& tx, DecisionRecord& d) {
  d.decided_by_name = cases::ActorName(tx, d.decided_by);
  if (d.countersigned_by) d.countersigned_by_name = cases::ActorName(tx, *d.countersigned_by);
  if (d.endorsed_by) d.endorsed_by_name = cases::ActorName(tx, *d.endorsed_by);
  if (d.declined_by) d.declined_by_name = cases::ActorName(tx, *d.declined_by);
}

constexpr const char* kAlertColumns =
    "al.sentence_id, al.person_id, al.appointment_id, al.failure_day, al.nth, al.kind, al.due_on, "
    "al.state, al.during_proceedings, al.decision_id, al.policy_version, al.raised_at, "
    "al.event_seq";
constexpr size_t kAlertColumnCount = 13;

AlertKind ParseAlertKind(const std::string& text) {
  if (text == "decision") return AlertKind::kDecision;
  if (text == "compliance_letter") return AlertKind::kComplianceLetter;
  return AlertKind::kWarning;
}

StoredAlert ReadAlert(const soci::row& r) {
  StoredAlert s;
  s.sentence_id = GetInt(r, 0);
  s.person_id = GetInt(r, 1);
  s.alert.appointment_id = GetInt(r, 2);
  s.alert.failure_day = DayOf(GetText(r, 3));
  s.alert.nth = static_cast<int>(GetInt(r, 4));
  s.alert.kind = ParseAlertKind(GetText(r, 5));
  s.alert.due_on = DayOf(GetText(r, 6));
  s.alert.state = ParseAlertState(GetText(r, 7)).value_or(AlertState::kOpen);
  s.alert.during_proceedings = GetInt(r, 8) != 0;
  s.alert.decision_id = GetOptionalInt(r, 9);
  s.alert.policy_version = static_cast<int>(GetInt(r, 10));
  s.raised_at = ParseUtc(GetText(r, 11)).value_or(UtcTime{});
  s.event_seq = GetInt(r, 12);
  return s;
}

constexpr const char* kFailureWhere =
    "a.enforceable = 1 AND a.judgement = 'unacceptable' AND a.outcome IN ('failed_to_attend', "
    "'attended_failed_to_comply', 'sent_home')";

Failure FailureOf(int64_t id, const std::string& starts_at) {
  const UtcTime at = ParseUtc(starts_at).value_or(UtcTime{});
  return Failure{id, at, UkDateOf(at)};
}
}  // namespace

Policy LoadPolicy(store::Transaction& tx) {
  Policy p;
  store::Rows(tx).Read(
      "SELECT version, effective_from, community_decision_at, community_window_months, "
      "community_due_working_days, licence_decision_at, licence_window_months, "
      "licence_due_working_days, reason, changed_by, changed_at FROM enforcement_policy ORDER BY "
      "effective_from, version",
      [&](const soci::row& r) {
        PolicyVersion v;
        v.version = static_cast<int>(GetInt(r, 0));
        v.effective_from = DayOf(GetText(r, 1));
        v.community = Rule{static_cast<int>(GetInt(r, 2)), static_cast<int>(GetInt(r, 3)),
                           static_cast<int>(GetInt(r, 4))};
        v.licence = Rule{static_cast<int>(GetInt(r, 5)), static_cast<int>(GetInt(r, 6)),
                         static_cast<int>(GetInt(r, 7))};
        v.reason = GetText(r, 8);
        v.changed_by = GetText(r, 9);
        v.changed_at = ParseUtc(GetText(r, 10)).value_or(UtcTime{});
        p.versions.push_back(std::move(v));
      });
  if (p.versions.empty()) p.versions.push_back(DefaultPolicy());
  return p;
}

void InsertPolicyVersion(store::Transaction& tx, const PolicyVersion& v) {
  const std::string from = FormatDate(v.effective_from), at = FormatUtc(v.changed_at);
  tx.sql() << "INSERT INTO enforcement_policy (version, effective_from, community_decision_at, "
              "community_window_months, community_due_working_days, licence_decision_at, "
              "licence_window_months, licence_due_working_days, reason, changed_by, changed_at) "
              "VALUES (:v, :f, :cd, :cw, :cdue, :ld, :lw, :ldue, :r, :b, :a)",
      soci::use(v.version), soci::use(from), soci::use(v.community.decision_at),
      soci::use(v.community.window_months), soci::use(v.community.due_working_days),
      soci::use(v.licence.decision_at), soci::use(v.licence.window_months),
      soci::use(v.licence.due_working_days), soci::use(v.reason), soci::use(v.changed_by),
      soci::use(at);
}

std::vector<Failure> LoadFailures(store::Transaction& tx, int64_t person_id, int64_t sentence_id) {
  std::vector<Failure> out;
  const long long person = person_id, sentence = sentence_id;
  store::Rows(tx).Use(person).Use(sentence).Read(
      std::string("SELECT a.id, a.starts_at FROM appointment a WHERE a.person_id = :p AND "
                  "(a.sentence_id = :s OR a.sentence_id IS NULL) AND ") +
          kFailureWhere,
      [&](const soci::row& r) { out.push_back(FailureOf(GetInt(r, 0), GetText(r, 1))); });
  return out;
}

std::vector<DecisionRecord> LoadDecisions(store::Transaction& tx, int64_t sentence_id) {
  std::vector<DecisionRecord> out;
  const long long sentence = sentence_id;
  store::Rows(tx).Use(sentence).Read(
      std::string("SELECT ") + kDecisionColumns +
          " FROM enforcement_decision WHERE sentence_id = :s ORDER BY id",
      [&](const soci::row& r) { out.push_back(ReadDecision(r)); });
  for (auto& d : out) Name(tx, d);
  return out;
}

std::optional<DecisionRecord> FindDecision(store::Transaction& tx, int64_t person_id,
                                           int64_t decision_id) {
  std::optional<DecisionRecord> out;
  const long long person = person_id, id = decision_id;
  store::Rows(tx).Use(id).Use(person).Read(
      std::string("SELECT ") + kDecisionColumns +
          " FROM enforcement_decision WHERE id = :id AND person_id = :p",
      [&](const soci::row& r) { out = ReadDecision(r); });
  if (out) Name(tx, *out);
  return out;
}

int64_t InsertDecision(store::Transaction& tx, const DecisionRecord& d) {
  const long long person = d.person_id, sentence = d.sentence_id,
                  appointment = d.decision.appointment_id, seq = d.event_seq;
  const std::string kind = ToString(d.decision.kind), at = FormatUtc(d.decision.decided_at);
  store::NullableText respond_by(
      d.decision.respond_by ? std::optional<std::string>(FormatDate(*d.decision.respond_by))
                            : std::nullopt);
  long long id = 0;
  tx.sql() << "INSERT INTO enforcement_decision (person_id, sentence_id, appointment_id, kind, "
              "rationale, respond_by, decided_by, decided_at, event_seq) VALUES (:p, :s, :a, :k, "
              ":r, :rb, :b, :at, :seq) RETURNING id",
      soci::use(person), soci::use(sentence), soci::use(appointment), soci::use(kind),
      soci::use(d.rationale), store::Use(respond_by), soci::use(d.decided_by), soci::use(at),
      soci::use(seq), soci::into(id);
  return id;
}

Status UpdateDecisionAnswers(store::Transaction& tx, const DecisionRecord& d) {
  store::NullableText countersigned_by(d.countersigned_by), endorsed_by(d.endorsed_by),
      declined_by(d.declined_by), declined_note(d.declined_note);
  auto countersigned_at = NullableUtc(d.countersigned_at), endorsed_at = NullableUtc(d.endorsed_at),
       declined_at = NullableUtc(d.declined_at);
  const long long id = d.decision.id;
  const int version = d.version, next = d.version + 1;
  soci::statement st =
      (tx.sql().prepare << "UPDATE enforcement_decision SET countersigned_by = :cb, "
                           "countersigned_at = :ca, endorsed_by = :eb, endorsed_at = :ea, "
                           "declined_by = :db, declined_at = :da, declined_note = :dn, version = "
                           ":next WHERE id = :id AND version = :v",
       store::Use(countersigned_by), store::Use(countersigned_at), store::Use(endorsed_by),
       store::Use(endorsed_at), store::Use(declined_by), store::Use(declined_at),
       store::Use(declined_note), soci::use(next), soci::use(id), soci::use(version));
  st.execute(true);
  if (st.get_affected_rows() != 1)
    return Error{ErrorKind::kConflict, "stale_version",
                 "decision " + std::to_string(d.decision.id) +
                     " was answered by someone else meanwhile; reload it",
                 "version"};
  return {};
}

std::vector<StoredAlert> LoadAlerts(store::Transaction& tx, int64_t sentence_id) {
  std::vector<StoredAlert> out;
  const long long sentence = sentence_id;
  store::Rows(tx).Use(sentence).Read(
      std::string("SELECT ") + kAlertColumns +
          " FROM enforcement_alert al WHERE al.sentence_id = :s ORDER BY al.failure_day",
      [&](const soci::row& r) { out.push_back(ReadAlert(r)); });
  return out;
}

void InsertAlert(store::Transaction& tx, const StoredAlert& s) {
  const Alert& a = s.alert;
  const long long sentence = s.sentence_id, person = s.person_id, appointment = a.appointment_id,
                  seq = s.event_seq;
  const std::string day = FormatDate(a.failure_day), due = FormatDate(a.due_on),
                    kind = ToString(a.kind), state = ToString(a.state),
                    raised = FormatUtc(s.raised_at);
  const int open = a.open() ? 1 : 0, during = a.during_proceedings ? 1 : 0;
  auto decision = store::NullableIdOf(a.decision_id);
  tx.sql() << "INSERT INTO enforcement_alert (sentence_id, appointment_id, person_id, "
              "failure_day, nth, kind, due_on, state, is_open, during_proceedings, decision_id, "
              "policy_version, raised_at, event_seq) VALUES (:s, :a, :p, :d, :n, :k, :due, :st, "
              ":o, :dp, :dec, :pv, :r, :seq)",
      soci::use(sentence), soci::use(appointment), soci::use(person), soci::use(day),
      soci::use(a.nth), soci::use(kind), soci::use(due), soci::use(state), soci::use(open),
      soci::use(during), store::Use(decision), soci::use(a.policy_version), soci::use(raised),
      soci::use(seq);
}

void UpdateAlert(store::Transaction& tx, int64_t sentence_id, const Alert& a) {
  const long long sentence = sentence_id, appointment = a.appointment_id;
  const std::string day = FormatDate(a.failure_day), due = FormatDate(a.due_on),
                    kind = ToString(a.kind), state = ToString(a.state);
  const int open = a.open() ? 1 : 0, during = a.during_proceedings ? 1 : 0;
  auto decision = store::NullableIdOf(a.decision_id);
  tx.sql() << "UPDATE enforcement_alert SET failure_day = :d, nth = :n, kind = :k, due_on = :due, "
              "state = :st, is_open = :o, during_proceedings = :dp, decision_id = :dec, "
              "policy_version = :pv WHERE sentence_id = :s AND appointment_id = :a",
      soci::use(day), soci::use(a.nth), soci::use(kind), soci::use(due), soci::use(state),
      soci::use(open), soci::use(during), store::Use(decision), soci::use(a.policy_version),
      soci::use(sentence), soci::use(appointment);
}

void DeleteAlert(store::Transaction& tx, int64_t sentence_id, int64_t appointment_id) {
  const long long sentence = sentence_id, appointment = appointment_id;
  tx.sql() << "DELETE FROM enforcement_alert WHERE sentence_id = :s AND appointment_id = :a",
      soci::use(sentence), soci::use(appointment);
}

std::vector<std::pair<int64_t, int>> CountOpenAlerts(store::Transaction& tx,
                                                     const std::vector<int64_t>& person_ids) {
  std::vector<std::pair<int64_t, int>> out;
  if (person_ids.empty()) return out;
  store::Rows(tx).Read(
      "SELECT person_id, COUNT(*) FROM enforcement_alert WHERE person_id IN (" +
          store::IdList(person_ids) + ") AND is_open = 1 GROUP BY person_id",
      [&](const soci::row& r) { out.emplace_back(GetInt(r, 0), static_cast<int>(GetInt(r, 1))); });
  return out;
}

std::vector<WorklistItem> LoadWorklist(store::Transaction& tx, const WorklistQuery& q) {
  std::vector<WorklistItem> out;
  std::string sql = std::string("SELECT ") + kAlertColumns +
                    ", p.crn, p.last_name, p.first_name, p.officer_staff_id, s.name, t.code, "
                    "sn.kind, ty.label, a.starts_at FROM enforcement_alert al JOIN person p ON "
                    "p.id = al.person_id JOIN team t ON t.id = p.team_id LEFT JOIN staff s ON "
                    "s.id = p.officer_staff_id JOIN sentence sn ON sn.id = al.sentence_id JOIN "
                    "appointment a ON a.id = al.appointment_id JOIN appointment_type ty ON "
                    "ty.code = a.type WHERE al.is_open = 1 AND ";
  switch (q.scope.kind) {
    case access::CaseScope::Kind::kNone:
      return out;
    case access::CaseScope::Kind::kTeams:
      sql += "p.team_id IN (" + store::IdList(q.scope.ids) + ")";
      break;
    case access::CaseScope::Kind::kPdus:
      sql += "t.pdu_id IN (" + store::IdList(q.scope.ids) + ")";
      break;
    case access::CaseScope::Kind::kAll:
      sql += "1 = 1";
      break;
  }
  sql += std::string(" AND ") + cases::kVisibleTo;
  const long long viewer = q.viewer, viewer2 = q.viewer;
  const long long team = q.team_id.value_or(0), officer = q.officer_staff_id.value_or(0);
  const std::string state = q.state ? ToString(*q.state) : "";
  const std::string due_by = q.due_by ? FormatDate(*q.due_by) : "";
  const std::string after_due = q.after_due_on.value_or("");
  const long long after_sentence = q.after_sentence_id, after_appointment = q.after_appointment_id;
  store::Rows rows(tx);
  rows.Use(viewer, "viewer").Use(viewer2, "viewer2");
  if (q.team_id) {
    sql += " AND p.team_id = :team";
    rows.Use(team, "team");
  }
  if (q.officer_staff_id) {
    sql += " AND p.officer_staff_id = :officer";
    rows.Use(officer, "officer");
  }
  if (q.state) {
    sql += " AND al.state = :state";
    rows.Use(state, "state");
  }
  if (q.due_by) {
    sql += " AND al.due_on <= :due_by";
    rows.Use(due_by, "due_by");
  }
  if (q.after_due_on) {
    sql +=
        " AND (al.due_on > :after_due OR (al.due_on = :after_due2 AND (al.sentence_id > :after_s "
        "OR (al.sentence_id = :after_s2 AND al.appointment_id > :after_a))))";
    rows.Use(after_due, "after_due")
        .Use(after_due, "after_due2")
        .Use(after_sentence, "after_s")
        .Use(after_sentence, "after_s2")
        .Use(after_appointment, "after_a");
  }
  sql += " ORDER BY al.due_on, al.sentence_id, al.appointment_id LIMIT " +
         std::to_string(std::max(1, q.limit));
  rows.Read(sql, [&](const soci::row& r) {
    WorklistItem item;
    item.stored = ReadAlert(r);
    size_t c = kAlertColumnCount;
    item.crn = GetText(r, c++);
    const std::string last = GetText(r, c++);
    item.person_name = last + ", " + GetText(r, c++);
    item.officer_staff_id = GetOptionalInt(r, c++);
    item.officer_name = GetOptionalText(r, c++).value_or("");
    item.team_code = GetText(r, c++);
    item.sentence_kind = GetText(r, c++);
    item.appointment_type = GetText(r, c++);
    item.appointment_starts_at = ParseUtc(GetText(r, c++)).value_or(UtcTime{});
    out.push_back(std::move(item));
  });
  return out;
}

std::vector<CurrentSentence> LoadCurrentSentences(store::Transaction& tx) {
  std::vector<CurrentSentence> out;
  store::Rows(tx).Read(
      "SELECT s.id, s.person_id, p.crn, s.kind, COALESCE(s.release_date, s.sentence_date) FROM "
      "sentence s JOIN person p ON p.id = s.person_id WHERE s.status = 'active' ORDER BY s.id",
      [&](const soci::row& r) {
        out.push_back({GetInt(r, 0), GetInt(r, 1), GetText(r, 2), GetText(r, 3), GetText(r, 4)});
      });
  return out;
}

std::vector<PersonFailure> LoadAllFailures(store::Transaction& tx) {
  std::vector<PersonFailure> out;
  store::Rows(tx).Read(
      std::string(
          "SELECT a.person_id, a.sentence_id, a.id, a.starts_at FROM appointment a WHERE ") +
          kFailureWhere,
      [&](const soci::row& r) {
        out.push_back({GetInt(r, 0), GetOptionalInt(r, 1).value_or(0),
                       FailureOf(GetInt(r, 2), GetText(r, 3))});
      });
  return out;
}

std::vector<DecisionRecord> LoadAllDecisions(store::Transaction& tx) {
  std::vector<DecisionRecord> out;
  store::Rows(tx).Read(
      std::string("SELECT ") + kDecisionColumns + " FROM enforcement_decision ORDER BY id",
      [&](const soci::row& r) { out.push_back(ReadDecision(r)); });
  return out;
}

std::vector<StoredAlert> LoadAllAlerts(store::Transaction& tx) {
  std::vector<StoredAlert> out;
  store::Rows(tx).Read(std::string("SELECT ") + kAlertColumns + " FROM enforcement_alert al",
                       [&](const soci::row& r) { out.push_back(ReadAlert(r)); });
  return out;
}

}  // namespace probity::enforcement

#include "access/store.h"

#include <soci/soci.h>

#include <algorithm>
#include <map>

#include "store/dialect.h"
#include "store/row.h"

namespace probity::access {

namespace {
UtcTime ParseStored(const std::string& text) {
  auto t = ParseUtc(text);
  if (!t) throw std::runtime_error("malformed stored time: " + text);
  return *t;
}

std::vector<UtcTime> Times(store::Transaction& tx, const std::string& sql, const std::string& key,
                           const std::string& since) {
  std::vector<UtcTime> out;
  soci::rowset<std::string> rows = (tx.sql().prepare << sql, soci::use(key), soci::use(since));
  for (const auto& at : rows) out.push_back(ParseStored(at));
  return out;
}
}  // namespace

Result<int64_t> InsertStaff(store::Transaction& tx, const Staff& s) {
  std::vector<long long> team_ids;
  for (const auto& code : s.team_codes) {
    long long id = 0;
    tx.sql() << "SELECT id FROM team WHERE code = :c", soci::use(code), soci::into(id);
    if (!tx.sql().got_data())
      return Error{ErrorKind::kNotFound, "unknown_team", "there is no team with code " + code,
                   "team"};
    team_ids.push_back(id);
  }
  const std::string grade(ToString(s.grade));
  soci::indicator start_ind = s.start_date ? soci::i_ok : soci::i_null;
  soci::indicator qualified_ind = s.qualified_on ? soci::i_ok : soci::i_null;
  const std::string start = s.start_date.value_or(""), qualified = s.qualified_on.value_or("");
  long long id = 0;
  tx.sql() << "INSERT INTO staff (name, grade, contracted_minutes, start_date, qualified_on) "
              "VALUES (:n, :g, :m, :s, :q) RETURNING id",
      soci::use(s.name), soci::use(grade), soci::use(s.contracted_minutes),
      soci::use(start, start_ind), soci::use(qualified, qualified_ind), soci::into(id);
  for (long long team_id : team_ids)
    tx.sql() << "INSERT INTO staff_team (staff_id, team_id) VALUES (:s, :t)", soci::use(id),
        soci::use(team_id);
  return static_cast<int64_t>(id);
}

Result<int64_t> InsertAccount(store::Transaction& tx, int64_t staff_id, const std::string& username,
                              const std::string& password_hash, Role role) {
  const long long staff = staff_id;
  const std::string role_text(ToString(role));
  try {
    long long id = 0;
    tx.sql() << "INSERT INTO account (staff_id, username, password_hash, role) "
                "VALUES (:s, :u, :h, :r) RETURNING id",
        soci::use(staff), soci::use(username), soci::use(password_hash), soci::use(role_text),
        soci::into(id);
    return static_cast<int64_t>(id);
  } catch (const soci::soci_error& e) {
    if (!store::dialect::IsUniqueViolation(e)) throw;
    return Error{ErrorKind::kConflict, "username_taken",
                 "the username " + username + " is already in use", "username"};
  }
}

std::optional<AccountRecord> FindAccount(store::Transaction& tx, const std::string& username) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT id, staff_id, username, role, disabled, version, password_hash "
                           "FROM account WHERE username = :u",
       soci::use(username));
  for (const auto& r : rows) {
    AccountRecord rec;
    rec.account.id = store::GetInt(r, 0);
    rec.account.staff_id = store::GetInt(r, 1);
    rec.account.username = store::GetText(r, 2);
    rec.account.role = ParseRole(store::GetText(r, 3)).value_or(Role::kPractitioner);
    rec.account.disabled = store::GetInt(r, 4) != 0;
    rec.account.version = static_cast<int>(store::GetInt(r, 5));
    rec.password_hash = store::GetText(r, 6);
    return rec;
  }
  return std::nullopt;
}

Status SetAccountDisabled(store::Transaction& tx, const std::string& username, bool disabled) {
  const int flag = disabled ? 1 : 0;
  soci::statement st =
      (tx.sql().prepare << "UPDATE account SET disabled = :d, version = version + 1 "
                           "WHERE username = :u",
       soci::use(flag), soci::use(username));
  st.execute(true);
  if (st.get_affected_rows() == 0)
    return Error{ErrorKind::kNotFound, "unknown_user", "there is no account " + username,
                 "username"};
  return Ok();
}

std::optional<Principal> LoadPrincipal(store::Transaction& tx, int64_t account_id) {
  const long long id = account_id;
  Principal p;
  std::string role;
  int disabled = 0;
  long long staff_id = 0;
  tx.sql() << "SELECT a.staff_id, a.username, s.name, a.role, a.disabled FROM account a "
              "JOIN staff s ON s.id = a.staff_id WHERE a.id = :id",
      soci::use(id), soci::into(staff_id), soci::into(p.username), soci::into(p.name),
      soci::into(role), soci::into(disabled);
  if (!tx.sql().got_data() || disabled) return std::nullopt;
  auto parsed = ParseRole(role);
  if (!parsed) return std::nullopt;  // an unknown stored role grants nothing
  p.account_id = account_id;
  p.staff_id = staff_id;
  p.role = *parsed;
  soci::rowset<soci::row> teams =
      (tx.sql().prepare << "SELECT t.id, t.pdu_id FROM staff_team st JOIN team t ON t.id = "
                           "st.team_id WHERE st.staff_id = :s ORDER BY t.id",
       soci::use(staff_id));
  for (const auto& r : teams) {
    p.team_ids.push_back(store::GetInt(r, 0));
    const int64_t pdu = store::GetInt(r, 1);
    if (std::find(p.pdu_ids.begin(), p.pdu_ids.end(), pdu) == p.pdu_ids.end())
      p.pdu_ids.push_back(pdu);
  }
  return p;
}

int64_t InsertToken(store::Transaction& tx, int64_t account_id, const std::string& token_hash,
                    UtcTime now) {
  const long long account = account_id;
  const std::string at = FormatUtc(now);
  long long id = 0;
  tx.sql() << "INSERT INTO api_token (account_id, token_hash, created_at) VALUES (:a, :h, :t) "
              "RETURNING id",
      soci::use(account), soci::use(token_hash), soci::use(at), soci::into(id);
  return id;
}

std::optional<int64_t> FindActiveToken(store::Transaction& tx, const std::string& token_hash) {
  long long account = 0;
  tx.sql() << "SELECT account_id FROM api_token WHERE token_hash = :h AND revoked_at IS NULL",
      soci::use(token_hash), soci::into(account);
  if (!tx.sql().got_data()) return std::nullopt;
  return account;
}

Result<std::string> RevokeToken(store::Transaction& tx, int64_t token_id, UtcTime now) {
  const long long id = token_id;
  std::string username;
  tx.sql() << "SELECT a.username FROM api_token t JOIN account a ON a.id = t.account_id "
              "WHERE t.id = :id AND t.revoked_at IS NULL",
      soci::use(id), soci::into(username);
  if (!tx.sql().got_data())
    return Error{ErrorKind::kNotFound, "unknown_token",
                 "there is no unrevoked token with id " + std::to_string(token_id), "id"};
  const std::string at = FormatUtc(now);
  tx.sql() << "UPDATE api_token SET revoked_at = :t WHERE id = :id", soci::use(at), soci::use(id);
  return username;
}

int RevokeAllTokens(store::Transaction& tx, int64_t account_id, UtcTime now) {
  const long long account = account_id;
  const std::string at = FormatUtc(now);
  soci::statement st = (tx.sql().prepare << "UPDATE api_token SET revoked_at = :t "
                                            "WHERE account_id = :a AND revoked_at IS NULL",
                        soci::use(at), soci::use(account));
  st.execute(true);
  return static_cast<int>(st.get_affected_rows());
}

void InsertSession(store::Transaction& tx, const std::string& token_hash, int64_t account_id,
                   const std::string& csrf_token, UtcTime now) {
  const long long account = account_id;
  const std::string at = FormatUtc(now);
  tx.sql() << "INSERT INTO web_session (token_hash, account_id, csrf_token, created_at, "
              "last_seen_at) VALUES (:h, :a, :c, :t, :t2)",
      soci::use(token_hash), soci::use(account), soci::use(csrf_token), soci::use(at),
      soci::use(at);
}

std::optional<SessionRecord> FindSession(store::Transaction& tx, const std::string& token_hash) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT account_id, csrf_token, created_at, last_seen_at, ended_at "
                           "FROM web_session WHERE token_hash = :h",
       soci::use(token_hash));
  for (const auto& r : rows) {
    SessionRecord s;
    s.account_id = store::GetInt(r, 0);
    s.csrf_token = store::GetText(r, 1);
    s.created_at = ParseStored(store::GetText(r, 2));
    s.last_seen_at = ParseStored(store::GetText(r, 3));
    s.ended = store::GetOptionalText(r, 4).has_value();
    return s;
  }
  return std::nullopt;
}

void TouchSession(store::Transaction& tx, const std::string& token_hash, UtcTime now) {
  const std::string at = FormatUtc(now);
  tx.sql() << "UPDATE web_session SET last_seen_at = :t WHERE token_hash = :h", soci::use(at),
      soci::use(token_hash);
}

void EndSession(store::Transaction& tx, const std::string& token_hash, UtcTime now) {
  const std::string at = FormatUtc(now);
  tx.sql() << "UPDATE web_session SET ended_at = :t WHERE token_hash = :h AND ended_at IS NULL",
      soci::use(at), soci::use(token_hash);
}

int EndAllSessions(store::Transaction& tx, int64_t account_id, UtcTime now) {
  const long long account = account_id;
  const std::string at = FormatUtc(now);
  soci::statement st = (tx.sql().prepare << "UPDATE web_session SET ended_at = :t "
                                            "WHERE account_id = :a AND ended_at IS NULL",
                        soci::use(at), soci::use(account));
  st.execute(true);
  return static_cast<int>(st.get_affected_rows());
}

void RecordSignInFailure(store::Transaction& tx, const std::string& username,
                         const std::string& address, UtcTime now) {
  const std::string at = FormatUtc(now);
  tx.sql() << "INSERT INTO sign_in_failure (username, address, at) VALUES (:u, :a, :t)",
      soci::use(username), soci::use(address), soci::use(at);
}

RecentFailures FailuresSince(store::Transaction& tx, const std::string& username,
                             const std::string& address, UtcTime since) {
  const std::string from = FormatUtc(since);
  return {
      Times(tx, "SELECT at FROM sign_in_failure WHERE username = :u AND at > :s", username, from),
      Times(tx, "SELECT at FROM sign_in_failure WHERE address = :a AND at > :s", address, from)};
}

void ClearAccountFailures(store::Transaction& tx, const std::string& username) {
  tx.sql() << "DELETE FROM sign_in_failure WHERE username = :u", soci::use(username);
}

// --- Staff records ---

namespace {
constexpr const char* kStaffColumns =
    "SELECT s.id, s.name, s.grade, s.contracted_minutes, s.start_date, s.qualified_on, "
    "s.version, a.id, a.username, a.role, a.disabled, a.version "
    "FROM staff s LEFT JOIN account a ON a.staff_id = s.id";
constexpr const char* kTeamColumns =
    "SELECT st.staff_id, t.code, t.id, t.pdu_id FROM staff_team st JOIN team t ON t.id = "
    "st.team_id";

StaffRecord ReadStaff(const soci::row& r) {
  StaffRecord rec;
  rec.staff.id = store::GetInt(r, 0);
  rec.staff.name = store::GetText(r, 1);
  const std::string grade = store::GetText(r, 2);
  auto parsed = ParseGrade(grade);
  if (!parsed) throw std::runtime_error("malformed stored grade: " + grade);
  rec.staff.grade = *parsed;
  rec.staff.contracted_minutes = static_cast<int>(store::GetInt(r, 3));
  rec.staff.start_date = store::GetOptionalText(r, 4);
  rec.staff.qualified_on = store::GetOptionalText(r, 5);
  rec.version = static_cast<int>(store::GetInt(r, 6));
  if (auto account_id = store::GetOptionalInt(r, 7)) {
    Account a;
    a.id = *account_id;
    a.staff_id = rec.staff.id;
    a.username = store::GetText(r, 8);
    a.role = ParseRole(store::GetText(r, 9)).value_or(Role::kPractitioner);
    a.disabled = store::GetInt(r, 10) != 0;
    a.version = static_cast<int>(store::GetInt(r, 11));
    rec.account = std::move(a);
  }
  return rec;
}

// Adds each membership row (staff_id, code, team id, pdu id) to its record, in code order.
void AttachTeams(soci::rowset<soci::row>& rows, std::vector<StaffRecord>& records) {
  std::vector<std::pair<int64_t, StaffTeam>> memberships;
  for (const auto& r : rows)
    memberships.push_back({store::GetInt(r, 0), StaffTeam{store::GetText(r, 1), store::GetInt(r, 2),
                                                          store::GetInt(r, 3)}});
  std::sort(memberships.begin(), memberships.end(),
            [](const auto& a, const auto& b) { return a.second.code < b.second.code; });
  std::map<int64_t, StaffRecord*> by_id;
  for (auto& rec : records) by_id[rec.staff.id] = &rec;
  for (const auto& [staff_id, team] : memberships) {
    auto found = by_id.find(staff_id);
    if (found == by_id.end()) continue;
    found->second->staff.team_codes.push_back(team.code);
    found->second->teams.push_back(team);
  }
}

std::optional<long long> TeamId(store::Transaction& tx, const std::string& code) {
  long long id = 0;
  tx.sql() << "SELECT id FROM team WHERE code = :c", soci::use(code), soci::into(id);
  if (!tx.sql().got_data()) return std::nullopt;
  return id;
}

Error StaleStaff(int64_t staff_id) {
  return Error{ErrorKind::kConflict, "stale_version",
               "staff " + std::to_string(staff_id) + " was changed by someone else", "version"};
}
}  // namespace

Result<StaffRecord> LoadStaff(store::Transaction& tx, int64_t staff_id) {
  const long long id = staff_id;
  std::vector<StaffRecord> records;
  {
    soci::rowset<soci::row> rows =
        (tx.sql().prepare << kStaffColumns << " WHERE s.id = :id", soci::use(id));
    for (const auto& r : rows) records.push_back(ReadStaff(r));
  }
  if (records.empty())
    return Error{ErrorKind::kNotFound, "unknown_staff",
                 "there is no member of staff with id " + std::to_string(staff_id), "id"};
  soci::rowset<soci::row> teams =
      (tx.sql().prepare << kTeamColumns << " WHERE st.staff_id = :id", soci::use(id));
  AttachTeams(teams, records);
  return std::move(records.front());
}

Result<std::vector<StaffRecord>> ListStaff(store::Transaction& tx,
                                           const std::optional<std::string>& team_code) {
  std::vector<StaffRecord> records;
  if (team_code) {
    auto team_id = TeamId(tx, *team_code);
    if (!team_id)
      return Error{ErrorKind::kNotFound, "unknown_team", "there is no team with code " + *team_code,
                   "team"};
    const long long team = *team_id;
    {
      soci::rowset<soci::row> rows =
          (tx.sql().prepare
               << kStaffColumns
               << " WHERE s.id IN (SELECT staff_id FROM staff_team WHERE team_id = :t)",
           soci::use(team));
      for (const auto& r : rows) records.push_back(ReadStaff(r));
    }
    soci::rowset<soci::row> teams =
        (tx.sql().prepare << kTeamColumns
                          << " WHERE st.staff_id IN (SELECT staff_id FROM staff_team WHERE "
                             "team_id = :t)",
         soci::use(team));
    AttachTeams(teams, records);
  } else {
    {
      soci::rowset<soci::row> rows = (tx.sql().prepare << kStaffColumns);
      for (const auto& r : rows) records.push_back(ReadStaff(r));
    }
    soci::rowset<soci::row> teams = (tx.sql().prepare << kTeamColumns);
    AttachTeams(teams, records);
  }
  // Sorted here rather than in SQL: the two backends collate text differently.
  std::sort(records.begin(), records.end(), [](const StaffRecord& a, const StaffRecord& b) {
    return a.staff.name != b.staff.name ? a.staff.name < b.staff.name : a.staff.id < b.staff.id;
  });
  return records;
}

Result<int> UpdateStaff(store::Transaction& tx, const Staff& s, int expected_version) {
  const long long id = s.id;
  const std::string grade(ToString(s.grade));
  soci::indicator start_ind = s.start_date ? soci::i_ok : soci::i_null;
  soci::indicator qualified_ind = s.qualified_on ? soci::i_ok : soci::i_null;
  const std::string start = s.start_date.value_or(""), qualified = s.qualified_on.value_or("");
  const int next = expected_version + 1;
  // The version in the WHERE clause makes the check and the write one step.
  soci::statement st =
      (tx.sql().prepare << "UPDATE staff SET name = :n, grade = :g, contracted_minutes = :m, "
                           "start_date = :s, qualified_on = :q, version = :next "
                           "WHERE id = :id AND version = :v",
       soci::use(s.name), soci::use(grade), soci::use(s.contracted_minutes),
       soci::use(start, start_ind), soci::use(qualified, qualified_ind), soci::use(next),
       soci::use(id), soci::use(expected_version));
  st.execute(true);
  if (st.get_affected_rows() != 1) return StaleStaff(s.id);
  return next;
}

Status ReplaceStaffTeams(store::Transaction& tx, int64_t staff_id,
                         const std::vector<std::string>& team_codes) {
  std::vector<long long> team_ids;
  for (const auto& code : team_codes) {
    auto id = TeamId(tx, code);
    if (!id)
      return Error{ErrorKind::kNotFound, "unknown_team", "there is no team with code " + code,
                   "team_codes"};
    if (std::find(team_ids.begin(), team_ids.end(), *id) == team_ids.end()) team_ids.push_back(*id);
  }
  const long long staff = staff_id;
  tx.sql() << "DELETE FROM staff_team WHERE staff_id = :s", soci::use(staff);
  for (long long team_id : team_ids)
    tx.sql() << "INSERT INTO staff_team (staff_id, team_id) VALUES (:s, :t)", soci::use(staff),
        soci::use(team_id);
  return Ok();
}

Result<int> UpdateAccountRole(store::Transaction& tx, const std::string& username, Role role,
                              int expected_version) {
  const std::string role_text(ToString(role));
  const int next = expected_version + 1;
  soci::statement st =
      (tx.sql().prepare << "UPDATE account SET role = :r, version = :next "
                           "WHERE username = :u AND version = :v",
       soci::use(role_text), soci::use(next), soci::use(username), soci::use(expected_version));
  st.execute(true);
  if (st.get_affected_rows() != 1)
    return Error{ErrorKind::kConflict, "stale_version",
                 "the account " + username + " was changed by someone else", "version"};
  return next;
}

int CountEnabledAdministrators(store::Transaction& tx) {
  const std::string role(ToString(Role::kAdministrator));
  long long n = 0;
  tx.sql() << "SELECT COUNT(*) FROM account WHERE role = :r AND disabled = 0", soci::use(role),
      soci::into(n);
  return static_cast<int>(n);
}

}  // namespace probity::access

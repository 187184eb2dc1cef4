#include "app/staff.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "access/rules.h"
#include "org/store.h"

namespace probity::app {

namespace {
using access::Action;

std::vector<std::string> SortedUnique(std::vector<std::string> codes) {
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  return codes;
}

// The record `before` with `change` applied; team codes sorted, without repeats.
access::Staff Apply(const access::Staff& before, const StaffChange& change) {
  access::Staff after = before;
  if (change.name) after.name = *change.name;
  if (change.grade) after.grade = *change.grade;
  if (change.contracted_minutes) after.contracted_minutes = *change.contracted_minutes;
  if (change.start_date) after.start_date = *change.start_date;
  if (change.qualified_on) after.qualified_on = *change.qualified_on;
  after.team_codes = SortedUnique(change.team_codes ? *change.team_codes : before.team_codes);
  return after;
}

nlohmann::json OptionalText(const std::optional<std::string>& text) {
  return text ? nlohmann::json(*text) : nlohmann::json(nullptr);
}

// FROZEN: the "changes" object of "staff.changed" (see staff.h). Only fields that differ.
nlohmann::json Differences(const access::Staff& before, const access::Staff& after) {
  nlohmann::json changes = nlohmann::json::object();
  const auto add = [&changes](const char* field, nlohmann::json from, nlohmann::json to) {
    if (from != to) changes[field] = {{"from", std::move(from)}, {"to", std::move(to)}};
  };
  add("name", before.name, after.name);
  add("grade", access::ToString(before.grade), access::ToString(after.grade));
  add("contracted_minutes", before.contracted_minutes, after.contracted_minutes);
  add("start_date", OptionalText(before.start_date), OptionalText(after.start_date));
  add("qualified_on", OptionalText(before.qualified_on), OptionalText(after.qualified_on));
  add("team_codes", SortedUnique(before.team_codes), after.team_codes);
  return changes;
}

// "37", "37.5", "22.25": weekly minutes as hours for a person to read.
std::string Hours(int minutes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", minutes / 60.0);
  std::string out(text);
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
  return out;
}

std::string Join(const std::vector<std::string>& items, const char* none) {
  if (items.empty()) return none;
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// The fields "staff.changed" events say changed after `since_version`, in field-name order.
std::vector<std::string> FieldsChangedSince(store::Transaction& tx, int64_t staff_id,
                                            int since_version) {
  std::set<std::string> fields;
  for (const auto& event : store::EventsForSubject(tx, "staff:" + std::to_string(staff_id))) {
    if (event.kind != "staff.changed") continue;
    const auto payload = nlohmann::json::parse(event.payload);
    if (payload.value("version", 0) <= since_version) continue;
    const auto changes = payload.value("changes", nlohmann::json::object());
    for (const auto& [field, change] : changes.items()) fields.insert(field);
  }
  return {fields.begin(), fields.end()};
}

// kConflict "stale_version" saying what the record is now and what changed since the caller's
// version, so they can decide what to do without another round trip.
Error StaleStaff(store::Transaction& tx, const access::StaffRecord& now, int expected_version) {
  const access::Staff& s = now.staff;
  std::string message = "staff " + std::to_string(s.id) + " was changed by someone else: you had " +
                        "version " + std::to_string(expected_version) + ", it is now version " +
                        std::to_string(now.version);
  if (expected_version < now.version) {
    message += "; changed since: " +
               Join(FieldsChangedSince(tx, s.id, expected_version), "nothing recorded");
  }
  message += ". Now: name \"" + s.name + "\", grade " + std::string(access::ToString(s.grade)) +
             ", contracted hours " + Hours(s.contracted_minutes) + ", start date " +
             s.start_date.value_or("none") + ", qualified on " + s.qualified_on.value_or("none") +
             ", teams " + Join(s.team_codes, "none") + ". Reload it and make your change again.";
  return Error{ErrorKind::kConflict, "stale_version", std::move(message), "version"};
}

// Where `who` may read staff: everywhere (administrators) or these teams. kForbidden when nowhere.
struct StaffScope {
  bool everywhere = false;
  std::vector<int64_t> team_ids;

  bool Covers(const access::StaffRecord& record) const {
    if (everywhere) return true;
    return std::any_of(record.teams.begin(), record.teams.end(), [this](const auto& team) {
      return std::find(team_ids.begin(), team_ids.end(), team.team_id) != team_ids.end();
    });
  }
};

Result<StaffScope> StaffScopeOf(store::Transaction& tx, const access::Principal& who) {
  StaffScope scope;
  if (access::Decide(who, Action::kManageAccounts)) {
    scope.everywhere = true;
    return scope;
  }
  const auto organisation = org::LoadOrganisation(tx);
  std::map<std::string, int64_t> pdu_ids;
  for (const auto& pdu : organisation.pdus) pdu_ids[pdu.code] = pdu.id;
  std::optional<access::Decision> denied;
  for (const auto& team : organisation.teams) {
    auto decision = access::Decide(who, Action::kReadTeamWorkload,
                                   access::UnitAccess{team.id, pdu_ids[team.pdu_code]});
    if (decision)
      scope.team_ids.push_back(team.id);
    else if (!denied)
      denied = std::move(decision);
  }
  if (!scope.team_ids.empty()) return scope;
  if (denied) return access::Require(*denied).error();
  return Error::Forbidden("forbidden", "there are no teams whose staff you may read");
}
}  // namespace

Result<access::StaffRecord> ChangeStaff(store::Db& db, const store::Actor& by, int64_t staff_id,
                                        const StaffChange& change, int expected_version,
                                        UtcTime now) {
  if (change.empty())
    return Error::Invalid("empty_change",
                          "say what to change: name, grade, contracted hours, start date, "
                          "qualification date or teams");
  auto tx = db.BeginWrite();
  auto current = access::LoadStaff(tx, staff_id);
  if (!current) return current.error();
  const access::Staff after = Apply(current->staff, change);
  if (auto s = access::CheckStaff(after); !s) return s.error();
  if (current->version != expected_version) return StaleStaff(tx, *current, expected_version);
  const nlohmann::json changes = Differences(current->staff, after);
  if (changes.empty())
    return Error::Invalid("no_change", "nothing to change: the values given are the current ones");

  auto version = access::UpdateStaff(tx, after, expected_version);
  if (!version) {
    // Someone committed between our read and our write (PostgreSQL): say what they changed.
    auto reloaded = access::LoadStaff(tx, staff_id);
    if (!reloaded) return reloaded.error();
    return StaleStaff(tx, *reloaded, expected_version);
  }
  if (changes.contains("team_codes"))
    if (auto s = access::ReplaceStaffTeams(tx, staff_id, after.team_codes); !s) return s.error();
  const nlohmann::json payload = {{"id", staff_id}, {"version", *version}, {"changes", changes}};
  store::AppendEvent(tx, by, {"staff:" + std::to_string(staff_id), "staff.changed", payload}, now);
  auto saved = access::LoadStaff(tx, staff_id);
  if (!saved) return saved.error();
  tx.Commit();
  return saved;
}

Result<int> ChangeRole(store::Db& db, const store::Actor& by, const std::string& username,
                       access::Role role, int expected_version, UtcTime now) {
  auto tx = db.BeginWrite();
  auto found = access::FindAccount(tx, username);
  if (!found)
    return Error{ErrorKind::kNotFound, "unknown_user", "there is no account " + username,
                 "username"};
  const access::Account& account = found->account;
  const auto stale = [&] {
    return Error{ErrorKind::kConflict, "stale_version",
                 "the account " + username + " was changed by someone else: you had version " +
                     std::to_string(expected_version) + ", it is now version " +
                     std::to_string(account.version) + " with role " +
                     std::string(access::ToString(account.role)) +
                     (account.disabled ? " (disabled)" : "") +
                     ". Reload it and make your change again.",
                 "version"};
  };
  if (account.version != expected_version) return stale();
  if (account.role == role)
    return Error::Invalid("no_change",
                          username + " already has the role " + std::string(access::ToString(role)),
                          "role");
  auto version = access::UpdateAccountRole(tx, username, role, expected_version);
  if (!version) return version.error();
  const nlohmann::json payload = {{"id", account.id},
                                  {"username", username},
                                  {"from", access::ToString(account.role)},
                                  {"to", access::ToString(role)},
                                  {"version", *version}};
  store::AppendEvent(tx, by, {"account:" + username, "account.role_changed", payload}, now);
  // Counted after the append: the event chain lock orders concurrent writers, so two
  // administrators demoting each other at once cannot both see the other still in place.
  if (account.role == access::Role::kAdministrator && !account.disabled &&
      access::CountEnabledAdministrators(tx) == 0)
    return Error{ErrorKind::kConflict, "last_administrator",
                 username +
                     " is the last enabled administrator: give another account the "
                     "administrator role first",
                 "role"};
  tx.Commit();
  return version;
}

Result<std::vector<access::StaffRecord>> StaffVisibleTo(
    store::Db& db, const access::Principal& who, const std::optional<std::string>& team_code) {
  auto tx = db.BeginRead();
  auto scope = StaffScopeOf(tx, who);
  if (!scope) return scope.error();
  auto all = access::ListStaff(tx, team_code);
  if (!all) return all.error();
  if (team_code && !scope->everywhere) {
    const auto team = org::FindTeam(tx, *team_code);
    if (!team || std::find(scope->team_ids.begin(), scope->team_ids.end(), team->id) ==
                     scope->team_ids.end())
      return Error::Forbidden("forbidden", "you may not read the staff of team " + *team_code);
  }
  std::vector<access::StaffRecord> visible;
  for (auto& record : *all)
    if (scope->Covers(record)) visible.push_back(std::move(record));
  return visible;
}

Result<access::StaffRecord> StaffRecordFor(store::Db& db, const access::Principal& who,
                                           int64_t staff_id) {
  auto tx = db.BeginRead();
  auto scope = StaffScopeOf(tx, who);
  if (!scope) return scope.error();
  auto record = access::LoadStaff(tx, staff_id);
  if (!record) return record.error();
  if (!scope->Covers(*record))
    return Error::Forbidden("forbidden",
                            "you may not read this member of staff: they are in none of the "
                            "teams whose staff you may read");
  return record;
}

}  // namespace probity::app

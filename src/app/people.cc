#include "app/people.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "access/store.h"
#include "app/case_events.h"
#include "app/risk.h"
#include "app/workload.h"
#include "cases/rules.h"
#include "cases/store.h"
#include "cases/vocabulary.h"
#include "core/uk_time.h"
#include "workload/capacity.h"

namespace probity::app {

// FROZEN event kinds and payload fields (they are in the hash chain):
//   person.registered      {id, crn, first_name, last_name, date_of_birth, gender, phone, email,
//                           team_code, iom}
//   person.changed         {version, changes: {field: {from, to}}}
//   alias.added            {id, first_name, last_name, date_of_birth}
//   address.added          {id, status, line1, line2, town, postcode, start_date}
//   needs.assessed         {assessed_on, needs: [{id, need, severity}]}
//   registration.added     {id, type, level, category, notes, start_date}
//   registration.ended     {id, type, end_date, reason, version}
//   keep_apart.linked      {id, other_crn, reason}   (one event on each person)
//   conviction.added       {id, conviction_date, offence_group, offence}
//   case.allocated         {id, team_code, officer_staff_id, officer_username, reason}
//   access.excluded / access.exclusion_removed / access.restricted / access.restriction_removed
//                          {staff_id, username, reason}

namespace {
using nlohmann::json;

json OrNull(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }

Date Today(UtcTime now) { return DateOf(now); }

Result<int64_t> StaffOfUsername(store::Transaction& tx, const std::string& username,
                                const char* field) {
  auto account = access::FindAccount(tx, username);
  if (!account)
    return Error{ErrorKind::kNotFound, "unknown_user", "there is no account " + username, field};
  return account->account.staff_id;
}
}  // namespace

Result<PersonRegistered> RegisterPerson(store::Db& db, const store::Actor& by,
                                        const cases::NewPerson& in, UtcTime now) {
  if (auto s = cases::CheckNewPerson(in, Today(now)); !s) return s.error();
  if (in.team_code.empty()) return Error::Invalid("required", "team_code is required", "team_code");
  auto tx = db.BeginWrite();
  auto id = cases::InsertPerson(tx, in, now);
  if (!id) return id.error();
  const CaseRef ref{*id, in.crn, false};
  const json payload = {{"id", *id},
                        {"crn", in.crn},
                        {"first_name", in.first_name},
                        {"last_name", in.last_name},
                        {"date_of_birth", in.date_of_birth},
                        {"gender", in.gender},
                        {"phone", OrNull(in.phone)},
                        {"email", OrNull(in.email)},
                        {"team_code", in.team_code},
                        {"iom", in.iom}};
  RecordCaseEvent(tx, by, ref,
                  {"person.registered", payload,
                   "Registered in team " + in.team_code + ", awaiting allocation", std::nullopt},
                  now);
  if (auto tier = RecalculateTier(tx, by, ref, now); !tier) return tier.error();
  tx.Commit();
  return PersonRegistered{*id, in.crn};
}

Result<int> ChangePerson(store::Db& db, const store::Actor& by, const CaseRef& on,
                         const cases::PersonChange& change, int expected_version, UtcTime now) {
  if (auto s = cases::CheckPersonChange(change, Today(now)); !s) return s.error();
  auto tx = db.BeginWrite();
  auto before = cases::FindPerson(tx, on.crn);
  if (!before) return Error::NotFound("not_found", "there is no such person");
  auto version = cases::UpdatePerson(tx, on.person_id, change, expected_version);
  if (!version) return version.error();
  json changes = json::object();
  std::vector<std::string> named;
  auto note = [&](const char* field, const json& from, const json& to) {
    if (from == to) return;
    changes[field] = {{"from", from}, {"to", to}};
    named.emplace_back(field);
  };
  if (change.first_name) note("first_name", before->first_name, *change.first_name);
  if (change.last_name) note("last_name", before->last_name, *change.last_name);
  if (change.date_of_birth) note("date_of_birth", before->date_of_birth, *change.date_of_birth);
  if (change.gender) note("gender", before->gender, *change.gender);
  if (change.phone) note("phone", OrNull(before->phone), OrNull(*change.phone));
  if (change.email) note("email", OrNull(before->email), OrNull(*change.email));
  if (change.iom) note("iom", before->iom, *change.iom);
  std::string summary = "Personal details changed";
  for (size_t i = 0; i < named.size(); ++i) summary += (i ? ", " : ": ") + named[i];
  RecordCaseEvent(
      tx, by, on,
      {"person.changed", {{"version", *version}, {"changes", changes}}, summary, std::nullopt},
      now);
  if (auto tier = RecalculateTier(tx, by, on, now); !tier) return tier.error();
  tx.Commit();
  return version;
}

Result<int64_t> AddAlias(store::Db& db, const store::Actor& by, const CaseRef& on,
                         cases::Alias alias, UtcTime now) {
  if (auto s = cases::CheckAlias(alias, Today(now)); !s) return s.error();
  alias.added_by = by.id;
  alias.added_at = now;
  auto tx = db.BeginWrite();
  const int64_t id = cases::InsertAlias(tx, on.person_id, alias);
  RecordCaseEvent(tx, by, on,
                  {"alias.added",
                   {{"id", id},
                    {"first_name", alias.first_name},
                    {"last_name", alias.last_name},
                    {"date_of_birth", OrNull(alias.date_of_birth)}},
                   "Alias added: " + alias.first_name + " " + alias.last_name,
                   std::nullopt},
                  now);
  tx.Commit();
  return id;
}

Result<int64_t> AddAddress(store::Db& db, const store::Actor& by, const CaseRef& on,
                           cases::Address address, UtcTime now) {
  if (auto s = cases::CheckAddress(address, Today(now)); !s) return s.error();
  address.added_by = by.id;
  address.added_at = now;
  address.end_date.reset();
  auto tx = db.BeginWrite();
  const int64_t id = cases::InsertAddress(tx, on.person_id, address);
  RecordCaseEvent(tx, by, on,
                  {"address.added",
                   {{"id", id},
                    {"status", address.status},
                    {"line1", address.line1},
                    {"line2", OrNull(address.line2)},
                    {"town", address.town},
                    {"postcode", address.postcode},
                    {"start_date", address.start_date}},
                   std::string(cases::LabelOf(cases::AddressStatuses(), address.status)) +
                       " added: " + address.line1 + ", " + address.town,
                   std::nullopt},
                  now);
  tx.Commit();
  return id;
}

Status RecordNeeds(store::Db& db, const store::Actor& by, const CaseRef& on,
                   std::vector<cases::Need> needs, UtcTime now) {
  if (needs.empty())
    return Error::Invalid("required", "a needs assessment records at least one need", "needs");
  std::set<std::string> seen;
  for (auto& n : needs) {
    if (auto s = cases::CheckNeed(n, Today(now)); !s) return s;
    if (!seen.insert(n.need).second)
      return Error::Invalid("repeated_need", n.need + " appears twice in one assessment", "needs");
    if (n.assessed_on != needs.front().assessed_on)
      return Error::Invalid("mixed_dates", "an assessment records its needs on one day",
                            "assessed_on");
    n.added_by = by.id;
    n.added_at = now;
  }
  auto tx = db.BeginWrite();
  json items = json::array();
  for (const auto& n : needs) {
    const int64_t id = cases::InsertNeed(tx, on.person_id, n);
    items.push_back({{"id", id}, {"need", n.need}, {"severity", n.severity}});
  }
  RecordCaseEvent(tx, by, on,
                  {"needs.assessed",
                   {{"assessed_on", needs.front().assessed_on}, {"needs", items}},
                   "Needs assessed (" + std::to_string(needs.size()) + " areas)",
                   std::nullopt},
                  now);
  if (auto tier = RecalculateTier(tx, by, on, now); !tier) return tier.error();
  tx.Commit();
  return Ok();
}

Result<int64_t> AddRegistration(store::Db& db, const store::Actor& by, const CaseRef& on,
                                cases::Registration r, UtcTime now) {
  if (auto s = cases::CheckRegistration(r, Today(now)); !s) return s.error();
  auto tx = db.BeginWrite();
  r.added_by = by.id;
  r.added_by_name = cases::ActorName(tx, by.id);
  r.added_at = now;
  const int64_t id = cases::InsertRegistration(tx, on.person_id, r);
  std::string summary =
      "Registration added: " + std::string(cases::LabelOf(cases::RegistrationTypes(), r.type));
  if (r.level)
    summary += r.type == "mappa" ? " level " + *r.level + " category " + r.category.value_or("")
                                 : " " + std::string(cases::LabelOf(cases::RoshLevels(), *r.level));
  RecordCaseEvent(tx, by, on,
                  {"registration.added",
                   {{"id", id},
                    {"type", r.type},
                    {"level", OrNull(r.level)},
                    {"category", OrNull(r.category)},
                    {"notes", OrNull(r.notes)},
                    {"start_date", r.start_date}},
                   summary,
                   std::nullopt},
                  now);
  if (auto tier = RecalculateTier(tx, by, on, now); !tier) return tier.error();
  tx.Commit();
  return id;
}

Result<int> EndRegistration(store::Db& db, const store::Actor& by, const CaseRef& on,
                            int64_t registration_id, const std::string& end_date,
                            const std::string& reason, int expected_version, UtcTime now) {
  if (auto s = cases::CheckDate(end_date, "end_date", Today(now)); !s) return s.error();
  if (auto s = cases::CheckText(reason, "reason", 500); !s) return s.error();
  auto tx = db.BeginWrite();
  auto current = cases::FindRegistration(tx, on.person_id, registration_id);
  if (current && end_date < current->start_date)
    return Error::Invalid("before_start",
                          "the end date cannot be before the start, " + current->start_date,
                          "end_date");
  auto version = cases::EndRegistration(tx, on.person_id, registration_id, end_date, reason, by.id,
                                        expected_version);
  if (!version) return version.error();
  RecordCaseEvent(tx, by, on,
                  {"registration.ended",
                   {{"id", registration_id},
                    {"type", current->type},
                    {"end_date", end_date},
                    {"reason", reason},
                    {"version", *version}},
                   "Registration ended: " +
                       std::string(cases::LabelOf(cases::RegistrationTypes(), current->type)) +
                       " (" + reason + ")",
                   std::nullopt},
                  now);
  if (auto tier = RecalculateTier(tx, by, on, now); !tier) return tier.error();
  tx.Commit();
  return version;
}

Result<int64_t> LinkKeepApart(store::Db& db, const store::Actor& by, const CaseRef& on,
                              const std::string& other_crn, const std::string& reason,
                              UtcTime now) {
  if (auto s = cases::CheckKeepApart(on.crn, other_crn, reason); !s) return s.error();
  auto tx = db.BeginWrite();
  auto other = cases::LoadCaseAccess(tx, other_crn);
  if (!other)
    return Error{ErrorKind::kNotFound, "unknown_person", "there is no person with CRN " + other_crn,
                 "other_crn"};
  auto id = cases::InsertKeepApart(tx, on.person_id, other->person_id, reason, by.id, now);
  if (!id) return id.error();
  // Each person's timeline shows the link, but only as a link: the other's CRN, never more.
  RecordCaseEvent(tx, by, on,
                  {"keep_apart.linked",
                   {{"id", *id}, {"other_crn", other_crn}, {"reason", reason}},
                   "Keep apart from " + other_crn + ": " + reason,
                   std::nullopt},
                  now);
  RecordCaseEvent(tx, by, {other->person_id, other_crn, other->access.restricted()},
                  {"keep_apart.linked",
                   {{"id", *id}, {"other_crn", on.crn}, {"reason", reason}},
                   "Keep apart from " + on.crn + ": " + reason,
                   std::nullopt},
                  now);
  tx.Commit();
  return id;
}

Result<int64_t> AddConviction(store::Db& db, const store::Actor& by, const CaseRef& on,
                              const cases::Conviction& c, UtcTime now) {
  if (auto s = cases::CheckConviction(c, Today(now)); !s) return s.error();
  auto tx = db.BeginWrite();
  const int64_t id = cases::InsertConviction(tx, on.person_id, c, by.id, now);
  RecordCaseEvent(tx, by, on,
                  {"conviction.added",
                   {{"id", id},
                    {"conviction_date", c.conviction_date},
                    {"offence_group", c.offence_group},
                    {"offence", OrNull(c.offence)}},
                   "Previous conviction added: " +
                       std::string(cases::LabelOf(cases::OffenceGroups(), c.offence_group)) +
                       " on " + c.conviction_date,
                   std::nullopt},
                  now);
  if (auto tier = RecalculateTier(tx, by, on, now); !tier) return tier.error();
  tx.Commit();
  return id;
}

Result<int64_t> Allocate(store::Db& db, const store::Actor& by, const CaseRef& on,
                         const AllocationRequest& in, UtcTime now) {
  if (auto s = cases::CheckText(in.reason, "reason", 500); !s) return s.error();
  auto tx = db.BeginWrite();
  auto person = cases::FindPerson(tx, on.crn);
  if (!person) return Error::NotFound("not_found", "there is no such person");
  std::optional<int64_t> staff_id;
  std::vector<int64_t> officer_teams;
  if (in.officer_username) {
    auto staff = StaffOfUsername(tx, *in.officer_username, "officer_username");
    if (!staff) return staff.error();
    staff_id = *staff;
    officer_teams = cases::TeamsOfStaff(tx, *staff_id);
  }
  int64_t team_id = person->team_id;
  if (in.team_code) {
    auto id = cases::TeamIdOf(tx, *in.team_code);
    if (!id)
      return Error{ErrorKind::kNotFound, "unknown_team",
                   "there is no team with code " + *in.team_code, "team_code"};
    team_id = *id;
  }
  if (staff_id &&
      std::find(officer_teams.begin(), officer_teams.end(), team_id) == officer_teams.end())
    return Error::Invalid("not_in_team",
                          "the officer is not a member of the team holding the case: to move the "
                          "case to another team, name it in team_code",
                          "officer_username");
  if (team_id == person->team_id && staff_id == person->officer_staff_id)
    return Error::Conflict("no_change", "the case is already allocated that way");
  // Past 100% only with a recorded reason (the officer who already holds it adds nothing).
  std::optional<workload::OverCapacityAllocation> over;
  if (staff_id && staff_id != person->officer_staff_id) {
    const Date today = UkDateOf(now);
    auto figure = FigureOfStaff(tx, *staff_id, today);
    if (!figure) return figure.error();
    const int64_t after_tenths = workload::CapacityTenths(
        figure->points.total + PointsOfCase(tx, on.person_id, today), figure->available_points);
    // Nothing available (reductions take all their hours) is past capacity whatever the case.
    if (after_tenths > 1000 || figure->available_points == 0) {
      const std::string& why = in.over_capacity_reason;
      if (why.find_first_not_of(" \t\r\n") == std::string::npos)
        return Error::Invalid("over_capacity_reason_required",
                              (figure->available_points == 0
                                   ? std::string("the officer has no capacity: their reductions "
                                                 "take all their hours")
                                   : "this case takes the officer to " +
                                         allocation::PercentText(after_tenths) + " of capacity") +
                                  ": record why they take it past 100%",
                              "over_capacity_reason");
      if (auto s = cases::CheckText(why, "over_capacity_reason", 500); !s) return s.error();
      over.emplace();
      over->staff_id = *staff_id;
      over->team_id = team_id;
      over->capacity_before = figure->capacity_tenths;
      over->capacity_after = after_tenths;
      over->reason = why;
      over->allocated_by = by.id;
      over->allocated_at = now;
    }
  }
  const int64_t id =
      cases::InsertAllocation(tx, on.person_id, team_id, staff_id, by.id, in.reason, now);
  auto after = cases::FindPerson(tx, on.crn);
  const std::string officer_name = after->officer_name.value_or("");
  RecordCaseEvent(
      tx, by, on,
      {"case.allocated",
       {{"id", id},
        {"team_code", after->team_code},
        {"officer_staff_id", staff_id ? json(*staff_id) : json(nullptr)},
        {"officer_username", OrNull(in.officer_username)},
        {"reason", in.reason}},
       staff_id ? "Allocated to " + officer_name + " (" + after->team_code + "): " + in.reason
                : "Awaiting allocation in " + after->team_code + ": " + in.reason,
       std::nullopt},
      now);
  if (over) {
    over->allocation_id = id;
    workload::InsertOverCapacity(tx, *over);
    RecordCaseEvent(tx, by, on,
                    {"workload.allocated_over_capacity",
                     {{"allocation_id", id},
                      {"staff_id", over->staff_id},
                      {"capacity_before", over->capacity_before},
                      {"capacity_after", over->capacity_after},
                      {"reason", over->reason}},
                     "Allocated past capacity: " + officer_name + " at " +
                         allocation::PercentText(over->capacity_after) + ": " + over->reason,
                     std::nullopt},
                    now);
  }
  tx.Commit();
  return id;
}

Status ChangeAccessList(store::Db& db, const store::Actor& by, const CaseRef& on, AccessList list,
                        const std::string& username, bool add, const std::string& reason,
                        UtcTime now) {
  if (add)
    if (auto s = cases::CheckText(reason, "reason", 500); !s) return s;
  auto tx = db.BeginWrite();
  auto staff = StaffOfUsername(tx, username, "username");
  if (!staff) return staff.error();
  const bool exclusion = list == AccessList::kExclusion;
  bool changed = false;
  if (exclusion)
    changed = add ? cases::AddExclusion(tx, on.person_id, *staff, reason, by.id, now)
                  : cases::RemoveExclusion(tx, on.person_id, *staff);
  else
    changed = add ? cases::AddRestriction(tx, on.person_id, *staff, reason, by.id, now)
                  : cases::RemoveRestriction(tx, on.person_id, *staff);
  if (!changed)
    return Error::Conflict("no_change", username + (add ? " is already" : " is not") + " on the " +
                                            (exclusion ? "exclusion" : "restriction") + " list");
  const char* kind = exclusion ? (add ? "access.excluded" : "access.exclusion_removed")
                               : (add ? "access.restricted" : "access.restriction_removed");
  // The timeline says the case's access changed, not who was named: that stays in the lists.
  RecordCaseEvent(tx, by, on,
                  {kind,
                   {{"staff_id", *staff}, {"username", username}, {"reason", reason}},
                   exclusion ? "Exclusion list changed" : "Restriction list changed",
                   std::nullopt},
                  now);
  tx.Commit();
  return Ok();
}

}  // namespace probity::app

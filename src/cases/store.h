// SQL for people on probation and what is held about them, the responsible officer's history,
// restricted cases and their access log. Runs inside the caller's Transaction; never commits.
// Sentences are in cases/sentence_store.h, the timeline in cases/timeline_store.h.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "access/policy.h"
#include "cases/model.h"
#include "core/date.h"
#include "core/result.h"
#include "store/db.h"

namespace probity::cases {

// kNotFound (field "team_code") for an unknown team; kConflict "crn_taken" for a CRN in use.
Result<int64_t> InsertPerson(store::Transaction& tx, const NewPerson& person, UtcTime now);

// The person with that CRN, with team, PDU and officer; nullopt when there is none.
std::optional<Person> FindPerson(store::Transaction& tx, const std::string& crn);

// Applies the change if the person is still at expected_version; returns the new version.
// kConflict "stale_version" otherwise (the message gives the current version).
Result<int> UpdatePerson(store::Transaction& tx, int64_t person_id, const PersonChange& change,
                         int expected_version);

// What the access policy needs about a case, found by CRN; nullopt when there is no such CRN.
struct CaseAccessRecord {
  int64_t person_id = 0;
  std::string crn;
  access::CaseAccess access;
};
std::optional<CaseAccessRecord> LoadCaseAccess(store::Transaction& tx, const std::string& crn);

int64_t InsertAlias(store::Transaction& tx, int64_t person_id, const Alias& alias);
// A new main address ends the current main one the day the new one starts.
int64_t InsertAddress(store::Transaction& tx, int64_t person_id, const Address& address);
int64_t InsertNeed(store::Transaction& tx, int64_t person_id, const Need& need);
int64_t InsertRegistration(store::Transaction& tx, int64_t person_id, const Registration& r);
std::optional<Registration> FindRegistration(store::Transaction& tx, int64_t person_id,
                                             int64_t registration_id);
// Ends an active registration at expected_version. kNotFound, kConflict "already_ended" or
// "stale_version".
Result<int> EndRegistration(store::Transaction& tx, int64_t person_id, int64_t registration_id,
                            const std::string& end_date, const std::string& reason,
                            const std::string& ended_by, int expected_version);
// kConflict "already_linked" when the two already have an active link.
Result<int64_t> InsertKeepApart(store::Transaction& tx, int64_t person_id, int64_t other_id,
                                const std::string& reason, const std::string& added_by,
                                UtcTime now);
int64_t InsertConviction(store::Transaction& tx, int64_t person_id, const Conviction& c,
                         const std::string& added_by, UtcTime now);

// Records an allocation and makes it current: the person's team and officer follow it.
int64_t InsertAllocation(store::Transaction& tx, int64_t person_id, int64_t team_id,
                         std::optional<int64_t> staff_id, const std::string& allocated_by,
                         const std::string& reason, UtcTime now);
// Team ids a member of staff belongs to; the id of a team code (nullopt when unknown).
std::vector<int64_t> TeamsOfStaff(store::Transaction& tx, int64_t staff_id);
std::optional<int64_t> TeamIdOf(store::Transaction& tx, const std::string& team_code);
// The team and its PDU, for asking policy about a team before any case exists in it.
std::optional<access::UnitAccess> FindTeamUnit(store::Transaction& tx,
                                               const std::string& team_code);
// The code of a team id ("" when unknown).
std::string TeamCodeOf(store::Transaction& tx, int64_t team_id);
std::vector<Allocation> LoadAllocations(store::Transaction& tx, int64_t person_id);

// Views of an unallocated case (migration 0015): one a day per member of staff, the first kept.
void RecordUnallocatedView(store::Transaction& tx, int64_t person_id, int64_t staff_id, Date day,
                           UtcTime at);
struct CaseView {
  int64_t staff_id = 0;
  std::string staff_name;
  Date last_day{};  // the latest day they opened it
};
// Who opened the case on or after `since`'s day, the latest first.
std::vector<CaseView> LoadUnallocatedViews(store::Transaction& tx, int64_t person_id, Date since);

// The whole record for the person page, except the timeline.
CaseRecord LoadCaseRecord(store::Transaction& tx, const Person& person);
// The records of every person with an id from first_id to last_id, by id, holding what scoring a
// case reads (the person, sentences, requirements, registrations, the latest need of each area,
// convictions) in LoadCaseRecord's orders; aliases, addresses, keep-aparts and licence
// conditions are left empty. For walks over every case: six queries a range.
std::vector<CaseRecord> LoadScoringRecords(store::Transaction& tx, int64_t first_id,
                                           int64_t last_id);

// The SQL condition that hides restricted and excluded cases from a viewer, for any query over
// `person p`. Bind the viewer's staff id as :viewer and again as :viewer2.
extern const char* const kVisibleTo;

// The name of an actor ("staff:12" -> the staff member's name; "system:..." -> "System").
std::string ActorName(store::Transaction& tx, const std::string& actor_id);

// Lists are in name order: last name, first name, CRN. A cursor is the last row's key.
struct PeopleCursor {
  std::string last_name;
  std::string first_name;
  std::string crn;
};

// Finding people. Every list passes through the same filter: the caller's scope, and no case
// the caller is excluded from or not named on when it is restricted.
struct PeopleQuery {
  access::CaseScope scope;
  int64_t viewer_staff_id = 0;
  std::optional<std::string> crn;            // exact
  std::optional<std::string> name;           // prefix of last name, or "first last" prefixes
  std::optional<std::string> date_of_birth;  // exact
  std::optional<int64_t> officer_staff_id;   // a caseload
  bool unallocated_only = false;
  std::optional<PeopleCursor> after;  // rows strictly after this one, in name order
  int limit = 50;
};
struct PeoplePage {
  std::vector<PersonSummary> items;
  std::optional<PeopleCursor> next;  // nullopt on the last page
};
PeoplePage FindPeople(store::Transaction& tx, const PeopleQuery& query);

// Restricted cases. Each returns false when there was nothing to add or remove.
bool AddExclusion(store::Transaction& tx, int64_t person_id, int64_t staff_id,
                  const std::string& reason, const std::string& by, UtcTime now);
bool RemoveExclusion(store::Transaction& tx, int64_t person_id, int64_t staff_id);
bool AddRestriction(store::Transaction& tx, int64_t person_id, int64_t staff_id,
                    const std::string& reason, const std::string& by, UtcTime now);
bool RemoveRestriction(store::Transaction& tx, int64_t person_id, int64_t staff_id);
struct AccessListEntry {
  int64_t staff_id = 0;
  std::string staff_name;
  std::string reason;
  std::string added_by;
  UtcTime added_at{};
};
std::vector<AccessListEntry> LoadExclusions(store::Transaction& tx, int64_t person_id);
std::vector<AccessListEntry> LoadRestrictions(store::Transaction& tx, int64_t person_id);

struct AccessLogEntry {
  int64_t id = 0;
  UtcTime at{};
  int64_t staff_id = 0;
  std::string username;
  std::string crn;
  std::string what;
  std::string outcome;  // "allowed" or "denied"
  std::string reason;
  std::string request_id;
};
void AppendAccessLog(store::Transaction& tx, const AccessLogEntry& entry);
struct AccessLogQuery {
  std::optional<std::string> crn;
  std::optional<UtcTime> from;
  std::optional<UtcTime> to;
  int64_t before_id = 0;  // cursor: entries older than this id; 0 starts at the newest
  int limit = 100;
};
// Newest first.
std::vector<AccessLogEntry> ReadAccessLog(store::Transaction& tx, const AccessLogQuery& query);

}  // namespace probity::cases

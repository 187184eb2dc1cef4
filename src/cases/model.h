// A case record as value types: the person on probation, what is held about them, their
// sentences, requirements and licence conditions, the responsible officer's history and the
// timeline of contacts (DESIGN section 2). Codes come from cases/vocabulary.h. Dates are
// "YYYY-MM-DD" text and instants are UtcTime. No I/O here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"

namespace probity::cases {

// A line of a caseload or a search result.
struct PersonSummary {
  int64_t id = 0;
  std::string crn;
  std::string first_name;
  std::string last_name;
  std::string date_of_birth;
  std::string team_code;
  std::optional<int64_t> officer_staff_id;
  std::optional<std::string> officer_name;
  std::optional<std::string> tier;
  bool limited = false;  // has an exclusion or restriction list
};

struct Person {
  int64_t id = 0;
  std::string crn;  // one capital letter and six digits: "X123456"
  std::string first_name;
  std::string last_name;
  std::string date_of_birth;
  std::string gender;
  std::optional<std::string> phone;
  std::optional<std::string> email;
  int64_t team_id = 0;
  std::string team_code;
  int64_t pdu_id = 0;
  std::optional<int64_t> officer_staff_id;
  std::optional<std::string> officer_name;
  bool iom = false;  // managed under integrated offender management
  bool limited = false;
  std::optional<std::string> tier;
  UtcTime created_at{};
  int version = 1;
};

// What registering a person takes. team_code may be empty when the caller has exactly one team.
struct NewPerson {
  std::string crn;
  std::string first_name;
  std::string last_name;
  std::string date_of_birth;
  std::string gender;
  std::optional<std::string> phone;
  std::optional<std::string> email;
  std::string team_code;
  bool iom = false;
};

// A change to a person's details: only the fields given change.
struct PersonChange {
  std::optional<std::string> first_name;
  std::optional<std::string> last_name;
  std::optional<std::string> date_of_birth;
  std::optional<std::string> gender;
  std::optional<std::optional<std::string>> phone;  // set, or clear with nullopt inside
  std::optional<std::optional<std::string>> email;
  std::optional<bool> iom;
};

struct Alias {
  int64_t id = 0;
  std::string first_name;
  std::string last_name;
  std::optional<std::string> date_of_birth;
  std::string added_by;
  UtcTime added_at{};
};

struct Address {
  int64_t id = 0;
  std::string status = "main";  // main, secondary, previous
  std::string line1;
  std::optional<std::string> line2;
  std::string town;
  std::string postcode;
  std::string start_date;
  std::optional<std::string> end_date;
  std::string added_by;
  UtcTime added_at{};
};

// One need's severity as assessed on a day; the latest assessment of each need is current.
struct Need {
  int64_t id = 0;
  std::string need;
  std::string severity;  // none, standard, severe
  std::string assessed_on;
  std::string added_by;
  UtcTime added_at{};
};

struct Registration {
  int64_t id = 0;
  std::string type;
  std::optional<std::string> level;     // ROSH: low..very_high; MAPPA: 1..3
  std::optional<std::string> category;  // MAPPA: 1..4
  std::optional<std::string> notes;
  std::string start_date;
  std::optional<std::string> end_date;
  std::optional<std::string> end_reason;
  std::string added_by;  // actor id: "staff:12"
  std::string added_by_name;
  UtcTime added_at{};
  std::optional<std::string> ended_by;
  int version = 1;
  bool active() const { return !end_date.has_value(); }
};

// A keep-apart link as seen from one of the two people.
struct KeepApart {
  int64_t id = 0;
  std::string other_crn;
  std::string reason;
  std::string added_by;
  UtcTime added_at{};
  std::optional<UtcTime> ended_at;
};

struct Conviction {
  int64_t id = 0;
  std::string conviction_date;
  std::string offence_group;
  std::optional<std::string> offence;
};

struct Sentence {
  int64_t id = 0;
  int64_t person_id = 0;
  std::string kind;  // community_order, suspended_sentence_order, licence, pss
  std::string court;
  std::string offence;
  std::string offence_group;
  std::string sentence_date;
  int length_months = 0;
  std::string expected_end;
  std::optional<std::string> release_date;  // licence and PSS
  std::optional<std::string> licence_end;   // licence
  // The custodial sentence behind a licence or PSS: standard, extended or indeterminate
  // (CustodyTypes()); nullopt on orders and when not recorded. Fixed-term recall depends on it.
  std::optional<std::string> custody_type;
  std::string status = "active";  // active, terminated
  std::optional<std::string> terminated_on;
  std::optional<std::string> termination_reason;
  int version = 1;
  bool current() const { return status == "active"; }
};

struct Requirement {
  int64_t id = 0;
  int64_t sentence_id = 0;
  std::string type;
  int amount = 0;
  std::string unit;               // days, hours, sessions, months
  int progress = 0;               // of `amount`, in the same unit
  std::string status = "active";  // active, completed, terminated
  std::string start_date;
  std::optional<std::string> end_date;
  std::optional<std::string> end_reason;
  int version = 1;
};

struct LicenceCondition {
  int64_t id = 0;
  int64_t sentence_id = 0;
  std::string type;  // standard, additional, bespoke
  std::string description;
  std::string start_date;
  std::optional<std::string> end_date;
  int version = 1;
};

// One allocation of a responsible officer (or of the case to a team, awaiting one).
struct Allocation {
  int64_t id = 0;
  std::string team_code;
  std::optional<int64_t> staff_id;
  std::optional<std::string> staff_name;
  UtcTime from{};
  std::string allocated_by;
  std::string reason;
};

// A row of the timeline: a contact someone recorded, or an entry the system wrote for a domain
// event (system = true, type = the event kind, event_seq = its place in the log).
struct Contact {
  int64_t id = 0;
  int64_t person_id = 0;
  std::string type;
  UtcTime at{};
  std::string author;       // actor id
  std::string author_name;  // as it was when written
  std::string note;
  std::optional<int64_t> sentence_id;
  bool system = false;
  std::optional<int64_t> event_seq;
  UtcTime recorded_at{};
};

// Where a timeline page starts: strictly older than (at, id).
struct TimelineCursor {
  UtcTime at{};
  int64_t id = 0;
};

struct TimelineQuery {
  int64_t person_id = 0;
  std::vector<std::string> types;  // empty: every type
  std::optional<UtcTime> from;     // inclusive
  std::optional<UtcTime> to;       // exclusive
  std::optional<TimelineCursor> after;
  int limit = 50;
};

struct TimelinePage {
  std::vector<Contact> items;
  std::optional<TimelineCursor> next;  // nullopt on the last page
};

// Everything the person page shows, read in one transaction.
struct CaseRecord {
  Person person;
  std::vector<Alias> aliases;
  std::vector<Address> addresses;           // newest first
  std::vector<Need> needs;                  // the current assessment of each need
  std::vector<Registration> registrations;  // active first, then ended
  std::vector<KeepApart> keep_aparts;
  std::vector<Conviction> convictions;
  std::vector<Sentence> sentences;  // current first
  std::vector<Requirement> requirements;
  std::vector<LicenceCondition> licence_conditions;
};

}  // namespace probity::cases

// Synthetic data in the proportions of a national probation service, for load tests and
// benchmarks (`probity gen-data`). A pure, deterministic model: one seed gives the same
// organisation, people and history on every run and machine (std::mt19937_64 with our own
// uniform draws, never std::random_device, the clock or a std::*_distribution, whose output the
// standard leaves to each library). Every date is on or before AsOf(); every instant is derived
// from that fixed day and the seed.
//
// Per 250,000 people: about 12,000 staff in teams of 8 to 12, about 10 teams to a PDU and 10 PDUs
// to a region; about 40 contacts a person; about 10 appointments a person (the induction, then
// supervision over the last four months with their outcomes, and the next one booked). Org codes
// look like "G01-P03-T07" so they never clash with the demo organisation. Never touches a
// database: src/gen/writer.h loads what this makes.
//
// Appointment times are UK wall-clock times (core/uk_time.h) on working days in England and
// Wales (calendar/working_days.h, rules and proclamations only), starting 09:00 to 16:30. Every
// booking, rearrangement and outcome happens before AsOf(); only the one appointment booked
// ahead starts after it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access/model.h"
#include "appointments/model.h"
#include "cases/model.h"
#include "core/date.h"
#include "core/time.h"
#include "org/model.h"

namespace probity::gen {

// The day the record is "as of": nothing happens after it. FROZEN: changing it changes every
// generated history.
Date AsOf();
// When the generated organisation and its staff were recorded.
UtcTime OrgRecordedAt();

struct Options {
  int64_t people = 0;  // 1 .. kMaxPeople
  uint64_t seed = 1;
};
inline constexpr int64_t kMaxPeople = 2'000'000;

// max(40, people * 12,000 / 250,000).
int64_t StaffFor(int64_t people);

// A member of staff and their one team (staff.team_codes holds its code).
struct GenStaff {
  access::Staff staff;  // id 0: the writer assigns ids
  int team = 0;         // index into GenOrg::teams
};

struct GenTeam {
  org::Team team;
  int pdu = 0;
  int manager = 0;                 // the SPO: allocates cases (index into GenOrg::staff)
  int administrator = 0;           // registers people, sends letters
  std::vector<int> practitioners;  // PO, PSO and PQiP staff holding cases
  std::vector<int> officers;       // the POs among them: they hold high-risk cases
};

struct GenOrg {
  std::vector<org::Region> regions;
  std::vector<org::Pdu> pdus;
  std::vector<GenTeam> teams;
  std::vector<org::Office> offices;  // one per PDU
  std::vector<GenStaff> staff;
  std::vector<int> practitioners;  // every practitioner, team by team: a case's team is drawn
                                   // through them, so bigger teams hold more cases
};

// The organisation for `options`: depends only on the number of people and the seed.
GenOrg GenerateOrg(const Options& options);

// A sentence as it is recorded, with what hangs off it. Ids are 0 (the writer assigns them).
struct GenSentence {
  cases::Sentence sentence;  // status "terminated" with a date and reason for an earlier one
  std::vector<cases::Requirement> requirements;
  std::vector<cases::LicenceCondition> conditions;
  UtcTime added_at{};
  std::optional<UtcTime> terminated_at;
};

// A contact someone recorded (not a system entry).
struct GenContact {
  std::string type;  // from cases::ContactTypes()
  UtcTime at{};
  UtcTime recorded_at{};
  int author = 0;  // staff index
  std::string note;
};

// One recorded outcome of an appointment: the first, or an amendment of the one before
// (amendment_reason set). Valid under appointments::CheckOutcome / CheckOutcomeAmendment.
struct GenOutcome {
  std::string outcome;                   // appointments::Outcomes()
  std::optional<std::string> judgement;  // failures only: acceptable, unacceptable
  std::optional<std::string>
      judgement_reason;  // acceptable only: appointments::AcceptableReasons()
  std::string note;      // required for a failure
  int recorded_by = 0;   // staff index
  UtcTime recorded_at{};
  std::optional<std::string> amendment_reason;  // amendments only
  std::optional<int> instructed_by;             // staff index of whoever directed the amendment
};

// An appointment on the current sentence, as the use cases of app/appointments.h would leave it.
// At the office of the team's PDU, or at `location` (a home visit, a phone or video call, an
// unpaid work project). A rearranged one keeps its place in the list with no outcome; its
// replacement comes next, booked by whoever rearranged it, when they did.
struct GenAppointment {
  std::string type;  // an appointment_type code of migrations/0008_appointments.sql
  UtcTime starts_at{};
  int duration_minutes = 0;
  std::optional<std::string> location;  // nullopt: at the office
  int staff = 0;                        // with whom: the officer, or the team's SPO (unallocated)
  int booked_by = 0;                    // staff index
  UtcTime booked_at{};
  std::optional<int> requirement;      // index into the current sentence's requirements
  std::optional<int> rearranged_from;  // index into GenPerson::appointments
  std::optional<int> rearranged_to;
  std::optional<std::string> rearrange_requested_by;  // person, service
  std::optional<std::string> rearrange_reason;
  int rearranged_by = 0;  // staff index
  UtcTime rearranged_at{};
  std::vector<GenOutcome> outcomes;  // oldest first; the last is current; none: still to come,
                                     // rearranged, or awaiting its outcome
};

// One person on probation and their history, in the order it happened: registration, address,
// previous convictions, sentences (earlier ones terminated; the last is current), registrations,
// a needs assessment, a tier, the allocation, contacts on the current sentence, then its
// appointments.
struct GenPerson {
  cases::NewPerson details;    // crn, names, date of birth, gender, phone, email, team code, iom
  int team = 0;                // index into GenOrg::teams
  std::optional<int> officer;  // staff index; nullopt: unallocated (about 3%)
  int registered_by = 0;       // staff index
  UtcTime registered_at{};
  UtcTime allocated_at{};
  cases::Address address;
  std::vector<cases::Conviction> convictions;  // oldest first
  std::vector<GenSentence> sentences;          // oldest first; the last is current
  std::vector<cases::Registration> registrations;
  std::vector<cases::Need> needs;  // empty: no assessment yet
  UtcTime assessed_at{};
  std::string tier;  // "B2"
  UtcTime tiered_at{};
  std::vector<GenContact> contacts;          // in time order
  std::vector<GenAppointment> appointments;  // in the order they were booked
};

// Person number `index` (0-based) of `options`: depends only on the seed, the index and the org,
// so any person can be made again on its own.
GenPerson GeneratePerson(const GenOrg& org, const Options& options, int64_t index);

// What booking `a` takes through app::BookAppointment: its type, time, length and place (the
// office of the person's PDU, or its location); no sentence or requirement (ids are the writer's).
appointments::NewAppointment BookingOf(const GenOrg& org, const GenPerson& p,
                                       const GenAppointment& a);
// What recording or amending `o` takes through app::RecordOutcome / app::AmendOutcome.
appointments::OutcomeInput InputOf(const GenOutcome& o);

// The CRN of person `index`: a bijection of the index, so CRNs are unique for every index below
// 26,000,000, and look scattered rather than counted.
std::string CrnOf(uint64_t seed, int64_t index);

}  // namespace probity::gen

// Loads what gen/generator.h makes into a database, fast: batched write transactions of many
// people each, rows sent in bulk (store/bulk_copy.h) and one event per fact appended to the hash
// chain (store/event_batch.h), with the system timeline entry each case event gets, exactly as
// the use cases write them (kinds and payload fields of app/people.cc, app/sentences.cc,
// app/contacts.cc, app/appointments.cc, app/organisation.cc and app/accounts.cc). Appointments
// take their label and enforceability from the database's appointment_type rows, as booking does.
// Enforcement alerts are not written (RecordOutcome keeps them in step one outcome at a time):
// `probity enforcement evaluate` brings a loaded database's alerts up to date. A
// store file: it holds SQL; rules and use cases never call it.
//
// Events it writes beyond those use cases (FROZEN once released, like theirs):
//   tier.calculated  {tier}   subject: the CRN; actor "system:tiering"
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "core/result.h"
#include "gen/generator.h"
#include "store/db.h"

namespace probity::gen {

struct LoadProgress {
  int64_t people_done = 0;
  int64_t people_total = 0;
  int64_t rows = 0;    // state rows written so far (every table but event_log)
  int64_t events = 0;  // events appended so far
  double seconds = 0;  // since the load began
};

struct LoadReport {
  int64_t regions = 0, pdus = 0, teams = 0, offices = 0, staff = 0;
  int64_t people = 0, addresses = 0;
  int64_t sentences = 0, requirements = 0, licence_conditions = 0;
  int64_t registrations = 0, convictions = 0, needs = 0, allocations = 0;
  int64_t contacts = 0;        // contacts people recorded (timeline rows with system = 0)
  int64_t appointments = 0;    // appointment rows (rearranged ones and their replacements both)
  int64_t outcomes = 0;        // appointment_outcome rows (first records and amendments)
  int64_t system_entries = 0;  // timeline rows the system wrote for case events
  int64_t rows = 0;            // every state row, all tables
  int64_t events = 0;
  std::string head_hash;  // the chain's head after the load
  double seconds = 0;
};

// Generates `options` into `db` (migrated), `batch` people per write transaction (1..100,000),
// calling `progress` after each commit. Nothing is acknowledged before its batch commits; a
// failure midway leaves the committed batches (and a chain that verifies).
// kInvalid (field "people" or "batch") out of range; kConflict "not_empty" when the database
// holds people already, "org_exists" when it holds a generated organisation; kInternal
// "missing_appointment_type" when an appointment type it books is not in the database. Throws
// soci::soci_error if the database fails.
Result<LoadReport> Load(store::Db& db, const Options& options, int batch,
                        const std::function<void(const LoadProgress&)>& progress = {});

}  // namespace probity::gen

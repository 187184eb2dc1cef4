// Inspection samples (issue 12, item 3; docs/inspection-samples.md): a random sample of the
// cases a unit held, drawn with a recorded seed over a population computed from the event log
// alone as of a recorded seq, so anyone can draw it again and get the same cases; a replacement
// of a sampled case is the next case of the same seeded order, recorded with who, when and why.
// For the pages, the API and the CLI alike. Event kinds and payload fields are FROZEN: see
// inspection_samples.cc.
//
// Who: performance analysts, senior managers and administrators draw, replace and see every
// sample; an SPO sees the samples of their own teams; everyone else is refused (kForbidden).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "access/model.h"
#include "core/date.h"
#include "core/result.h"
#include "core/time.h"
#include "reporting/kpi.h"
#include "store/db.h"

namespace probity::app {

// Which cases are in the population: those the unit held as of the sample's seq (the latest
// holding then: team, PDU or region; kAll every case), and, when kinds or dates are given, with a
// sentence current then of one of those kinds that started (sentence date, or release date for
// a licence or PSS when recorded) within the dates.
struct SampleCriteria {
  reporting::Scope scope;          // kAll, kRegion, kPdu or kTeam
  std::vector<std::string> kinds;  // cases::SentenceKinds() codes, sorted, no repeats
  std::optional<Date> started_from;
  std::optional<Date> started_to;
};

// FROZEN (in the event and the table): {"unit": all|region|pdu|team, "code": "" for all,
// "kinds": [...], "started_from": date or null, "started_to": date or null}.
nlohmann::json CriteriaJson(const SampleCriteria& c);
// The criteria back from that JSON; kInvalid naming the field for anything else.
Result<SampleCriteria> CriteriaFromJson(const nlohmann::json& j);
// "Team NE-TYN-A, community orders, started 1 January 2026 to 30 June 2026".
std::string DescribeCriteria(const SampleCriteria& c);

struct SampleRequest {
  SampleCriteria criteria;
  int size = 0;                      // 1..500
  std::string title;                 // what the sample is for; "" for a draw not recorded
  std::optional<std::string> seed;   // 64 hex characters; a fresh one when absent
  std::optional<int64_t> as_of_seq;  // the log up to this seq; its head when absent
};

// A draw: the population's size, the cases in their seeded order, and where they came from.
struct Draw {
  SampleCriteria criteria;
  std::string seed;
  int size = 0;
  int64_t through_seq = 0;
  std::string head_hash;  // the hash of the event at through_seq
  int64_t population_count = 0;
  std::vector<std::string> crns;
};

// One case the sample has held.
struct SampledCase {
  int position = 0;  // its place in the seeded order
  std::string crn;
  bool withheld = false;  // a restricted case the viewer may not see: no CRN shown
  bool current = true;    // false once replaced
  // When it replaced another case: that case and why it was replaced.
  std::optional<std::string> replaces_crn;
  std::string added_by_name;
  UtcTime added_at{};
  // When it was replaced: by which case, who, when and why.
  std::optional<std::string> replaced_by_crn;
  std::string replaced_reason;
  std::string replaced_by_name;
  std::optional<UtcTime> replaced_at;
};

struct InspectionSample {
  int64_t id = 0;
  std::string title;
  SampleCriteria criteria;
  std::string seed;
  int size = 0;
  int64_t through_seq = 0;
  std::string head_hash;
  int64_t population_count = 0;
  std::string drawn_by;  // actor id
  std::string drawn_by_name;
  UtcTime drawn_at{};
  int version = 1;  // 1 + the replacements made: a replacement names the version it saw
  std::vector<SampledCase> cases;  // by position: the draw, then each replacement
  int replacements = 0;
};

struct Verification {
  bool same = false;         // the log gives the same cases and the same replacements
  bool log_matches = false;  // the event at through_seq still has the recorded hash
  int64_t population_count = 0;
  std::vector<std::string> recorded;  // the drawn cases, in order
  std::vector<std::string> redrawn;
  std::string verdict;  // a sentence a person reads
};

// Draws without recording (the CLI's default, and the page's preview): kInvalid naming the
// field ("size" 1..500, "seed", "as_of_seq" past the log's head or below 1, "kinds",
// "started_from"/"started_to", "team"/"pdu"/"region" for a unit the log does not know then).
Result<Draw> DrawFromLog(store::Db& db, const SampleRequest& in);

// Draws and records: as DrawFromLog, plus kForbidden unless `who` draws samples; kInvalid
// "title" empty or over 200 characters. Event inspection_sample.drawn.
Result<InspectionSample> DrawSample(store::Db& db, const access::Principal& who,
                                    const SampleRequest& in, UtcTime now);

// Replaces a sampled case with the next case of the sample's seeded order not yet in it.
// kForbidden unless `who` draws samples; kNotFound for an unknown sample; kInvalid "reason"
// (1-500 characters), "crn" (never in the sample); kConflict "stale_version" when `version` is
// not the sample's, "already_replaced", "population_exhausted", or another replacement at the
// same instant. Event inspection_sample.case_replaced.
Result<InspectionSample> ReplaceSampledCase(store::Db& db, const access::Principal& who, int64_t id,
                                            const std::string& crn, const std::string& reason,
                                            std::optional<int> version, UtcTime now);

// The samples `who` may see, newest first, without their cases. kForbidden for those who see none.
Result<std::vector<InspectionSample>> ListSamples(store::Db& db, const access::Principal& who);

// One sample with its cases. kNotFound; kForbidden for a sample `who` may not see.
Result<InspectionSample> FindSample(store::Db& db, const access::Principal& who, int64_t id);

// Draws the sample again from the log as of its seq and compares: the drawn cases, and each
// replacement as the next unused case. kNotFound; kForbidden as FindSample.
Result<Verification> VerifySample(store::Db& db, const access::Principal& who, int64_t id);
// The same for the CLI: an operator with the database, no viewer.
Result<Verification> VerifySampleFromLog(store::Db& db, int64_t id);
// For the CLI's --record --by USERNAME: the account's principal. kNotFound "username".
Result<access::Principal> PrincipalOf(store::Db& db, const std::string& username);

// The sample's cases as CSV (libcsv): position,crn,status,replaces_crn,replaced_by_crn,reason.
std::string SampleCsv(const InspectionSample& s);
// A draw's cases as CSV: position,crn,seed,through_seq (each row says how to draw it again).
std::string DrawCsv(const Draw& d);

}  // namespace probity::app

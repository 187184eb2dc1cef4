// Use cases on a person's sentences: add one, terminate it, and add, progress and end its
// requirements (orders) and licence conditions (licences and PSS). Each write is one write
// transaction that loads what it changes, checks it with cases/sentence_rules.h, writes state and
// appends its events through app::RecordCaseEvent, so the timeline shows each change and links to
// the sentence. Event kinds and payload fields are FROZEN: see sentences.cc.
// Authorisation happens before, in the handler, through app::OpenCase; these never ask policy.
//
// Errors, besides each rule's (kInvalid naming the field; kConflict *_not_active):
//   kNotFound "unknown_sentence" / "unknown_requirement" / "unknown_licence_condition" (field
//     "id") when the id is not one of this person's;
//   kConflict "stale_version" (field "version") when the record is no longer at the version the
//     caller read: nothing is written, and the message gives the current version, the fields
//     changed since the caller's version and what the record says now.
#pragma once

#include <string>
#include <vector>

#include "app/case_access.h"
#include "cases/model.h"
#include "cases/sentence_rules.h"
#include "core/result.h"
#include "core/time.h"
#include "store/db.h"
#include "store/event_log.h"

namespace probity::app {

// A sentence with its requirements and licence conditions (by id).
struct SentenceRecord {
  cases::Sentence sentence;
  std::vector<cases::Requirement> requirements;
  std::vector<cases::LicenceCondition> licence_conditions;
};

// The person's sentences, current first, then newest first, each with its requirements and
// conditions. Reads only.
std::vector<SentenceRecord> ListSentences(store::Db& db, const CaseRef& on);
// One of the person's sentences. kNotFound "unknown_sentence".
Result<SentenceRecord> GetSentence(store::Db& db, const CaseRef& on, int64_t sentence_id);

// Adds an active sentence with its expected end worked out (cases::ExpectedEnd). Event
// sentence.added.
Result<SentenceRecord> AddSentence(store::Db& db, const store::Actor& by, const CaseRef& on,
                                   const cases::NewSentence& sentence, UtcTime now);

// Terminates the sentence, and in the same transaction ends each of its requirements and
// conditions still active (reason "sentence_ended"). Events: sentence.terminated, then one
// requirement.ended or licence_condition.ended for each thing it ended. Returns the sentence as
// it now is, with its requirements and conditions.
Result<SentenceRecord> TerminateSentence(store::Db& db, const store::Actor& by, const CaseRef& on,
                                         int64_t sentence_id, const std::string& terminated_on,
                                         const std::string& reason, int expected_version,
                                         UtcTime now);

// Adds a requirement to an active order. Event requirement.added.
Result<cases::Requirement> AddRequirement(store::Db& db, const store::Actor& by, const CaseRef& on,
                                          int64_t sentence_id,
                                          const cases::NewRequirement& requirement, UtcTime now);

// Sets the progress (the new total) of an active requirement; reaching the amount completes it.
// Event requirement.progressed.
Result<cases::Requirement> RecordRequirementProgress(store::Db& db, const store::Actor& by,
                                                     const CaseRef& on, int64_t requirement_id,
                                                     int progress, int expected_version,
                                                     UtcTime now);

// Ends an active requirement for a reason from cases::RequirementEndReasons(). Event
// requirement.ended.
Result<cases::Requirement> EndRequirement(store::Db& db, const store::Actor& by, const CaseRef& on,
                                          int64_t requirement_id, const std::string& end_date,
                                          const std::string& reason, int expected_version,
                                          UtcTime now);

// Adds a condition to an active licence or PSS. Event licence_condition.added.
Result<cases::LicenceCondition> AddLicenceCondition(store::Db& db, const store::Actor& by,
                                                    const CaseRef& on, int64_t sentence_id,
                                                    const cases::NewLicenceCondition& condition,
                                                    UtcTime now);

// Ends an active licence condition. Event licence_condition.ended.
Result<cases::LicenceCondition> EndLicenceCondition(store::Db& db, const store::Actor& by,
                                                    const CaseRef& on, int64_t condition_id,
                                                    const std::string& end_date,
                                                    int expected_version, UtcTime now);

}  // namespace probity::app

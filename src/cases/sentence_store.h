// SQL for sentences, their requirements and licence conditions. Runs inside the caller's
// Transaction; never commits, never checks a rule (cases/sentence_rules.h does) and never appends
// an event (the use cases in app/sentences.h do, in the same transaction).
//
// Every lookup by id also takes the person's id: a sentence, requirement or condition of someone
// else is not found, exactly like one that does not exist.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cases/model.h"
#include "core/result.h"
#include "core/time.h"
#include "store/db.h"

namespace probity::cases {

// A person's sentences, current (active) first, then by sentence date, newest first.
std::vector<Sentence> LoadSentences(store::Transaction& tx, int64_t person_id);

// The current sentences of each of `person_ids` (a page of a list), newest first, in one query.
// People with none are absent from the map.
std::map<int64_t, std::vector<Sentence>> LoadCurrentSentences(
    store::Transaction& tx, const std::vector<int64_t>& person_ids);
// The requirements of all a person's sentences, by sentence then id.
std::vector<Requirement> LoadRequirements(store::Transaction& tx, int64_t person_id);
// The sentences and the requirements of every person with an id from first_id to last_id, by
// person id, each list in the order LoadSentences and LoadRequirements give: for walks over every
// case (a few queries a range rather than a few a person).
std::map<int64_t, std::vector<Sentence>> LoadSentencesInRange(store::Transaction& tx,
                                                              int64_t first_id, int64_t last_id);
std::map<int64_t, std::vector<Requirement>> LoadRequirementsInRange(store::Transaction& tx,
                                                                    int64_t first_id,
                                                                    int64_t last_id);
// The licence conditions of all a person's sentences, by sentence then id.
std::vector<LicenceCondition> LoadLicenceConditions(store::Transaction& tx, int64_t person_id);

// One sentence, requirement or condition of this person; nullopt when there is none with that id
// or it is another person's.
std::optional<Sentence> FindSentence(store::Transaction& tx, int64_t person_id,
                                     int64_t sentence_id);
std::optional<Requirement> FindRequirement(store::Transaction& tx, int64_t person_id,
                                           int64_t requirement_id);
std::optional<LicenceCondition> FindLicenceCondition(store::Transaction& tx, int64_t person_id,
                                                     int64_t condition_id);

// Inserts the record as given (its id is ignored); returns the new id. `added_by` is the actor id
// ("staff:12").
int64_t InsertSentence(store::Transaction& tx, int64_t person_id, const Sentence& sentence,
                       const std::string& added_by, UtcTime now);
int64_t InsertRequirement(store::Transaction& tx, int64_t person_id, const Requirement& requirement,
                          const std::string& added_by, UtcTime now);
int64_t InsertLicenceCondition(store::Transaction& tx, int64_t person_id,
                               const LicenceCondition& condition, const std::string& added_by,
                               UtcTime now);

// Versioned updates: write `after`'s changeable fields if the row is still at `before.version`
// (UPDATE ... WHERE id = ? AND version = ?), and return the new version, before.version + 1.
// `before` is the record as the caller read it. kNotFound when the row is gone; kConflict
// "stale_version" (field "version") when someone changed it since: the message gives the current
// version and names each field whose value differs from `before`, with its value now.
//
// A sentence's changeable fields are status, terminated_on and termination_reason.
Result<int> UpdateSentence(store::Transaction& tx, const Sentence& before, const Sentence& after);
// progress, status, end_date and end_reason.
Result<int> UpdateRequirement(store::Transaction& tx, const Requirement& before,
                              const Requirement& after);
// end_date.
Result<int> UpdateLicenceCondition(store::Transaction& tx, const LicenceCondition& before,
                                   const LicenceCondition& after);

}  // namespace probity::cases

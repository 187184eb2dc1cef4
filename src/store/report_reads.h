// The event-log reads behind reports, each through an index of migration 0020, so a year of a
// region's figures reads a few neighbouring pages per case rather than a random page per event.
// They read event_log alone: the indexes add speed, never data.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "store/db.h"
#include "store/event_log.h"

namespace probity::store {

// The rows of those subjects of the kinds reports fold, with seq up to `through_seq`, ordered
// by subject then seq, in one query: give it a few hundred subjects at a time. `kinds` must be
// event_log_case_report's kinds, reporting::CaseKinds() (a test holds the two equal): SQLite
// refuses any other list ("no query solution") rather than fall back to a read of minutes. The
// rows carry no chain links (prev_hash and hash are empty): a report takes the head's hash
// once, and leaving them out keeps SQLite's covering index small.
std::vector<EventRow> EventsOfSubjects(Transaction& tx, std::span<const std::string> subjects,
                                       std::span<const std::string_view> kinds,
                                       int64_t through_seq);

// The query EventsOfSubjects runs (its plan is checked by tests).
std::string EventsOfSubjectsSql(Backend b, size_t subject_count,
                                std::span<const std::string_view> kinds);

// The subjects (CRNs) that a person.registered or case.allocated event up to `through_seq` put
// in one of these teams, sorted and distinct.
std::vector<std::string> SubjectsAllocatedToTeams(Transaction& tx,
                                                  std::span<const std::string> team_codes,
                                                  int64_t through_seq);

// The subjects that a case.allocated event up to `through_seq` gave to this member of staff,
// sorted and distinct.
std::vector<std::string> SubjectsAllocatedToOfficer(Transaction& tx, int64_t staff_id,
                                                    int64_t through_seq);

}  // namespace probity::store

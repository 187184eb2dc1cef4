// Writing a domain event about a person: the event in the log and its entry on the person's
// timeline, in the caller's transaction. Every use case that changes a case record calls this,
// so the timeline shows each change and points at the event that is its truth.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>

#include "app/case_access.h"
#include "core/result.h"
#include "core/time.h"
#include "store/db.h"
#include "store/event_log.h"

namespace probity::app {

struct CaseEvent {
  std::string kind;  // FROZEN: "person.registered", "registration.added", ...
  const nlohmann::json& payload;
  std::string summary;  // the timeline's line for a person: "Registration added: MAPPA level 2"
  std::optional<int64_t> sentence_id;
};

// Appends the event (subject: the CRN) and its system timeline entry at `now`; returns the
// event's seq.
int64_t RecordCaseEvent(store::Transaction& tx, const store::Actor& by, const CaseRef& on,
                        const CaseEvent& event, UtcTime now);

// The actor of a correction: `by`, on the instruction of `instructed_by` (a username) when
// someone else directed it. kInvalid (field "instructed_by") "unknown_user" when there is no such
// account, "self_instructed" when it names `by`.
Result<store::Actor> InstructedActor(store::Transaction& tx, const store::Actor& by,
                                     const std::optional<std::string>& instructed_by);

}  // namespace probity::app

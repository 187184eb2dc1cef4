#include "app/case_events.h"

#include <nlohmann/json.hpp>

#include "access/store.h"
#include "cases/store.h"
#include "cases/timeline_store.h"

namespace probity::app {

int64_t RecordCaseEvent(store::Transaction& tx, const store::Actor& by, const CaseRef& on,
                        const CaseEvent& event, UtcTime now) {
  const auto row = store::AppendEvent(tx, by, {on.crn, event.kind, event.payload}, now);
  cases::Contact entry;
  entry.person_id = on.person_id;
  entry.type = event.kind;
  entry.at = now;
  entry.author = by.id;
  entry.author_name = cases::ActorName(tx, by.id);
  entry.note = event.summary;
  entry.sentence_id = event.sentence_id;
  entry.system = true;
  entry.event_seq = row.seq;
  entry.recorded_at = now;
  cases::InsertContact(tx, entry);
  return row.seq;
}

Result<store::Actor> InstructedActor(store::Transaction& tx, const store::Actor& by,
                                     const std::optional<std::string>& instructed_by) {
  store::Actor actor = by;
  if (!instructed_by) return actor;
  auto account = access::FindAccount(tx, *instructed_by);
  if (!account)
    return Error::Invalid("unknown_user", "there is no account " + *instructed_by, "instructed_by");
  actor.instructed_by = "staff:" + std::to_string(account->account.staff_id);
  if (*actor.instructed_by == by.id)
    return Error::Invalid("self_instructed",
                          "instructed_by names someone else who directed the amendment, not you",
                          "instructed_by");
  return actor;
}

}  // namespace probity::app

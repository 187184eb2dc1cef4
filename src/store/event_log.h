// The event log: the append-only truth from which every state table and report is derived
// (DESIGN section 4). Append is the only way in; the database refuses UPDATE and DELETE.
// Never called outside a write Transaction: the event commits with the state it describes.
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "store/db.h"
#include "store/event_chain.h"

namespace soci {
class row;
}

namespace probity::store {

// Who is acting: the actor, and whoever directed the action when that is someone else.
struct Actor {
  std::string id;                            // "staff:42", "system:seed-demo"
  std::optional<std::string> instructed_by;  // "staff:7"
};

struct NewEvent {
  std::string subject;  // the key the event is about
  std::string kind;     // FROZEN once released: past tense, dotted ("team.created")
  const nlohmann::json& payload;
};

// Appends one event after the current head, inside `tx`. Holds the chain lock until `tx` ends,
// so concurrent appends from any number of connections or servers form one chain.
// Throws soci::soci_error if the database fails (the caller's transaction then rolls back).
EventRow AppendEvent(Transaction& tx, const Actor& by, const NewEvent& event, UtcTime now);

struct ChainHead {
  int64_t seq = 0;  // 0 for an empty log
  std::string hash = GenesisHash();
};
ChainHead ReadChainHead(Transaction& tx);

// Calls `visit` for every row in seq order, a page at a time, so memory stays constant however
// long the log; stops early when `visit` returns false.
void StreamEvents(Transaction& tx, const std::function<bool(const EventRow&)>& visit,
                  int64_t after_seq = 0);

// Rows of one kind with seq up to `through_seq`, in seq order, a page at a time (the
// event_log_kind index), so memory stays flat. Stops early when `visit` returns false.
void StreamEventsOfKind(Transaction& tx, const std::string& kind, int64_t through_seq,
                        const std::function<bool(const EventRow&)>& visit);

// A row selected as "seq, recorded_at, actor, instructed_by, subject, kind, payload" and,
// when the row has them, "prev_hash, hash" after.
EventRow EventRowFrom(const soci::row& r);

// Events about one subject, oldest first (for timelines and tests).
std::vector<EventRow> EventsForSubject(Transaction& tx, const std::string& subject);

struct VerifyReport {
  bool intact = true;
  int64_t count = 0;
  std::string head_hash;
  int64_t broken_seq = 0;
  std::string problem;
};
VerifyReport VerifyChain(Db& db);

}  // namespace probity::store

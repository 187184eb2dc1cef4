// Appending many events in one transaction (bulk loads): the chain lock is taken and the head
// read once, then each event is numbered and hashed in memory (store::ChainHash, the format of
// docs/event-log-format.md) and written through store::BulkInsert. The rows are exactly those
// AppendEvent would write one at a time, so `probity audit verify` cannot tell them apart.
// Never for a use case: those append through AppendEvent.
#pragma once

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "core/time.h"
#include "store/bulk_copy.h"
#include "store/db.h"
#include "store/event_chain.h"
#include "store/event_log.h"

namespace probity::store {

class EventBatch {
 public:
  // Takes the chain lock (held until `tx` ends) and reads the head. Throws soci::soci_error if
  // the database fails.
  explicit EventBatch(Transaction& tx);

  // Numbers and hashes the event after the last one and queues its row; returns the row (valid
  // until the next Append). `payload` is dumped as AppendEvent dumps it (keys sorted).
  const EventRow& Append(const Actor& by, std::string subject, std::string kind,
                         const nlohmann::json& payload, UtcTime recorded_at);

  // The head before the first Append of this batch, and the head now.
  int64_t first_seq() const { return first_seq_; }
  int64_t head_seq() const { return last_.seq; }
  const std::string& head_hash() const { return head_hash_; }
  int64_t appended() const { return last_.seq - first_seq_ + 1; }

  // Writes every queued row (PostgreSQL sends them now; SQLite has already inserted them). Call
  // before the transaction commits, after the rows of any table written earlier.
  void Flush();

 private:
  BulkInsert rows_;
  EventRow last_;
  std::string head_hash_;
  int64_t first_seq_ = 0;
};

}  // namespace probity::store

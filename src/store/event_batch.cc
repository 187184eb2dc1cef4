#include "store/event_batch.h"

#include <nlohmann/json.hpp>

#include "store/dialect.h"

namespace probity::store {

EventBatch::EventBatch(Transaction& tx)
    : rows_(tx, "event_log",
            {"seq", "recorded_at", "actor", "instructed_by", "subject", "kind", "payload",
             "prev_hash", "hash"}) {
  // The lock comes before the head is read, as AppendEvent takes it.
  dialect::LockEventChain(tx.sql(), tx.backend());
  const ChainHead head = ReadChainHead(tx);
  last_.seq = head.seq;
  head_hash_ = head.hash;
  first_seq_ = head.seq + 1;
}

const EventRow& EventBatch::Append(const Actor& by, std::string subject, std::string kind,
                                   const nlohmann::json& payload, UtcTime recorded_at) {
  EventRow& row = last_;
  row.seq += 1;
  row.recorded_at = FormatUtc(recorded_at);
  row.actor = by.id;
  row.instructed_by = by.instructed_by;
  row.subject = std::move(subject);
  row.kind = std::move(kind);
  row.payload = payload.dump();  // object keys sorted: one text for one value
  row.prev_hash = head_hash_;
  row.hash = ChainHash(row);
  head_hash_ = row.hash;
  rows_.Int(row.seq)
      .Text(row.recorded_at)
      .Text(row.actor)
      .Text(row.instructed_by)
      .Text(row.subject)
      .Text(row.kind)
      .Text(row.payload)
      .Text(row.prev_hash)
      .Text(row.hash)
      .EndRow();
  return row;
}

void EventBatch::Flush() { rows_.Finish(); }

}  // namespace probity::store

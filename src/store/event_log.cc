#include "store/event_log.h"

#include <soci/soci.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "store/dialect.h"
#include "store/row.h"
#include "store/rows.h"

namespace probity::store {

namespace {
constexpr int kPageSize = 1000;
constexpr const char* kColumns =
    "seq, recorded_at, actor, instructed_by, subject, kind, payload, prev_hash, hash";
}  // namespace

ChainHead ReadChainHead(Transaction& tx) {
  ChainHead head;
  long long seq = 0;
  std::string hash;
  soci::indicator ind = soci::i_null;
  tx.sql() << "SELECT seq, hash FROM event_log ORDER BY seq DESC LIMIT 1", soci::into(seq),
      soci::into(hash, ind);
  if (tx.sql().got_data() && ind == soci::i_ok) {
    head.seq = seq;
    head.hash = hash;
  }
  return head;
}

EventRow AppendEvent(Transaction& tx, const Actor& by, const NewEvent& event, UtcTime now) {
  dialect::LockEventChain(tx.sql(), tx.backend());
  const ChainHead head = ReadChainHead(tx);
  EventRow row;
  row.seq = head.seq + 1;
  row.recorded_at = FormatUtc(now);
  row.actor = by.id;
  row.instructed_by = by.instructed_by;
  row.subject = event.subject;
  row.kind = event.kind;
  row.payload = event.payload.dump();  // object keys sorted: one text for one value
  row.prev_hash = head.hash;
  row.hash = ChainHash(row);

  const long long seq = row.seq;
  soci::indicator instructed_ind = row.instructed_by ? soci::i_ok : soci::i_null;
  const std::string instructed = row.instructed_by.value_or("");
  tx.sql() << "INSERT INTO event_log (seq, recorded_at, actor, instructed_by, subject, kind, "
              "payload, prev_hash, hash) VALUES (:seq, :at, :actor, :instr, :subject, :kind, "
              ":payload, :prev, :hash)",
      soci::use(seq), soci::use(row.recorded_at), soci::use(row.actor),
      soci::use(instructed, instructed_ind), soci::use(row.subject), soci::use(row.kind),
      soci::use(row.payload), soci::use(row.prev_hash), soci::use(row.hash);
  return row;
}

void StreamEvents(Transaction& tx, const std::function<bool(const EventRow&)>& visit,
                  int64_t after_seq) {
  long long last = after_seq;
  for (;;) {
    // Keyset pages: a fresh query per page keeps memory flat on both backends (libpq would
    // otherwise buffer the whole result).
    soci::rowset<soci::row> rows =
        (tx.sql().prepare << "SELECT " << kColumns << " FROM event_log WHERE seq > :after "
                          << "ORDER BY seq LIMIT " << kPageSize,
         soci::use(last));
    int n = 0;
    for (const soci::row& r : rows) {
      ++n;
      EventRow e = EventRowFrom(r);
      last = e.seq;
      if (!visit(e)) return;
    }
    if (n < kPageSize) return;
  }
}

void StreamEventsOfKind(Transaction& tx, const std::string& kind, int64_t through_seq,
                        const std::function<bool(const EventRow&)>& visit) {
  long long last = 0;
  const long long through = through_seq;
  for (;;) {
    int n = 0;
    Rows(tx).Use(kind).Use(last).Use(through).Read(
        std::string("SELECT ") + kColumns +
            " FROM event_log WHERE kind = :k AND seq > :after AND seq <= :through "
            "ORDER BY seq LIMIT " +
            std::to_string(kPageSize),
        [&](const soci::row& r) {
          ++n;
          EventRow e = EventRowFrom(r);
          last = e.seq;
          return visit(e);
        });
    if (n < kPageSize) return;
  }
}

EventRow EventRowFrom(const soci::row& r) {
  EventRow e;
  e.seq = GetInt(r, 0);
  e.recorded_at = GetText(r, 1);
  e.actor = GetText(r, 2);
  e.instructed_by = GetOptionalText(r, 3);
  e.subject = GetText(r, 4);
  e.kind = GetText(r, 5);
  e.payload = GetText(r, 6);
  if (r.size() > 8) {
    e.prev_hash = GetText(r, 7);
    e.hash = GetText(r, 8);
  }
  return e;
}

std::vector<EventRow> EventsForSubject(Transaction& tx, const std::string& subject) {
  std::vector<EventRow> out;
  soci::rowset<soci::row> rows = (tx.sql().prepare << "SELECT " << kColumns
                                                   << " FROM event_log WHERE subject = :s "
                                                      "ORDER BY seq",
                                  soci::use(subject));
  for (const soci::row& r : rows) out.push_back(EventRowFrom(r));
  return out;
}

VerifyReport VerifyChain(Db& db) {
  auto tx = db.BeginRead();
  ChainVerifier verifier;
  StreamEvents(tx, [&](const EventRow& row) { return verifier.Feed(row); });
  VerifyReport report;
  report.intact = verifier.fault() == ChainVerifier::Fault::kNone;
  report.count = verifier.count();
  report.head_hash = verifier.head_hash();
  report.broken_seq = verifier.broken_seq();
  if (!report.intact) report.problem = verifier.Describe();
  return report;
}

}  // namespace probity::store

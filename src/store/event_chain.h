// The event log's hash chain, as pure functions: the canonical encoding of a row, its hash, and a
// verifier that consumes rows in order. No SQL and no I/O, so the format is tested on its own.
// FROZEN: the encoding below is in every stored hash; changing it breaks every existing chain.
// The format is documented in docs/event-log-format.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace probity::store {

// One row of event_log as stored. Hashes are lower-case hex of 32-byte BLAKE2b digests.
struct EventRow {
  int64_t seq = 0;
  std::string recorded_at;                   // FormatUtc text, exactly as stored
  std::string actor;                         // who did it: "staff:42", "system:seed-demo"
  std::optional<std::string> instructed_by;  // on whose instruction, when someone else directed it
  std::string subject;                       // the key the event is about: a CRN, "team:N1A"
  std::string kind;                          // past tense, dotted: "team.created"
  std::string payload;                       // JSON text, exactly as stored
  std::string prev_hash;
  std::string hash;
};

// The hash before the first event: 64 zeros.
const std::string& GenesisHash();

// The bytes hashed for a row: every field but `hash`, each as an 8-byte big-endian length then its
// bytes (an absent instructed_by is the length 2^64-1 with no bytes), after a version tag.
std::string CanonicalEncoding(const EventRow& row);

// BLAKE2b-256 over the previous hash (as 32 raw bytes) and CanonicalEncoding(row).
std::string ChainHash(const EventRow& row);

// Checks rows fed in seq order. The first failure is kept; later rows are not examined.
class ChainVerifier {
 public:
  enum class Fault { kNone, kSeqGap, kPrevHashMismatch, kHashMismatch };

  // Returns false once a fault has been found.
  bool Feed(const EventRow& row);

  int64_t count() const { return count_; }
  const std::string& head_hash() const { return head_; }
  Fault fault() const { return fault_; }
  int64_t broken_seq() const { return broken_seq_; }  // the first seq at fault, or 0
  std::string Describe() const;

 private:
  int64_t count_ = 0;
  int64_t expected_seq_ = 1;
  std::string head_ = GenesisHash();
  Fault fault_ = Fault::kNone;
  int64_t broken_seq_ = 0;
};

}  // namespace probity::store

#include "store/event_chain.h"

#include <sodium.h>

#include <array>
#include <stdexcept>

namespace probity::store {

namespace {
constexpr std::string_view kVersionTag = "probity.event_log.v1";
constexpr uint64_t kAbsent = ~uint64_t{0};

void PutLength(std::string& out, uint64_t n) {
  for (int shift = 56; shift >= 0; shift -= 8)
    out.push_back(static_cast<char>((n >> shift) & 0xff));
}
void PutField(std::string& out, std::string_view value) {
  PutLength(out, value.size());
  out.append(value);
}

std::string ToHex(const unsigned char* bytes, size_t n) {
  std::string hex(n * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, n);
  hex.pop_back();
  return hex;
}

// Decodes a 64-character hex hash; a malformed stored value decodes to nullopt.
std::optional<std::array<unsigned char, 32>> FromHex(const std::string& hex) {
  std::array<unsigned char, 32> bin{};
  size_t len = 0;
  if (hex.size() != 64 ||
      sodium_hex2bin(bin.data(), bin.size(), hex.data(), hex.size(), nullptr, &len, nullptr) != 0 ||
      len != bin.size())
    return std::nullopt;
  return bin;
}
}  // namespace

const std::string& GenesisHash() {
  static const std::string kGenesis(64, '0');
  return kGenesis;
}

std::string CanonicalEncoding(const EventRow& row) {
  std::string out;
  out.reserve(128 + row.payload.size());
  PutField(out, kVersionTag);
  PutField(out, std::to_string(row.seq));
  PutField(out, row.recorded_at);
  PutField(out, row.actor);
  if (row.instructed_by)
    PutField(out, *row.instructed_by);
  else
    PutLength(out, kAbsent);
  PutField(out, row.subject);
  PutField(out, row.kind);
  PutField(out, row.payload);
  return out;
}

std::string ChainHash(const EventRow& row) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  // A malformed stored prev_hash is hashed as its text, so it can never match a real chain.
  const auto prev = FromHex(row.prev_hash);
  const std::string body = CanonicalEncoding(row);
  crypto_generichash_state state;
  std::array<unsigned char, 32> digest{};
  crypto_generichash_init(&state, nullptr, 0, digest.size());
  if (prev)
    crypto_generichash_update(&state, prev->data(), prev->size());
  else
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(row.prev_hash.data()),
                              row.prev_hash.size());
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(body.data()),
                            body.size());
  crypto_generichash_final(&state, digest.data(), digest.size());
  return ToHex(digest.data(), digest.size());
}

bool ChainVerifier::Feed(const EventRow& row) {
  if (fault_ != Fault::kNone) return false;
  if (row.seq != expected_seq_) {
    fault_ = Fault::kSeqGap;
  } else if (row.prev_hash != head_) {
    fault_ = Fault::kPrevHashMismatch;
  } else if (ChainHash(row) != row.hash) {
    fault_ = Fault::kHashMismatch;
  }
  if (fault_ != Fault::kNone) {
    // A missing or inserted row is reported at the first seq where the chain stops agreeing.
    broken_seq_ = fault_ == Fault::kSeqGap ? std::min(row.seq, expected_seq_) : row.seq;
    return false;
  }
  ++count_;
  ++expected_seq_;
  head_ = row.hash;
  return true;
}

std::string ChainVerifier::Describe() const {
  switch (fault_) {
    case Fault::kNone:
      return "chain intact";
    case Fault::kSeqGap:
      return "seq " + std::to_string(broken_seq_) + ": expected seq " +
             std::to_string(expected_seq_) + " (a row was deleted, inserted or renumbered)";
    case Fault::kPrevHashMismatch:
      return "seq " + std::to_string(broken_seq_) +
             ": prev_hash does not match the previous row's hash (rows removed or reordered)";
    case Fault::kHashMismatch:
      return "seq " + std::to_string(broken_seq_) +
             ": hash does not match the row's contents (the row was edited)";
  }
  return "unknown";
}

}  // namespace probity::store

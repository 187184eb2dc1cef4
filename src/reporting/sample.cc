#include "reporting/sample.h"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace probity::reporting {

namespace {

// libsodium's own nonce for randombytes_buf_deterministic: the stream is that function's.
constexpr std::array<unsigned char, crypto_stream_chacha20_ietf_NONCEBYTES> kNonce = {
    'L', 'i', 'b', 's', 'o', 'd', 'i', 'u', 'm', 'D', 'R', 'G'};
constexpr size_t kBlockBytes = 64;    // one ChaCha20 block
constexpr size_t kRefillBlocks = 64;  // 4 KiB a refill
static_assert(sizeof(Seed{}.bytes) == crypto_stream_chacha20_ietf_KEYBYTES);
static_assert(sizeof(Seed{}.bytes) == randombytes_SEEDBYTES);

void RequireSodium() {
  static const bool ready = sodium_init() >= 0;  // 0 first time, 1 after; thread-safe
  if (!ready) throw std::runtime_error("libsodium could not start: no source of randomness");
}

}  // namespace

std::string FormatSeed(const Seed& seed) {
  std::array<char, sizeof(seed.bytes) * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), seed.bytes.data(), seed.bytes.size());
  return std::string(hex.data());
}

std::optional<Seed> ParseSeed(std::string_view hex) {
  if (hex.size() != sizeof(Seed{}.bytes) * 2) return std::nullopt;
  if (!std::all_of(hex.begin(), hex.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      }))
    return std::nullopt;
  Seed seed;
  size_t written = 0;
  if (sodium_hex2bin(seed.bytes.data(), seed.bytes.size(), hex.data(), hex.size(), nullptr,
                     &written, nullptr) != 0 ||
      written != seed.bytes.size())
    return std::nullopt;
  return seed;
}

Seed FreshSeed() {
  RequireSodium();
  Seed seed;
  randombytes_buf(seed.bytes.data(), seed.bytes.size());
  return seed;
}

SeededStream::SeededStream(const Seed& seed) : seed_(seed) {}

void SeededStream::Refill() {
  // Block `next_block_` onwards of the keystream: what randombytes_buf_deterministic returns at
  // that offset (the unit tests check the two agree).
  buffer_.assign(kBlockBytes * kRefillBlocks, 0);
  crypto_stream_chacha20_ietf_xor_ic(buffer_.data(), buffer_.data(), buffer_.size(), kNonce.data(),
                                     static_cast<uint32_t>(next_block_), seed_.bytes.data());
  next_block_ += kRefillBlocks;
  if (next_block_ > UINT32_MAX) throw std::runtime_error("seeded stream exhausted");
  used_ = 0;
}

uint64_t SeededStream::Next64() {
  if (used_ + 8 > buffer_.size()) Refill();
  uint64_t x = 0;
  for (int i = 7; i >= 0; --i) x = (x << 8) | buffer_[used_ + static_cast<size_t>(i)];
  used_ += 8;
  return x;
}

uint64_t SeededStream::Uniform(uint64_t bound) {
  if (bound == 0) throw std::logic_error("Uniform needs a bound of at least 1");
  const uint64_t threshold = (0 - bound) % bound;  // 2^64 mod bound
  uint64_t x = Next64();
  while (x < threshold) x = Next64();
  return x % bound;
}

SeededOrder::SeededOrder(std::span<const std::string> population, const Seed& seed)
    : cases_(population.begin(), population.end()), stream_(seed) {
  std::sort(cases_.begin(), cases_.end());
  cases_.erase(std::unique(cases_.begin(), cases_.end()), cases_.end());
}

std::optional<std::string> SeededOrder::Next() {
  if (taken_ >= cases_.size()) return std::nullopt;
  const size_t j = taken_ + static_cast<size_t>(stream_.Uniform(cases_.size() - taken_));
  std::swap(cases_[taken_], cases_[j]);
  return cases_[taken_++];
}

std::vector<std::string> DrawSample(std::span<const std::string> population, const Seed& seed,
                                    size_t size) {
  SeededOrder order(population, seed);
  std::vector<std::string> out;
  out.reserve(std::min(size, order.population_size()));
  while (out.size() < size) {
    auto next = order.Next();
    if (!next) break;
    out.push_back(std::move(*next));
  }
  return out;
}

std::optional<std::string> NextUnused(std::span<const std::string> population, const Seed& seed,
                                      const std::set<std::string, std::less<>>& used) {
  SeededOrder order(population, seed);
  while (auto next = order.Next())
    if (!used.contains(*next)) return next;
  return std::nullopt;
}

}  // namespace probity::reporting

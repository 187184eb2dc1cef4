// Inspection samples (issue 12; docs/inspection-samples.md): a random sample of cases drawn
// with a recorded seed, so anyone with the seed and the population draws the same cases again,
// with libsodium or any other ChaCha20 implementation. Pure but for FreshSeed (the operating
// system's randomness): no database, clock or log here. The algorithm is FROZEN: a recorded
// sample is verified by drawing it again, so a change here would make every recorded sample
// fail its verification.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace probity::reporting {

// 32 bytes: the ChaCha20 key behind the draw.
struct Seed {
  std::array<unsigned char, 32> bytes{};
  bool operator==(const Seed&) const = default;
};

// 64 lowercase hexadecimal characters.
std::string FormatSeed(const Seed& seed);
// 64 hexadecimal characters, either case; nullopt for anything else.
std::optional<Seed> ParseSeed(std::string_view hex);
// A new seed from the operating system's randomness (libsodium's randombytes_buf).
Seed FreshSeed();

// The seeded stream: the bytes libsodium's randombytes_buf_deterministic(buf, n, seed) gives
// (the ChaCha20-IETF keystream, key = seed, nonce "LibsodiumDRG", block counter from 0), read
// in order however long it runs.
class SeededStream {
 public:
  explicit SeededStream(const Seed& seed);
  // The next 8 bytes as a little-endian unsigned integer.
  uint64_t Next64();
  // A whole number in [0, bound), bound >= 1, unbiased: draws Next64() until it is at least
  // 2^64 mod bound, then takes it mod bound. Always draws at least once.
  uint64_t Uniform(uint64_t bound);

 private:
  void Refill();
  Seed seed_;
  std::vector<unsigned char> buffer_;
  size_t used_ = 0;
  uint64_t next_block_ = 0;  // the ChaCha20 block counter of the next refill
};

// The population in its seeded order, one case at a time: the population sorted bytewise with
// duplicates removed, then a Fisher-Yates shuffle run forwards and lazily (pick i swaps place i
// with place i + Uniform(n - i)), so the first k picks never depend on how many more are taken.
class SeededOrder {
 public:
  SeededOrder(std::span<const std::string> population, const Seed& seed);
  // The next case in the order; nullopt once all are out.
  std::optional<std::string> Next();
  size_t population_size() const { return cases_.size(); }

 private:
  std::vector<std::string> cases_;
  size_t taken_ = 0;
  SeededStream stream_;
};

// The first min(size, population) cases of the seeded order, in that order: the sample.
std::vector<std::string> DrawSample(std::span<const std::string> population, const Seed& seed,
                                    size_t size);

// The first case of the seeded order not in `used` (every case the sample has held, replaced or
// not): the replacement for a sampled case. nullopt when none is left.
std::optional<std::string> NextUnused(std::span<const std::string> population, const Seed& seed,
                                      const std::set<std::string, std::less<>>& used);

}  // namespace probity::reporting

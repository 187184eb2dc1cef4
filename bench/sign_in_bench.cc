// Sign-in costs: a wrong password against a real Argon2id hash, the stand-in spent for an unknown
// username, and a malformed stored hash. The three should be close, or response times tell an
// attacker which usernames exist (timing belongs here, not in a unit test).
#include <benchmark/benchmark.h>

#include "access/password.h"

namespace probity {
namespace {

const std::string& RealHash() {
  static const std::string hash = *access::HashPassword("correct horse battery staple");
  return hash;
}

void BM_SignIn_WrongPassword(benchmark::State& state) {
  const std::string& hash = RealHash();
  for (auto _ : state) benchmark::DoNotOptimize(access::VerifyPassword(hash, "a wrong password!"));
}

void BM_SignIn_UnknownUser(benchmark::State& state) {
  access::SpendVerifyTime("warm up");  // the dummy hash is made on first use
  for (auto _ : state) access::SpendVerifyTime("a wrong password!");
}

void BM_SignIn_MalformedStoredHash(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(access::VerifyPassword("", "a wrong password!"));
}

BENCHMARK(BM_SignIn_WrongPassword)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_SignIn_UnknownUser)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_SignIn_MalformedStoredHash)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace probity

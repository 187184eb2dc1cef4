#include "access/secret.h"

#include <sodium.h>

#include <array>
#include <stdexcept>

namespace probity::access {

namespace {

constexpr size_t kSecretBytes = 32;
constexpr int kBase64Variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;

void RequireSodium() {
  static const bool ready = sodium_init() >= 0;  // 0 first time, 1 after; thread-safe
  if (!ready) throw std::runtime_error("libsodium could not start: no source of randomness");
}

}  // namespace

std::string NewSecret() {
  RequireSodium();
  std::array<unsigned char, kSecretBytes> bytes;
  randombytes_buf(bytes.data(), bytes.size());
  std::array<char, sodium_base64_ENCODED_LEN(kSecretBytes, kBase64Variant)> text;
  sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(), kBase64Variant);
  sodium_memzero(bytes.data(), bytes.size());
  return std::string(text.data());
}

std::string HashSecret(std::string_view secret) {
  RequireSodium();
  std::array<unsigned char, crypto_generichash_BYTES> digest;  // 32 bytes: BLAKE2b-256
  static_assert(crypto_generichash_BYTES == 32);
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(secret.data()), secret.size(), nullptr,
                     0);
  std::array<char, crypto_generichash_BYTES * 2 + 1> hex;
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data());
}

bool SecretsEqual(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty() || a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace probity::access

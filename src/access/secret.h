// Random secrets and how they are kept: session, API and CSRF tokens and calendar feed secrets.
// A secret goes to its holder once; the database keeps only HashSecret of it, so a copy of the
// database signs nobody in. Never logs or stores a secret itself.
#pragma once

#include <string>
#include <string_view>

namespace probity::access {

// 32 bytes from libsodium's CSPRNG as URL-safe base64 without padding: 43 characters of
// A-Z a-z 0-9 '-' '_', safe in cookies, URLs and headers. Thread-safe. Throws std::runtime_error
// only when libsodium cannot start (no source of randomness): a broken machine, not an input.
std::string NewSecret();

// The BLAKE2b-256 digest of `secret` as 64 lower-case hex digits: what the database stores and
// looks a presented secret up by. Deterministic and unsalted, which is sound only because
// secrets are 256 random bits, never for passwords (access/password.h). Thread-safe.
std::string HashSecret(std::string_view secret);

// True when `a` and `b` are the same bytes, compared in time that depends only on their length.
// False when either is empty, so an unset secret never matches an unset one.
bool SecretsEqual(std::string_view a, std::string_view b);

}  // namespace probity::access

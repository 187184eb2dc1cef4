// Passwords: the policy a new password must meet, and Argon2id hashing and verification
// (libsodium crypto_pwhash). Never stores, logs or returns a password; never reads a clock.
// Hashing is slow on purpose (64 MiB, about 0.1 s): call it outside any database transaction.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace probity::access {

// NCSC password guidance and OWASP ASVS 4.0 L2 (2.1.1-2.1.9): length, not composition.
// Ok when `password` is valid UTF-8 of 12 to 256 code points (spaces count; no rule asks for
// digits, symbols or cases), and, ignoring surrounding white space and ASCII case:
//   - is not `username`, nor contains it (when `username` is not empty);
//   - is not on the common password list (access/common_passwords.h);
//   - is not one short unit (1 to 4 characters) repeated, such as "aaaaaaaaaaaa" or
//     "abcabcabcabc";
//   - is not a straight run, up or down, along digits ("123456789012", wrapping 9 to 0),
//     letters ("abcdefghijkl") or a keyboard row ("qwertyuiopas").
// Otherwise kInvalid with field "password" and a message for the person choosing it; codes
// "password_not_utf8", "password_too_short", "password_too_long", "password_contains_username",
// "password_too_common", "password_too_predictable".
Status CheckPasswordPolicy(std::string_view password, std::string_view username = {});

// The Argon2id hash of `password` in libsodium's string form ("$argon2id$v=19$m=65536,t=2,..."),
// with a fresh random salt, at OPSLIMIT_INTERACTIVE / MEMLIMIT_INTERACTIVE. Does not check the
// policy. kInternal "password_hash_failed" when libsodium cannot start or memory runs out.
// Thread-safe.
Result<std::string> HashPassword(std::string_view password);

// True only when `stored_hash` is a libsodium Argon2 string and `password` matches it. False for
// a wrong password and for an empty or malformed hash; a malformed hash still spends the time a
// real verification takes (SpendVerifyTime), so it cannot be told apart. Thread-safe.
bool VerifyPassword(std::string_view stored_hash, std::string_view password);

// Verifies `password` against a fixed dummy hash and discards the answer, so that signing in as
// an unknown or disabled account takes as long as a wrong password. The dummy is made once, on
// first use. Thread-safe.
void SpendVerifyTime(std::string_view password);

// True when `stored_hash` was made with other parameters than HashPassword uses now, or is not a
// hash libsodium understands: after a successful sign-in, hash the password again and store it.
bool HashNeedsRehash(std::string_view stored_hash);

}  // namespace probity::access

#include "access/password.h"

#include <sodium.h>

#include <optional>
#include <string>

#include "access/common_passwords.h"

namespace probity::access {

namespace {

constexpr size_t kMinLength = 12;
constexpr size_t kMaxLength = 256;
constexpr unsigned long long kOpsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr size_t kMemLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;

bool SodiumReady() {
  static const bool ready = sodium_init() >= 0;  // 0 first time, 1 after; thread-safe
  return ready;
}

Error Refuse(const char* code, const char* message) {
  return Error::Invalid(code, message, "password");
}

// The code points of `text`, or nullopt when it is not well-formed UTF-8 (overlong forms,
// surrogates and values past U+10FFFF are refused).
std::optional<std::u32string> DecodeUtf8(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    size_t extra = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if (lead < 0x80) {
      cp = lead;
    } else if ((lead & 0xE0) == 0xC0) {
      extra = 1;
      cp = lead & 0x1F;
      min = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
      extra = 2;
      cp = lead & 0x0F;
      min = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
      extra = 3;
      cp = lead & 0x07;
      min = 0x10000;
    } else {
      return std::nullopt;
    }
    if (text.size() - i <= extra) return std::nullopt;
    for (size_t k = 1; k <= extra; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return std::nullopt;
      cp = (cp << 6) | (next & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
    out.push_back(cp);
    i += extra + 1;
  }
  return out;
}

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

std::string LowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view TrimAscii(std::string_view text) {
  while (!text.empty() && IsSpace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && IsSpace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

// One unit of 1 to 4 code points repeated, the last repetition possibly cut short.
bool IsRepeatedUnit(const std::u32string& cps) {
  for (size_t unit = 1; unit <= 4 && unit < cps.size(); ++unit) {
    bool repeats = true;
    for (size_t i = unit; i < cps.size() && repeats; ++i) repeats = cps[i] == cps[i - unit];
    if (repeats) return true;
  }
  return false;
}

// Every step moves one place the same way along `ring`, wrapping at its ends.
bool IsRunAlong(const std::u32string& cps, std::u32string_view ring) {
  if (cps.size() < 2) return false;
  const auto n = static_cast<long>(ring.size());
  long step = 0;
  for (size_t i = 0; i < cps.size(); ++i) {
    const auto at = ring.find(cps[i]);
    if (at == std::u32string_view::npos) return false;
    if (i == 0) continue;
    const auto before = static_cast<long>(ring.find(cps[i - 1]));
    const long here = static_cast<long>(at);
    long this_step = 0;
    if (here == (before + 1) % n) {
      this_step = 1;
    } else if (here == (before + n - 1) % n) {
      this_step = -1;
    } else {
      return false;
    }
    if (step != 0 && this_step != step) return false;
    step = this_step;
  }
  return true;
}

bool IsPredictable(const std::u32string& cps) {
  if (cps.empty()) return true;  // nothing but white space
  return IsRepeatedUnit(cps) || IsRunAlong(cps, U"0123456789") ||
         IsRunAlong(cps, U"abcdefghijklmnopqrstuvwxyz") ||
         IsRunAlong(cps, U"qwertyuiopasdfghjklzxcvbnm");
}

// A nul-terminated copy for libsodium, or nullopt when `hash` cannot be one of its strings.
std::optional<std::string> HashString(std::string_view hash) {
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES ||
      hash.find('\0') != std::string_view::npos)
    return std::nullopt;
  return std::string(hash);
}

bool LooksLikeArgon2(std::string_view hash) {
  return hash.starts_with(crypto_pwhash_argon2id_STRPREFIX) ||
         hash.starts_with(crypto_pwhash_argon2i_STRPREFIX);
}

const char* Chars(std::string_view s) { return s.empty() ? "" : s.data(); }

const std::string& DummyHash() {
  static const std::string hash = [] {
    auto made = HashPassword("a password no account has, hashed only to spend time");
    return made ? *made : std::string();
  }();
  return hash;
}

}  // namespace

Status CheckPasswordPolicy(std::string_view password, std::string_view username) {
  const auto cps = DecodeUtf8(password);
  if (!cps) {
    return Refuse("password_not_utf8",
                  "The password could not be read as text. Type it again using characters from "
                  "your keyboard.");
  }
  if (cps->size() < kMinLength) {
    return Refuse("password_too_short",
                  "Choose a longer password: at least 12 characters. Three random words work "
                  "well.");
  }
  if (cps->size() > kMaxLength) {
    return Refuse("password_too_long", "Choose a shorter password: at most 256 characters.");
  }
  const std::string lowered = LowerAscii(TrimAscii(password));
  const std::string user = LowerAscii(TrimAscii(username));
  if (!user.empty() && lowered.find(user) != std::string::npos) {
    return Refuse("password_contains_username",
                  "Choose a password that does not contain your username.");
  }
  if (IsCommonPassword(lowered)) {
    return Refuse("password_too_common",
                  "This password is too common: it is one of the first that attackers try. "
                  "Choose another. Three random words work well.");
  }
  // Still valid UTF-8: trimming and lower-casing change only ASCII bytes.
  if (IsPredictable(*DecodeUtf8(lowered))) {
    return Refuse("password_too_predictable",
                  "This password is a simple pattern, such as one character repeated or letters "
                  "or numbers in order, and is easy to guess. Choose another. Three random words "
                  "work well.");
  }
  return Ok();
}

Result<std::string> HashPassword(std::string_view password) {
  if (!SodiumReady()) return Error::Internal("password_hash_failed", "libsodium did not start");
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, Chars(password), password.size(), kOpsLimit, kMemLimit) != 0) {
    return Error::Internal("password_hash_failed", "out of memory while hashing a password");
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view stored_hash, std::string_view password) {
  const auto hash = HashString(stored_hash);
  if (!SodiumReady() || !hash || !LooksLikeArgon2(*hash)) {
    SpendVerifyTime(password);
    return false;
  }
  return crypto_pwhash_str_verify(hash->c_str(), Chars(password), password.size()) == 0;
}

void SpendVerifyTime(std::string_view password) {
  const std::string& hash = DummyHash();
  if (hash.empty()) return;
  [[maybe_unused]] const int ignored =  // the work is the point, not the answer
      crypto_pwhash_str_verify(hash.c_str(), Chars(password), password.size());
}

bool HashNeedsRehash(std::string_view stored_hash) {
  const auto hash = HashString(stored_hash);
  if (!SodiumReady() || !hash) return true;
  return crypto_pwhash_str_needs_rehash(hash->c_str(), kOpsLimit, kMemLimit) != 0;
}

}  // namespace probity::access

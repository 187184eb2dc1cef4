#include "access/secret.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

namespace probity::access {
namespace {

TEST(NewSecret, Is43UrlSafeCharactersAndNeverRepeats) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const std::string s = NewSecret();
    ASSERT_TRUE(std::regex_match(s, std::regex("[A-Za-z0-9_-]{43}"))) << s;
    EXPECT_TRUE(seen.insert(s).second) << "repeated " << s;
  }
}

TEST(HashSecret, IsHexBlake2b256) {
  const struct {
    const char* why;
    std::string secret;
    const char* want;
  } cases[] = {
      // BLAKE2b with a 32-byte digest and no key (RFC 7693), as libsodium and Python's
      // hashlib.blake2b(digest_size=32) compute it.
      {"empty", "", "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8"},
      {"abc", "abc", "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    EXPECT_EQ(HashSecret(c.secret), c.want);
  }
}

TEST(HashSecret, IsStableAndDiffersFromTheSecret) {
  const std::string secret = NewSecret();
  EXPECT_EQ(HashSecret(secret), HashSecret(secret));
  EXPECT_NE(HashSecret(secret), HashSecret(NewSecret()));
  EXPECT_EQ(HashSecret(secret).find(secret), std::string::npos);
  EXPECT_TRUE(std::regex_match(HashSecret(secret), std::regex("[0-9a-f]{64}")));
}

TEST(SecretsEqual, MatchesOnlyTheSameNonEmptyBytes) {
  const std::string secret = NewSecret();
  std::string last_changed = secret;
  last_changed.back() = last_changed.back() == 'A' ? 'B' : 'A';
  const struct {
    const char* why;
    std::string a, b;
    bool want;
  } cases[] = {
      {"same", secret, secret, true},
      {"last character differs", secret, last_changed, false},
      {"prefix", secret, secret.substr(0, 42), false},
      {"longer", secret, secret + "x", false},
      {"other case", "abcdef", "ABCDEF", false},
      {"embedded nul compared too", std::string("ab\0c", 4), std::string("ab\0d", 4), false},
      {"both empty: an unset secret matches nothing", "", "", false},
      {"one empty", secret, "", false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    EXPECT_EQ(SecretsEqual(c.a, c.b), c.want);
    EXPECT_EQ(SecretsEqual(c.b, c.a), c.want);
  }
}

}  // namespace
}  // namespace probity::access

#include "access/password.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <algorithm>
#include <string>

#include "access/common_passwords.h"

namespace probity::access {
namespace {

TEST(CheckPasswordPolicy, AcceptsLongPasswordsWithoutCompositionRules) {
  const struct {
    const char* why;
    std::string password;
  } cases[] = {
      {"three random words", "correct staple horse"},
      {"exactly 12 characters, letters only", "bluetrainhat"},
      {"lower case only, no digit or symbol", "marmalade kettle"},
      {"12 code points of 2-byte UTF-8 (24 bytes)", "éàüöñçßøåæœë"},
      {"12 code points with emoji (4 bytes each)", "\xF0\x9F\x90\x88 cat and dog\xF0\x9F\x90\x95"},
      {"exactly 256 characters", std::string(128, 'x') + std::string(128, 'y')},
      {"spaces inside count", "pin  on  door"},
      {"a random secret", "q7Lm2vXy9Rk4Tb8Wn3Zd"},
      {"common word inside a longer phrase", "password1234 is what they guess"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    auto s = CheckPasswordPolicy(c.password, "pat.example");
    EXPECT_TRUE(s) << (s ? "" : s.error().code);
  }
}

TEST(CheckPasswordPolicy, RefusesWeakPasswordsWithAReason) {
  const struct {
    const char* why;
    std::string password;
    std::string username;
    const char* code;
  } cases[] = {
      {"empty", "", "", "password_too_short"},
      {"11 characters", "bluetrainha", "", "password_too_short"},
      {"11 code points though 22 bytes", "éàüöñçßøåæœ", "", "password_too_short"},
      {"257 characters", std::string(129, 'x') + std::string(128, 'y'), "", "password_too_long"},
      {"cut UTF-8 sequence", "twelve chars\xC3", "", "password_not_utf8"},
      {"overlong UTF-8", "twelve chars\xC0\xAF", "", "password_not_utf8"},
      {"UTF-16 surrogate in UTF-8", "twelve chars\xED\xA0\x80", "", "password_not_utf8"},
      {"the username", "pat.example1", "pat.example1", "password_contains_username"},
      {"the username in other case", "PAT.EXAMPLE1", "pat.example1", "password_contains_username"},
      {"contains the username", "my name is pat.example", "pat.example",
       "password_contains_username"},
      {"on the list", "password1234", "", "password_too_common"},
      {"on the list, other case", "PassWord1234", "", "password_too_common"},
      {"on the list, surrounding space", "  iloveyou1234 ", "", "password_too_common"},
      {"on the list: digits", "123456789012", "", "password_too_common"},
      {"on the list: keyboard", "qwertyuiopas", "", "password_too_common"},
      {"on the list: doubled word", "passwordpassword", "", "password_too_common"},
      {"on the list: about this service", "Probation1234", "", "password_too_common"},
      {"one character repeated", "zzzzzzzzzzzzzz", "", "password_too_predictable"},
      {"one character repeated, with spaces round", " ############ ", "",
       "password_too_predictable"},
      {"only spaces", std::string(12, ' '), "", "password_too_predictable"},
      {"a unit of three repeated", "xyqxyqxyqxyqx", "", "password_too_predictable"},
      {"a unit of four repeated", "Ab1!Ab1!Ab1!", "", "password_too_predictable"},
      {"non-ASCII repeated", "ééééééééééééé", "", "password_too_predictable"},
      {"digits up, wrapping 9 to 0", "345678901234", "", "password_too_predictable"},
      {"digits down", "876543210987", "", "password_too_predictable"},
      {"letters up", "ghijklmnopqrs", "", "password_too_predictable"},
      {"letters up, wrapping z to a", "uvwxyzabcdefg", "", "password_too_predictable"},
      {"letters down, upper case", "ZYXWVUTSRQPONM", "", "password_too_predictable"},
      {"keyboard row walk", "ertyuiopasdf", "", "password_too_predictable"},
      {"keyboard row walk backwards", "lkjhgfdsapoiu", "", "password_too_predictable"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    auto s = CheckPasswordPolicy(c.password, c.username);
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().kind, ErrorKind::kInvalid);
    EXPECT_EQ(s.error().code, c.code);
    EXPECT_EQ(s.error().field, "password");
    EXPECT_FALSE(s.error().message.empty());
  }
}

TEST(CheckPasswordPolicy, MessagesTellAPersonWhatToDo) {
  EXPECT_EQ(CheckPasswordPolicy("short").error().message,
            "Choose a longer password: at least 12 characters. Three random words work well.");
  EXPECT_TRUE(CheckPasswordPolicy("password1234")
                  .error()
                  .message.starts_with("This password is too common"));
}

TEST(CheckPasswordPolicy, MixedRunsAndBrokenPatternsAreNotPredictable) {
  for (const char* password : {"123456789013", "abcdefghijkm", "abcabcabcabd", "1a2b3c4d5e6f7g"}) {
    SCOPED_TRACE(password);
    EXPECT_TRUE(CheckPasswordPolicy(password));
  }
}

TEST(CommonPasswords, ListIsSortedUniqueLowerCaseAndLongEnough) {
  const auto list = CommonPasswords();
  EXPECT_GE(list.size(), 300u);
  EXPECT_TRUE(std::is_sorted(list.begin(), list.end()));
  EXPECT_EQ(std::adjacent_find(list.begin(), list.end()), list.end()) << "duplicate entry";
  for (std::string_view entry : list) {
    SCOPED_TRACE(entry);
    EXPECT_GE(entry.size(), 12u);
    EXPECT_TRUE(std::none_of(entry.begin(), entry.end(),
                             [](char c) { return (c >= 'A' && c <= 'Z') || c == ' '; }));
  }
}

TEST(CommonPasswords, EveryEntryIsRefusedByThePolicy) {
  for (std::string_view entry : CommonPasswords()) {
    SCOPED_TRACE(entry);
    EXPECT_TRUE(IsCommonPassword(entry));
    EXPECT_FALSE(CheckPasswordPolicy(entry));
  }
  EXPECT_FALSE(IsCommonPassword("a phrase nobody would put on a list"));
}

// One hash serves the tests below: Argon2id at the interactive limits takes about 0.1 s.
class PasswordHashTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto made = HashPassword(kPassword);
    ASSERT_TRUE(made);
    hash_ = new std::string(*made);
  }
  static void TearDownTestSuite() {
    delete hash_;
    hash_ = nullptr;
  }
  static constexpr const char* kPassword = "kettle marmalade bicycle";
  static std::string* hash_;
};
std::string* PasswordHashTest::hash_ = nullptr;

TEST_F(PasswordHashTest, HashIsArgon2idWithTheInteractiveLimitsAndNoPassword) {
  EXPECT_EQ(hash_->rfind("$argon2id$", 0), 0u) << *hash_;
  EXPECT_NE(hash_->find("m=65536,t=2"), std::string::npos) << *hash_;
  EXPECT_EQ(hash_->find(kPassword), std::string::npos);
  EXPECT_FALSE(HashNeedsRehash(*hash_));
}

TEST_F(PasswordHashTest, SamePasswordHashesDifferentlyEachTime) {
  auto again = HashPassword(kPassword);
  ASSERT_TRUE(again);
  EXPECT_NE(*again, *hash_);
  EXPECT_TRUE(VerifyPassword(*again, kPassword));
}

TEST_F(PasswordHashTest, VerifiesOnlyTheRightPassword) {
  const struct {
    const char* why;
    std::string password;
    bool want;
  } cases[] = {
      {"the password", kPassword, true},
      {"other case", "Kettle marmalade bicycle", false},
      {"one character more", std::string(kPassword) + " ", false},
      {"one character less", std::string(kPassword).substr(1), false},
      {"empty", "", false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    EXPECT_EQ(VerifyPassword(*hash_, c.password), c.want);
  }
}

TEST_F(PasswordHashTest, MalformedHashesNeverVerify) {
  std::string truncated = hash_->substr(0, hash_->size() - 5);
  std::string tampered = *hash_;
  tampered.back() = tampered.back() == 'A' ? 'B' : 'A';
  std::string with_nul = *hash_;
  with_nul.insert(10, 1, '\0');
  const struct {
    const char* why;
    std::string hash;
  } cases[] = {
      {"empty", ""},
      {"the password itself", kPassword},
      {"not argon2", "$2b$12$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234"},
      {"truncated", truncated},
      {"tampered digest", tampered},
      {"embedded nul", with_nul},
      {"overlong", std::string(crypto_pwhash_STRBYTES + 10, '$')},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    EXPECT_FALSE(VerifyPassword(c.hash, kPassword));
  }
}

TEST(HashNeedsRehash, TrueForOtherParametersOrAlgorithmsAndForGarbage) {
  ASSERT_GE(sodium_init(), 0);
  char weaker[crypto_pwhash_STRBYTES];
  ASSERT_EQ(crypto_pwhash_str_alg(weaker, "pw", 2, crypto_pwhash_OPSLIMIT_MIN,
                                  crypto_pwhash_MEMLIMIT_MIN, crypto_pwhash_ALG_ARGON2ID13),
            0);
  char argon2i[crypto_pwhash_STRBYTES];
  ASSERT_EQ(crypto_pwhash_str_alg(argon2i, "pw", 2, crypto_pwhash_argon2i_OPSLIMIT_INTERACTIVE,
                                  crypto_pwhash_argon2i_MEMLIMIT_INTERACTIVE,
                                  crypto_pwhash_ALG_ARGON2I13),
            0);
  EXPECT_TRUE(HashNeedsRehash(weaker));
  EXPECT_TRUE(HashNeedsRehash(argon2i));
  EXPECT_TRUE(HashNeedsRehash(""));
  EXPECT_TRUE(HashNeedsRehash("not a hash"));
  // Still verifiable, so a sign-in with an old hash works and can rehash.
  EXPECT_TRUE(VerifyPassword(weaker, "pw"));
  EXPECT_TRUE(VerifyPassword(argon2i, "pw"));
}

}  // namespace
}  // namespace probity::access

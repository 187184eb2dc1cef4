#include "core/base64url.h"

#include <gtest/gtest.h>

namespace probity {
namespace {

TEST(Base64Url, EncodesWithTheUrlSafeAlphabetAndNoPadding) {
  EXPECT_EQ(EncodeBase64Url(""), "");
  EXPECT_EQ(EncodeBase64Url("f"), "Zg");
  EXPECT_EQ(EncodeBase64Url("foobar"), "Zm9vYmFy");
  EXPECT_EQ(EncodeBase64Url("\xfb\xff\xbf"), "-_-_");  // '+' and '/' in standard base64
}

TEST(Base64Url, DecodesWhatItEncodes) {
  const std::string bytes("2026-11-23T09:00:00Z|12\0\xff", 25);
  EXPECT_EQ(DecodeBase64Url(EncodeBase64Url(bytes), 100), bytes);
}

TEST(Base64Url, RefusesEmptyOverlongPaddedAndForeignText) {
  EXPECT_EQ(DecodeBase64Url("", 100), std::nullopt);
  EXPECT_EQ(DecodeBase64Url("Zm9vYmFy", 7), std::nullopt);
  EXPECT_EQ(DecodeBase64Url("Zg==", 100), std::nullopt);
  EXPECT_EQ(DecodeBase64Url("+/+/", 100), std::nullopt);
  EXPECT_EQ(DecodeBase64Url("Zm9v YmFy", 100), std::nullopt);
  EXPECT_EQ(DecodeBase64Url("Zm9vYmFy!", 100), std::nullopt);
}

}  // namespace
}  // namespace probity

#include "org/rules.h"

#include <gtest/gtest.h>

namespace probity::org {
namespace {

TEST(CheckCode, AcceptsShortCapitalCodes) {
  for (const char* code : {"NE", "N07", "LDN-CAM", "ABCDEFGHIJKLMNOP"}) {
    SCOPED_TRACE(code);
    EXPECT_TRUE(CheckCode(code));
  }
}

TEST(CheckCode, RejectsOthersNamingTheField) {
  for (const char* code : {"", "N", "ne", "1NE", "-NE", "N E", "ABCDEFGHIJKLMNOPQ", "NÉ"}) {
    SCOPED_TRACE(code);
    auto s = CheckCode(code, "pdu_code");
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().field, "pdu_code");
  }
}

TEST(CheckName, RequiresSomeTextWithoutControlCharacters) {
  EXPECT_TRUE(CheckName("North Tyneside Team A"));
  EXPECT_FALSE(CheckName(""));
  EXPECT_FALSE(CheckName("   "));
  EXPECT_FALSE(CheckName("Team\nA"));
  EXPECT_FALSE(CheckName(std::string(201, 'x')));
  EXPECT_EQ(CheckName("", "address").error().field, "address");
}

TEST(Check, OfficeNeedsAnAddressAndAPdu) {
  EXPECT_TRUE(Check(Office{0, "NE-WALL", "Wallsend", "Hadrian Road", "NE-TYN", 1}));
  EXPECT_EQ(Check(Office{0, "NE-WALL", "Wallsend", "", "NE-TYN", 1}).error().field, "address");
  EXPECT_EQ(Check(Office{0, "NE-WALL", "Wallsend", "Road", "", 1}).error().field, "pdu_code");
}

}  // namespace
}  // namespace probity::org

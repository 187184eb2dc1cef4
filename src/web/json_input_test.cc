#include "web/json_input.h"

#include <gtest/gtest.h>

#include <array>

namespace probity::web {
namespace {

constexpr std::array<const char*, 2> kAllowed = {"role", "version"};

TEST(OnlyFields, AcceptsAnObjectOfAllowedMembersOnly) {
  EXPECT_TRUE(OnlyFields(nlohmann::json::object(), kAllowed));
  EXPECT_TRUE(OnlyFields({{"role", "spo"}, {"version", 2}}, kAllowed));
}

TEST(OnlyFields, NamesAMisspeltFieldAndWhatMayBeSent) {
  const auto s = OnlyFields({{"role", "spo"}, {"verison", 2}}, kAllowed);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(s.error().code, "unknown_field");
  EXPECT_EQ(s.error().field, "verison");
  EXPECT_EQ(s.error().message, "verison is not a field here; send only role, version");
}

TEST(OnlyFields, RefusesAnythingButAnObject) {
  for (const auto& body : {nlohmann::json::array({1}), nlohmann::json("x"), nlohmann::json()}) {
    const auto s = OnlyFields(body, kAllowed);
    ASSERT_FALSE(s) << body.dump();
    EXPECT_EQ(s.error().code, "malformed_json");
  }
}

}  // namespace
}  // namespace probity::web

#include "cli/listen_address.h"

#include <gtest/gtest.h>

namespace probity::cli {
namespace {

TEST(ParseListenAddress, AcceptsHostAndPort) {
  const struct {
    const char* text;
    const char* host;
    uint16_t port;
  } cases[] = {{"127.0.0.1:8080", "127.0.0.1", 8080},
               {"0.0.0.0:0", "0.0.0.0", 0},
               {"localhost:65535", "localhost", 65535},
               {"[::1]:8443", "::1", 8443}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    auto a = ParseListenAddress(c.text);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->host, c.host);
    EXPECT_EQ(a->port, c.port);
  }
}

TEST(ParseListenAddress, RejectsMalformedAddresses) {
  for (const char* text : {"", "8080", ":8080", "127.0.0.1:", "127.0.0.1:65536", "host:80x",
                           "host:-1", "[::1:80", "[]:80"}) {
    SCOPED_TRACE(text);
    auto a = ParseListenAddress(text);
    ASSERT_FALSE(a);
    EXPECT_EQ(a.error().field, "listen");
  }
}

}  // namespace
}  // namespace probity::cli

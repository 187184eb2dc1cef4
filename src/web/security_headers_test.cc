#include "web/security_headers.h"

#include <gtest/gtest.h>

namespace probity::web {
namespace {

TEST(AddSecurityHeaders, SetsEveryHeaderOnAPlainResponse) {
  Response r = Response::Json(200, {{"ok", true}});
  AddSecurityHeaders(r);
  const struct {
    const char* name;
    const char* want;
  } cases[] = {
      {"Content-Security-Policy",
       "default-src 'self'; script-src 'self' "
       "'sha256-GUQ5ad8JK5KmEWmROf3LZd9ge94daqNvd8xy9YS1iDw='; style-src 'self'; img-src 'self' "
       "data:; "
       "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "no-referrer"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
      {"Permissions-Policy", "geolocation=(), camera=(), microphone=()"},
      {"Cache-Control", "no-store"},
      {"Content-Type", "application/json"},  // untouched
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(r.Header(c.name).value_or("(absent)"), c.want);
  }
  EXPECT_EQ(r.headers.size(), 8u);
}

TEST(AddSecurityHeaders, KeepsWhatTheHandlerSetInAnyCase) {
  Response r = Response::Text(200, "body", "text/css");
  r.SetHeader("cache-control", "public, max-age=31536000, immutable");
  r.SetHeader("content-security-policy", "default-src 'none'");
  AddSecurityHeaders(r);
  EXPECT_EQ(r.Header("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(r.Header("Content-Security-Policy"), "default-src 'none'");
  EXPECT_EQ(r.Header("X-Frame-Options"), "DENY");
  EXPECT_EQ(r.headers.size(), 8u);  // nothing doubled
}

TEST(AddSecurityHeaders, AddingTwiceChangesNothing) {
  Response once = Response::Text(404, "not here");
  AddSecurityHeaders(once);
  Response twice = once;
  AddSecurityHeaders(twice);
  EXPECT_EQ(twice.headers, once.headers);
}

}  // namespace
}  // namespace probity::web

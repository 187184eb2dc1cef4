// The security headers every HTTP response carries (OWASP ASVS 14.4, OWASP Secure Headers):
// a strict Content-Security-Policy with no inline script or style, no framing, no sniffing, no
// referrer, and no caching unless the handler chose otherwise. The server adds them to each
// response it writes, errors included; handlers and pages never need to.
#pragma once

#include <string_view>

#include "web/http.h"

namespace probity::web {

// The Content-Security-Policy value AddSecurityHeaders sets. Pages must therefore load scripts,
// styles, fonts and images only from this origin (images also from data: URLs), and use no
// inline <script>, style="" or event-handler attributes, but for one: GOV.UK Frontend's
// one-line "js-enabled" class script in templates/layout.mustache, allowed by its SHA-256 (change
// a character of it and browsers refuse it).
inline constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self' 'sha256-GUQ5ad8JK5KmEWmROf3LZd9ge94daqNvd8xy9YS1iDw='; "
    "style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'";

// Sets each of these that `response` does not already have (names compared without regard to
// case), leaving any the handler set as it set them:
//   Content-Security-Policy: kContentSecurityPolicy
//   X-Content-Type-Options: nosniff
//   X-Frame-Options: DENY
//   Referrer-Policy: no-referrer
//   Cross-Origin-Opener-Policy: same-origin
//   Permissions-Policy: geolocation=(), camera=(), microphone=()
//   Cache-Control: no-store
void AddSecurityHeaders(Response& response);

}  // namespace probity::web

#include "web/security_headers.h"

#include <array>
#include <string>
#include <utility>

namespace probity::web {

void AddSecurityHeaders(Response& response) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kHeaders = {{
      {"Content-Security-Policy", kContentSecurityPolicy},
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "no-referrer"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
      {"Permissions-Policy", "geolocation=(), camera=(), microphone=()"},
      {"Cache-Control", "no-store"},
  }};
  for (const auto& [name, value] : kHeaders) {
    if (!response.Header(name)) response.headers.emplace_back(name, value);
  }
}

}  // namespace probity::web

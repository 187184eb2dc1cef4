#include "cli/listen_address.h"

#include <charconv>

namespace probity::cli {

Result<ListenAddress> ParseListenAddress(std::string_view text) {
  const auto bad = [&] {
    return Error::Invalid("bad_listen",
                          "--listen '" + std::string(text) +
                              "' is not HOST:PORT (for example 127.0.0.1:8080 or [::1]:8080)",
                          "listen");
  };
  const auto colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size()) return bad();
  std::string_view host = text.substr(0, colon);
  if (host.front() == '[') {
    if (host.back() != ']' || host.size() < 3) return bad();
    host = host.substr(1, host.size() - 2);
  }
  const std::string_view port_text = text.substr(colon + 1);
  unsigned port = 0;
  const auto [end, ec] =
      std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (ec != std::errc{} || end != port_text.data() + port_text.size() || port > 65535) return bad();
  return ListenAddress{std::string(host), static_cast<uint16_t>(port)};
}

}  // namespace probity::cli

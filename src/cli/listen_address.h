// Parsing `--listen HOST:PORT` (IPv6 as [::1]:8080). Pure.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace probity::cli {

struct ListenAddress {
  std::string host;
  uint16_t port = 0;
};

// kInvalid (field "listen") unless the text is HOST:PORT with a port from 0 to 65535.
Result<ListenAddress> ParseListenAddress(std::string_view text);

}  // namespace probity::cli

// URL-safe base64 without padding (RFC 4648 section 5), for opaque tokens such as page cursors
// that travel in query strings. libsodium does the coding.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace probity {

std::string EncodeBase64Url(std::string_view bytes);

// The bytes `text` encodes; nullopt when it is empty, longer than `max_length` characters, or
// not wholly URL-safe base64 without padding.
std::optional<std::string> DecodeBase64Url(std::string_view text, size_t max_length);

}  // namespace probity

#include "core/base64url.h"

#include <sodium.h>

namespace probity {

namespace {
constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
}  // namespace

std::string EncodeBase64Url(std::string_view bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), kVariant), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), kVariant);
  out.resize(out.find('\0'));  // the length above counts the terminating NUL
  return out;
}

std::optional<std::string> DecodeBase64Url(std::string_view text, size_t max_length) {
  if (text.empty() || text.size() > max_length) return std::nullopt;
  std::string bytes(text.size(), '\0');  // base64 never decodes longer than it is
  size_t length = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), text.data(),
                        text.size(), nullptr, &length, &end, kVariant) != 0 ||
      end != text.data() + text.size())
    return std::nullopt;
  bytes.resize(length);
  return bytes;
}

}  // namespace probity

#include "org/rules.h"

namespace probity::org {

Status CheckCode(std::string_view code, const char* field) {
  const bool length_ok = code.size() >= 2 && code.size() <= 16;
  bool chars_ok = !code.empty() && code[0] >= 'A' && code[0] <= 'Z';
  for (char c : code)
    chars_ok = chars_ok && ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-');
  if (length_ok && chars_ok) return Ok();
  return Error::Invalid("invalid_code",
                        std::string(field) +
                            " must be 2 to 16 capital letters, digits or hyphens, starting with a "
                            "letter (for example N07 or LDN-CAM)",
                        field);
}

Status CheckName(std::string_view name, const char* field) {
  const auto first = name.find_first_not_of(" \t");
  if (first == std::string_view::npos)
    return Error::Invalid("missing_name", std::string("enter a ") + field, field);
  if (name.size() > 200)
    return Error::Invalid("name_too_long", std::string(field) + " must be 200 characters or fewer",
                          field);
  for (unsigned char c : name)
    if (c < 0x20 || c == 0x7f)
      return Error::Invalid("invalid_name",
                            std::string(field) + " must not contain control characters", field);
  return Ok();
}

Status Check(const Region& r) {
  if (auto s = CheckCode(r.code); !s) return s;
  return CheckName(r.name);
}

Status Check(const Pdu& p) {
  if (auto s = CheckCode(p.code); !s) return s;
  if (auto s = CheckName(p.name); !s) return s;
  return CheckCode(p.region_code, "region_code");
}

Status Check(const Team& t) {
  if (auto s = CheckCode(t.code); !s) return s;
  if (auto s = CheckName(t.name); !s) return s;
  return CheckCode(t.pdu_code, "pdu_code");
}

Status Check(const Office& o) {
  if (auto s = CheckCode(o.code); !s) return s;
  if (auto s = CheckName(o.name); !s) return s;
  if (auto s = CheckName(o.address, "address"); !s) return s;
  return CheckCode(o.pdu_code, "pdu_code");
}

}  // namespace probity::org

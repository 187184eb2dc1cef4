// Validation of organisation input: pure, no I/O. Each check names the field at fault.
#pragma once

#include <string_view>

#include "core/result.h"
#include "org/model.h"

namespace probity::org {

// Codes are 2-16 of A-Z, 0-9 and '-', starting with a letter: "N07", "LDN-CAM".
// kInvalid naming `field` otherwise.
Status CheckCode(std::string_view code, const char* field = "code");

// Names are 1-200 characters after trimming, with no control characters.
Status CheckName(std::string_view name, const char* field = "name");

Status Check(const Region& r);
Status Check(const Pdu& p);
Status Check(const Team& t);
Status Check(const Office& o);

}  // namespace probity::org

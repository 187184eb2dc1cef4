// Reading a password from standard input, never from the command line (where `ps` and shell
// history would keep it). At a terminal it asks without echoing; otherwise it reads one line.
#pragma once

#include <string>

#include "core/result.h"

namespace probity::cli {

// kInvalid (field "password") when standard input is empty.
Result<std::string> ReadPassword(const char* prompt);

}  // namespace probity::cli

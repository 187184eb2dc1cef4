// The deny list of common passwords that CheckPasswordPolicy (access/password.h) refuses. Pure
// data compiled into the program: no file is read at run time. How the list was made and how to
// extend it is at the top of common_passwords.cc.
#pragma once

#include <span>
#include <string_view>

namespace probity::access {

// True when `lowered` is on the list. The caller trims surrounding white space and lower-cases
// ASCII letters first; nothing here normalises.
bool IsCommonPassword(std::string_view lowered);

// The whole list, sorted in byte order, each entry unique, lower-case, 12 characters or more.
std::span<const std::string_view> CommonPasswords();

}  // namespace probity::access

// Checks on account input: pure, no I/O. Password rules live in access/password.h.
#pragma once

#include <string_view>

#include "access/model.h"
#include "core/result.h"

namespace probity::access {

// 3 to 64 of a-z, 0-9, '.', '-', '_', starting with a letter: "demo.po1", "j-smith".
Status CheckUsername(std::string_view username);

// Weekly contracted hours as whole minutes. kInvalid (field "contracted_hours") unless the hours
// are a number from 1 to 60: never converts an out-of-range or NaN value.
Result<int> ContractedMinutes(double hours);

// Name required; contracted hours 1 to 60 a week; dates YYYY-MM-DD when given.
Status CheckStaff(const Staff& staff);

}  // namespace probity::access

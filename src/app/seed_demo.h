// Loads demonstration data through the same use cases people use, so every demo row has its
// events and the chain verifies. Safe to run again: a database already seeded is left as it is.
#pragma once

#include <string>

#include "core/result.h"
#include "core/time.h"
#include "store/db.h"

namespace probity::app {

struct SeedReport {
  bool already_seeded = false;
  int regions = 0, pdus = 0, teams = 0, offices = 0;
};

// kInvalid when demo_password is given and too short. Other errors come from the use cases.
Result<SeedReport> SeedDemo(store::Db& db, const std::string& demo_password, UtcTime now);

}  // namespace probity::app

// Loads demonstration data through the same use cases people use, so every demo row has its
// events and the chain verifies. Safe to run again: a database already seeded is left as it is.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "store/db.h"

namespace probity::app {

struct SeedReport {
  bool already_seeded = false;
  int regions = 0, pdus = 0, teams = 0, offices = 0, rooms = 0;
  std::vector<std::string> usernames;  // the demo accounts, all with one password
  std::string generated_password;      // set when no password was given: print it once
};

// Every demo account gets demo_password, or a random one (returned) when it is empty.
// kInvalid when the password policy refuses demo_password. Other errors come from the use cases.
Result<SeedReport> SeedDemo(store::Db& db, const std::string& demo_password, UtcTime now);

}  // namespace probity::app

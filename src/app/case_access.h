// The gate every case handler passes: find the case by CRN, ask the access policy, and log every
// read of a restricted case, allowed or denied, before answering. Used by web/ handlers before
// they call a use case or read a record.
#pragma once

#include <string>
#include <string_view>

#include "access/model.h"
#include "access/policy.h"
#include "core/result.h"
#include "core/time.h"
#include "store/db.h"

namespace probity::app {

// A case the caller may act on.
struct CaseRef {
  int64_t person_id = 0;
  std::string crn;
  bool restricted = false;
};

// What the caller is doing, for the access log.
struct CaseRequest {
  access::Action action = access::Action::kReadCase;
  std::string what;        // "GET /api/v1/people/{crn}": what was asked for
  std::string request_id;  // ties the log entry to the server's request log
};

// kNotFound for no such CRN, or when policy hides the case (exclusion, restriction, out of
// scope); kForbidden when policy refuses visibly (a role that may read but not do this). For a
// restricted case the outcome is in the access log, committed, before this returns.
Result<CaseRef> OpenCase(store::Db& db, const access::Principal& who, const std::string& crn,
                         const CaseRequest& request, UtcTime now);

}  // namespace probity::app

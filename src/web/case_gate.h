// What every handler under /api/v1/people/{crn} does first: open the case named in the route
// for an action, through app::OpenCase (policy, and the access log of restricted cases).
#pragma once

#include "access/model.h"
#include "access/policy.h"
#include "app/case_access.h"
#include "core/result.h"
#include "store/event_log.h"
#include "web/auth.h"
#include "web/http.h"

namespace probity::web {

// kNotFound when the case does not exist or is hidden from `who`; kForbidden when `who` may see
// it but not do `action`. Read requests that are refused still reach the access log.
Result<app::CaseRef> OpenCaseFor(const Auth& auth, const Request& request,
                                 const access::Principal& who, access::Action action);

// A handler on the case named by {crn}: signed in (Guard), then the case opened for `action`
// (OpenCaseFor), then `handle(request, who, case)`.
template <class F>
ResultHandler OnCase(const Auth& auth, access::Action action, F handle) {
  return auth.Guard([&auth, action, handle](const Request& request,
                                            const access::Principal& who) -> Result<Response> {
    auto on = OpenCaseFor(auth, request, who, action);
    if (!on) return on.error();
    return handle(request, who, *on);
  });
}

// The actor the event log records for a request.
inline store::Actor ActorOf(const access::Principal& who) { return {who.ActorId(), std::nullopt}; }

// The "version" a change names, as an int: kInvalid (field "version") when absent or not a
// positive integer.
Result<int> RequiredVersion(const nlohmann::json& body);

}  // namespace probity::web

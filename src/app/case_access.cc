#include "app/case_access.h"

#include "cases/store.h"

namespace probity::app {

Result<CaseRef> OpenCase(store::Db& db, const access::Principal& who, const std::string& crn,
                         const CaseRequest& request, UtcTime now) {
  std::optional<cases::CaseAccessRecord> found;
  {
    auto tx = db.BeginRead();
    found = cases::LoadCaseAccess(tx, crn);
  }
  if (!found) return Error::NotFound("not_found", "there is no such record, or you may not see it");
  const auto decision = access::Decide(who, request.action, found->access);
  if (found->access.restricted()) {
    auto tx = db.BeginWrite();
    cases::AppendAccessLog(
        tx, {0, now, who.staff_id, who.username, crn, request.what,
             decision.allowed ? "allowed" : "denied", decision.reason, request.request_id});
    tx.Commit();
  }
  if (auto allowed = access::Require(decision); !allowed) return allowed.error();
  return CaseRef{found->person_id, found->crn, found->access.restricted()};
}

}  // namespace probity::app

#include "app/drafts.h"

#include "access/secret.h"
#include "access/store.h"

namespace probity::app {

Status KeepDraftOfEndedSession(store::Db& db, const std::string& session_token,
                               const std::string& csrf_token, const std::string& form,
                               const std::string& subject, const drafts::Fields& fields,
                               UtcTime now) {
  auto tx = db.BeginWrite();
  const auto session = access::FindSession(tx, access::HashSecret(session_token));
  if (!session || csrf_token.empty() || !access::SecretsEqual(csrf_token, session->csrf_token))
    return Error::Unauthenticated("not_signed_in", "sign in to continue");
  drafts::InsertDraft(tx, session->account_id, form, subject, fields, now);
  tx.Commit();
  return Ok();
}

std::optional<drafts::Draft> FindDraft(store::Db& db, int64_t account_id, const std::string& form,
                                       const std::string& subject) {
  auto tx = db.BeginRead();
  return drafts::LatestDraft(tx, account_id, form, subject);
}

void DiscardDrafts(store::Db& db, int64_t account_id, const std::string& form,
                   const std::string& subject) {
  auto tx = db.BeginWrite();
  drafts::DeleteDrafts(tx, account_id, form, subject);
  tx.Commit();
}

}  // namespace probity::app

// Keeping what someone typed when their session ends: the form they posted is saved as a draft
// for them, and offered back when they sign in again.
#pragma once

#include <optional>
#include <string>

#include "core/result.h"
#include "core/time.h"
#include "drafts/store.h"
#include "store/db.h"

namespace probity::app {

// Keeps `fields` of `form` on `subject` for the owner of the session behind `session_token`,
// though that session has expired. The post must carry the session's own CSRF token, so no
// other site can plant a draft. kUnauthenticated when the session is unknown or the token does
// not match; then nothing is kept.
Status KeepDraftOfEndedSession(store::Db& db, const std::string& session_token,
                               const std::string& csrf_token, const std::string& form,
                               const std::string& subject, const drafts::Fields& fields,
                               UtcTime now);

// The account's newest draft of `form` on `subject`, if any.
std::optional<drafts::Draft> FindDraft(store::Db& db, int64_t account_id, const std::string& form,
                                       const std::string& subject);

// Removes the account's drafts of `form` on `subject` (saved or discarded).
void DiscardDrafts(store::Db& db, int64_t account_id, const std::string& form,
                   const std::string& subject);

}  // namespace probity::app

// Drafts: a form's fields kept for the account that typed them (migrations/0006_drafts.sql).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "core/time.h"
#include "store/db.h"

namespace probity::drafts {

using Fields = std::map<std::string, std::string>;

struct Draft {
  int64_t id = 0;
  Fields fields;
  UtcTime saved_at{};
};

int64_t InsertDraft(store::Transaction& tx, int64_t account_id, const std::string& form,
                    const std::string& subject, const Fields& fields, UtcTime now);

// The newest draft of that form on that subject for the account.
std::optional<Draft> LatestDraft(store::Transaction& tx, int64_t account_id,
                                 const std::string& form, const std::string& subject);

// Removes every draft of that form on that subject for the account.
void DeleteDrafts(store::Transaction& tx, int64_t account_id, const std::string& form,
                  const std::string& subject);

}  // namespace probity::drafts

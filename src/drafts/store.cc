#include "drafts/store.h"

#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "store/row.h"
#include "store/rows.h"

namespace probity::drafts {

int64_t InsertDraft(store::Transaction& tx, int64_t account_id, const std::string& form,
                    const std::string& subject, const Fields& fields, UtcTime now) {
  const long long account = account_id;
  const std::string text = nlohmann::json(fields).dump(), at = FormatUtc(now);
  long long id = 0;
  tx.sql() << "INSERT INTO draft (account_id, form, subject, fields, saved_at) VALUES (:a, :f, "
              ":s, :x, :t) RETURNING id",
      soci::use(account), soci::use(form), soci::use(subject), soci::use(text), soci::use(at),
      soci::into(id);
  return id;
}

std::optional<Draft> LatestDraft(store::Transaction& tx, int64_t account_id,
                                 const std::string& form, const std::string& subject) {
  const long long account = account_id;
  std::optional<Draft> draft;
  store::Rows(tx).Use(account).Use(form).Use(subject).Read(
      "SELECT id, fields, saved_at FROM draft WHERE account_id = :a AND form = :f AND subject = "
      ":s ORDER BY id DESC LIMIT 1",
      [&](const soci::row& r) {
        Draft d;
        d.id = store::GetInt(r, 0);
        const auto parsed = nlohmann::json::parse(store::GetText(r, 1), nullptr, false);
        if (parsed.is_object())
          for (const auto& [key, value] : parsed.items())
            if (value.is_string()) d.fields[key] = value.get<std::string>();
        d.saved_at = ParseUtc(store::GetText(r, 2)).value_or(UtcTime{});
        draft = std::move(d);
      });
  return draft;
}

void DeleteDrafts(store::Transaction& tx, int64_t account_id, const std::string& form,
                  const std::string& subject) {
  const long long account = account_id;
  tx.sql() << "DELETE FROM draft WHERE account_id = :a AND form = :f AND subject = :s",
      soci::use(account), soci::use(form), soci::use(subject);
}

}  // namespace probity::drafts

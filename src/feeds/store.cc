#include "feeds/store.h"

#include <soci/soci.h>

#include <algorithm>

#include "cases/store.h"
#include "store/row.h"
#include "store/rows.h"

namespace probity::feeds {

namespace {
using store::GetInt;
using store::GetOptionalInt;
using store::GetOptionalText;
using store::GetText;

constexpr const char* kFeedColumns =
    "id, staff_id, created_by, created_at, revoked_at, revoked_by, secret_hash";

FeedRecord ReadFeed(const soci::row& r) {
  FeedRecord f;
  f.id = GetInt(r, 0);
  f.staff_id = GetInt(r, 1);
  f.created_by = GetText(r, 2);
  f.created_at = ParseUtc(GetText(r, 3)).value_or(UtcTime{});
  if (auto at = GetOptionalText(r, 4)) f.revoked_at = ParseUtc(*at);
  f.revoked_by = GetOptionalText(r, 5);
  return f;
}

std::optional<LiveFeed> ReadOneFeed(store::Rows& rows, const std::string& where) {
  std::optional<LiveFeed> out;
  rows.Read(std::string("SELECT ") + kFeedColumns + " FROM calendar_feed WHERE " + where +
                " AND revoked_at IS NULL",
            [&](const soci::row& r) {
              out = LiveFeed{ReadFeed(r), GetText(r, 6)};
              return false;
            });
  return out;
}
}  // namespace

int64_t InsertFeed(store::Transaction& tx, int64_t staff_id, const std::string& secret_hash,
                   const std::string& created_by, UtcTime now) {
  const long long staff = staff_id;
  const std::string at = FormatUtc(now);
  long long id = 0;
  tx.sql() << "INSERT INTO calendar_feed (staff_id, secret_hash, created_by, created_at) "
              "VALUES (:s, :h, :b, :t) RETURNING id",
      soci::use(staff), soci::use(secret_hash), soci::use(created_by), soci::use(at),
      soci::into(id);
  return id;
}

bool RevokeLiveFeed(store::Transaction& tx, int64_t staff_id, const std::string& revoked_by,
                    UtcTime now) {
  const long long staff = staff_id;
  const std::string at = FormatUtc(now);
  soci::statement st =
      (tx.sql().prepare << "UPDATE calendar_feed SET revoked_at = :t, revoked_by = :b "
                           "WHERE staff_id = :s AND revoked_at IS NULL",
       soci::use(at), soci::use(revoked_by), soci::use(staff));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

std::optional<FeedRecord> FindLiveFeed(store::Transaction& tx, int64_t staff_id) {
  const long long staff = staff_id;
  auto found = ReadOneFeed(store::Rows(tx).Use(staff), "staff_id = :s");
  if (!found) return std::nullopt;
  return found->record;
}

std::optional<LiveFeed> FindLiveFeedByHash(store::Transaction& tx, const std::string& secret_hash) {
  // A disabled account's feed opens nothing, as its sessions and tokens do not.
  return ReadOneFeed(store::Rows(tx).Use(secret_hash),
                     "secret_hash = :h AND EXISTS (SELECT 1 FROM account a WHERE a.staff_id = "
                     "calendar_feed.staff_id AND a.disabled = 0)");
}

std::vector<FeedItem> LoadFeedItems(store::Transaction& tx, int64_t staff_id, UtcTime from,
                                    UtcTime to) {
  const long long staff = staff_id;
  const std::string lo = FormatUtc(from), hi = FormatUtc(to);
  std::vector<FeedItem> out;
  // Only what the practitioner's diary shows them: a case they are excluded from, or restricted
  // to others, stays out of their feed as it stays out of their diary.
  store::Rows(tx)
      .Use(staff, "s")
      .Use(lo, "lo")
      .Use(hi, "hi")
      .Use(staff, "viewer")
      .Use(staff, "viewer2")
      .Read(
          std::string(
              "SELECT a.id, a.type, t.label, a.starts_at, a.duration_minutes, a.office_id, o.name, "
              "r.name, a.location, a.status, a.version, a.booked_at, p.crn, p.first_name, "
              "p.last_name, "
              "nx.booked_at, (SELECT MAX(ao.recorded_at) FROM appointment_outcome ao "
              "WHERE ao.appointment_id = a.id) "
              "FROM appointment a JOIN appointment_type t ON t.code = a.type "
              "JOIN person p ON p.id = a.person_id LEFT JOIN office o ON o.id = a.office_id "
              "LEFT JOIN room r ON r.id = a.room_id LEFT JOIN appointment nx ON nx.id = "
              "a.rearranged_to "
              "WHERE a.staff_id = :s AND a.starts_at >= :lo AND a.starts_at < :hi AND ") +
              cases::kVisibleTo + " ORDER BY a.starts_at, a.id",
          [&](const soci::row& r) {
            FeedItem item;
            auto& a = item.appointment;
            a.id = GetInt(r, 0);
            a.type = GetText(r, 1);
            a.type_label = GetText(r, 2);
            a.starts_at = ParseUtc(GetText(r, 3)).value_or(UtcTime{});
            a.duration_minutes = static_cast<int>(GetInt(r, 4));
            a.place.office_id = GetOptionalInt(r, 5);
            a.place.office_name = GetOptionalText(r, 6).value_or("");
            a.place.room_name = GetOptionalText(r, 7).value_or("");
            a.place.location = GetOptionalText(r, 8);
            a.status = GetText(r, 9);
            a.version = static_cast<int>(GetInt(r, 10));
            a.booked_at = ParseUtc(GetText(r, 11)).value_or(UtcTime{});
            a.staff_id = staff_id;
            item.crn = GetText(r, 12);
            item.first_name = GetText(r, 13);
            item.last_name = GetText(r, 14);
            item.changed_at = a.booked_at;
            for (size_t column : {size_t{15}, size_t{16}})
              if (auto at = GetOptionalText(r, column))
                item.changed_at = std::max(item.changed_at, ParseUtc(*at).value_or(UtcTime{}));
            out.push_back(std::move(item));
          });
  return out;
}

}  // namespace probity::feeds

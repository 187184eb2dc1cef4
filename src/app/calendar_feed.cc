#include "app/calendar_feed.h"

#include <nlohmann/json.hpp>

#include "access/secret.h"
#include "feeds/ical.h"
#include "feeds/store.h"
#include "store/event_log.h"

namespace probity::app {

// FROZEN event kinds and payload fields (they are in the hash chain). The subject is
// "staff:<username>" of the feed's owner; the secret and its hash are never in an event.
//   calendar_feed.issued  {feed_id, replaced (a live feed was revoked to make way)}
//   calendar_feed.revoked {feed_id}

namespace {
using nlohmann::json;

// NewSecret's shape: 43 characters of URL-safe base64.
bool LooksLikeSecret(std::string_view secret) {
  if (secret.size() != 43) return false;
  for (char c : secret)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
          c == '_'))
      return false;
  return true;
}

Error NoFeed() { return Error::NotFound("not_found", "there is no such calendar feed"); }

std::string SubjectOf(const access::Principal& who) { return "staff:" + who.username; }

// Revokes the live feed `feed_id` of `who` and records it, in the caller's transaction.
void RevokeLive(store::Transaction& tx, const access::Principal& who, int64_t feed_id,
                UtcTime now) {
  feeds::RevokeLiveFeed(tx, who.staff_id, who.ActorId(), now);
  store::AppendEvent(tx, {who.ActorId(), std::nullopt},
                     {SubjectOf(who), "calendar_feed.revoked", json{{"feed_id", feed_id}}}, now);
}
}  // namespace

IssuedFeed IssueCalendarFeed(store::Db& db, const access::Principal& who, UtcTime now) {
  IssuedFeed out;
  out.secret = access::NewSecret();
  auto tx = db.BeginWrite();
  const auto live = feeds::FindLiveFeed(tx, who.staff_id);
  if (live) RevokeLive(tx, who, live->id, now);
  out.replaced = live.has_value();
  out.record.staff_id = who.staff_id;
  out.record.created_by = who.ActorId();
  out.record.created_at = now;
  out.record.id =
      feeds::InsertFeed(tx, who.staff_id, access::HashSecret(out.secret), who.ActorId(), now);
  store::AppendEvent(tx, {who.ActorId(), std::nullopt},
                     {SubjectOf(who), "calendar_feed.issued",
                      json{{"feed_id", out.record.id}, {"replaced", out.replaced}}},
                     now);
  tx.Commit();
  return out;
}

Status RevokeCalendarFeed(store::Db& db, const access::Principal& who, UtcTime now) {
  auto tx = db.BeginWrite();
  const auto live = feeds::FindLiveFeed(tx, who.staff_id);
  if (!live) return Error::NotFound("no_feed", "you have no calendar feed to revoke");
  RevokeLive(tx, who, live->id, now);
  tx.Commit();
  return Ok();
}

std::optional<feeds::FeedRecord> FindCalendarFeed(store::Db& db, const access::Principal& who) {
  auto tx = db.BeginRead();
  return feeds::FindLiveFeed(tx, who.staff_id);
}

Result<std::string> RenderCalendarFeed(store::Db& db, std::string_view secret, UtcTime now) {
  if (!LooksLikeSecret(secret)) return NoFeed();
  const std::string hash = access::HashSecret(secret);
  auto tx = db.BeginRead();
  const auto feed = feeds::FindLiveFeedByHash(tx, hash);
  // The lookup is by a hash of 256 random bits, which tells an attacker nothing; the final
  // comparison is in constant time all the same.
  if (!feed || !access::SecretsEqual(feed->secret_hash, hash)) return NoFeed();
  const auto items =
      feeds::LoadFeedItems(tx, feed->record.staff_id, now - std::chrono::days{kFeedDaysBack},
                           now + std::chrono::days{kFeedDaysAhead});
  return feeds::RenderFeed(items);
}

}  // namespace probity::app

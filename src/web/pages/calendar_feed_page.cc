#include "web/pages/calendar_feed_page.h"

#include "app/calendar_feed.h"
#include "core/uk_time.h"
#include "web/feed_routes.h"

namespace probity::web::pages {

namespace {

using access::Principal;
using nlohmann::json;

constexpr const char* kUrl = "/account/calendar-feed";

Response FeedPage(const Site& site, const Principal& who, json data) {
  const auto feed = app::FindCalendarFeed(site.auth.db(), who);
  data["live"] = feed.has_value();
  if (feed) data["issued_at"] = LongDateTime(feed->created_at);
  data["csrf_token"] = CsrfOf(who);
  data["days_back"] = app::kFeedDaysBack;
  return Page(site, &who, 200, "Calendar feed", "calendar_feed", std::move(data));
}

Result<Response> Show(const Site& site, const Request& request, const Principal& who) {
  json data = json::object();
  if (request.Query("done") == "revoked")
    data["banner"] = "Your calendar feed is revoked. Its address no longer works.";
  return FeedPage(site, who, std::move(data));
}

Result<Response> Issue(const Site& site, const Request& request, const Principal& who) {
  const auto issued = app::IssueCalendarFeed(site.auth.db(), who, site.auth.clock().Now());
  const std::string url = AbsoluteUrl(request, site.auth, FeedPath(issued.secret));
  json data = {{"new_url", url}, {"replaced", issued.replaced}};
  const auto scheme_end = url.find("://");
  if (scheme_end != std::string::npos) data["webcal_url"] = "webcal" + url.substr(scheme_end);
  return FeedPage(site, who, std::move(data));
}

Result<Response> Revoke(const Site& site, const Request&, const Principal& who) {
  auto revoked = app::RevokeCalendarFeed(site.auth.db(), who, site.auth.clock().Now());
  if (!revoked && revoked.error().kind != ErrorKind::kNotFound) return revoked.error();
  return SeeOther(std::string(kUrl) + "?done=revoked");
}

}  // namespace

void AddCalendarFeedPage(Router& router, const Site& site) {
  static constexpr PageRoute kPages[] = {
      {"GET", kUrl, Show,
       "Your calendar feed: whether it is live, with the forms to create or "
       "revoke its address"},
      {"POST", kUrl, Issue,
       "Create a new calendar feed address (shown once), revoking any earlier"},
      {"POST", "/account/calendar-feed/revoke", Revoke, "Revoke your calendar feed address"},
  };
  AddSignedInPages(router, site, kPages);
}

}  // namespace probity::web::pages

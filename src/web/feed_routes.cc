#include "web/feed_routes.h"

#include <sodium.h>

#include "app/calendar_feed.h"

namespace probity::web {

namespace {
using nlohmann::json;

constexpr std::string_view kIcs = ".ics";

json FeedStatusJson(const std::optional<feeds::FeedRecord>& feed) {
  if (!feed) return {{"live", false}, {"issued_at", nullptr}};
  return {{"live", true}, {"issued_at", FormatUtc(feed->created_at)}};
}

Result<Response> ServeFeed(const Auth& auth, const Request& request) {
  const std::string_view file = request.Param("file");
  if (!file.ends_with(kIcs)) return Error::NotFound("not_found", "there is no such calendar feed");
  auto body = app::RenderCalendarFeed(auth.db(), file.substr(0, file.size() - kIcs.size()),
                                      auth.clock().Now());
  if (!body) return body.error();
  const std::string etag = StrongEtag(*body);
  Response response;
  if (const auto none_match = request.Header("If-None-Match");
      none_match && NoneMatchMatches(*none_match, etag)) {
    response.status = 304;
  } else {
    response = Response::Text(200, std::move(*body), "text/calendar; charset=utf-8");
    response.SetHeader("Content-Disposition", "inline; filename=\"probity.ics\"");
  }
  response.SetHeader("ETag", etag);
  response.SetHeader("Cache-Control", "private, max-age=300");
  response.SetHeader("X-Robots-Tag", "noindex, nofollow");
  return response;
}
}  // namespace

std::string FeedPath(std::string_view secret) {
  return std::string(kFeedPathPrefix) + std::string(secret) + std::string(kIcs);
}

std::string AbsoluteUrl(const Request& request, const Auth& auth, std::string_view path) {
  const std::string host(request.Header("Host").value_or("localhost"));
  return (auth.options().secure_cookies ? "https://" : "http://") + host + std::string(path);
}

std::string StrongEtag(std::string_view body) {
  unsigned char digest[16];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(body.data()),
                     body.size(), nullptr, 0);
  char hex[sizeof digest * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return "\"" + std::string(hex) + "\"";
}

bool NoneMatchMatches(std::string_view if_none_match, std::string_view etag) {
  size_t at = 0;
  while (at < if_none_match.size()) {
    size_t comma = if_none_match.find(',', at);
    if (comma == std::string_view::npos) comma = if_none_match.size();
    std::string_view tag = if_none_match.substr(at, comma - at);
    while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t')) tag.remove_prefix(1);
    while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t')) tag.remove_suffix(1);
    if (tag == "*") return true;
    if (tag.starts_with("W/")) tag.remove_prefix(2);  // If-None-Match compares weakly
    if (!tag.empty() && tag == etag) return true;
    at = comma + 1;
  }
  return false;
}

void AddFeedRoutes(Router& router, const Auth& auth) {
  router.Add("GET", std::string(kFeedPathPrefix) + "{file}",
             [&auth](const Request& request) { return ServeFeed(auth, request); },
             {"A practitioner's private calendar feed (iCalendar); the secret in the URL is its "
              "authentication"});

  router.Add("GET", "/api/v1/me/calendar-feed",
             auth.Guard([&auth](const Request&, const access::Principal& who) -> Result<Response> {
               return Response::Json(200, FeedStatusJson(app::FindCalendarFeed(auth.db(), who)));
             }),
             {"Whether you have a live calendar feed, and since when (never its secret)"});

  router.Add(
      "POST", "/api/v1/me/calendar-feed",
      auth.Guard([&auth](const Request& request, const access::Principal& who) -> Result<Response> {
        if (!request.body.empty()) {
          auto body = ParseJsonBody(request, std::span<const char* const>{});
          if (!body) return body.error();
        }
        const auto issued = app::IssueCalendarFeed(auth.db(), who, auth.clock().Now());
        const std::string path = FeedPath(issued.secret);
        return Response::Json(201, {{"url", AbsoluteUrl(request, auth, path)},
                                    {"path", path},
                                    {"issued_at", FormatUtc(issued.record.created_at)},
                                    {"replaced", issued.replaced}});
      }),
      {"Issue a new calendar feed URL for yourself (shown once), revoking any earlier one"});

  router.Add("DELETE", "/api/v1/me/calendar-feed",
             auth.Guard([&auth](const Request&, const access::Principal& who) -> Result<Response> {
               auto revoked = app::RevokeCalendarFeed(auth.db(), who, auth.clock().Now());
               if (!revoked) return revoked.error();
               return Response::Json(200, FeedStatusJson(std::nullopt));
             }),
             {"Revoke your calendar feed: its URL stops working at once"});
}

}  // namespace probity::web

// Practitioners' private calendar feeds over HTTP (app/calendar_feed.h, docs/calendar-feeds.md).
//
// GET /calendar/feeds/{secret}.ics is the one route that needs no session or token: the secret in
// the URL is its authentication (PublicRoutes lists it). It answers text/calendar with a strong
// ETag over the body, Cache-Control "private, max-age=300" and 304 to a matching If-None-Match;
// 404 for a secret that is unknown, revoked or malformed alike. The server logs its path with the
// secret blanked out.
//
// The signed-in person's own feed: GET /api/v1/me/calendar-feed (whether one is live and since
// when; never the secret), POST (issue or replace: the URL, shown this once) and DELETE (revoke,
// at once). Writes by cookie need the CSRF token, as every write does.
#pragma once

#include <string>
#include <string_view>

#include "web/auth.h"
#include "web/http.h"
#include "web/router.h"

namespace probity::web {

inline constexpr std::string_view kFeedPathPrefix = "/calendar/feeds/";

// "/calendar/feeds/<secret>.ics".
std::string FeedPath(std::string_view secret);

// The absolute URL of `path` on the host the request was sent to ("https://" when the server's
// cookies are Secure, which means it is reached over TLS).
std::string AbsoluteUrl(const Request& request, const Auth& auth, std::string_view path);

// The strong ETag of a body: a quoted BLAKE2b-128 digest in hex.
std::string StrongEtag(std::string_view body);

// True when If-None-Match (any of its entity tags, weak or strong, or "*") matches `etag`.
bool NoneMatchMatches(std::string_view if_none_match, std::string_view etag);

void AddFeedRoutes(Router& router, const Auth& auth);

}  // namespace probity::web
